// The app driven through the sandbox store, HTTP both ways: the merchant opens the app (session
// token → token exchange → Admin GraphQL), and the store's changes reach the app as signed
// webhooks the app verifies.
import { describe, expect, it } from "vitest";
import { BROWSER_UA, startApp } from "../helpers/app-server";
import { DEMO_SHOP, startSandbox, setupSandboxWithApp } from "../helpers/sandbox";
import { play } from "../helpers/scenario";

const ctx = setupSandboxWithApp();

async function openAsMerchant() {
  const open = await fetch(`${ctx.sandbox.url}/admin/open?shop=${DEMO_SHOP}`, { redirect: "manual" });
  expect(open.status).toBe(302);
  const appUrl = new URL(open.headers.get("location")!);
  // The sandbox knows the app by its configured URL; the test reaches the same server.
  return fetch(appUrl, { headers: { "User-Agent": BROWSER_UA } });
}

describe("the app against the sandbox store", () => {
  it("opens a deep link with its query, and only into the app", async () => {
    const location = async (path: string) => {
      const open = await fetch(
        `${ctx.sandbox.url}/admin/open?shop=${DEMO_SHOP}&path=${encodeURIComponent(path)}`,
        { redirect: "manual" },
      );
      return new URL(open.headers.get("location")!);
    };
    const deep = await location("/app/incidents?carriers=SEUR&opened=7");
    expect([
      deep.pathname,
      deep.searchParams.get("carriers"),
      deep.searchParams.get("opened"),
      deep.searchParams.get("shop"),
    ]).toEqual(["/app/incidents", "SEUR", "7", DEMO_SHOP]);
    expect(deep.searchParams.get("id_token")).toBeTruthy();
    expect((await location("https://elsewhere.example/app/incidents")).toString()).toMatch(
      new RegExp(`^${ctx.app.url.replace(/[.]/g, "\\.")}/app\\?`),
    );
    expect((await location("/auth/login")).pathname).toBe("/app");
  });

  it("installs through token exchange and shows the shop it reads from the Admin API", async () => {
    const res = await openAsMerchant();
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toMatch(/MakeGood is watching (<!-- -->)?Farmacia Demo/);
    expect(html).toContain(`${ctx.sandbox.url}/app-bridge.js`);
    const session = await ctx.db.prisma.session.findUnique({ where: { id: `offline_${DEMO_SHOP}` } });
    expect(session?.accessToken).toMatch(/^shpat_sandbox_/);
    expect(session?.refreshToken).toMatch(/^shprt_sandbox_/);
    expect(ctx.sandbox.auth.accepts(DEMO_SHOP, session!.accessToken)).toBe(true);
  });

  it("receives a new order as a signed orders/create webhook and records it once", async () => {
    const shop = ctx.sandbox.store.shop(DEMO_SHOP);
    const order = ctx.sandbox.store.createOrder(DEMO_SHOP, {
      customerId: shop.customers[0].id,
      lines: [{ variantId: shop.variants[3].id, quantity: 1 }],
    });
    await ctx.sandbox.webhooks.idle();
    const deliveries = ctx.sandbox.webhooks.log.filter((d) => d.topic === "orders/create");
    expect(deliveries.map((d) => d.status)).toEqual([200]);
    const recorded = await ctx.db.prisma.webhookEvent.findMany({
      where: { shop: DEMO_SHOP, topic: "orders/create" },
    });
    const mine = recorded.filter(
      (r) => JSON.parse(r.payload).admin_graphql_api_id === `gid://shopify/Order/${order.id}`,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0].eventKey).toBe(deliveries[0].eventId);
    expect(JSON.parse(mine[0].payload)).toMatchObject({
      name: order.name,
      line_items: [{ quantity: 1, sku: "FD-004" }],
    });
  });

  it("records a duplicated delivery once, and answers 200 to both", async () => {
    ctx.sandbox.webhooks.options.duplicate = true;
    const shop = ctx.sandbox.store.shop(DEMO_SHOP);
    ctx.sandbox.store.addTags(DEMO_SHOP, shop.orders[0], ["vip"]);
    await ctx.sandbox.webhooks.idle();
    const deliveries = ctx.sandbox.webhooks.log.filter((d) => d.topic === "orders/updated");
    expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
    expect(new Set(deliveries.map((d) => d.eventId)).size).toBe(1);
    expect(
      await ctx.db.prisma.webhookEvent.count({ where: { shop: DEMO_SHOP, eventKey: deliveries[0].eventId } }),
    ).toBe(1);
  });

  it("announces an inventory adjustment made through the Admin API", async () => {
    const shop = ctx.sandbox.store.shop(DEMO_SHOP);
    ctx.sandbox.store.changeQuantities(DEMO_SHOP, shop.inventoryItems[3].id, shop.locations[0].id, {
      available: -1,
      damaged: 1,
    });
    await ctx.sandbox.webhooks.idle();
    const recorded = await ctx.db.prisma.webhookEvent.findFirst({
      where: { shop: DEMO_SHOP, topic: "inventory_levels/update" },
      orderBy: { receivedAt: "desc" },
    });
    expect(JSON.parse(recorded!.payload)).toMatchObject({
      inventory_item_id: shop.inventoryItems[3].id,
      available: 0,
    });
  });
});

