// Late shipments and late deliveries: plain functions over an order as the scan reads it.
//
// Ship-by: Shopify's fulfillBy when it gives one, else the shop's handling time in business days
// from when the order was processed. Deliver-by: the carrier's estimated delivery when there is
// one, else the carrier's (or the shop's default) transit time from when the parcel left.
import type { WatchedFulfillment, WatchedOrder } from "../../shopify/documents/watch";
import { transitDaysFor, type ShopSettings } from "../settings/settings";
import { addBusinessDays, businessDaysLate, type Calendar } from "./deadlines";

export type LateFinding = {
  type: "late_shipment" | "late_delivery";
  /** The order (late shipment) or the parcel (late delivery). */
  subject: string;
  deadline: Date;
  basis: "fulfill_by" | "handling_days" | "carrier_estimate" | "transit_days" | "carrier_delayed";
  businessDaysLate: number;
  summary: string;
  evidence: Record<string, unknown>;
};

const UNSHIPPED = new Set(["OPEN", "IN_PROGRESS", "ON_HOLD"]);
/** Parcels whose journey has ended one way or another: not "in transit" any more. */
const JOURNEY_OVER = new Set([
  "DELIVERED",
  "FAILURE",
  "ATTEMPTED_DELIVERY",
  "CANCELED",
  "PICKED_UP",
  "READY_FOR_PICKUP",
  "NOT_DELIVERED",
]);

// Summaries name their deadline as a token ({shipBy:day}) whose instant is in the evidence: the
// page writes it in the shop's zone and locale when shown (app/domain/dates.ts).
export function detectLateShipment(
  order: WatchedOrder,
  now: Date,
  settings: ShopSettings,
  calendar: Calendar,
): LateFinding | null {
  if (order.cancelledAt) return null;
  const waiting = order.fulfillmentOrders.nodes.filter((fo) => UNSHIPPED.has(fo.status));
  if (waiting.length === 0) return null;
  const deadlines = waiting.map((fo) =>
    fo.fulfillBy
      ? { fo, deadline: new Date(fo.fulfillBy), basis: "fulfill_by" as const }
      : {
          fo,
          deadline: addBusinessDays(new Date(order.processedAt), settings.handlingDays, calendar),
          basis: "handling_days" as const,
        },
  );
  const first = deadlines.reduce((a, b) => (b.deadline < a.deadline ? b : a));
  if (now <= first.deadline) return null;
  const late = businessDaysLate(first.deadline, now, calendar);
  return {
    type: "late_shipment",
    subject: order.id,
    deadline: first.deadline,
    basis: first.basis,
    businessDaysLate: late,
    summary: `Not shipped: due to ship by {shipBy:day}${late ? `, ${late} business day${late === 1 ? "" : "s"} late` : ""}`,
    evidence: {
      shipBy: first.deadline.toISOString(),
      basis: first.basis,
      businessDaysLate: late,
      processedAt: order.processedAt,
      handlingDays: first.basis === "handling_days" ? settings.handlingDays : undefined,
      fulfillmentOrders: waiting.map((fo) => ({ id: fo.id, status: fo.status, fulfillBy: fo.fulfillBy })),
    },
  };
}

function deliverBy(f: WatchedFulfillment, settings: ShopSettings, calendar: Calendar) {
  if (f.estimatedDeliveryAt)
    return { deadline: new Date(f.estimatedDeliveryAt), basis: "carrier_estimate" as const };
  const carrier = f.trackingInfo[0]?.company ?? null;
  const left = new Date(f.inTransitAt ?? f.createdAt);
  return {
    deadline: addBusinessDays(left, transitDaysFor(settings, carrier), calendar),
    basis: "transit_days" as const,
  };
}

export function detectLateDeliveries(
  order: WatchedOrder,
  now: Date,
  settings: ShopSettings,
  calendar: Calendar,
): LateFinding[] {
  if (order.cancelledAt) return [];
  return order.fulfillments.flatMap((f) => {
    if (f.status !== "SUCCESS" || f.deliveredAt || JOURNEY_OVER.has(f.displayStatus ?? "")) return [];
    const estimate = deliverBy(f, settings, calendar);
    // The carrier saying "delayed" is late already, whatever the estimate said.
    const delayed = f.displayStatus === "DELAYED" && now <= estimate.deadline;
    if (now <= estimate.deadline && !delayed) return [];
    const { deadline } = estimate;
    const basis = delayed ? ("carrier_delayed" as const) : estimate.basis;
    const late = businessDaysLate(deadline, now, calendar);
    const tracking = f.trackingInfo[0] ?? { company: null, number: null };
    return [
      {
        type: "late_delivery" as const,
        subject: f.id,
        deadline,
        basis,
        businessDaysLate: late,
        summary: delayed
          ? `${tracking.company ?? "The carrier"} reports the parcel delayed (expected by {deliverBy:day})`
          : `In transit with ${tracking.company ?? "the carrier"} past ${basis === "carrier_estimate" ? "its estimated delivery" : "the usual transit time"} ({deliverBy:day})`,
        evidence: {
          deliverBy: deadline.toISOString(),
          basis,
          businessDaysLate: late,
          carrier: tracking.company,
          trackingNumber: tracking.number,
          shippedAt: f.inTransitAt ?? f.createdAt,
          displayStatus: f.displayStatus,
          fulfillmentId: f.id,
        },
      },
    ];
  });
}
