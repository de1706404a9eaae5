// Insights: how each carrier treats the shop's parcels, and what putting things right has cost.
// Both over a period the merchant picks, counted in the shop's time zone.
import type { PrismaClient } from "@prisma/client";
import { TZDate } from "@date-fns/tz";
import { addMonths, addWeeks, format, startOfDay, startOfMonth, startOfWeek, subDays } from "date-fns";
import { z } from "zod";
import { fromCents, toCents } from "../money";
import { median } from "../stats";

export const InsightsQuery = z.object({ days: z.enum(["30", "90", "365"]).catch("90").default("90") });
export type InsightsQuery = z.infer<typeof InsightsQuery>;

export type CarrierScore = {
  carrier: string;
  shipments: number;
  delivered: number;
  late: number;
  failed: number;
  latePercent: number;
  failedPercent: number;
  medianTransitDays: number | null;
};

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);
const NO_CARRIER = "No carrier given";

/**
 * Per carrier, of the parcels that left in the period: how many, how many were late or failed
 * (an incident opened on the parcel says so, whatever it became later), and the median days from
 * leaving to delivered for those delivered. A parcel the app knows only from an incident (the
 * deadline scan reads Shopify's orders, so a parcel sent before the app was installed, or whose
 * webhook never came, has no snapshot) counts under the incident's carrier, in the period its
 * incident opened.
 */
export async function carrierScorecard(
  prisma: PrismaClient,
  shop: string,
  since: Date,
): Promise<CarrierScore[]> {
  const [snapshots, problems, deliveries] = await Promise.all([
    prisma.fulfillmentSnapshot.findMany({
      where: { shop, shippedAt: { gte: since } },
      select: { fulfillmentId: true, trackingCompany: true, shippedAt: true },
    }),
    prisma.incident.findMany({
      where: { shop, type: { in: ["late_delivery", "delivery_failed"] }, openedAt: { gte: since } },
      select: { subject: true, type: true, carrier: true },
    }),
    prisma.fulfillmentEventRecord.findMany({
      where: { shop, status: "delivered", happenedAt: { gte: since } },
      select: { fulfillmentId: true, happenedAt: true },
      orderBy: { happenedAt: "asc" },
    }),
  ]);
  const parcels: { fulfillmentId: string; trackingCompany: string | null; shippedAt: Date | null }[] = [
    ...snapshots,
  ];
  const seen = new Set(snapshots.map((p) => p.fulfillmentId));
  const unseen = problems.filter(
    (p) => p.subject.startsWith("gid://shopify/Fulfillment/") && !seen.has(p.subject),
  );
  if (unseen.length) {
    // Those with a snapshot left before the period: they belong to an earlier one.
    const earlier = new Set(
      (
        await prisma.fulfillmentSnapshot.findMany({
          where: { shop, fulfillmentId: { in: unseen.map((p) => p.subject) } },
          select: { fulfillmentId: true },
        })
      ).map((p) => p.fulfillmentId),
    );
    for (const p of unseen) {
      if (earlier.has(p.subject) || seen.has(p.subject)) continue;
      seen.add(p.subject);
      parcels.push({ fulfillmentId: p.subject, trackingCompany: p.carrier, shippedAt: null });
    }
  }
  if (!parcels.length) return [];
  const late = new Set(problems.filter((p) => p.type === "late_delivery").map((p) => p.subject));
  const failed = new Set(problems.filter((p) => p.type === "delivery_failed").map((p) => p.subject));
  const deliveredAt = new Map<string, Date>();
  for (const d of deliveries)
    if (!deliveredAt.has(d.fulfillmentId)) deliveredAt.set(d.fulfillmentId, d.happenedAt);
  const byCarrier = new Map<string, { shipments: number; late: number; failed: number; transit: number[] }>();
  for (const p of parcels) {
    const name = p.trackingCompany ?? NO_CARRIER;
    const row = byCarrier.get(name) ?? { shipments: 0, late: 0, failed: 0, transit: [] };
    row.shipments++;
    if (late.has(p.fulfillmentId)) row.late++;
    if (failed.has(p.fulfillmentId)) row.failed++;
    const at = deliveredAt.get(p.fulfillmentId);
    if (at && p.shippedAt && at >= p.shippedAt)
      row.transit.push((at.getTime() - p.shippedAt.getTime()) / 86_400_000);
    byCarrier.set(name, row);
  }
  return [...byCarrier.entries()]
    .map(([carrier, r]) => {
      const transit = median(r.transit);
      return {
        carrier,
        shipments: r.shipments,
        delivered: r.transit.length,
        late: r.late,
        failed: r.failed,
        latePercent: percent(r.late, r.shipments),
        failedPercent: percent(r.failed, r.shipments),
        medianTransitDays: transit === null ? null : Math.round(transit * 10) / 10,
      };
    })
    .sort((a, b) => b.shipments - a.shipments || a.carrier.localeCompare(b.carrier));
}