describe("the sandbox is not trusted outside sandbox mode", () => {
  it("signs with its own secret, so a production app rejects its webhooks and stores nothing", async () => {
    const sandbox = await startSandbox(ctx.app.url, "sandbox-only-secret");
    try {
      sandbox.webhooks.options.maxAttempts = 3;
      const { seedDemoShop } = await import("../sandbox/seed");
      seedDemoShop(sandbox.store);
      const shop = sandbox.store.shop(DEMO_SHOP);
      sandbox.store.addTags(DEMO_SHOP, shop.orders[1], ["forged"]);
      await sandbox.webhooks.idle();
      expect(sandbox.webhooks.log.map((d) => d.status)).toEqual([401, 401, 401]);
      const events = await ctx.db.prisma.webhookEvent.findMany({ where: { topic: "orders/updated" } });
      expect(events.filter((e) => e.payload.includes('"forged"'))).toHaveLength(0);
    } finally {
      await sandbox.close();
    }
  });

  it("a sandbox-issued session token opens nothing in an app that is not in sandbox mode", async () => {
    const production = await startApp(ctx.db.url, { env: { SHOPIFY_API_SECRET: "production-secret" } });
    try {
      const token = await ctx.sandbox.auth.sessionToken(DEMO_SHOP);
      const res = await fetch(`${production.url}/app?embedded=1&shop=${DEMO_SHOP}&id_token=${token}`, {
        headers: { "User-Agent": BROWSER_UA },
        redirect: "manual",
      });
      expect(res.status).not.toBe(200);
      expect(res.status).toBeLessThan(500);
    } finally {
      await production.stop();
    }
  });
});

describe("named scenarios", () => {
  // The endpoint's own answers, refusals included.
  const request = (name: string) =>
    fetch(`${ctx.sandbox.url}/sandbox/scenarios/${name}?shop=${DEMO_SHOP}`, { method: "POST" });

  it("expired-last-unit: the gift's last unit goes to damaged and the pack's order reaches the app", async () => {
    const res = await request("expired-last-unit");
    expect(res.status).toBe(200);
    const { order } = await res.json();
    await ctx.sandbox.webhooks.idle();
    const shop = ctx.sandbox.store.shop(DEMO_SHOP);
    const gift = shop.products.find((p) => p.title.startsWith("Thermal Spring Water"))!;
    const item = shop.inventoryItems.find(
      (i) => i.id === shop.variants.find((v) => v.productId === gift.id)!.inventoryItemId,
    )!;
    expect(item.levels.get(shop.locations[0].id)).toMatchObject({ available: -1, damaged: 1, committed: 1 });
    const recorded = await ctx.db.prisma.webhookEvent.findMany({
      where: { shop: DEMO_SHOP, topic: "orders/create" },
    });
    const payload = recorded
      .map((r) => JSON.parse(r.payload))
      .find((p) => p.admin_graphql_api_id === order.id);
    expect(payload.line_items.map((l: { title: string; price: string }) => [l.title, l.price])).toEqual([
      ["Summer Protection Pack (fluid + free spring water)", "31.90"],
      ["Thermal Spring Water 150 ml", "0.00"],
    ]);
    // Played twice, there is no unit left to expire: the scenario says so.
    const again = await request("expired-last-unit");
    expect(again.status).toBe(409);
    expect((await again.json()).error).toContain("no unit left");
  });

  it("names the known scenarios when asked for an unknown one", async () => {
    const res = await request("teleported-parcel");
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe(
      "unknown scenario 'teleported-parcel'; known: expired-last-unit, oversold, two-lines-short, new-order, late-shipment, stuck-in-transit, delivery-failed, wrong-item, cod-amount-mismatch, customer-redeems-code",
    );
  });
});

