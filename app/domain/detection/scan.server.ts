// The deadline scan: every order of the shop's watch window is read from Shopify (paged, within
// the cost budget the Admin client keeps) and judged against its ship-by and deliver-by dates, so
// a deadline that passes with no webhook at all still opens its incident. Repeated scans add
// nothing: a finding's source is its deadline, and an incident whose problem went away closes.
import type { PrismaClient } from "@prisma/client";
import type { AdminClient, ResultOf } from "../../shopify/client.server";
import { OrdersToWatchQuery, type WatchedOrder } from "../../shopify/documents/watch";
import { raiseIncident, resolveIncidents } from "../incidents/incidents.server";
import { getShopSettings } from "../settings/settings.server";
import { slaOf, type ShopSettings } from "../settings/settings";
import type { Calendar } from "./deadlines";
import { detectLateDeliveries, detectLateShipment, type LateFinding } from "./late";
import { findOrderData } from "../../models/order.server";
import { orderRefFrom } from "../../models/order-ref.server";

export type ScanResult = { orders: number; pages: number; opened: number; confirmed: number; closed: number };

const LATE_TYPES = ["late_shipment", "late_delivery"] as const;

/** Why a late incident is no longer a problem, from the order as Shopify has it now. */
function goneAwayReason(order: WatchedOrder, type: (typeof LATE_TYPES)[number], subject: string): string {
  if (type === "late_shipment") {
    return order.fulfillmentOrders.nodes.some(
      (fo) => fo.status === "OPEN" || fo.status === "IN_PROGRESS" || fo.status === "ON_HOLD",
    )
      ? "no longer late: the ship-by date moved"
      : "shipped";
  }
  const parcel = order.fulfillments.find((f) => f.id === subject);
  if (parcel?.deliveredAt || parcel?.displayStatus === "DELIVERED") return "delivered";
  if (parcel && parcel.displayStatus && parcel.displayStatus !== "IN_TRANSIT")
    return `carrier status ${parcel.displayStatus.toLowerCase().replace(/_/g, " ")}`;
  return "no longer late: the carrier's estimate moved";
}

async function judgeOrder(
  prisma: PrismaClient,
  shop: string,
  order: WatchedOrder,
  findings: LateFinding[],
  settings: ShopSettings,
  now: Date,
) {
  return prisma.$transaction(async (tx) => {
    const counts = { opened: 0, confirmed: 0, closed: 0 };
    // No snapshot (an order placed before the install): whom to tell comes from what the scan read.
    const ref = orderRefFrom(
      shop,
      order.id,
      (await findOrderData(tx, shop, order.id)) ?? {
        name: order.name,
        email: order.email,
        customer: order.customer && { admin_graphql_api_id: order.customer.id },
        customer_locale: order.customer?.locale ?? null,
      },
    );
    for (const f of findings) {
      const outcome = await raiseIncident(
        tx,
        {
          order: ref,
          type: f.type,
          subject: f.subject,
          actor: "makegood",
          observedAt: now,
          summary: f.summary,
          evidence: f.evidence,
          // The same deadline seen by every scan is one signal; a moved deadline is a new one.
          source: `scan:${f.type}:${f.subject}@${f.deadline.toISOString()}`,
        },
        slaOf(settings),
      );
      counts[outcome.opened ? "opened" : "confirmed"]++;
    }
    const open = await tx.incident.findMany({
      where: { shop, orderId: order.id, type: { in: [...LATE_TYPES] }, openKey: { not: null } },
    });
    for (const incident of open) {
      if (findings.some((f) => f.type === incident.type && f.subject === incident.subject)) continue;
      const reason = goneAwayReason(order, incident.type as (typeof LATE_TYPES)[number], incident.subject);
      counts.closed += await resolveIncidents(tx, {
        shop,
        orderId: order.id,
        types: [incident.type as (typeof LATE_TYPES)[number]],
        subject: incident.subject,
        reason,
        at: now,
        actor: "makegood",
        source: `scan:${incident.id}:${reason}`,
      });
    }
    return counts;
  });
}

