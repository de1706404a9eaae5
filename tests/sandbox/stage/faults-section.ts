// The fault switches of the control API on the stage: Admin API requests that fail (503) or never
// answer, and webhooks delivered twice or held and then delivered in reverse order.
import type { ShopState } from "../store";
import type { StageDeps } from "./deps";
import { html } from "./html";
import type { Outcome } from "./outcome";
import { when } from "./words";

const RECENT = 10;

export function faultsSection(deps: StageDeps, shop: ShopState) {
  const action = `/sandbox/home/faults?shop=${encodeURIComponent(shop.domain)}`;
  const { faults, webhooks } = deps;
  const recent = webhooks.log.slice(-RECENT).reverse();
  return html`<section aria-labelledby="faults-title">
    <h2 id="faults-title">Faults</h2>
    <form method="post" action="${action}">
      <input type="hidden" name="do" value="apply" />
      <p>
        <label for="server-errors">Next Admin API requests that answer 503 Service Unavailable</label>
        <input
          id="server-errors"
          name="serverErrors"
          type="number"
          min="0"
          max="100"
          value="${faults.serverErrors}"
          size="3"
        />
      </p>
      <p>
        <label for="timeouts">Next Admin API requests that never answer (the app's timeout fires)</label>
        <input
          id="timeouts"
          name="timeouts"
          type="number"
          min="0"
          max="100"
          value="${faults.timeouts}"
          size="3"
        />
      </p>
      <p>
        <input
          id="duplicate"
          name="duplicate"
          type="checkbox"
          ${webhooks.options.duplicate ? html`checked` : ""}
        />
        <label for="duplicate">Deliver every webhook twice (same event id, as Shopify may)</label>
      </p>
      <p>
        <input
          id="out-of-order"
          name="outOfOrder"
          type="checkbox"
          ${webhooks.options.outOfOrder ? html`checked` : ""}
        />
        <label for="out-of-order">Hold webhooks, then deliver them newest first</label>
      </p>
      <button type="submit">Apply fault switches</button>
    </form>
    <form method="post" action="${action}">
      <input type="hidden" name="do" value="flush" />
      <p>
        ${webhooks.pending} webhook deliveries under way or held.
        <button type="submit">Deliver held webhooks now</button>
      </p>
    </form>
    <h3>Latest webhook deliveries</h3>
    ${
      recent.length
        ? html`<table>
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col">Attempt</th>
                <th scope="col">Answer</th>
                <th scope="col">When (real time)</th>
              </tr>
            </thead>
            <tbody>
              ${recent.map(
                (d) =>
                  html`<tr>
                    <td>${d.topic}</td>
                    <td>${d.attempt}</td>
                    <td>${d.status}</td>
                    <td>${when(new Date(d.at), shop.ianaTimezone)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>None yet.</p>`
    }
  </section>`;
}

export function applyFaults(deps: StageDeps, form: URLSearchParams): Outcome {
  if (form.get("do") === "flush") {
    const held = deps.webhooks.pending;
    deps.webhooks.flushHeld();
    return {
      title: "Held webhooks delivered",
      said: [`${held} deliveries were under way or held; the held ones now go, newest first.`],
      links: [],
    };
  }
  const count = (name: string) => Number(form.get(name) ?? 0);
  const serverErrors = count("serverErrors");
  const timeouts = count("timeouts");
  if (![serverErrors, timeouts].every((n) => Number.isInteger(n) && n >= 0 && n <= 100)) {
    return {
      title: "The fault switches did not change",
      refused: true,
      said: ["Each count must be a whole number from 0 to 100."],
      links: [],
    };
  }
  Object.assign(deps.faults, { serverErrors, timeouts });
  deps.webhooks.options.duplicate = form.has("duplicate");
  deps.webhooks.options.outOfOrder = form.has("outOfOrder");
  // Switched off: what was held goes now rather than waiting for a button nobody will press.
  if (!deps.webhooks.options.outOfOrder) deps.webhooks.flushHeld();
  return {
    title: "Fault switches set",
    said: [
      `The next ${serverErrors} Admin API requests answer 503; the next ${timeouts} never answer.`,
      `Webhooks: ${deps.webhooks.options.duplicate ? "each delivered twice" : "each delivered once"}, ${deps.webhooks.options.outOfOrder ? "held until you deliver them, then newest first" : "in order"}.`,
    ],
    links: [],
  };
}