describe("fulfillment webhooks", () => {
  it("announces a hold, a shipment and a carrier event as Shopify does", async () => {
    const { holdFulfillmentOrder, createFulfillment, addFulfillmentEvent } =
      await import("../sandbox/store-fulfillment");
    const store = ctx.sandbox.store;
    const shop = store.shop(DEMO_SHOP);
    const fo = shop.fulfillmentOrders.filter((f) => f.status === "OPEN")[2];
    holdFulfillmentOrder(store, DEMO_SHOP, fo.id, {
      reason: "INVENTORY_OUT_OF_STOCK",
      reasonNotes: "expired",
      handle: "mg-1",
    });
    const { releaseFulfillmentHolds } = await import("../sandbox/store-fulfillment");
    releaseFulfillmentHolds(store, DEMO_SHOP, fo.id);
    const shipped = createFulfillment(store, DEMO_SHOP, fo.id, { company: "SEUR", number: "SE-77" });
    addFulfillmentEvent(store, DEMO_SHOP, shipped.ok!.id, {
      status: "FAILURE",
      message: "Dirección incorrecta",
    });
    await ctx.sandbox.webhooks.idle();

    const body = async (topic: string) => {
      const row = await ctx.db.prisma.webhookEvent.findFirst({
        where: { shop: DEMO_SHOP, topic },
        orderBy: { receivedAt: "desc" },
      });
      expect(row, topic).not.toBeNull();
      return JSON.parse(row!.payload);
    };
    expect(await body("fulfillment_orders/placed_on_hold")).toMatchObject({
      fulfillment_order: {
        id: `gid://shopify/FulfillmentOrder/${fo.id}`,
        status: "on_hold",
        fulfillment_holds: [{ reason: "inventory_out_of_stock", handle: "mg-1" }],
      },
      created_fulfillment_hold: { reason: "inventory_out_of_stock", reason_notes: "expired" },
    });
    expect(await body("fulfillments/create")).toMatchObject({
      admin_graphql_api_id: `gid://shopify/Fulfillment/${shipped.ok!.id}`,
      order_id: fo.orderId,
      status: "success",
      tracking_company: "SEUR",
      tracking_number: "SE-77",
      tracking_numbers: ["SE-77"],
    });
    expect(await body("fulfillment_events/create")).toMatchObject({
      fulfillment_id: shipped.ok!.id,
      order_id: fo.orderId,
      status: "failure",
      message: "Dirección incorrecta",
    });
    expect(await body("fulfillments/update")).toMatchObject({ shipment_status: "failure" });
    // hold_released is not a topic the app subscribes to: the sandbox sends it nowhere.
    expect(ctx.sandbox.webhooks.log.some((d) => d.topic === "fulfillment_orders/hold_released")).toBe(false);
  });
});

