// The words of the incident domain (see shared DESIGN: Incident, Evidence, Timeline, SLA).

export const INCIDENT_TYPES = [
  "stock_mismatch",
  "late_shipment",
  "late_delivery",
  "delivery_failed",
  "cod_amount_mismatch",
  "wrong_item",
  "damaged_delivery",
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const OPEN_STATUSES = ["open", "customer_contacted", "awaiting_customer", "remedied"] as const;
export type IncidentStatus = (typeof OPEN_STATUSES)[number] | "closed" | "dismissed";

export type Actor = "shopify" | "makegood" | "merchant" | "rule" | "customer";

/** The order an incident is about, as the snapshots know it. */
export type OrderRef = {
  shop: string;
  orderId: string;
  orderName: string;
  customerId: string | null;
  customerEmail: string | null;
  customerLocale: string | null;
};

/** Something seen that makes (or confirms) an incident. */
export type Signal = {
  order: OrderRef;
  type: IncidentType;
  /** What on the order: a line item, a fulfillment, or the order itself (gid). */
  subject: string;
  summary: string;
  evidence: Record<string, unknown>;
  observedAt: Date;
  /** The inbox event key or scan that saw it: the same source twice is one signal. */
  source: string;
  actor: Actor;
  /** A standing condition a check of ours sees each time it looks (the stock check): on an open
   *  incident it is recorded once per change of what is seen (its summary), not once per look. */
  standing?: boolean;
};

/** Service deadlines. A shop's own come from its settings (`slaOf`); the default is the settings'
 *  default: acknowledge at once, answer within a day. */
export type SlaPolicy = { acknowledgeWithinMs: number; answerWithinMs: number };
export const DEFAULT_SLA: SlaPolicy = { acknowledgeWithinMs: 0, answerWithinMs: 24 * 60 * 60 * 1000 };

export const openKeyOf = (orderId: string, type: IncidentType, subject: string) =>
  `${orderId}|${type}|${subject}`;
