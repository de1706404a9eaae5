// Reconciliation against the sandbox: webhooks the app never received (dropped in the sandbox)
// are made up for by `npm run cli -- reconcile`, through the same handlers, and the outcome is
// the one full delivery gives.
import { describe, expect, it } from "vitest";
import { addFulfillmentEvent, createFulfillment } from "../sandbox/store-fulfillment";
import { appSettled, DEMO_SHOP, installApp, runAppCli, setupSandboxWithApp } from "../helpers/sandbox";

const ctx = setupSandboxWithApp();

/** The CLI's JSON lines (the Shopify library logs lines of its own too). */
async function cli(args: string[]) {
  const stdout = await runAppCli(ctx, args);
  return stdout
    .trim()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line));
}

const settled = () => appSettled(ctx);

/** What the app knows of an order: the fields detection reads, from its snapshots. */
async function known(orderId: string) {
  const order = await ctx.db.prisma.orderSnapshot.findUnique({
    where: { shop_orderId: { shop: DEMO_SHOP, orderId } },
  });
  const parcels = await ctx.db.prisma.fulfillmentSnapshot.findMany({ where: { shop: DEMO_SHOP, orderId } });
  const data = order && JSON.parse(order.data);
  return {
    order: data && {
      name: data.name,
      email: data.email,
      tags: data.tags,
      fulfillment: data.fulfillment_status,
      financial: data.financial_status,
      updatedAt: order.shopifyUpdatedAt.toISOString(),
      customer: data.customer?.admin_graphql_api_id,
      // The phones the workspace offers to call, whichever way the order came.
      phones: [data.phone, data.customer?.phone, data.shipping_address?.phone, data.billing_address?.phone],
      lines: data.line_items.map((l: Record<string, unknown>) => [
        l.admin_graphql_api_id,
        String(l.variant_id),
        l.sku,
        l.quantity,
        l.fulfillable_quantity,
        l.price,
      ]),
    },
    parcels: parcels.map((p) => [
      p.fulfillmentId,
      p.status,
      p.shipmentStatus,
      p.trackingCompany,
      p.trackingNumber,
      p.shopifyUpdatedAt.toISOString(),
    ]),
  };
}