describe("every named scenario reaches the app as Shopify would announce it", () => {
  const delivered = async (name: string, params?: Record<string, string>) => {
    const order = await play(ctx.sandbox.url, name, params);
    await ctx.sandbox.webhooks.idle();
    return order;
  };
  const recorded = async (topic: string, orderGid: string) => {
    const rows = await ctx.db.prisma.webhookEvent.findMany({
      where: { shop: DEMO_SHOP, topic },
      orderBy: { receivedAt: "asc" },
    });
    const numericId = Number(orderGid.split("/").pop());
    return rows
      .map((r) => JSON.parse(r.payload))
      .filter((p) => p.admin_graphql_api_id === orderGid || p.order_id === numericId);
  };

  it.each([
    ["new-order", ["orders/create"]],
    ["late-shipment", ["orders/create"]],
    [
      "stuck-in-transit",
      ["orders/create", "fulfillments/create", "fulfillment_events/create", "fulfillments/update"],
    ],
    [
      "delivery-failed",
      ["orders/create", "fulfillments/create", "fulfillment_events/create", "fulfillments/update"],
    ],
    ["wrong-item", ["orders/create", "fulfillments/create", "fulfillment_events/create"]],
    ["cod-amount-mismatch", ["orders/create", "orders/updated"]],
  ])("%s", async (name, topics) => {
    const order = await delivered(name);
    for (const topic of topics) expect((await recorded(topic, order.id)).length, topic).toBeGreaterThan(0);
    if (name === "delivery-failed")
      expect((await recorded("fulfillment_events/create", order.id))[0].status).toBe("failure");
    if (name === "wrong-item")
      expect((await recorded("fulfillment_events/create", order.id))[0].status).toBe("delivered");
    if (name === "stuck-in-transit") {
      const [event] = await recorded("fulfillment_events/create", order.id);
      expect(new Date(event.estimated_delivery_at).getTime()).toBeLessThan(Date.now());
    }
    if (name === "cod-amount-mismatch") {
      const [created] = await recorded("orders/create", order.id);
      const [updated] = await recorded("orders/updated", order.id);
      expect(created.payment_gateway_names).toEqual(["Cash on Delivery (COD)"]);
      expect(Number(updated.total_outstanding) - Number(created.total_outstanding)).toBeCloseTo(20, 2);
    }
    if (name === "late-shipment") {
      const shop = ctx.sandbox.store.shop(DEMO_SHOP);
      const fo = shop.fulfillmentOrders.find((f) => `gid://shopify/Order/${f.orderId}` === order.id)!;
      expect(fo.fulfillBy!.getTime()).toBeLessThan(Date.now());
      expect(fo.status).toBe("OPEN");
    }
  });

  it("customer-redeems-code: needs the code, then the redemption arrives with orders/create", async () => {
    const missing = await fetch(
      `${ctx.sandbox.url}/sandbox/scenarios/customer-redeems-code?shop=${DEMO_SHOP}`,
      { method: "POST" },
    );
    expect(missing.status).toBe(409);
    expect((await missing.json()).error).toBe(
      "customer-redeems-code needs the code to redeem: ?code=<compensation code>",
    );
    const { createDiscountCode } = await import("../sandbox/store-discounts");
    const customer = ctx.sandbox.store.shop(DEMO_SHOP).customers[2];
    createDiscountCode(ctx.sandbox.store, DEMO_SHOP, {
      title: "Sorry",
      code: "MG-SORRY-77",
      value: { percentage: 0.1 },
      customerIds: [customer.id],
      usageLimit: 1,
      appliesOncePerCustomer: true,
      endsAt: null,
    });
    const order = await delivered("customer-redeems-code", { code: "MG-SORRY-77" });
    const [created] = await recorded("orders/create", order.id);
    expect(created.discount_codes).toEqual([{ code: "MG-SORRY-77", amount: "2.48", type: "percentage" }]);
    expect(created.customer.admin_graphql_api_id).toBe(`gid://shopify/Customer/${customer.id}`);
  });
});

describe("privacy requests", () => {
  // Their effects are tested in webhook-processing.test.ts; shop/redact there erases this inbox too.
  it("delivers customers/data_request and customers/redact to their routes", async () => {
    const customer = ctx.sandbox.store.shop(DEMO_SHOP).customers[0];
    for (const kind of ["customers-data-request", "customers-redact"]) {
      const res = await fetch(
        `${ctx.sandbox.url}/sandbox/compliance/${kind}?shop=${DEMO_SHOP}&email=${customer.email}`,
        { method: "POST" },
      );
      expect(res.status).toBe(200);
    }
    await ctx.sandbox.webhooks.idle();
    const rows = await ctx.db.prisma.webhookEvent.findMany({
      where: { shop: DEMO_SHOP, topic: { in: ["customers/data_request", "customers/redact"] } },
    });
    const byTopic = Object.fromEntries(rows.map((r) => [r.topic, JSON.parse(r.payload)]));
    expect(byTopic["customers/redact"]).toMatchObject({
      shop_domain: DEMO_SHOP,
      customer: { email: customer.email },
    });
    expect(byTopic["customers/redact"].orders_to_redact.length).toBeGreaterThan(0);
    expect(byTopic["customers/data_request"]).toMatchObject({
      customer: { id: customer.id },
      data_request: { id: expect.any(Number) },
    });
  });
});

