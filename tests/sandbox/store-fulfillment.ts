// Fulfillment in the sandbox: holds on fulfillment orders, fulfillments with tracking, and the
// carrier's events, each announced as Shopify announces it.
import type { Fulfillment, FulfillmentOrder, SandboxStore, ShopState } from "./store";

export type UserError = { field: string[] | null; message: string; code?: string };
type Outcome<T> = { ok: T; errors?: undefined } | { ok?: undefined; errors: UserError[] };

const HOLD_LIMIT = 10;

export function findFulfillmentOrder(shop: ShopState, id: number) {
  return shop.fulfillmentOrders.find((f) => f.id === id);
}

export function holdFulfillmentOrder(
  store: SandboxStore,
  domain: string,
  id: number,
  input: { reason: string; reasonNotes?: string | null; handle?: string | null },
): Outcome<{ fulfillmentOrder: FulfillmentOrder; hold: FulfillmentOrder["holds"][number] }> {
  const shop = store.shop(domain);
  const fo = findFulfillmentOrder(shop, id);
  if (!fo)
    return {
      errors: [
        { field: ["id"], message: "Fulfillment order does not exist.", code: "FULFILLMENT_ORDER_NOT_FOUND" },
      ],
    };
  if (fo.status !== "OPEN" && fo.status !== "ON_HOLD" && fo.status !== "SCHEDULED") {
    return {
      errors: [
        {
          field: ["id"],
          message: `Cannot hold a fulfillment order with status ${fo.status}.`,
          code: "TAKEN",
        },
      ],
    };
  }
  if (input.handle && fo.holds.some((h) => h.handle === input.handle)) {
    return {
      errors: [
        {
          field: ["fulfillmentHold", "handle"],
          message:
            "The handle provided for the fulfillment hold is already in use by this app for another hold on this fulfillment order.",
          code: "DUPLICATE_FULFILLMENT_HOLD_HANDLE",
        },
      ],
    };
  }
  if (fo.holds.length >= HOLD_LIMIT) {
    return {
      errors: [
        {
          field: ["id"],
          message:
            "The maximum number of fulfillment holds for this fulfillment order has been reached for this app.",
          code: "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED",
        },
      ],
    };
  }
  const hold = {
    id: store.id(),
    reason: input.reason,
    reasonNotes: input.reasonNotes ?? null,
    handle: input.handle ?? null,
  };
  fo.holds.push(hold);
  fo.status = "ON_HOLD";
  fo.updatedAt = store.clock.now();
  store.emit_(domain, "fulfillment_orders/placed_on_hold", () => ({ fulfillmentOrder: fo, hold }));
  return { ok: { fulfillmentOrder: fo, hold } };
}

export function releaseFulfillmentHolds(
  store: SandboxStore,
  domain: string,
  id: number,
  holdIds?: number[],
): Outcome<FulfillmentOrder> {
  const fo = findFulfillmentOrder(store.shop(domain), id);
  if (!fo)
    return {
      errors: [
        { field: ["id"], message: "Fulfillment order does not exist.", code: "FULFILLMENT_ORDER_NOT_FOUND" },
      ],
    };
  fo.holds = holdIds ? fo.holds.filter((h) => !holdIds.includes(h.id)) : [];
  if (fo.status === "ON_HOLD" && fo.holds.length === 0) fo.status = "OPEN";
  fo.updatedAt = store.clock.now();
  store.emit_(domain, "fulfillment_orders/hold_released", () => ({ fulfillmentOrder: fo }));
  return { ok: fo };
}

