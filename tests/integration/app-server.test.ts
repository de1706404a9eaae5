import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_UA, signWebhook, startApp, type RunningApp } from "../helpers/app-server";
import { createTestDatabase, providers, type TestDatabase } from "../helpers/database";
import { shopifySample } from "../helpers/shopify-samples";

const SHOP = "makegood-demo.myshopify.com";
// Shopify's published sample payload; the app must take it as Shopify sends it.
const ordersCreateBody = JSON.stringify(shopifySample("orders/create"));

function webhookHeaders(topic: string, body: string, ids: { webhookId: string; eventId: string }) {
  return {
    "Content-Type": "application/json",
    "X-Shopify-Topic": topic,
    "X-Shopify-Shop-Domain": SHOP,
    "X-Shopify-API-Version": "2026-07",
    "X-Shopify-Webhook-Id": ids.webhookId,
    "X-Shopify-Event-Id": ids.eventId,
    "X-Shopify-Triggered-At": "2026-11-23T09:00:00.000Z",
    "X-Shopify-Hmac-Sha256": signWebhook(body),
  };
}

describe.each(providers)("the built app on %s", (provider) => {
  let db: TestDatabase;
  let app: RunningApp;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
    app = await startApp(db.url);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it("answers the health check with the database state", async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "up", provider });
  });

  it("serves its icon (browsers ask for /favicon.ico; a missing one logged a routing error each time)", async () => {
    const res = await fetch(`${app.url}/favicon.ico`);
    expect(res.status).toBe(200);
    const icon = Buffer.from(await res.arrayBuffer());
    expect(icon.subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO header
  });

  it("serves the Polaris login page", async () => {
    const res = await fetch(`${app.url}/auth/login`, { headers: { "User-Agent": BROWSER_UA } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Shop domain");
    expect(html).toContain("Polaris");
  });

  it("sends a visitor without a Shopify session to the login page", async () => {
    const res = await fetch(`${app.url}/app`, { headers: { "User-Agent": BROWSER_UA }, redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/auth/login");
  });

  it("records a signed webhook once and answers 200 to every delivery of it", async () => {
    const ids = { webhookId: `wh-${provider}`, eventId: `ev-${provider}` };
    const send = () =>
      fetch(`${app.url}/webhooks/orders/create`, {
        method: "POST",
        headers: webhookHeaders("orders/create", ordersCreateBody, ids),
        body: ordersCreateBody,
      });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const rows = await db.prisma.webhookEvent.findMany({ where: { shop: SHOP, eventKey: ids.eventId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].topic).toBe("orders/create");
    expect(rows[0].payload).toBe(ordersCreateBody);
  });

  it("answers 401 to a webhook with a wrong signature and records nothing", async () => {
    const headers = webhookHeaders("orders/create", ordersCreateBody, {
      webhookId: "wh-bad",
      eventId: "ev-bad",
    });
    headers["X-Shopify-Hmac-Sha256"] = signWebhook(ordersCreateBody, "not-the-secret");
    const res = await fetch(`${app.url}/webhooks/orders/create`, {
      method: "POST",
      headers,
      body: ordersCreateBody,
    });
    expect(res.status).toBe(401);
    expect(await db.prisma.webhookEvent.count({ where: { eventKey: "ev-bad" } })).toBe(0);
  });

  it("answers 405 to a GET, 400 to missing headers and 400 to a signed body that is not JSON", async () => {
    expect((await fetch(`${app.url}/webhooks/orders/create`)).status).toBe(405);

    const missing = await fetch(`${app.url}/webhooks/orders/create`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Hmac-Sha256": signWebhook("{}") },
      body: "{}",
    });
    expect(missing.status).toBe(400);

    const garbled = "{not json";
    const res = await fetch(`${app.url}/webhooks/orders/create`, {
      method: "POST",
      headers: webhookHeaders("orders/create", garbled, { webhookId: "wh-garbled", eventId: "ev-garbled" }),
      body: garbled,
    });
    expect(res.status).toBe(400);
    expect(app.output()).toContain('"event":"webhook_malformed"');
    expect(app.output()).toContain('"webhookId":"wh-garbled"');
  });

  it("records app/uninstalled and deletes nothing in the request: Shopify confirms it first (tests/security)", async () => {
    await db.prisma.session.create({
      data: { id: `offline_${SHOP}`, shop: SHOP, state: "", accessToken: "shpat_x" },
    });
    const body = JSON.stringify({ id: 1, domain: SHOP, myshopify_domain: SHOP });
    const res = await fetch(`${app.url}/webhooks/app/uninstalled`, {
      method: "POST",
      headers: webhookHeaders("app/uninstalled", body, { webhookId: "wh-un", eventId: "ev-un" }),
      body,
    });
    expect(res.status).toBe(200);
    expect(await db.prisma.webhookEvent.count({ where: { shop: SHOP, topic: "app/uninstalled" } })).toBe(1);
    expect(await db.prisma.session.count({ where: { shop: SHOP } })).toBe(1);
  });
});