describe("reconciliation", () => {
  it("makes up for dropped webhooks with what Shopify says now, and records nothing twice", async () => {
    expect(await installApp(ctx)).toBe(200);
    const { store } = ctx.sandbox;
    const shop = store.shop(DEMO_SHOP);
    // An hour after the seeded orders' last change: only this test's orders changed since.
    const since = ctx.sandbox.clock.advance(3_600_000);
    const lines = [{ variantId: shop.variants[3].id, quantity: 2 }];

    // Delivered: the reference of what full delivery leaves.
    const delivered = store.createOrder(DEMO_SHOP, { customerId: shop.customers[0].id, lines });
    const fo = shop.fulfillmentOrders.find((f) => f.orderId === delivered.id)!;
    const parcel = createFulfillment(store, DEMO_SHOP, fo.id, { company: "SEUR", number: "SE-77" }).ok!;
    addFulfillmentEvent(store, DEMO_SHOP, parcel.id, { status: "IN_TRANSIT" });
    await settled();
    const reference = await known(`gid://shopify/Order/${delivered.id}`);
    expect(reference.parcels[0]).toEqual(expect.arrayContaining(["in_transit", "SEUR", "SE-77"]));

    // Dropped: the same story while the subscription was gone, plus a change to the delivered order.
    ctx.sandbox.webhooks.options.outOfOrder = true; // held ...
    const missed = store.createOrder(DEMO_SHOP, { customerId: shop.customers[0].id, lines });
    const missedFo = shop.fulfillmentOrders.find((f) => f.orderId === missed.id)!;
    const missedParcel = createFulfillment(store, DEMO_SHOP, missedFo.id, {
      company: "SEUR",
      number: "SE-78",
    }).ok!;
    addFulfillmentEvent(store, DEMO_SHOP, missedParcel.id, { status: "IN_TRANSIT" });
    store.addTags(DEMO_SHOP, delivered, ["vip"]);
    ctx.sandbox.webhooks.resetOptions(); // ... and never sent
    expect(await known(`gid://shopify/Order/${missed.id}`)).toEqual({ order: null, parcels: [] });

    const [run, ...applied] = await cli(["reconcile", "--shop", DEMO_SHOP, "--since", since.toISOString()]);
    // The delivered order's unchanged parcel is not recorded again; its new tag and the missed
    // order with its parcel are.
    expect(run).toMatchObject({ shop: DEMO_SHOP, orders: 2, fulfillments: 2, recorded: 3 });
    // The CLI applies what it recorded, but the app's own worker polls the same inbox and may take
    // some first: what matters is that each recorded event is applied once, by either.
    expect(applied.reduce((n, outcome) => n + outcome.processed, 0)).toBeLessThanOrEqual(3);
    await settled();
    const recordedEvents = await ctx.db.prisma.webhookEvent.findMany({
      where: { webhookId: { startsWith: "reconcile-" } },
    });
    expect(recordedEvents.map((e) => [e.status, e.attempts])).toEqual(Array(3).fill(["processed", 1]));

    const afterwards = await known(`gid://shopify/Order/${missed.id}`);
    const comparable = (k: typeof reference) => ({
      ...k.order,
      name: "",
      updatedAt: "",
      parcels: k.parcels.map((p) => [p[1], p[2], p[3]]),
    });
    expect(comparable(afterwards)).toEqual({
      ...comparable(reference),
      lines: reference.order.lines.map((l: unknown[], i: number) => [
        afterwards.order.lines[i][0],
        ...l.slice(1),
      ]),
    });
    expect(afterwards.order.name).toBe(missed.name);
    expect((await known(`gid://shopify/Order/${delivered.id}`)).order.tags).toBe("vip");

    // A second run over the same period finds nothing the app has not seen.
    const [again] = await cli(["reconcile", "--shop", DEMO_SHOP, "--since", since.toISOString()]);
    expect(again).toMatchObject({ orders: 2, recorded: 0 });
    const kinds = await ctx.db.prisma.webhookEvent.groupBy({
      by: ["topic"],
      where: { webhookId: { startsWith: "reconcile-" } },
      _count: true,
    });
    expect(kinds.map((k) => [k.topic, k._count]).sort()).toEqual([
      ["fulfillments/update", 1],
      ["orders/updated", 2],
    ]);
  });

  it("runs for every active shop from where it got to, and a shop that fails does not stop the others", async () => {
    expect(await installApp(ctx)).toBe(200);
    await ctx.db.prisma.shop.upsert({
      where: { domain: "gone.myshopify.com" },
      create: { domain: "gone.myshopify.com" },
      update: {},
    });
    const before = Date.now();
    // Each shop's run is logged as it ends; the summary of all follows.
    const lines = await cli(["reconcile", "--all"]);
    expect(lines.filter((l) => l.event === "reconciled").map((l) => l.shop)).toEqual([DEMO_SHOP]);
    const results = lines.find((l) => !l.event);
    expect(results[DEMO_SHOP]).toMatchObject({ pages: expect.any(Number), recorded: expect.any(Number) });
    expect(results["gone.myshopify.com"].error).toContain(
      "Could not find a session for shop gone.myshopify.com",
    );
    const demo = await ctx.db.prisma.shop.findUniqueOrThrow({ where: { domain: DEMO_SHOP } });
    // The next run starts five minutes before this one did (the overlap).
    expect(demo.reconciledThrough!.getTime()).toBeGreaterThanOrEqual(before - 5 * 60_000 - 1000);
    expect(
      (await ctx.db.prisma.shop.findUniqueOrThrow({ where: { domain: "gone.myshopify.com" } }))
        .reconciledThrough,
    ).toBeNull();
    const again = (await cli(["reconcile", "--all"])).find((l) => !l.event);
    expect(again[DEMO_SHOP]).toMatchObject({ recorded: 0 });
    // The first run looks back a day: the seeded orders are first seen here and each gets its stock
    // check, which shares the shop's Admin cost budget with the run. With stock checks sized from
    // each order (23–73 points instead of 918) this takes ~2 s; it took ~30 s of throttled waits.
  });

  it("refuses a run without a shop or a valid date, saying what it needs", async () => {
    const failure = await cli(["reconcile", "--shop", DEMO_SHOP, "--since", "yesterday"]).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain("reconcile needs --shop <domain> and --since <ISO date>");
  });
});
