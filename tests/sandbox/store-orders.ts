// Order changes the remedies need: refunds (never more than was paid), cancellation, metafields
// and inventory moves, each announced as Shopify announces it.
import type { UserError } from "./store-fulfillment";
import {
  fromCents,
  toCents,
  type Money,
  type Order,
  type QuantityName,
  type Refund,
  type SandboxStore,
  type ShopState,
} from "./store";

type Outcome<T> = { ok: T; errors?: undefined } | { ok?: undefined; errors: UserError[] };

export const currentQuantity = (li: Order["lineItems"][number]) => li.quantity - li.removedQuantity;

export function orderMoney(order: Order) {
  const subtotal = order.lineItems.reduce((sum, li) => sum + toCents(li.price) * currentQuantity(li), 0);
  const discounts =
    toCents(order.discountAmount) + order.lineItems.reduce((sum, li) => sum + toCents(li.discountAmount), 0);
  const shipping = order.shippingLines.reduce((sum, l) => sum + toCents(l.price), 0);
  const received = order.transactions
    .filter((t) => t.kind === "SALE")
    .reduce((sum, t) => sum + toCents(t.amount), 0);
  const refunded = order.transactions
    .filter((t) => t.kind === "REFUND")
    .reduce((sum, t) => sum + toCents(t.amount), 0);
  const refundedShipping = order.refunds.reduce((sum, r) => sum + toCents(r.shipping), 0);
  const total = subtotal - discounts + shipping;
  return {
    subtotal,
    discounts,
    shipping,
    total,
    received,
    refunded,
    refundedShipping,
    refundable: received - refunded,
  };
}

/** Units of a line not yet refunded. */
export function refundableQuantity(order: Order, lineItemId: number) {
  const li = order.lineItems.find((l) => l.id === lineItemId);
  if (!li) return 0;
  return (
    currentQuantity(li) -
    order.refunds
      .flatMap((r) => r.lineItems)
      .filter((l) => l.lineItemId === lineItemId)
      .reduce((sum, l) => sum + l.quantity, 0)
  );
}

/** A line's unit price after its own discount and its share of the order's codes, in cents. */
export function discountedUnitCents(order: Order, lineItemId: number) {
  const li = order.lineItems.find((l) => l.id === lineItemId)!;
  const quantity = currentQuantity(li);
  if (quantity === 0) return 0;
  const subtotal = order.lineItems.reduce((sum, l) => sum + toCents(l.price) * currentQuantity(l), 0);
  const lineTotal = toCents(li.price) * quantity;
  const share = subtotal ? toCents(order.discountAmount) * (lineTotal / subtotal) : 0;
  return Math.round((lineTotal - toCents(li.discountAmount) - share) / quantity);
}

export type RefundRequest = {
  lineItems: { lineItemId: number; quantity: number; restockType?: string }[];
  shipping?: { fullRefund?: boolean; amount?: Money };
};

/** What Shopify's suggestedRefund proposes for `request`, capped by what can still be refunded. */
export function suggestRefund(order: Order, request: RefundRequest) {
  const m = orderMoney(order);
  const lines = request.lineItems.map((l) => ({
    ...l,
    subtotal: discountedUnitCents(order, l.lineItemId) * l.quantity,
  }));
  const shippingLeft = m.shipping - m.refundedShipping;
  const shipping = request.shipping?.fullRefund
    ? shippingLeft
    : Math.min(toCents(request.shipping?.amount ?? 0), shippingLeft);
  const amount = Math.min(lines.reduce((sum, l) => sum + l.subtotal, 0) + shipping, m.refundable);
  return { lines, shipping, amount, maximumRefundable: m.refundable };
}

export function createRefund(
  store: SandboxStore,
  domain: string,
  order: Order,
  input: RefundRequest & {
    transactions: { amount: Money; gateway: string; kind: string; parentId?: number | null }[];
    note?: string | null;
  },
): Outcome<Refund> {
  const shop = store.shop(domain);
  const m = orderMoney(order);
  for (const [i, l] of input.lineItems.entries()) {
    if (!order.lineItems.some((li) => li.id === l.lineItemId)) {
      return {
        errors: [
          { field: ["refundLineItems", String(i), "lineItemId"], message: "Line item does not exist" },
        ],
      };
    }
    if (l.quantity > refundableQuantity(order, l.lineItemId)) {
      return {
        errors: [
          {
            field: ["refundLineItems", String(i), "quantity"],
            message: "Quantity cannot refund more items than were purchased",
          },
        ],
      };
    }
  }
  const amount = input.transactions.reduce((sum, t) => sum + toCents(t.amount), 0);
  if (input.transactions.some((t) => t.kind !== "REFUND")) {
    return {
      errors: [
        {
          field: ["transactions", "kind"],
          message: "not implemented in sandbox: transactions other than REFUND",
        },
      ],
    };
  }
  if (amount > m.refundable) {
    return {
      errors: [
        {
          field: ["transactions"],
          message: `Amount cannot be greater than the refundable amount (${fromCents(m.refundable)} ${order.currencyCode})`,
        },
      ],
    };
  }
  const suggestion = suggestRefund(order, input);
  const now = store.clock.now();
  const refund: Refund = {
    id: store.id(),
    createdAt: now,
    note: input.note ?? null,
    shipping: fromCents(suggestion.shipping),
    amount: fromCents(amount),
    lineItems: suggestion.lines.map((l) => ({
      lineItemId: l.lineItemId,
      quantity: l.quantity,
      restockType: l.restockType ?? "NO_RESTOCK",
      subtotal: fromCents(l.subtotal),
    })),
  };
  for (const t of input.transactions) {
    order.transactions.push({
      id: store.id(),
      kind: "REFUND",
      gateway: t.gateway,
      amount: t.amount,
      createdAt: now,
      parentId: t.parentId ?? null,
    });
  }
  for (const l of refund.lineItems) {
    const li = order.lineItems.find((x) => x.id === l.lineItemId)!;
    const unshipped = Math.min(l.quantity, li.fulfillableQuantity);
    li.fulfillableQuantity -= unshipped;
    const fo = shop.fulfillmentOrders.find((f) => f.orderId === order.id);
    const foLine = fo?.lineItems.find((x) => x.lineItemId === li.id);
    if (foLine) foLine.remainingQuantity = Math.max(0, foLine.remainingQuantity - unshipped);
    const variant = shop.variants.find((v) => v.id === li.variantId);
    if (variant && unshipped > 0) {
      // Units refunded before shipping leave `committed`; restocked ones return to `available`.
      const restock = l.restockType === "CANCEL" || l.restockType === "RETURN";
      store.changeQuantities(
        domain,
        variant.inventoryItemId,
        order.locationId,
        { committed: -unshipped, ...(restock ? { available: unshipped } : {}) },
        restock,
      );
    }
  }
  order.refunds.push(refund);
  const after = orderMoney(order);
  if (after.refunded > 0)
    order.financialStatus = after.refunded >= after.received ? "refunded" : "partially_refunded";
  order.updatedAt = now;
  store.emit_(domain, "refunds/create", () => ({ order, refund }));
  store.emit_(domain, "orders/updated", () => ({ order }));
  return { ok: refund };
}

