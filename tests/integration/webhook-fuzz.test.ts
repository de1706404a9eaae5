// 1,000 random, defective webhook requests: only 400/401/405 come back, never a 5xx, and
// nothing is written.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signWebhook, startApp, type RunningApp } from "../helpers/app-server";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seededRandom } from "../helpers/lifecycle";

let db: TestDatabase;
let app: RunningApp;
beforeAll(async () => {
  db = await createTestDatabase("sqlite");
  app = await startApp(db.url);
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

const DEFECTS = [
  "method",
  "signature",
  "no-signature",
  "missing-header",
  "not-json",
  "truncated",
  "bytes",
] as const;

function request(n: number, rnd: () => number) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
  // Each defect with probability 0.3, and never none: every request here is broken somehow.
  const drawn = DEFECTS.filter(() => rnd() < 0.3);
  const defects = new Set(drawn.length ? drawn : [pick(DEFECTS)]);
  const topic = pick([
    "orders/create",
    "orders/updated",
    "app/uninstalled",
    "customers/redact",
    "inventory_levels/update",
  ]);
  const path = `/webhooks/${topic}`;
  let body = JSON.stringify({
    id: n,
    admin_graphql_api_id: `gid://shopify/Order/${n}`,
    note: "x".repeat(Math.floor(rnd() * 500)),
  });
  if (defects.has("not-json")) body = `not json ${n}`;
  if (defects.has("truncated")) body = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
  if (defects.has("bytes")) body = randomBytes(1 + Math.floor(rnd() * 256)).toString("latin1");
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-Shopify-Topic": topic,
    "X-Shopify-Shop-Domain": pick(["fuzz.myshopify.com", "other.myshopify.com", "not a domain", ""]),
    "X-Shopify-API-Version": "2026-07",
    "X-Shopify-Webhook-Id": `fuzz-${n}`,
    "X-Shopify-Event-Id": `fuzz-event-${n}`,
    "X-Shopify-Hmac-Sha256": defects.has("signature") ? signWebhook(body, "wrong-secret") : signWebhook(body),
  };
  if (defects.has("no-signature")) delete headers["X-Shopify-Hmac-Sha256"];
  if (defects.has("missing-header"))
    delete headers[
      pick(["X-Shopify-Topic", "X-Shopify-Shop-Domain", "X-Shopify-Webhook-Id", "X-Shopify-API-Version"])
    ];
  const method = defects.has("method") ? pick(["GET", "PUT", "DELETE", "PATCH"]) : "POST";
  return { path, method, headers, body: method === "GET" ? undefined : body, defects: [...defects] };
}

it("answers 1,000 defective requests with 400, 401 or 405 only, and records none", async () => {
  const rnd = seededRandom(42);
  const requests = Array.from({ length: 1000 }, (_, n) => request(n, rnd));
  const statuses: Record<number, number> = {};
  const unexpected: string[] = [];
  for (let i = 0; i < requests.length; i += 50) {
    await Promise.all(
      requests.slice(i, i + 50).map(async (r) => {
        const res = await fetch(`${app.url}${r.path}`, {
          method: r.method,
          headers: r.headers,
          body: r.body,
        });
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (![400, 401, 405].includes(res.status))
          unexpected.push(`${res.status} ${r.method} ${r.path} ${r.defects.join("+")}`);
      }),
    );
  }
  expect(unexpected).toEqual([]);
  expect(Object.keys(statuses).sort()).toEqual(["400", "401", "405"]);
  expect(await db.prisma.webhookEvent.count()).toBe(0);
  expect(app.output()).not.toMatch(/\b5\d\d\b - -/);
});
