// The sandbox's real deliveries, recorded by the app and applied by its own in-process worker.
import { describe, expect, it } from "vitest";
import { appSettled, DEMO_SHOP, installApp, setupSandboxWithApp } from "../helpers/sandbox";
import { play } from "../helpers/scenario";
import { until } from "../helpers/wait";

const ctx = setupSandboxWithApp();

const settled = () => appSettled(ctx);

const orderFor = (email: string) => {
  const shop = ctx.sandbox.store.shop(DEMO_SHOP);
  const customer = shop.customers.find((c) => c.email === email)!;
  return ctx.sandbox.store.createOrder(DEMO_SHOP, {
    customerId: customer.id,
    lines: [{ variantId: shop.variants[6].id, quantity: 1 }],
  });
};

describe("webhooks applied by the app", () => {
  it("keeps the newest state of a failed delivery: order, parcel and carrier event", async () => {
    const order = await play(ctx.sandbox.url, "delivery-failed");
    await settled();
    const snapshot = await ctx.db.prisma.orderSnapshot.findUniqueOrThrow({
      where: { shop_orderId: { shop: DEMO_SHOP, orderId: order.id } },
    });
    expect(JSON.parse(snapshot.data).fulfillment_status).toBe("fulfilled");
    const parcel = await ctx.db.prisma.fulfillmentSnapshot.findFirstOrThrow({
      where: { shop: DEMO_SHOP, orderId: order.id },
    });
    expect(parcel).toMatchObject({ shipmentStatus: "failure", trackingCompany: "SEUR" });
    const events = await ctx.db.prisma.fulfillmentEventRecord.findMany({
      where: { shop: DEMO_SHOP, orderId: order.id },
    });
    expect(events.map((e) => e.status)).toEqual(["failure"]);
    expect(await ctx.db.prisma.webhookEvent.count({ where: { status: "dead" } })).toBe(0);
  });

  it("answers a customer's data request with what it holds, then redacts that customer and keeps the facts", async () => {
    const email = "ioana.popescu@example.ro";
    const order = orderFor(email);
    await settled();
    const orderId = `gid://shopify/Order/${order.id}`;
    await fetch(
      `${ctx.sandbox.url}/sandbox/compliance/customers-data-request?shop=${DEMO_SHOP}&email=${email}`,
      { method: "POST" },
    );
    await settled();
    const request = await ctx.db.prisma.complianceRequest.findFirstOrThrow({
      where: { shop: DEMO_SHOP, topic: "customers/data_request" },
    });
    const held = JSON.parse(request.result);
    expect(held.customer.email).toBe(email);
    // What the app holds on them, per order: their contact and address, not the whole order body.
    expect(held.orders).toContainEqual(
      expect.objectContaining({
        order: order.name,
        email,
        name: "Ioana Popescu",
        shippingAddress: expect.objectContaining({ address1: "Calle Mayor 1" }),
      }),
    );
    expect(held.orders[0]).not.toHaveProperty("data");

    await fetch(`${ctx.sandbox.url}/sandbox/compliance/customers-redact?shop=${DEMO_SHOP}&email=${email}`, {
      method: "POST",
    });
    await settled();
    const redacted = await ctx.db.prisma.orderSnapshot.findUniqueOrThrow({
      where: { shop_orderId: { shop: DEMO_SHOP, orderId } },
    });
    expect(redacted).toMatchObject({ email: null, customerId: null, name: order.name });
    const data = JSON.parse(redacted.data);
    expect(data).toMatchObject({ email: null, customer: null, shipping_address: null, contact_email: null });
    // The facts stay: what was ordered, for how much, and how it went.
    expect(data.total_price).toBe((Number(order.lineItems[0].price) + 4.95).toFixed(2));
    expect(data.line_items[0].sku).toBe(order.lineItems[0].sku);
    expect(data.financial_status).toBe("paid");
    expect(JSON.stringify(redacted)).not.toContain(email);
    const record = await ctx.db.prisma.complianceRequest.findFirstOrThrow({
      where: { shop: DEMO_SHOP, topic: "customers/redact" },
    });
    expect(record.customerId).toBeNull();
    expect(JSON.parse(record.result).redacted.orders).toBeGreaterThan(0);
    // The export made for them went with them.
    expect(
      await ctx.db.prisma.complianceRequest.count({
        where: { shop: DEMO_SHOP, topic: "customers/data_request" },
      }),
    ).toBe(0);
  });

  it("deactivates the shop on uninstall and erases everything of it on shop/redact", async () => {
    await installApp(ctx);
    expect(await ctx.db.prisma.shop.findUnique({ where: { domain: DEMO_SHOP } })).toMatchObject({
      active: true,
    });
    orderFor("emma.clarke@example.co.uk");
    await settled();

    await fetch(`${ctx.sandbox.url}/sandbox/uninstall?shop=${DEMO_SHOP}`, { method: "POST" });
    await settled();
    expect(await ctx.db.prisma.shop.findUnique({ where: { domain: DEMO_SHOP } })).toMatchObject({
      active: false,
      uninstalledAt: expect.any(Date),
    });
    expect(await ctx.db.prisma.session.count({ where: { shop: DEMO_SHOP } })).toBe(0);

    await fetch(`${ctx.sandbox.url}/sandbox/compliance/shop-redact?shop=${DEMO_SHOP}`, { method: "POST" });
    await ctx.sandbox.webhooks.idle();
    await until(
      "shop/redact to erase the shop",
      () => ctx.db.prisma.shop.count({ where: { domain: DEMO_SHOP } }),
      (n) => n === 0,
    );
    const where = { shop: DEMO_SHOP };
    expect({
      shops: await ctx.db.prisma.shop.count({ where: { domain: DEMO_SHOP } }),
      sessions: await ctx.db.prisma.session.count({ where }),
      events: await ctx.db.prisma.webhookEvent.count({ where }),
      orders: await ctx.db.prisma.orderSnapshot.count({ where }),
      fulfillments: await ctx.db.prisma.fulfillmentSnapshot.count({ where }),
      carrierEvents: await ctx.db.prisma.fulfillmentEventRecord.count({ where }),
      inventory: await ctx.db.prisma.inventoryLevelSnapshot.count({ where }),
      privacy: await ctx.db.prisma.complianceRequest.count({ where }),
    }).toEqual({
      shops: 0,
      sessions: 0,
      events: 0,
      orders: 0,
      fulfillments: 0,
      carrierEvents: 0,
      inventory: 0,
      privacy: 0,
    });
  });
});