/** Shopify's display status as the fulfillment webhooks' shipment_status names it (null: none yet). */
const shipmentStatusOf = (displayStatus: string | null) =>
  !displayStatus || displayStatus === "FULFILLED" || displayStatus === "CANCELED"
    ? null
    : displayStatus.toLowerCase();

/**
 * The parcels of the page the app holds no snapshot of (sent before the install, or whose webhook
 * never came), recorded from what the scan read: the carrier scorecard counts every parcel that
 * left, not only the ones that went wrong.
 */
async function recordUnseenParcels(prisma: PrismaClient, shop: string, orders: WatchedOrder[]) {
  const parcels = orders.flatMap((o) => o.fulfillments.map((f) => ({ order: o, f })));
  if (!parcels.length) return;
  const known = new Set(
    (
      await prisma.fulfillmentSnapshot.findMany({
        where: { shop, fulfillmentId: { in: parcels.map((p) => p.f.id) } },
        select: { fulfillmentId: true },
      })
    ).map((p) => p.fulfillmentId),
  );
  for (const { order, f } of parcels.filter((p) => !known.has(p.f.id))) {
    const tracking = f.trackingInfo[0];
    const fields = {
      orderId: order.id,
      status: f.status.toLowerCase(),
      shipmentStatus: shipmentStatusOf(f.displayStatus),
      trackingCompany: tracking?.company ?? null,
      trackingNumber: tracking?.number ?? null,
      shippedAt: new Date(f.createdAt),
      // A millisecond older than Shopify's updated_at: the parcel's own webhook, or reconciliation
      // (which records only what is newer than a snapshot), replaces it with its lines.
      data: JSON.stringify({ seenBy: "scan", ...f }),
      shopifyUpdatedAt: new Date(Date.parse(f.updatedAt) - 1),
    };
    // A webhook applied meanwhile wins: nothing is overwritten.
    await prisma.fulfillmentSnapshot.upsert({
      where: { shop_fulfillmentId: { shop, fulfillmentId: f.id } },
      create: { shop, fulfillmentId: f.id, ...fields },
      update: {},
    });
  }
}

export async function scanShop(
  prisma: PrismaClient,
  admin: AdminClient,
  shop: string,
  now = new Date(),
): Promise<ScanResult> {
  const settings = await getShopSettings(prisma, shop);
  const since = new Date(now.getTime() - settings.watchDays * 86_400_000);
  const result: ScanResult = { orders: 0, pages: 0, opened: 0, confirmed: 0, closed: 0 };
  let after: string | null = null;
  do {
    const page: ResultOf<typeof OrdersToWatchQuery> = await admin.request(OrdersToWatchQuery, {
      query: `created_at:>='${since.toISOString()}'`,
      after,
    });
    const calendar: Calendar = {
      timezone: settings.timezone ?? page.shop.ianaTimezone,
      holidays: settings.holidays,
      workdays: settings.workdays,
    };
    result.pages++;
    await recordUnseenParcels(prisma, shop, page.orders.nodes);
    // The page's orders that have a late incident open: one query a page, not one an order.
    const withOpen = new Set(
      (
        await prisma.incident.findMany({
          where: {
            shop,
            orderId: { in: page.orders.nodes.map((o) => o.id) },
            type: { in: [...LATE_TYPES] },
            openKey: { not: null },
          },
          select: { orderId: true },
        })
      ).map((i) => i.orderId),
    );
    for (const order of page.orders.nodes) {
      result.orders++;
      const late = detectLateShipment(order, now, settings, calendar);
      const findings = [...(late ? [late] : []), ...detectLateDeliveries(order, now, settings, calendar)];
      if (findings.length === 0 && !withOpen.has(order.id)) continue; // nothing late and nothing to close: no transaction
      const counts = await judgeOrder(prisma, shop, order, findings, settings, now);
      result.opened += counts.opened;
      result.confirmed += counts.confirmed;
      result.closed += counts.closed;
    }
    after = page.orders.pageInfo.hasNextPage ? page.orders.pageInfo.endCursor : null;
  } while (after);
  return result;
}
