// A form per scenario: its parameters as fields and one button that plays it.
import { ScenarioError, scenarios } from "../scenarios";
import type { ShopState } from "../store";
import { CheckoutRefused } from "../store-discounts";
import type { StageDeps } from "./deps";
import { html } from "./html";
import { orderIncidents } from "./links";
import { withTopics, type Outcome } from "./outcome";
import { fieldOptions, scenarioForms, type Field } from "./scenario-forms";

function field(shop: ShopState, scenario: string, f: Field) {
  const id = `${scenario}-${f.name}`;
  if (f.kind === "customer" || f.kind === "product") {
    return html`<label for="${id}">${f.label}</label>
      <select id="${id}" name="${f.name}">
        ${fieldOptions(shop, f.kind).map((o) => html`<option value="${o.value}">${o.text}</option>`)}
      </select> `;
  }
  if (f.kind === "number")
    return html`<label for="${id}">${f.label}</label>
      <input id="${id}" name="${f.name}" type="number" min="${f.min}" value="${f.value}" size="4" /> `;
  if (f.kind !== "text") return html``;
  return html`<label for="${id}">${f.label}</label>
    <input
      id="${id}"
      name="${f.name}"
      type="text"
      ${f.required ? html`required` : ""}
      ${f.hint ? html`aria-describedby="${id}-hint"` : ""}
    />
    ${f.hint ? html`<span id="${id}-hint" class="hint">${f.hint}</span>` : ""} `;
}

export function scenariosSection(shop: ShopState) {
  return html`<section aria-labelledby="scenarios-title">
    <h2 id="scenarios-title">Scenarios</h2>
    <p class="hint">
      Each plays a case of SCENARIOS.md on the store; the app hears of it through Shopify's webhooks.
    </p>
    ${scenarioForms().map(
      (s) =>
        html`<form
          method="post"
          action="/sandbox/home/scenario?shop=${encodeURIComponent(shop.domain)}"
          aria-labelledby="scenario-${s.name}"
        >
          <h3 id="scenario-${s.name}">${s.name}</h3>
          <p class="hint">${s.says}</p>
          <input
            type="hidden"
            name="scenario"
            value="${s.name}"
          />${s.fields.map((f) => field(shop, s.name, f))} <button type="submit">Play ${s.name}</button>
        </form>`,
    )}
  </section>`;
}

export function playScenario(deps: StageDeps, shop: string, form: URLSearchParams): Outcome {
  const name = form.get("scenario") ?? "";
  const run = scenarios[name];
  if (!run)
    return {
      title: `No scenario '${name}'`,
      refused: true,
      said: [`Known: ${Object.keys(scenarios).join(", ")}.`],
      links: [],
    };
  const params = Object.fromEntries(
    [...form]
      .filter(([key, value]) => key !== "scenario" && value.trim() !== "")
      .map(([k, v]) => [k, v.trim()]),
  );
  try {
    const { result, topics } = withTopics(deps.store, () => run(deps.store, shop, params));
    return {
      title: `Played ${name}: order ${result.order.name}`,
      said: [`${result.order.name}: ${result.note}.`],
      topics,
      links: [
        {
          text: `The app's incidents for ${result.order.name}`,
          href: orderIncidents(shop, result.order.name),
        },
      ],
    };
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof CheckoutRefused)
      return { title: `${name} was not played`, refused: true, said: [error.message], links: [] };
    throw error;
  }
}