describe("delivery switches and the clock", () => {
  it("delivers a later event first when told to reorder, with the advanced clock in X-Shopify-Triggered-At", async () => {
    const { sandbox, store } = { sandbox: ctx.sandbox, store: ctx.sandbox.store };
    sandbox.webhooks.options.outOfOrder = true;
    const order = store.shop(DEMO_SHOP).orders[3];
    const start = sandbox.clock.now().getTime();
    store.addTags(DEMO_SHOP, order, ["first"]);
    const later = sandbox.clock.advance(3 * 24 * 3600 * 1000);
    store.addTags(DEMO_SHOP, order, ["second"]);
    expect(sandbox.webhooks.log).toHaveLength(0); // held
    sandbox.webhooks.flushHeld();
    await sandbox.webhooks.idle();
    // In the order the deliveries were answered (rows of one burst share a commit time).
    const arrival = sandbox.webhooks.log.filter((d) => d.topic === "orders/updated").map((d) => d.eventId);
    const found = await ctx.db.prisma.webhookEvent.findMany({
      where: { shop: DEMO_SHOP, topic: "orders/updated", eventKey: { in: arrival } },
    });
    const rows = arrival.map((id) => found.find((r) => r.eventKey === id)!);
    // Each body is the order as it was when its event happened: the stale one arrives last.
    expect(rows.map((r) => JSON.parse(r.payload).tags)).toEqual(["first, second", "first"]);
    const triggered = rows.map((r) => r.triggeredAt!.getTime());
    expect(triggered[0]).toBeGreaterThanOrEqual(later.getTime()); // the later event arrived first
    expect(triggered[1]).toBeGreaterThanOrEqual(start);
    expect(triggered[1]).toBeLessThan(later.getTime());
  });

  it("holds a delayed delivery back until its delay has passed", async () => {
    ctx.sandbox.webhooks.options.delayMs = 150;
    ctx.sandbox.store.addTags(DEMO_SHOP, ctx.sandbox.store.shop(DEMO_SHOP).orders[6], ["late-news"]);
    expect(ctx.sandbox.webhooks.log).toHaveLength(0);
    await ctx.sandbox.webhooks.idle();
    expect(ctx.sandbox.webhooks.log.map((d) => d.status)).toEqual([200]);
  });

  it("moves business time forward for new orders through the control API", async () => {
    const res = await fetch(`${ctx.sandbox.url}/sandbox/clock/advance`, {
      method: "POST",
      body: JSON.stringify({ ms: 5 * 24 * 3600 * 1000 }),
    });
    const { now } = await res.json();
    expect(new Date(now).getTime()).toBeGreaterThan(Date.now() + 4.9 * 24 * 3600 * 1000);
    const shop = ctx.sandbox.store.shop(DEMO_SHOP);
    const order = ctx.sandbox.store.createOrder(DEMO_SHOP, {
      customerId: shop.customers[0].id,
      lines: [{ variantId: shop.variants[0].id, quantity: 1 }],
    });
    expect(order.createdAt.getTime()).toBeGreaterThanOrEqual(new Date(now).getTime());
    const back = await fetch(`${ctx.sandbox.url}/sandbox/clock/advance`, {
      method: "POST",
      body: JSON.stringify({ ms: -1 }),
    });
    expect(back.status).toBe(400);
    expect((await back.json()).error).toBe(
      "ms must be a number of milliseconds ≥ 0: the sandbox clock only moves forward",
    );
  });
});

describe("a revoked token", () => {
  it("is dropped and exchanged anew when the merchant next opens the app", async () => {
    expect((await openAsMerchant()).status).toBe(200);
    const before = await ctx.db.prisma.session.findUnique({ where: { id: `offline_${DEMO_SHOP}` } });
    ctx.sandbox.auth.revoke(DEMO_SHOP); // as if the app had been reinstalled
    const res = await openAsMerchant();
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/MakeGood is watching (<!-- -->)?Farmacia Demo/);
    const after = await ctx.db.prisma.session.findUnique({ where: { id: `offline_${DEMO_SHOP}` } });
    expect(after!.accessToken).not.toBe(before!.accessToken);
    expect(ctx.sandbox.auth.accepts(DEMO_SHOP, after!.accessToken)).toBe(true);
  });
});