/** Ships every remaining unit of a fulfillment order; stock leaves `committed` and `on_hand`. */
export function createFulfillment(
  store: SandboxStore,
  domain: string,
  fulfillmentOrderId: number,
  input: {
    company?: string | null;
    number?: string | null;
    url?: string | null;
    estimatedDeliveryAt?: Date | null;
    at?: Date;
  } = {},
): Outcome<Fulfillment> {
  const shop = store.shop(domain);
  const fo = findFulfillmentOrder(shop, fulfillmentOrderId);
  if (!fo)
    return {
      errors: [
        {
          field: ["fulfillment", "lineItemsByFulfillmentOrder"],
          message: "Fulfillment order does not exist.",
        },
      ],
    };
  if (fo.status === "ON_HOLD")
    return { errors: [{ field: ["fulfillment"], message: "The fulfillment order is on hold." }] };
  const lines = fo.lineItems.filter((l) => l.remainingQuantity > 0);
  if (fo.status === "CLOSED" || fo.status === "CANCELLED" || lines.length === 0) {
    return {
      errors: [{ field: ["fulfillment"], message: "The fulfillment order has no unfulfilled line items." }],
    };
  }
  const order = shop.orders.find((o) => o.id === fo.orderId)!;
  const now = input.at ?? store.clock.now();
  const fulfillment: Fulfillment = {
    id: store.id(),
    orderId: order.id,
    fulfillmentOrderId: fo.id,
    locationId: fo.locationId,
    name: `${order.name}.${shop.fulfillments.filter((f) => f.orderId === order.id).length + 1}`,
    status: "SUCCESS",
    shipmentStatus: null,
    trackingCompany: input.company ?? null,
    trackingNumber: input.number ?? null,
    trackingUrl: input.url ?? null,
    estimatedDeliveryAt: input.estimatedDeliveryAt ?? null,
    inTransitAt: null,
    deliveredAt: null,
    createdAt: now,
    updatedAt: now,
    events: [],
    lineItems: lines.map((l) => ({ lineItemId: l.lineItemId, quantity: l.remainingQuantity })),
  };
  for (const line of lines) {
    const li = order.lineItems.find((x) => x.id === line.lineItemId)!;
    li.fulfillableQuantity -= line.remainingQuantity;
    const variant = shop.variants.find((v) => v.id === li.variantId);
    if (variant)
      store.changeQuantities(
        domain,
        variant.inventoryItemId,
        fo.locationId,
        { committed: -line.remainingQuantity },
        false,
      );
    line.remainingQuantity = 0;
  }
  fo.status = "CLOSED";
  fo.updatedAt = now;
  shop.fulfillments.push(fulfillment);
  const open = order.lineItems.some((li) => li.fulfillableQuantity > 0);
  order.fulfillmentStatus = open ? "partial" : "fulfilled";
  order.updatedAt = now;
  store.emit_(domain, "fulfillments/create", () => ({ fulfillment }));
  store.emit_(domain, "orders/updated", () => ({ order }));
  return { ok: fulfillment };
}

const SHIPMENT_STATUSES = new Set([
  "ATTEMPTED_DELIVERY",
  "CARRIER_PICKED_UP",
  "CONFIRMED",
  "DELAYED",
  "DELIVERED",
  "FAILURE",
  "IN_TRANSIT",
  "LABEL_PRINTED",
  "LABEL_PURCHASED",
  "OUT_FOR_DELIVERY",
  "READY_FOR_PICKUP",
]);

/** The carrier reports on a parcel: an event, a new shipment status, perhaps a new estimate. */
export function addFulfillmentEvent(
  store: SandboxStore,
  domain: string,
  fulfillmentId: number,
  input: { status: string; message?: string | null; happenedAt?: Date; estimatedDeliveryAt?: Date | null },
): Outcome<Fulfillment> {
  const fulfillment = store.shop(domain).fulfillments.find((f) => f.id === fulfillmentId);
  if (!fulfillment)
    return {
      errors: [{ field: ["fulfillmentEvent", "fulfillmentId"], message: "Fulfillment does not exist." }],
    };
  if (!SHIPMENT_STATUSES.has(input.status))
    return {
      errors: [{ field: ["fulfillmentEvent", "status"], message: `Unknown status ${input.status}.` }],
    };
  const now = store.clock.now();
  const event = {
    id: store.id(),
    status: input.status,
    message: input.message ?? null,
    happenedAt: input.happenedAt ?? now,
    createdAt: now,
    estimatedDeliveryAt: input.estimatedDeliveryAt ?? null,
  };
  fulfillment.events.push(event);
  fulfillment.shipmentStatus = input.status.toLowerCase();
  if (input.estimatedDeliveryAt) fulfillment.estimatedDeliveryAt = input.estimatedDeliveryAt;
  if (input.status === "IN_TRANSIT" && !fulfillment.inTransitAt) fulfillment.inTransitAt = event.happenedAt;
  if (input.status === "DELIVERED") fulfillment.deliveredAt = event.happenedAt;
  fulfillment.updatedAt = now;
  store.emit_(domain, "fulfillment_events/create", () => ({ fulfillment, event }));
  store.emit_(domain, "fulfillments/update", () => ({ fulfillment }));
  return { ok: fulfillment };
}