export const COST_KINDS = ["refund", "cancel_order", "reship", "substitution", "compensation_code"] as const;
export type CostKind = (typeof COST_KINDS)[number];
export type CostBucket = { start: string; label: string; total: string } & Record<CostKind, string>;

/**
 * What remedies cost the shop, per week (per month over a year): money refunded, replacement
 * orders and substitutes at the shop's cost when they were made, and a compensation code when a
 * customer used it (a code nobody uses costs nothing).
 */
export async function remedyCosts(
  prisma: PrismaClient,
  shop: string,
  since: Date,
  timezone: string,
  now: Date,
  monthly: boolean,
) {
  const [done, redeemed] = await Promise.all([
    prisma.remedy.findMany({
      where: {
        shop,
        status: "done",
        kind: { in: ["refund", "cancel_order", "reship", "substitution"] },
        executedAt: { gte: since },
        amount: { not: null },
      },
      select: { kind: true, amount: true, executedAt: true },
    }),
    prisma.remedy.findMany({
      where: { shop, kind: "compensation_code", redeemedAt: { gte: since } },
      select: { redeemedAmount: true, redeemedAt: true },
    }),
  ]);
  const bucketOf = (at: Date) => {
    const local = new TZDate(at.getTime(), timezone);
    return monthly ? startOfMonth(local) : startOfWeek(local, { weekStartsOn: 1 });
  };
  const buckets = new Map<number, Record<CostKind, number>>();
  const empty = () => Object.fromEntries(COST_KINDS.map((k) => [k, 0])) as Record<CostKind, number>;
  // Calendar steps in the shop's zone: a week across a clock change is not 7 × 24 hours.
  for (
    let at = bucketOf(since);
    at.getTime() <= now.getTime();
    at = monthly ? addMonths(at, 1) : addWeeks(at, 1)
  ) {
    buckets.set(at.getTime(), empty());
  }
  const add = (at: Date, kind: CostKind, amount: string | null) => {
    const row = buckets.get(bucketOf(at).getTime());
    if (row && amount) row[kind] += toCents(amount);
  };
  for (const r of done) add(r.executedAt!, r.kind as CostKind, r.amount);
  for (const r of redeemed) add(r.redeemedAt!, "compensation_code", r.redeemedAmount);
  return [...buckets.entries()].map(([start, cents]): CostBucket => ({
    start: new Date(start).toISOString(),
    label: format(new TZDate(start, timezone), monthly ? "MMM yyyy" : "d MMM"),
    total: fromCents(COST_KINDS.reduce((sum, k) => sum + cents[k], 0)),
    ...(Object.fromEntries(COST_KINDS.map((k) => [k, fromCents(cents[k])])) as Record<CostKind, string>),
  }));
}

export async function shopInsights(
  prisma: PrismaClient,
  shop: string,
  query: InsightsQuery,
  timezone: string,
  now = new Date(),
) {
  const days = Number(query.days);
  const since = new Date(subDays(startOfDay(new TZDate(now.getTime(), timezone)), days - 1).getTime());
  const [carriers, costs] = await Promise.all([
    carrierScorecard(prisma, shop, since),
    remedyCosts(prisma, shop, since, timezone, now, days > 90),
  ]);
  return {
    since: since.toISOString(),
    days,
    carriers,
    costs,
    totalCost: fromCents(costs.reduce((sum, b) => sum + toCents(b.total), 0)),
  };
}
