// Detection beyond first sight, against the sandbox and the running app: deadlines judged by the
// scan (late shipment across a weekend and a holiday, stuck in transit), cash on delivery amount
// changes, stock changes after the order (with the fulfillment hold placed and released), and a
// line flagged by the merchant through the API.
import { describe, expect, it } from "vitest";
import { scanShop } from "../../app/domain/detection/scan.server";
import { carrierScorecard } from "../../app/domain/insights/insights.server";
import { moveIncident } from "../../app/domain/incidents/status.server";
import { saveShopSettings } from "../../app/domain/settings/settings.server";
import { createAdminClient } from "../../app/shopify/client.server";
import { COD_HOLD_HANDLE, STOCK_HOLD_HANDLE } from "../../app/shopify/documents/fulfillment";
import { findProduct } from "../sandbox/scenarios";
import { addFulfillmentEvent, createFulfillment } from "../sandbox/store-fulfillment";
import { routeShopifyTo } from "../sandbox/routing.mjs";
import { BROWSER_UA } from "../helpers/app-server";
import { until } from "../helpers/wait";
import { appSettled, DEMO_SHOP, installApp, runAppCli, setupSandboxWithApp } from "../helpers/sandbox";
import { gid, scenarioHelpers } from "../helpers/scenario";

const ctx = setupSandboxWithApp();
const settled = () => appSettled(ctx);
const { scenario } = scenarioHelpers(ctx);

const incidentsOf = (orderId: string) =>
  ctx.db.prisma.incident.findMany({
    where: { shop: DEMO_SHOP, orderId },
    include: { timeline: { orderBy: { at: "asc" } } },
    orderBy: { openedAt: "asc" },
  });

/** The CLI's last JSON line. */
async function cli(args: string[]) {
  const lines = (await runAppCli(ctx, args))
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"));
  return JSON.parse(lines.at(-1)!);
}

/** The app's Admin client for the demo shop, from this process (for scans at a chosen moment). */
async function adminClient() {
  routeShopifyTo(ctx.sandbox.url);
  const session = await ctx.db.prisma.session.findFirstOrThrow({
    where: { shop: DEMO_SHOP, isOnline: false },
  });
  return createAdminClient({ shop: DEMO_SHOP, accessToken: session.accessToken, minTimeoutMs: 10 });
}

