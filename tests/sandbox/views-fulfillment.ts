// GraphQL views of fulfillment orders, holds, fulfillments and carrier events.
import { connection } from "./connection";
import { gid } from "./ids";
import type { Fulfillment, FulfillmentHold, FulfillmentOrder, ShopState } from "./store";
import { locationView, moneyBag, orderView, variantView } from "./views";

type Args = Record<string, unknown>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

const HOLD_REASON_TEXT: Record<string, string> = {
  AWAITING_PAYMENT: "Awaiting payment",
  HIGH_RISK_OF_FRAUD: "High risk of fraud",
  INCORRECT_ADDRESS: "Incorrect address",
  INVENTORY_OUT_OF_STOCK: "Inventory out of stock",
  UNKNOWN_DELIVERY_DATE: "Unknown delivery date",
  OTHER: "Other",
  AWAITING_RETURN_ITEMS: "Awaiting return items",
  ONLINE_STORE_POST_PURCHASE_CROSS_SELL: "Post-purchase upsell",
};

export function holdView(hold: FulfillmentHold) {
  return {
    __typename: "FulfillmentHold",
    id: gid("FulfillmentHold", hold.id),
    reason: hold.reason,
    reasonNotes: hold.reasonNotes,
    handle: hold.handle,
    displayReason: HOLD_REASON_TEXT[hold.reason] ?? hold.reason,
    heldByRequestingApp: true,
  };
}

export function fulfillmentOrderView(shop: ShopState, fo: FulfillmentOrder): Record<string, unknown> {
  const order = shop.orders.find((o) => o.id === fo.orderId)!;
  const location = shop.locations.find((l) => l.id === fo.locationId)!;
  return {
    __typename: "FulfillmentOrder",
    id: gid("FulfillmentOrder", fo.id),
    status: fo.status,
    requestStatus: "UNSUBMITTED",
    orderId: gid("Order", order.id),
    orderName: order.name,
    orderProcessedAt: iso(order.processedAt),
    createdAt: iso(fo.createdAt),
    updatedAt: iso(fo.updatedAt),
    fulfillAt: iso(fo.fulfillAt),
    fulfillBy: iso(fo.fulfillBy),
    fulfillmentHolds: fo.holds.map(holdView),
    order: () => orderView(shop, order),
    assignedLocation: {
      name: location.name,
      countryCode: "ES",
      city: "Madrid",
      location: () => locationView(shop, location),
    },
    supportedActions: () =>
      (fo.status === "ON_HOLD"
        ? ["RELEASE_HOLD", "HOLD"]
        : fo.status === "OPEN"
          ? ["CREATE_FULFILLMENT", "HOLD"]
          : []
      ).map((action) => ({ action })),
    lineItems: (args: Args) =>
      connection(fo.lineItems, args, (l) => {
        const li = order.lineItems.find((x) => x.id === l.lineItemId)!;
        const variant = shop.variants.find((v) => v.id === li.variantId);
        return {
          __typename: "FulfillmentOrderLineItem",
          id: gid("FulfillmentOrderLineItem", l.id),
          totalQuantity: l.totalQuantity,
          remainingQuantity: l.remainingQuantity,
          sku: li.sku,
          productTitle: li.title,
          variantTitle: li.variantTitle,
          vendor: li.vendor,
          requiresShipping: true,
          originalUnitPriceSet: moneyBag(li.price, order.currencyCode),
          inventoryItemId: variant ? gid("InventoryItem", variant.inventoryItemId) : null,
          variant: () => (variant ? variantView(shop, variant) : null),
          lineItem: () =>
            (orderView(shop, order).lineItems as (a: Args) => { nodes: { id: string }[] })({
              first: 250,
            }).nodes.find((n) => n.id === gid("LineItem", li.id)),
        };
      }),
    fulfillments: (args: Args) =>
      connection(
        shop.fulfillments.filter((f) => f.fulfillmentOrderId === fo.id),
        args,
        (f) => fulfillmentView(shop, f),
      ),
  };
}

export function fulfillmentView(shop: ShopState, f: Fulfillment): Record<string, unknown> {
  const order = shop.orders.find((o) => o.id === f.orderId)!;
  const displayStatus =
    f.status === "CANCELLED" ? "CANCELED" : f.shipmentStatus ? f.shipmentStatus.toUpperCase() : "FULFILLED";
  return {
    __typename: "Fulfillment",
    id: gid("Fulfillment", f.id),
    legacyResourceId: String(f.id),
    name: f.name,
    status: f.status,
    displayStatus,
    createdAt: iso(f.createdAt),
    updatedAt: iso(f.updatedAt),
    estimatedDeliveryAt: iso(f.estimatedDeliveryAt),
    inTransitAt: iso(f.inTransitAt),
    deliveredAt: iso(f.deliveredAt),
    requiresShipping: true,
    totalQuantity: f.lineItems.reduce((sum, l) => sum + l.quantity, 0),
    // What went in this parcel, line by line. The store keeps no id of its own for these: one is
    // derived from the parcel and the line, stable and never shared with another parcel's.
    fulfillmentLineItems: (args: Args) =>
      connection(f.lineItems, args, (l) => ({
        __typename: "FulfillmentLineItem",
        id: gid("FulfillmentLineItem", f.id * 1000 + f.lineItems.indexOf(l)),
        quantity: l.quantity,
        lineItem: () =>
          (orderView(shop, order).lineItems as (a: Args) => { nodes: { id: string }[] })({
            first: 250,
          }).nodes.find((n) => n.id === gid("LineItem", l.lineItemId)),
      })),
    trackingInfo: ({ first }: Args) =>
      (f.trackingCompany || f.trackingNumber
        ? [{ company: f.trackingCompany, number: f.trackingNumber, url: f.trackingUrl }]
        : []
      ).slice(0, (first as number) ?? undefined),
    order: () => orderView(shop, order),
    location: () => {
      const l = shop.locations.find((x) => x.id === f.locationId);
      return l ? locationView(shop, l) : null;
    },
    events: (args: Args) =>
      connection(f.events, args, (e) => ({
        __typename: "FulfillmentEvent",
        id: gid("FulfillmentEvent", e.id),
        status: e.status,
        message: e.message,
        happenedAt: iso(e.happenedAt),
        createdAt: iso(e.createdAt),
        estimatedDeliveryAt: iso(e.estimatedDeliveryAt),
        address1: null,
        city: null,
        province: null,
        zip: null,
        country: null,
        latitude: null,
        longitude: null,
      })),
  };
}
