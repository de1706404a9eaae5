// What a person reads on the stage: dates in the shop's time zone and in words, money with its
// currency, and an order's state as the Shopify admin would say it.
import type { Fulfillment, Order, ShopState } from "../store";
import { fromCents } from "../money";
import { orderMoney } from "../store-orders";

export function when(date: Date, timeZone: string, withTime = true) {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
    ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}),
  }).format(date);
}

export const money = (amount: string, currency: string) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(Number(amount));

/** "1 day and 3 hours": how far ahead of real time the stage is. */
export function duration(ms: number) {
  const hours = Math.round(ms / 3_600_000);
  const days = Math.floor(hours / 24);
  const parts = [
    days && `${days} day${days === 1 ? "" : "s"}`,
    hours % 24 && `${hours % 24} hour${hours % 24 === 1 ? "" : "s"}`,
  ].filter(Boolean);
  return parts.length ? parts.join(" and ") : "less than an hour";
}

const SHIPMENT_WORDS: Record<string, string> = {
  confirmed: "confirmed",
  label_printed: "label printed",
  label_purchased: "label bought",
  carrier_picked_up: "picked up by the carrier",
  in_transit: "in transit",
  out_for_delivery: "out for delivery",
  delayed: "delayed",
  failure: "delivery failed",
  attempted_delivery: "delivery attempted",
  delivered: "delivered",
  ready_for_pickup: "ready for pickup",
};

export const shipmentWords = (status: string | null) =>
  status ? (SHIPMENT_WORDS[status] ?? status.replace(/_/g, " ")) : "shipped, no carrier news yet";

/** A parcel in words: "#1031.1 · SEUR SE1031 · in transit, expected Friday 4 December 2026". */
export function parcelWords(f: Fulfillment, timeZone: string) {
  const tracking = [f.trackingCompany, f.trackingNumber].filter(Boolean).join(" ") || "no tracking";
  const expected =
    f.estimatedDeliveryAt && f.shipmentStatus !== "delivered"
      ? `, expected ${when(f.estimatedDeliveryAt, timeZone, false)}`
      : "";
  return `${f.name} · ${tracking} · ${shipmentWords(f.shipmentStatus)}${expected}`;
}

/** Payment, shipping and cancellation in words, as the admin's order list shows them. */
export function orderState(shop: ShopState, order: Order) {
  const m = orderMoney(order);
  const currency = order.currencyCode;
  const payment =
    order.financialStatus === "pending"
      ? "payment pending (cash on delivery)"
      : m.refunded > 0
        ? `paid ${money(fromCents(m.received), currency)}, refunded ${money(fromCents(m.refunded), currency)}`
        : `paid ${money(fromCents(m.received), currency)}`;
  const fos = shop.fulfillmentOrders.filter((f) => f.orderId === order.id);
  const held = fos.filter((f) => f.status === "ON_HOLD");
  const shipping = order.cancelledAt
    ? "cancelled"
    : held.length
      ? `on hold (${held.flatMap((f) => f.holds.map((h) => h.reason.toLowerCase().replace(/_/g, " "))).join(", ")})`
      : order.fulfillmentStatus === "fulfilled"
        ? "fulfilled"
        : order.fulfillmentStatus === "partial"
          ? "partly fulfilled"
          : "waiting to ship";
  return { payment, shipping };
}
