// Shopify signs a webhook's body only: the topic, the shop and the event id in its headers are
// claims. Each case here is an attack that worked against the app: a captured, validly signed
// body delivered with other headers, or to another route, or again under a new event id.
import { describe, expect, it } from "vitest";
import { signWebhook } from "../helpers/app-server";
import { appSettled, DEMO_SHOP, installApp, runAppCli, setupSandboxWithApp } from "../helpers/sandbox";
import { until } from "../helpers/wait";

const ctx = setupSandboxWithApp();
let n = 0;

/** Posts `body`, signed with the app's secret, as an attacker who captured it would. */
async function deliver(route: string, body: string, headers: { topic?: string; shop?: string } = {}) {
  n++;
  const res = await fetch(`${ctx.app.url}/webhooks/${route}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": headers.topic ?? route,
      "X-Shopify-Shop-Domain": headers.shop ?? DEMO_SHOP,
      "X-Shopify-API-Version": "2026-07",
      "X-Shopify-Webhook-Id": `forged-webhook-${n}-${Date.now()}`,
      "X-Shopify-Event-Id": `forged-event-${n}-${Date.now()}`,
      "X-Shopify-Triggered-At": new Date().toISOString(),
      "X-Shopify-Hmac-Sha256": signWebhook(body),
    },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

/** The installed demo shop with one order the app has applied; its captured orders/create body. */
async function installedShopWithOrder() {
  await installApp(ctx);
  const shop = ctx.sandbox.store.shop(DEMO_SHOP);
  const customer = shop.customers.find((c) => c.email === "emma.clarke@example.co.uk")!;
  const order = ctx.sandbox.store.createOrder(DEMO_SHOP, {
    customerId: customer.id,
    lines: [{ variantId: shop.variants[6].id, quantity: 1 }],
  });
  await appSettled(ctx);
  const orderId = `gid://shopify/Order/${order.id}`;
  const captured = await ctx.db.prisma.webhookEvent.findFirstOrThrow({
    where: { shop: DEMO_SHOP, topic: "orders/create", resourceId: orderId },
  });
  return { orderId, email: customer.email, body: captured.payload };
}

/** Everything the app holds for the demo shop, to compare before and after an attack. */
async function holdings() {
  const where = { shop: DEMO_SHOP };
  const p = ctx.db.prisma;
  return {
    shop: await p.shop.findUnique({
      where: { domain: DEMO_SHOP },
      select: { active: true, uninstalledAt: true },
    }),
    sessions: await p.session.count({ where }),
    orders: await p.orderSnapshot.findMany({
      where,
      orderBy: { orderId: "asc" },
      select: { orderId: true, email: true, data: true, shopifyUpdatedAt: true },
    }),
    fulfillments: await p.fulfillmentSnapshot.count({ where }),
    incidents: await p.incident.findMany({
      where,
      orderBy: { id: "asc" },
      select: { id: true, status: true, customerEmail: true },
    }),
    compliance: await p.complianceRequest.count({ where }),
    settings: await p.shopSettings.count({ where }),
  };
}

/** The demo shop's inbox rows of `topic` received since `since` (the app's database outlives each test's store). */
const eventsOf = (topic: string, since: Date) =>
  ctx.db.prisma.webhookEvent.findMany({
    where: { shop: DEMO_SHOP, topic, receivedAt: { gte: since } },
    orderBy: { receivedAt: "asc" },
  });

describe("a captured webhook with other headers", () => {
  it("refuses a body whose X-Shopify-Topic is not its route's (400, logged, not recorded): shop/redact on the orders route erases nothing", async () => {
    const { body } = await installedShopWithOrder();
    const before = await holdings();
    const inbox = await ctx.db.prisma.webhookEvent.count();

    expect(await deliver("orders/create", body, { topic: "shop/redact" })).toBe(400);
    await appSettled(ctx);

    expect(await ctx.db.prisma.webhookEvent.count()).toBe(inbox);
    expect(await holdings()).toEqual(before);
    expect(ctx.app.output()).toContain('"event":"webhook_topic_mismatch"');
  });

  it("refuses a compliance request whose body names another shop than the header's", async () => {
    const { email } = await installedShopWithOrder();
    const customer = ctx.sandbox.store.shop(DEMO_SHOP).customers.find((c) => c.email === email)!;
    const before = await holdings();
    const since = new Date();
    const body = JSON.stringify({
      shop_id: 1,
      shop_domain: "another-shop.myshopify.com",
      customer: { id: customer.id, email, phone: null },
      orders_to_redact: [],
    });

    expect(await deliver("customers/redact", body)).toBe(200);
    const [event] = await until(
      "the request to be judged",
      () => eventsOf("customers/redact", since),
      (e) => e.length === 1 && e[0].status !== "pending",
    );
    expect(event).toMatchObject({
      status: "refused",
      lastError: expect.stringContaining("another-shop.myshopify.com"),
    });
    expect(await holdings()).toEqual(before);
  });
});

describe("destructive topics are confirmed with Shopify first", () => {
  it("keeps everything when app/uninstalled comes for a shop whose token still works (a forged or replayed uninstall)", async () => {
    await installedShopWithOrder();
    const before = await holdings();
    expect(before.sessions).toBeGreaterThan(0);
    const since = new Date();
    const body = JSON.stringify({
      id: ctx.sandbox.store.shop(DEMO_SHOP).id,
      myshopify_domain: DEMO_SHOP,
      domain: DEMO_SHOP,
      name: "Farmacia Demo",
    });

    expect(await deliver("app/uninstalled", body)).toBe(200);
    // Nothing is deleted in the request either: the sessions are there as soon as it is answered.
    expect(await ctx.db.prisma.session.count({ where: { shop: DEMO_SHOP } })).toBe(before.sessions);
    const [event] = await until(
      "the uninstall to be judged",
      () => eventsOf("app/uninstalled", since),
      (e) => e.length === 1 && e[0].status !== "pending",
    );
    expect(event).toMatchObject({ status: "refused", lastError: expect.stringContaining("still works") });
    expect(await holdings()).toEqual(before);
  });

  it("keeps shop/redact for a shop that is installed, refused with its reason and listed by the CLI", async () => {
    await installedShopWithOrder();
    const before = await holdings();
    const since = new Date();

    await fetch(`${ctx.sandbox.url}/sandbox/compliance/shop-redact?shop=${DEMO_SHOP}`, { method: "POST" });
    await ctx.sandbox.webhooks.idle();
    const [event] = await until(
      "shop/redact to be judged",
      () => eventsOf("shop/redact", since),
      (e) => e.length === 1 && e[0].status !== "pending",
    );
    expect(event).toMatchObject({ status: "refused", lastError: expect.stringContaining("not uninstalled") });
    expect(await holdings()).toEqual(before);

    const listed = await runAppCli(ctx, ["webhooks", "list", "--status", "refused"]);
    expect(listed).toContain(event.id);
    expect(listed).toContain("shop/redact");
    expect(listed).toContain("not uninstalled");
  });

  it("applies a real uninstall (Shopify revoked the token), then refuses a shop/redact with another shop's id and applies Shopify's own", async () => {
    await installedShopWithOrder();
    const since = new Date();
    await fetch(`${ctx.sandbox.url}/sandbox/uninstall?shop=${DEMO_SHOP}`, { method: "POST" });
    await appSettled(ctx);
    expect(await ctx.db.prisma.shop.findUnique({ where: { domain: DEMO_SHOP } })).toMatchObject({
      active: false,
    });
    expect(await ctx.db.prisma.session.count({ where: { shop: DEMO_SHOP } })).toBe(0);
    const [uninstall] = await eventsOf("app/uninstalled", since);
    expect(uninstall.status).toBe("processed");

    const realId = ctx.sandbox.store.shop(DEMO_SHOP).id;
    expect(
      await deliver("shop/redact", JSON.stringify({ shop_id: realId + 1000, shop_domain: DEMO_SHOP })),
    ).toBe(200);
    const [forged] = await until(
      "the forged shop/redact to be judged",
      () => eventsOf("shop/redact", since),
      (e) => e.length === 1 && e[0].status !== "pending",
    );
    expect(forged).toMatchObject({
      status: "refused",
      lastError: expect.stringContaining(String(realId + 1000)),
    });
    expect(await ctx.db.prisma.orderSnapshot.count({ where: { shop: DEMO_SHOP } })).toBeGreaterThan(0);

    await fetch(`${ctx.sandbox.url}/sandbox/compliance/shop-redact?shop=${DEMO_SHOP}`, { method: "POST" });
    await ctx.sandbox.webhooks.idle();
    await until(
      "Shopify's shop/redact to erase the shop",
      () => ctx.db.prisma.orderSnapshot.count({ where: { shop: DEMO_SHOP } }),
      (c) => c === 0,
    );
    expect(await ctx.db.prisma.shop.count({ where: { domain: DEMO_SHOP } })).toBe(0);
  });
});

describe("a captured order body replayed under a new event id", () => {
  it("changes nothing when posted to another route with that route's topic", async () => {
    const { body } = await installedShopWithOrder();
    const before = await holdings();
    const since = new Date();

    const routes = [
      "orders/cancelled",
      "orders/edited",
      "fulfillments/create",
      "fulfillments/update",
      "fulfillment_events/create",
      "fulfillment_orders/placed_on_hold",
      "inventory_levels/update",
      "customers/data_request",
      "customers/redact",
      "app/uninstalled",
      "shop/redact",
    ];
    for (const route of routes)
      expect({ route, status: await deliver(route, body) }).toEqual({ route, status: 200 });
    await appSettled(ctx);

    expect(await holdings()).toEqual(before);
    // orders/cancelled applies the order's own state again (same updated_at: nothing moves); every
    // other route finds no body of its kind, or a check that refuses it.
    const events = await ctx.db.prisma.webhookEvent.findMany({
      where: { shop: DEMO_SHOP, topic: { in: routes }, receivedAt: { gte: since } },
    });
    expect(events.filter((e) => e.status === "processed").map((e) => e.topic)).toEqual(["orders/cancelled"]);
    expect(
      events
        .filter((e) =>
          ["app/uninstalled", "shop/redact", "customers/redact", "customers/data_request"].includes(e.topic),
        )
        .map((e) => e.status),
    ).toEqual(["refused", "refused", "refused", "refused"]);
  });

  it("changes nothing when an older state of the order is replayed under orders/updated", async () => {
    const { body, orderId } = await installedShopWithOrder();
    const shop = ctx.sandbox.store.shop(DEMO_SHOP);
    const order = shop.orders.find((o) => `gid://shopify/Order/${o.id}` === orderId)!;
    ctx.sandbox.clock.advance(60_000);
    ctx.sandbox.store.addTags(DEMO_SHOP, order, ["checked"]);
    await appSettled(ctx);
    const before = await holdings();

    expect(await deliver("orders/updated", body)).toBe(200);
    expect(await deliver("orders/create", body)).toBe(200);
    await appSettled(ctx);
    expect(await holdings()).toEqual(before);
  });

  it("does not bring an erased customer back when their order's captured body is replayed after customers/redact", async () => {
    const { body, orderId, email } = await installedShopWithOrder();
    const res = await fetch(
      `${ctx.sandbox.url}/sandbox/compliance/customers-redact?shop=${DEMO_SHOP}&email=${encodeURIComponent(email)}`,
      { method: "POST" },
    );
    expect(res.status).toBe(200);
    await appSettled(ctx);
    const erased = await until(
      "the customer erased",
      () => ctx.db.prisma.orderSnapshot.findFirstOrThrow({ where: { shop: DEMO_SHOP, orderId } }),
      (o) => o.email === null,
    );
    expect(erased.data).not.toContain(email);

    // The body as it was captured before the erasure, under both order topics.
    expect(await deliver("orders/updated", body)).toBe(200);
    expect(await deliver("orders/create", body)).toBe(200);
    await appSettled(ctx);
    const after = await ctx.db.prisma.orderSnapshot.findFirstOrThrow({ where: { shop: DEMO_SHOP, orderId } });
    expect(after.email).toBeNull();
    expect(after.data).not.toContain(email);
  });
});
