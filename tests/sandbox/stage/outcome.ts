// What a stage button changed, shown on the page it leads back to (post, then redirect, so a
// reload never plays the scenario twice): what happened, the webhooks Shopify sent the app, and
// where to look in the app.
import { randomUUID } from "node:crypto";
import type { SandboxStore } from "../store";
import { html } from "./html";

export type Outcome = {
  title: string;
  refused?: boolean;
  said: string[];
  links: { text: string; href: string }[];
  topics?: string[];
};

const kept = new Map<string, Outcome>();

export function keep(outcome: Outcome) {
  const id = randomUUID();
  kept.set(id, outcome);
  // A person's recent clicks, not a history: the oldest go.
  for (const key of [...kept.keys()].slice(0, Math.max(0, kept.size - 50))) kept.delete(key);
  return id;
}

export const recall = (id: string | null) => (id ? kept.get(id) : undefined);

/** Runs `change` and names the webhook topics the store announced meanwhile. */
export function withTopics<T>(store: SandboxStore, change: () => T): { result: T; topics: string[] } {
  const topics: string[] = [];
  const listener = ({ topic }: { topic: string }) => topics.push(topic);
  store.on("event", listener);
  try {
    return { result: change(), topics };
  } finally {
    store.off("event", listener);
  }
}

export function outcomeSection(outcome: Outcome | undefined) {
  if (!outcome) return html``;
  const topics = [...new Set(outcome.topics ?? [])];
  return html`<section
    id="outcome"
    class="outcome${outcome.refused ? " refused" : ""}"
    role="status"
    aria-labelledby="outcome-title"
  >
    <h2 id="outcome-title">${outcome.title}</h2>
    ${outcome.said.map((line) => html`<p>${line}</p>`)}
    ${topics.length ? html`<p>Shopify sent the app: ${topics.join(", ")}.</p>` : ""}
    ${
      outcome.links.length
        ? html`<ul>
            ${outcome.links.map((l) => html`<li><a href="${l.href}">${l.text}</a></li>`)}
          </ul>`
        : ""
    }
  </section>`;
}
