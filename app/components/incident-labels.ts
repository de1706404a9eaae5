// How incidents read in the merchant's pages: every type, status, actor and piece of evidence in
// words, never the keys the database stores.
import { dateFormats, isIsoInstant, type ShopClock } from "../domain/dates";

export const TYPE_LABEL: Record<string, string> = {
  stock_mismatch: "Stock mismatch",
  late_shipment: "Late shipment",
  late_delivery: "Late delivery",
  delivery_failed: "Delivery failed",
  cod_amount_mismatch: "COD amount changed",
  wrong_item: "Wrong item",
  damaged_delivery: "Damaged delivery",
};

export const STATUS_LABEL: Record<string, string> = {
  open: "Open",
  customer_contacted: "Customer contacted",
  awaiting_customer: "Awaiting customer",
  remedied: "Remedied",
  closed: "Closed",
  dismissed: "Dismissed",
};

export const STATUS_TONE: Record<string, "info" | "success" | "attention" | "critical" | undefined> = {
  open: "critical",
  customer_contacted: "attention",
  awaiting_customer: "attention",
  remedied: "info",
  closed: "success",
  dismissed: undefined,
};

/** Who did a step on the timeline. */
/** A remedy as the merchant reads it on the incident. */
export const REMEDY_LABEL: Record<string, string> = {
  compensation_code: "Compensation code",
  refund: "Refund",
  substitution: "Substitute sent instead",
  reship: "Replacement order",
  leave_out: "Left out of the order",
  cancel_order: "Cancelling the order",
};
export const REMEDY_STATUS_LABEL: Record<string, string> = {
  decided: "decided",
  executing: "in progress",
  done: "done",
  failed: "could not reach Shopify — try again",
  refused: "refused by Shopify",
};

export const ACTOR_LABEL: Record<string, string> = {
  shopify: "Shopify",
  makegood: "MakeGood",
  merchant: "Your team",
  rule: "Your rules",
  customer: "The customer",
};

/** A key or enum as words: "awaiting_customer" → "awaiting customer", "onHand" → "on hand", "IN_TRANSIT" → "in transit". */
export const words = (s: string) =>
  s
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
const sentence = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** A stored value by its label, else as words with a capital (a value added later still reads). */
export const labelOf = (labels: Record<string, string>, key: string | null | undefined) =>
  key ? (labels[key] ?? sentence(words(key))) : "";

const ORDER_STATUS: Record<string, string> = {
  pending: "Payment pending",
  authorized: "Payment authorized",
  partially_paid: "Partially paid",
  paid: "Paid",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
  voided: "Voided",
  fulfilled: "Fulfilled",
  partial: "Partially fulfilled",
  unfulfilled: "Unfulfilled",
  restocked: "Restocked",
};
/** An order's payment or fulfillment status as Shopify's admin words it. */
export const orderStatusLabel = (status: string | null | undefined) =>
  labelOf(ORDER_STATUS, status ?? "unfulfilled");

const PARCEL_STATUS: Record<string, string> = {
  label_printed: "Label printed",
  label_purchased: "Label purchased",
  confirmed: "Confirmed",
  in_transit: "In transit",
  out_for_delivery: "Out for delivery",
  attempted_delivery: "Delivery attempted",
  ready_for_pickup: "Ready for pickup",
  picked_up: "Picked up",
  delivered: "Delivered",
  failure: "Delivery failed",
  success: "Shipped",
  pending: "Pending",
  open: "Open",
  cancelled: "Cancelled",
  error: "Error",
};
/** A parcel's state: the carrier's latest word when there is one, else the fulfillment's. */
export const parcelStatusLabel = (shipmentStatus: string | null, status: string) =>
  labelOf(PARCEL_STATUS, (shipmentStatus ?? status).toLowerCase());

// Evidence fields that are plumbing (ids, who asked, parts shown with another field) rather than
// what the merchant needs to see; `settled` too: the workspace says "Fixed — now tell the customer".
const HIDDEN_EVIDENCE = /(Id|At|requestedBy|source|flaggedBy|currency|fulfillmentOrders)$|^settled$/;

const EVIDENCE_LABEL: Record<string, string> = {
  reason: "Reason",
  short: "Cannot ship",
  quantity: "Ordered",
  sku: "SKU",
  note: "Note",
  stock: "Stock at the location",
  shipBy: "Ship by",
  deliverBy: "Deliver by",
  basis: "Deadline from",
  businessDaysLate: "Business days late",
  handlingDays: "Handling time",
  carrier: "Carrier",
  trackingNumber: "Tracking number",
  displayStatus: "Carrier status",
  status: "Carrier event",
  message: "Carrier's words",
  told: "Customer was told",
  due: "Courier will collect",
  difference: "Difference",
  gateways: "Payment",
};

const EVIDENCE_VALUE: Record<string, string> = {
  damaged_or_expired: "the units left are damaged or expired",
  oversold: "more sold than in stock",
  expired: "expired",
  damaged: "damaged",
  missing: "missing",
  wrong_item: "wrong item",
  arrived_damaged: "arrived damaged",
  fulfill_by: "Shopify's fulfill-by date",
  handling_days: "your handling time",
  carrier_estimate: "the carrier's estimate",
  transit_days: "the usual transit time",
  carrier_delayed: "the carrier reported a delay",
  failure: "delivery failed",
  attempted_delivery: "delivery attempted",
  delayed: "delayed",
};

const STOCK_PART: Record<string, string> = {
  available: "available",
  committed: "committed",
  onHand: "on hand",
  damaged: "damaged",
};
const MONEY = new Set(["told", "due", "difference"]);

/** A value as words: enums by their label, instants in the shop's zone, lists joined. */
function valueText(
  key: string,
  value: unknown,
  evidence: Record<string, unknown>,
  clock: ShopClock,
): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value)) {
    const parts = value
      .filter((v) => typeof v !== "object")
      .map((v) => valueText(key, v, evidence, clock))
      .filter(Boolean);
    return parts.length ? parts.join(", ") : null;
  }
  if (typeof value === "object") {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => typeof v !== "object")
      .map(([k, v]) => `${String(v)} ${STOCK_PART[k] ?? words(k)}`);
    return parts.length ? parts.join(" · ") : null;
  }
  if (isIsoInstant(value)) return dateFormats(clock).at(value);
  if (MONEY.has(key) && typeof evidence.currency === "string") return `${String(value)} ${evidence.currency}`;
  if (key === "handlingDays") return `${String(value)} business day${value === 1 ? "" : "s"}`;
  if (typeof value === "string")
    return EVIDENCE_VALUE[value] ?? (/^[A-Za-z]+(_[A-Za-z]+)+$/.test(value) ? words(value) : value);
  return String(value);
}

/** What was seen, as label and value pairs: "Stock at the location" → "-1 available · 1 committed · 1 damaged". */
export function evidenceFacts(evidence: Record<string, unknown>, clock: ShopClock): [string, string][] {
  const facts: [string, string][] = [];
  for (const [key, value] of Object.entries(evidence)) {
    if (HIDDEN_EVIDENCE.test(key)) continue;
    const text = valueText(key, value, evidence, clock);
    if (text !== null) facts.push([labelOf(EVIDENCE_LABEL, key), text]);
  }
  return facts;
}
