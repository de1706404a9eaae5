// Insights from the database as the webhooks leave it: parcels per carrier with their late and
// failed incidents and delivery times, and remedy costs bucketed in the shop's calendar.
import { describe, expect, it } from "vitest";
import { carrierScorecard, shopInsights } from "../../app/domain/insights/insights.server";
import { providers } from "../helpers/database";
import { useTestDatabase } from "../helpers/test-database";

const SHOP = "insights.myshopify.com";
const NOW = new Date("2026-11-23T12:00:00Z");
const day = 86_400_000;

describe.each(providers)("insights on %s", (provider) => {
  const ctx = useTestDatabase(provider);
  let n = 0;
  const parcel = async (
    carrier: string | null,
    shippedDaysAgo: number,
    o: { deliveredAfterDays?: number; problem?: "late_delivery" | "delivery_failed"; shop?: string } = {},
  ) => {
    n++;
    const shop = o.shop ?? SHOP;
    const fulfillmentId = `gid://shopify/Fulfillment/${n}`;
    const shippedAt = new Date(NOW.getTime() - shippedDaysAgo * day);
    await ctx.db.prisma.fulfillmentSnapshot.create({
      data: {
        shop,
        fulfillmentId,
        orderId: `gid://shopify/Order/${n}`,
        status: "success",
        trackingCompany: carrier,
        shippedAt,
        data: "{}",
        shopifyUpdatedAt: shippedAt,
      },
    });
    if (o.deliveredAfterDays !== undefined) {
      await ctx.db.prisma.fulfillmentEventRecord.create({
        data: {
          shop,
          eventId: `gid://shopify/FulfillmentEvent/${n}`,
          fulfillmentId,
          orderId: `gid://shopify/Order/${n}`,
          status: "delivered",
          happenedAt: new Date(shippedAt.getTime() + o.deliveredAfterDays * day),
        },
      });
    }
    if (o.problem) {
      await ctx.db.prisma.incident.create({
        data: {
          shop,
          orderId: `gid://shopify/Order/${n}`,
          orderName: `#${n}`,
          type: o.problem,
          subject: fulfillmentId,
          evidence: "{}",
          status: "closed",
          openedAt: new Date(shippedAt.getTime() + day),
          acknowledgeBy: shippedAt,
          answerBy: shippedAt,
        },
      });
    }
  };

  it("scores each carrier on the parcels that left in the period", async () => {
    await parcel("SEUR", 10, { deliveredAfterDays: 2 });
    await parcel("SEUR", 9, { deliveredAfterDays: 4, problem: "late_delivery" });
    await parcel("SEUR", 8, { deliveredAfterDays: 3 });
    await parcel("SEUR", 3, { problem: "delivery_failed" });
    await parcel("Fan Courier", 5, { deliveredAfterDays: 1.5 });
    await parcel(null, 4);
    await parcel("SEUR", 200, { deliveredAfterDays: 30, problem: "late_delivery" }); // before the period
    await parcel("SEUR", 2, { shop: "other.myshopify.com", problem: "delivery_failed" }); // another shop
    expect(await carrierScorecard(ctx.db.prisma, SHOP, new Date(NOW.getTime() - 30 * day))).toEqual([
      {
        carrier: "SEUR",
        shipments: 4,
        delivered: 3,
        late: 1,
        failed: 1,
        latePercent: 25,
        failedPercent: 25,
        medianTransitDays: 3,
      },
      {
        carrier: "Fan Courier",
        shipments: 1,
        delivered: 1,
        late: 0,
        failed: 0,
        latePercent: 0,
        failedPercent: 0,
        medianTransitDays: 1.5,
      },
      {
        carrier: "No carrier given",
        shipments: 1,
        delivered: 0,
        late: 0,
        failed: 0,
        latePercent: 0,
        failedPercent: 0,
        medianTransitDays: null,
      },
    ]);
  });

  it("counts a parcel only the deadline scan has seen (no snapshot) under its incident's carrier", async () => {
    const shop = "scan-only.myshopify.com";
    const problem = (fulfillment: number, type: string, carrier: string | null, openedDaysAgo: number) =>
      ctx.db.prisma.incident.create({
        data: {
          shop,
          orderId: `gid://shopify/Order/${fulfillment}`,
          orderName: `#${fulfillment}`,
          type,
          subject: `gid://shopify/Fulfillment/${fulfillment}`,
          carrier,
          evidence: "{}",
          status: "open",
          openKey: `k${fulfillment}-${type}`,
          openedAt: new Date(NOW.getTime() - openedDaysAgo * day),
          acknowledgeBy: NOW,
          answerBy: NOW,
        },
      });
    await problem(501, "late_delivery", "Correos Express", 2);
    await problem(502, "late_delivery", "Correos Express", 3);
    await problem(503, "delivery_failed", "Correos Express", 1);
    await problem(503, "late_delivery", "Correos Express", 4); // the same parcel, late then failed: one shipment
    await problem(504, "late_delivery", null, 2);
    await problem(505, "late_delivery", "Correos Express", 60); // before the period
    await problem(506, "late_shipment", "Correos Express", 1); // a late shipment is the order's problem, not the parcel's
    // A parcel with a snapshot from before the period belongs to that period, not this one.
    await ctx.db.prisma.fulfillmentSnapshot.create({
      data: {
        shop,
        fulfillmentId: "gid://shopify/Fulfillment/507",
        orderId: "gid://shopify/Order/507",
        status: "success",
        trackingCompany: "SEUR",
        shippedAt: new Date(NOW.getTime() - 50 * day),
        data: "{}",
        shopifyUpdatedAt: NOW,
      },
    });
    await problem(507, "late_delivery", "SEUR", 5);
    expect(await carrierScorecard(ctx.db.prisma, shop, new Date(NOW.getTime() - 30 * day))).toEqual([
      {
        carrier: "Correos Express",
        shipments: 3,
        delivered: 0,
        late: 3,
        failed: 1,
        latePercent: 100,
        failedPercent: 33.3,
        medianTransitDays: null,
      },
      {
        carrier: "No carrier given",
        shipments: 1,
        delivered: 0,
        late: 1,
        failed: 0,
        latePercent: 100,
        failedPercent: 0,
        medianTransitDays: null,
      },
    ]);
  });

  it("buckets remedy costs by week in the shop's zone, across a clock change, with codes counted when used", async () => {
    const incident = await ctx.db.prisma.incident.create({
      data: {
        shop: SHOP,
        orderId: "gid://shopify/Order/1",
        orderName: "#1",
        type: "stock_mismatch",
        subject: "x",
        evidence: "{}",
        openedAt: NOW,
        acknowledgeBy: NOW,
        answerBy: NOW,
      },
    });
    let k = 0;
    const remedy = (
      kind: string,
      fields: {
        amount?: string;
        executedAt?: Date;
        redeemedAt?: Date;
        redeemedAmount?: string;
        status?: string;
      },
    ) =>
      ctx.db.prisma.remedy.create({
        data: {
          shop: SHOP,
          incidentId: incident.id,
          kind,
          decisionKey: `k${++k}`,
          status: fields.status ?? "done",
          params: "{}",
          decidedBy: "t",
          ...fields,
        },
      });
    await remedy("refund", { amount: "12.40", executedAt: new Date("2026-10-26T09:00:00Z") }); // Monday after the clocks went back in Madrid
    await remedy("refund", { amount: "0.60", executedAt: new Date("2026-10-25T21:30:00Z") }); // 22:30 Sunday in Madrid: the week before
    await remedy("reship", { amount: "30.00", executedAt: new Date("2026-11-20T10:00:00Z") });
    await remedy("refund", {
      amount: "99.00",
      executedAt: new Date("2026-11-20T10:00:00Z"),
      status: "failed",
    }); // not money moved
    await remedy("compensation_code", {
      executedAt: new Date("2026-10-01T10:00:00Z"),
      redeemedAt: new Date("2026-11-18T10:00:00Z"),
      redeemedAmount: "4.50",
    });
    await remedy("compensation_code", { executedAt: new Date("2026-11-01T10:00:00Z") }); // never used: costs nothing
    const insights = await shopInsights(ctx.db.prisma, SHOP, { days: "90" }, "Europe/Madrid", NOW);
    expect(insights.totalCost).toBe("47.50");
    const weeks = Object.fromEntries(insights.costs.map((b) => [b.label, b]));
    expect(insights.costs.length).toBe(14); // 25 Aug … 23 Nov, each week once
    expect(weeks["19 Oct"]).toMatchObject({ refund: "0.60", total: "0.60" });
    expect(weeks["26 Oct"]).toMatchObject({ refund: "12.40", total: "12.40" });
    expect(weeks["16 Nov"]).toMatchObject({ reship: "30.00", compensation_code: "4.50", total: "34.50" });
    expect(insights.costs.at(-1)!.label).toBe("23 Nov");
    const yearly = await shopInsights(ctx.db.prisma, SHOP, { days: "365" }, "Europe/Madrid", NOW);
    expect(yearly.costs.map((b) => b.label).slice(-2)).toEqual(["Oct 2026", "Nov 2026"]);
    expect(yearly.costs.find((b) => b.label === "Nov 2026")!.total).toBe("34.50");
  });
});