export function cancelOrder(
  store: SandboxStore,
  domain: string,
  order: Order,
  input: { reason: string; restock: boolean; refund: boolean; staffNote?: string | null },
): Outcome<Order> {
  const shop = store.shop(domain);
  if (order.cancelledAt)
    return {
      errors: [
        {
          field: ["orderId"],
          message: "Cannot cancel an order that has already been cancelled",
          code: "INVALID",
        },
      ],
    };
  if (shop.fulfillments.some((f) => f.orderId === order.id && f.status === "SUCCESS")) {
    return {
      errors: [
        {
          field: ["orderId"],
          message: "Cannot cancel an order that has fulfillments; refund it instead",
          code: "INVALID",
        },
      ],
    };
  }
  if (input.refund && orderMoney(order).refundable > 0) {
    const result = createRefund(store, domain, order, {
      lineItems: order.lineItems.map((li) => ({
        lineItemId: li.id,
        quantity: refundableQuantity(order, li.id),
        restockType: input.restock ? "CANCEL" : "NO_RESTOCK",
      })),
      shipping: { fullRefund: true },
      transactions: [
        {
          amount: fromCents(orderMoney(order).refundable),
          gateway: order.paymentGatewayNames[0],
          kind: "REFUND",
        },
      ],
    });
    if (result.errors) return result;
  } else {
    for (const li of order.lineItems) {
      const variant = shop.variants.find((v) => v.id === li.variantId);
      if (!variant || li.fulfillableQuantity === 0) continue;
      const deltas: Partial<Record<QuantityName, number>> = { committed: -li.fulfillableQuantity };
      if (input.restock) deltas.available = li.fulfillableQuantity;
      store.changeQuantities(domain, variant.inventoryItemId, order.locationId, deltas, input.restock);
      li.fulfillableQuantity = 0;
    }
    if (order.financialStatus === "pending") order.financialStatus = "voided";
  }
  // Taken after the refund, which updates the order too: updated_at never goes back.
  const now = store.clock.now();
  for (const fo of shop.fulfillmentOrders.filter((f) => f.orderId === order.id)) {
    fo.status = "CANCELLED";
    fo.updatedAt = now;
  }
  order.cancelledAt = now;
  order.closedAt = now;
  order.cancelReason = input.reason.toLowerCase();
  if (input.staffNote) order.note = [order.note, input.staffNote].filter(Boolean).join("\n");
  order.updatedAt = now;
  store.emit_(domain, "orders/cancelled", () => ({ order }));
  store.emit_(domain, "orders/updated", () => ({ order }));
  return { ok: order };
}

export function setMetafields(
  store: SandboxStore,
  domain: string,
  inputs: { ownerId: number; namespace: string; key: string; type?: string | null; value: string }[],
): Outcome<{ order: Order; namespace: string; key: string; type: string; value: string }[]> {
  const shop = store.shop(domain);
  const written: { order: Order; namespace: string; key: string; type: string; value: string }[] = [];
  for (const [i, m] of inputs.entries()) {
    const order = shop.orders.find((o) => o.id === m.ownerId);
    if (!order)
      return {
        errors: [
          { field: ["metafields", String(i), "ownerId"], message: "Owner does not exist.", code: "INVALID" },
        ],
      };
    const existing = order.metafields.get(`${m.namespace}.${m.key}`);
    const type = m.type ?? existing?.type;
    if (!type)
      return {
        errors: [{ field: ["metafields", String(i), "type"], message: "Type can't be blank", code: "BLANK" }],
      };
    if (type === "json") {
      try {
        JSON.parse(m.value);
      } catch {
        return {
          errors: [
            {
              field: ["metafields", String(i), "value"],
              message: "Value is invalid JSON",
              code: "INVALID_VALUE",
            },
          ],
        };
      }
    }
    written.push({ order, namespace: m.namespace, key: m.key, type, value: m.value });
  }
  for (const w of written) {
    w.order.metafields.set(`${w.namespace}.${w.key}`, {
      namespace: w.namespace,
      key: w.key,
      type: w.type,
      value: w.value,
    });
    w.order.updatedAt = store.clock.now();
  }
  return { ok: written };
}

export function shopOrder(shop: ShopState, id: number) {
  return shop.orders.find((o) => o.id === id);
}