describe("late shipments and deliveries, from the scan", () => {
  it("late-shipment: one incident from the CLI scan with Shopify's ship-by date; scanning again adds nothing; shipping closes it", async () => {
    const { order } = await scenario("late-shipment");
    expect(await incidentsOf(order.id)).toEqual([]); // no webhook says an order is late
    const first = await cli(["incidents", "scan", "--shop", DEMO_SHOP]);
    expect(first).toMatchObject({ shop: DEMO_SHOP, pages: 1, opened: expect.any(Number) });
    const [incident, ...rest] = await incidentsOf(order.id);
    expect(rest).toEqual([]);
    expect(incident).toMatchObject({
      type: "late_shipment",
      status: "open",
      subject: order.id,
      orderName: order.name,
      customerLocale: "es",
    });
    expect(JSON.parse(incident.evidence)).toMatchObject({
      basis: "fulfill_by",
      businessDaysLate: expect.any(Number),
    });
    // The deadline as a token whose instant is on the timeline's detail: the page writes it in the shop's zone.
    expect(incident.timeline[0].summary).toMatch(/^Not shipped: due to ship by \{shipBy:day\}/);
    expect(JSON.parse(incident.timeline[0].detail!).shipBy).toBe(JSON.parse(incident.evidence).shipBy);

    const again = await cli(["incidents", "scan", "--shop", DEMO_SHOP]);
    expect(again).toMatchObject({ opened: 0 });
    expect((await incidentsOf(order.id)).map((i) => i.timeline.length)).toEqual([1]);

    const shop = ctx.sandbox.store.shop(DEMO_SHOP);
    const fo = shop.fulfillmentOrders.find((f) => gid("Order", f.orderId) === order.id)!;
    expect(
      createFulfillment(ctx.sandbox.store, DEMO_SHOP, fo.id, { company: "SEUR", number: "SE-1" }).errors,
    ).toBeUndefined();
    await settled();
    expect(await incidentsOf(order.id)).toEqual([
      expect.objectContaining({ status: "closed", closeReason: "order fulfilled" }),
    ]);
  });

  it("a late shipment the merchant dismissed stays dismissed however often the scan sees it late", async () => {
    const { order } = await scenario("late-shipment");
    await cli(["incidents", "scan", "--shop", DEMO_SHOP]);
    const [incident] = await incidentsOf(order.id);
    expect(
      await moveIncident(ctx.db.prisma, {
        shop: DEMO_SHOP,
        incidentId: incident.id,
        to: "dismissed",
        reason: "shipped by hand, tracking to follow",
        actor: "merchant",
        by: "You",
      }),
    ).toMatchObject({ ok: true });
    expect(await cli(["incidents", "scan", "--shop", DEMO_SHOP])).toMatchObject({ opened: 0 });
    expect((await incidentsOf(order.id)).map((i) => i.status)).toEqual(["dismissed"]);
  });

  it("a Friday order is not late over the weekend nor on a holiday, and is late the business day after", async () => {
    expect(await installApp(ctx)).toBe(200);
    const { store } = ctx.sandbox;
    const product = findProduct(store, DEMO_SHOP, "Sensibio H2O");
    const order = store.createOrder(DEMO_SHOP, {
      customerId: store.shop(DEMO_SHOP).customers[0].id,
      lines: [{ variantId: product.variant.id, quantity: 1 }],
      createdAt: new Date("2026-11-13T10:00:00+01:00"), // a Friday, Madrid time (the shop's zone)
    });
    await settled();
    const admin = await adminClient();
    const scanAt = async (iso: string) => {
      await scanShop(ctx.db.prisma, admin, DEMO_SHOP, new Date(iso));
      return (await incidentsOf(gid("Order", order.id))).filter((i) => i.status === "open");
    };
    // Two handling days (the default): Monday and Tuesday; ships by the end of Tuesday.
    expect(await scanAt("2026-11-14T12:00:00+01:00")).toEqual([]);
    expect(await scanAt("2026-11-16T18:00:00+01:00")).toEqual([]);
    expect(await scanAt("2026-11-17T23:30:00+01:00")).toEqual([]);
    // Tuesday a holiday: a day more.
    expect(await saveShopSettings(ctx.db.prisma, DEMO_SHOP, { holidays: ["2026-11-17"] })).toMatchObject({
      ok: true,
    });
    expect(await scanAt("2026-11-18T09:00:00+01:00")).toEqual([]);
    expect(await saveShopSettings(ctx.db.prisma, DEMO_SHOP, { holidays: [] })).toMatchObject({ ok: true });
    const [late] = await scanAt("2026-11-18T09:00:00+01:00");
    expect(late).toMatchObject({ type: "late_shipment" });
    expect(JSON.parse(late.evidence)).toMatchObject({
      basis: "handling_days",
      handlingDays: 2,
      businessDaysLate: 1,
      shipBy: "2026-11-17T22:59:59.999Z",
    });
    // The next day's scan sees the same deadline: the same incident, nothing added.
    expect((await scanAt("2026-11-19T09:00:00+01:00")).map((i) => [i.id, i.timeline.length])).toEqual([
      [late.id, 1],
    ]);
  });

  it("stuck-in-transit: late_delivery on the parcel by the carrier's estimate, closed when delivered", async () => {
    const { order } = await scenario("stuck-in-transit");
    await cli(["incidents", "scan", "--shop", DEMO_SHOP]);
    const [incident, ...rest] = await incidentsOf(order.id);
    expect(rest).toEqual([]);
    expect(incident).toMatchObject({
      type: "late_delivery",
      status: "open",
      subject: expect.stringMatching(/^gid:\/\/shopify\/Fulfillment\//),
    });
    expect(JSON.parse(incident.evidence)).toMatchObject({
      basis: "carrier_estimate",
      carrier: "Fan Courier",
    });
    expect(incident.timeline[0].summary).toContain("In transit with Fan Courier past its estimated delivery");

    const parcel = ctx.sandbox.store
      .shop(DEMO_SHOP)
      .fulfillments.find((f) => gid("Fulfillment", f.id) === incident.subject)!;
    addFulfillmentEvent(ctx.sandbox.store, DEMO_SHOP, parcel.id, { status: "DELIVERED", message: "Livrat" });
    await settled();
    expect(await incidentsOf(order.id)).toEqual([
      expect.objectContaining({ status: "closed", closeReason: "delivered" }),
    ]);
  });
});

describe("the carrier scorecard after the scan", () => {
  it("counts every parcel the scan read, not only the late ones, for carriers no webhook told of", async () => {
    expect(await installApp(ctx)).toBe(200);
    await settled();
    // As in `npm run sandbox`, where the demo shop's parcels left before the app was installed:
    // no webhook told the app of them, so it holds no snapshot.
    // One parcel that is on time whatever the store's clock says by now (tests before this one move it):
    // the scorecard must count it too, not only the late ones.
    const store = ctx.sandbox.store;
    const fresh = store.createOrder(DEMO_SHOP, {
      customerId: store.shop(DEMO_SHOP).customers[0].id,
      lines: [{ variantId: store.shop(DEMO_SHOP).variants[4].id, quantity: 1 }],
    });
    const fo = store.shop(DEMO_SHOP).fulfillmentOrders.find((f) => f.orderId === fresh.id)!;
    expect(
      createFulfillment(store, DEMO_SHOP, fo.id, {
        company: "Correos Express",
        number: "CE-ON-TIME-1",
        estimatedDeliveryAt: new Date(store.clock.now().getTime() + 3 * 86_400_000),
      }),
    ).not.toHaveProperty("errors");
    await settled();
    await ctx.db.prisma.fulfillmentSnapshot.deleteMany({ where: { shop: DEMO_SHOP } });
    // Only what this scan finds: the incidents of earlier tests' stores are not this store's parcels.
    await ctx.db.prisma.incident.deleteMany({ where: { shop: DEMO_SHOP } });
    await cli(["incidents", "scan", "--shop", DEMO_SHOP]);
    const shop = ctx.sandbox.store.shop(DEMO_SHOP);
    const sent = shop.fulfillments.filter((f) => f.trackingCompany === "Correos Express");
    const late = await ctx.db.prisma.incident.count({
      where: { shop: DEMO_SHOP, type: "late_delivery", carrier: "Correos Express" },
    });
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(sent.length);
    const [correos] = (
      await carrierScorecard(ctx.db.prisma, DEMO_SHOP, new Date(Date.now() - 30 * 86_400_000))
    ).filter((c) => c.carrier === "Correos Express");
    expect(correos).toMatchObject({
      shipments: sent.length,
      late,
      latePercent: Math.round((late / sent.length) * 1000) / 10,
    });
    // A parcel's own webhook (same or newer updated_at) still replaces what the scan recorded.
    const parcel = sent[0];
    addFulfillmentEvent(ctx.sandbox.store, DEMO_SHOP, parcel.id, {
      status: "DELIVERED",
      message: "Entregado",
    });
    await settled();
    const snapshot = await ctx.db.prisma.fulfillmentSnapshot.findUniqueOrThrow({
      where: { shop_fulfillmentId: { shop: DEMO_SHOP, fulfillmentId: gid("Fulfillment", parcel.id) } },
    });
    expect(snapshot.shipmentStatus).toBe("delivered");
    expect(JSON.parse(snapshot.data)).toHaveProperty("line_items");
  });
});

describe("cash on delivery", () => {
  it("cod-amount-mismatch: one incident with what the customer was told and what the courier will ask", async () => {
    const { order } = await scenario("cod-amount-mismatch");
    const [incident, ...rest] = await incidentsOf(order.id);
    expect(rest).toEqual([]);
    expect(incident).toMatchObject({
      type: "cod_amount_mismatch",
      status: "open",
      subject: order.id,
      customerLocale: "ro",
    });
    const evidence = JSON.parse(incident.evidence);
    expect(evidence).toMatchObject({ difference: "+20.00", currency: "EUR" });
    expect(Number(evidence.due) - Number(evidence.told)).toBeCloseTo(20);
    expect(incident.timeline[0].summary).toMatch(
      /^Cash on delivery: the customer was told [\d.]+ EUR, the courier will ask [\d.]+ EUR \(\+20\.00\)$/,
    );
  });

  /** The order as Shopify's admin shows it (the sandbox's read-only look). */
  const sandboxOrder = async (id: string) =>
    (await (
      await fetch(`${ctx.sandbox.url}/sandbox/orders/${id.split("/").pop()}?shop=${DEMO_SHOP}`)
    ).json()) as { fulfillmentOrders: { status: string; holds: string[] }[] };

  it("holds the COD order until the merchant decides: on hold with the amounts in words, released when dismissed", async () => {
    const { order } = await scenario("cod-amount-mismatch");
    expect((await sandboxOrder(order.id)).fulfillmentOrders).toEqual([
      { status: "ON_HOLD", holds: ["OTHER"] },
    ]);
    const fo = ctx.sandbox.store
      .shop(DEMO_SHOP)
      .fulfillmentOrders.find((f) => gid("Order", f.orderId) === order.id)!;
    expect(fo.holds).toEqual([
      expect.objectContaining({
        handle: COD_HOLD_HANDLE,
        reasonNotes: expect.stringMatching(
          /^MakeGood: cash on delivery changed after checkout\. The customer was told [\d.]+ EUR, the courier would ask [\d.]+ EUR\. Held until the shop decides/,
        ),
      }),
    ]);
    const [incident] = await incidentsOf(order.id);
    expect(incident.timeline.map((t) => t.kind)).toEqual(["opened", "fulfillment_held"]);
    expect(incident.timeline[1].summary).toBe(
      "Fulfillment put on hold: the courier would ask another amount than the customer was told, so the order waits for your decision",
    );

    // Another change of the amount while it waits holds nothing twice.
    const shopOrder = ctx.sandbox.store.shop(DEMO_SHOP).orders.find((o) => gid("Order", o.id) === order.id)!;
    ctx.sandbox.store.changeShippingPrice(
      DEMO_SHOP,
      shopOrder,
      (Number(shopOrder.shippingLines[0].price) + 1).toFixed(2),
    );
    await settled();
    expect(fo.holds).toHaveLength(1);

    expect(
      await moveIncident(ctx.db.prisma, {
        shop: DEMO_SHOP,
        incidentId: incident.id,
        to: "dismissed",
        reason: "the courier keeps the old amount",
        actor: "merchant",
        by: "You",
      }),
    ).toMatchObject({ ok: true });
    await settled();
    expect((await sandboxOrder(order.id)).fulfillmentOrders).toEqual([{ status: "OPEN", holds: [] }]);
    expect((await incidentsOf(order.id))[0].timeline.map((t) => t.kind)).toEqual([
      "opened",
      "fulfillment_held",
      "signal",
      "status",
      "fulfillment_released",
    ]);
  });

  it("a COD order stays held through telling the customer, and is released when the merchant closes the incident or the amount comes back", async () => {
    const { order } = await scenario("cod-amount-mismatch");
    const [incident] = await incidentsOf(order.id);
    expect(
      await moveIncident(ctx.db.prisma, {
        shop: DEMO_SHOP,
        incidentId: incident.id,
        to: "customer_contacted",
        actor: "merchant",
        by: "You",
      }),
    ).toMatchObject({ ok: true });
    await settled();
    expect((await sandboxOrder(order.id)).fulfillmentOrders).toEqual([
      { status: "ON_HOLD", holds: ["OTHER"] },
    ]);
    expect(
      await moveIncident(ctx.db.prisma, {
        shop: DEMO_SHOP,
        incidentId: incident.id,
        to: "closed",
        reason: "the courier was told the right amount",
        actor: "merchant",
        by: "You",
      }),
    ).toMatchObject({ ok: true });
    await settled();
    expect((await sandboxOrder(order.id)).fulfillmentOrders).toEqual([{ status: "OPEN", holds: [] }]);

    // Shopify puts the amount back to what the customer was told: the incident closes and its hold goes.
    const { order: second } = await scenario("cod-amount-mismatch");
    expect((await sandboxOrder(second.id)).fulfillmentOrders).toEqual([
      { status: "ON_HOLD", holds: ["OTHER"] },
    ]);
    const shopOrder = ctx.sandbox.store.shop(DEMO_SHOP).orders.find((o) => gid("Order", o.id) === second.id)!;
    ctx.sandbox.store.changeShippingPrice(
      DEMO_SHOP,
      shopOrder,
      (Number(shopOrder.shippingLines[0].price) - 20).toFixed(2),
    );
    await settled();
    expect(await incidentsOf(second.id)).toEqual([expect.objectContaining({ status: "closed" })]);
    expect((await sandboxOrder(second.id)).fulfillmentOrders).toEqual([{ status: "OPEN", holds: [] }]);
  });

  it("holds no COD order when the shop turned fulfillment holds off", async () => {
    expect(await installApp(ctx)).toBe(200);
    await saveShopSettings(ctx.db.prisma, DEMO_SHOP, { holdOnStockMismatch: false });
    try {
      const { order } = await scenario("cod-amount-mismatch");
      expect(await incidentsOf(order.id)).toEqual([
        expect.objectContaining({ type: "cod_amount_mismatch", status: "open" }),
      ]);
      expect((await sandboxOrder(order.id)).fulfillmentOrders).toEqual([{ status: "OPEN", holds: [] }]);
    } finally {
      await saveShopSettings(ctx.db.prisma, DEMO_SHOP, { holdOnStockMismatch: true });
    }
  });
});

describe("stock after the order", () => {
  it("units moved to damaged leave the newest holder short: incident and hold; stock back: closed and released", async () => {
    expect(await installApp(ctx)).toBe(200);
    const { store } = ctx.sandbox;
    const { variant, item, location } = findProduct(store, DEMO_SHOP, "Heliocare 360");
    const customers = store.shop(DEMO_SHOP).customers;
    const available = item.levels.get(location.id)!.available;
    // Two orders share every unit left; stock can honour both.
    const older = store.createOrder(DEMO_SHOP, {
      customerId: customers[0].id,
      lines: [{ variantId: variant.id, quantity: available - 1 }],
    });
    const newer = store.createOrder(DEMO_SHOP, {
      customerId: customers[1].id,
      lines: [{ variantId: variant.id, quantity: 1 }],
    });
    await settled();
    expect([
      ...(await incidentsOf(gid("Order", older.id))),
      ...(await incidentsOf(gid("Order", newer.id))),
    ]).toEqual([]);

    // The warehouse finds a unit expired: Shopify only says available went to -1.
    store.changeQuantities(DEMO_SHOP, item.id, location.id, { available: -1, damaged: 1 });
    await settled();
    expect(await incidentsOf(gid("Order", older.id))).toEqual([]); // the older order ships first
    const [short] = await incidentsOf(gid("Order", newer.id));
    expect(short).toMatchObject({ type: "stock_mismatch", status: "open" });
    expect(JSON.parse(short.evidence)).toMatchObject({
      reason: "damaged_or_expired",
      short: 1,
      requestedBy: expect.stringMatching(/^stock-change:/),
    });
    const fo = store.shop(DEMO_SHOP).fulfillmentOrders.find((f) => f.orderId === newer.id)!;
    expect(fo.status).toBe("ON_HOLD");
    expect(fo.holds).toEqual([
      expect.objectContaining({ reason: "INVENTORY_OUT_OF_STOCK", handle: STOCK_HOLD_HANDLE }),
    ]);
    expect(short.timeline.map((t) => t.kind)).toEqual(["opened", "fulfillment_held"]);

    // A unit found after all: the order can ship again.
    store.changeQuantities(DEMO_SHOP, item.id, location.id, { available: 1, damaged: -1 });
    await settled();
    const [closed] = await incidentsOf(gid("Order", newer.id));
    expect(closed).toMatchObject({ status: "closed", closeReason: "stock restored before shipping" });
    expect(closed.timeline.map((t) => t.kind)).toEqual([
      "opened",
      "fulfillment_held",
      "closed",
      "fulfillment_released",
    ]);
    expect(fo.status).toBe("OPEN");
    expect(fo.holds).toEqual([]);
  });

  it("the stock check writes what it sees on the timeline once per change, not once per look", async () => {
    expect(await installApp(ctx)).toBe(200);
    const { store } = ctx.sandbox;
    const { variant, item, location } = findProduct(store, DEMO_SHOP, "Heliocare 360");
    const order = store.createOrder(DEMO_SHOP, {
      customerId: store.shop(DEMO_SHOP).customers[0].id,
      lines: [{ variantId: variant.id, quantity: 3 }],
    });
    await settled();
    const left = item.levels.get(location.id)!.available;
    const check = () =>
      ctx.db.prisma.detectionTask.findUniqueOrThrow({
        where: {
          shop_kind_subject: { shop: DEMO_SHOP, kind: "stock_check_order", subject: gid("Order", order.id) },
        },
      });
    const expire = async (units: number) => {
      const before = await ctx.db.prisma.detectionTask.findUnique({
        where: {
          shop_kind_subject: { shop: DEMO_SHOP, kind: "stock_check_order", subject: gid("Order", order.id) },
        },
      });
      store.changeQuantities(DEMO_SHOP, item.id, location.id, { available: -units, damaged: units });
      await until(
        "the order checked again",
        check,
        (after) => after.status === "done" && (!before || after.updatedAt > before.updatedAt),
      );
      await settled();
    };
    // Stock changes that leave the shortfall as it was: each one has the order checked again (the
    // incident names the item), as the check's task row, touched again, shows.
    const lookAgain = async () => {
      const before = await check();
      store.changeQuantities(DEMO_SHOP, item.id, location.id, { quality_control: 1 });
      // The item's check spaces the orders' checks a millisecond apart, so the order's may fall due
      // just after the app looked settled: waited for as such.
      await until(
        "the order checked again",
        check,
        (after) => after.status === "done" && after.updatedAt > before.updatedAt,
      );
      await settled();
    };
    await expire(left + 1); // the order is one unit short
    await lookAgain();
    await lookAgain();
    const signals = async () =>
      (await incidentsOf(gid("Order", order.id))).flatMap((i) =>
        i.timeline.filter((t) => t.kind === "opened" || t.kind === "signal").map((t) => t.summary),
      );
    expect(await signals()).toEqual([
      expect.stringMatching(/: 1 of 3 cannot ship \(the units left are damaged or expired\)$/),
    ]);
    await expire(1); // now two short: a change
    await lookAgain();
    expect(await signals()).toEqual([
      expect.stringMatching(/: 1 of 3 cannot ship/),
      expect.stringMatching(/: 2 of 3 cannot ship/),
    ]);
  });

  it("holds nothing when the shop turned holds off", async () => {
    expect(await installApp(ctx)).toBe(200);
    await saveShopSettings(ctx.db.prisma, DEMO_SHOP, { holdOnStockMismatch: false });
    try {
      const { order } = await scenario("oversold");
      const [incident] = await incidentsOf(order.id);
      expect(incident).toMatchObject({ type: "stock_mismatch", status: "open" });
      expect(incident.timeline.map((t) => t.kind)).toEqual(["opened"]);
      const fo = ctx.sandbox.store
        .shop(DEMO_SHOP)
        .fulfillmentOrders.find((f) => gid("Order", f.orderId) === order.id)!;
      expect(fo.status).toBe("OPEN");
    } finally {
      await saveShopSettings(ctx.db.prisma, DEMO_SHOP, { holdOnStockMismatch: true });
    }
  });
});

describe("a line flagged by the merchant", () => {
  async function flag(body: unknown, token?: string) {
    const res = await fetch(`${ctx.app.url}/api/incidents/flag`, {
      method: "POST",
      // As the app's pages call it (App Bridge's fetch); the Shopify library answers bots with 410.
      headers: {
        "User-Agent": BROWSER_UA,
        "Content-Type": "application/json",
        Authorization: `Bearer ${token ?? (await ctx.sandbox.auth.sessionToken(DEMO_SHOP))}`,
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  it("opens one incident through the API, holds the order's fulfillment, and stays open although stock looks fine", async () => {
    expect(await installApp(ctx)).toBe(200);
    const { store } = ctx.sandbox;
    const { variant } = findProduct(store, DEMO_SHOP, "Sensibio H2O");
    const order = store.createOrder(DEMO_SHOP, {
      customerId: store.shop(DEMO_SHOP).customers[0].id,
      lines: [{ variantId: variant.id, quantity: 2 }],
    });
    await settled();
    const input = {
      orderId: gid("Order", order.id),
      lineItemId: gid("LineItem", order.lineItems[0].id),
      reason: "expired",
      note: "batch 2409 past its date",
    };

    const first = await flag(input);
    expect(first).toMatchObject({ status: 201, body: { opened: true, incidentId: expect.any(String) } });
    expect(await flag(input)).toMatchObject({
      status: 200,
      body: { opened: false, incidentId: first.body.incidentId },
    });
    await settled();

    const [incident, ...rest] = await incidentsOf(input.orderId);
    expect(rest).toEqual([]);
    expect(incident).toMatchObject({ type: "stock_mismatch", status: "open", subject: input.lineItemId });
    expect(JSON.parse(incident.evidence)).toMatchObject({
      reason: "expired",
      short: 2,
      note: "batch 2409 past its date",
      flaggedBy: "staff member 1",
    });
    expect(incident.timeline.map((t) => [t.kind, t.actor])).toEqual([
      ["opened", "merchant"],
      ["signal", "merchant"],
      ["fulfillment_held", "makegood"],
    ]);
    expect(incident.timeline[0].summary).toBe(
      "Sensibio H2O Micellar Water: 2 units flagged expired by staff member 1 (batch 2409 past its date)",
    );
    expect(store.shop(DEMO_SHOP).fulfillmentOrders.find((f) => f.orderId === order.id)!.status).toBe(
      "ON_HOLD",
    );
  });

  it("wrong-item: after delivery, the units the customer received are what is reported", async () => {
    const { order } = await scenario("wrong-item");
    const line = ctx.sandbox.store.shop(DEMO_SHOP).orders.find((o) => gid("Order", o.id) === order.id)!
      .lineItems[0];
    expect(line.fulfillableQuantity).toBe(0); // delivered: nothing is left to fulfil
    const flagged = await flag({
      orderId: order.id,
      lineItemId: gid("LineItem", line.id),
      reason: "wrong_item",
    });
    expect(flagged.status).toBe(201);
    const [incident] = await incidentsOf(order.id);
    expect(incident).toMatchObject({ type: "wrong_item", status: "open" });
    expect(incident.timeline[0].summary).toBe(
      `${line.title}: 1 unit reported as the wrong item by staff member 1`,
    );
    expect(JSON.parse(incident.evidence)).toMatchObject({ reason: "wrong_item", short: 1 });
  });

  it("says what is wrong with a bad flag, and refuses one without a session token", async () => {
    expect(await installApp(ctx)).toBe(200);
    expect(await flag({ orderId: "gid://shopify/Order/1", lineItemId: "7", reason: "stolen" })).toMatchObject(
      {
        status: 400,
        body: {
          errors: {
            lineItemId: expect.stringContaining("LineItem"),
            reason:
              "expired, damaged or missing (before shipping), wrong_item or arrived_damaged (after delivery)",
          },
        },
      },
    );
    expect(await flag("not json")).toMatchObject({ status: 400, body: { error: "the body must be JSON" } });
    expect(
      await flag({
        orderId: "gid://shopify/Order/999999",
        lineItemId: "gid://shopify/LineItem/1",
        reason: "missing",
      }),
    ).toMatchObject({
      status: 404,
      body: { error: expect.stringContaining("has not seen order gid://shopify/Order/999999") },
    });
    expect((await flag({}, "not-a-token")).status).toBe(401);
  });
});
