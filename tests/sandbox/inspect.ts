// Read-only views of the sandbox store for tests and for a person poking at it: what an order, a
// product's stock or a discount code is now, as the Shopify admin would show it. Nothing here
// changes the store, and the app never calls it (it reads Shopify through the Admin API only).
import type { SandboxStore } from "./store";
import { currentQuantity, orderMoney } from "./store-orders";
import { fromCents } from "./money";

/** An order by its legacy id, its gid or its name (#1031). */
export function inspectOrder(store: SandboxStore, domain: string, key: string) {
  const shop = store.shop(domain);
  const order = shop.orders.find((o) =>
    key.startsWith("#") ? o.name === key : o.id === Number(key.split("/").pop()),
  );
  if (!order) return null;
  const money = orderMoney(order);
  return {
    id: `gid://shopify/Order/${order.id}`,
    name: order.name,
    financialStatus: order.financialStatus,
    cancelledAt: order.cancelledAt?.toISOString() ?? null,
    totalReceived: fromCents(money.received),
    totalRefunded: fromCents(money.refunded),
    lines: order.lineItems.map((l) => ({
      id: `gid://shopify/LineItem/${l.id}`,
      title: l.title,
      sku: l.sku,
      price: l.price,
      quantity: l.quantity,
      currentQuantity: currentQuantity(l),
      fulfillableQuantity: l.fulfillableQuantity,
      discount: l.discountAmount,
    })),
    refunds: order.refunds.map((r) => ({
      amount: r.amount,
      note: r.note,
      lineItems: r.lineItems.map((l) => ({
        lineItemId: `gid://shopify/LineItem/${l.lineItemId}`,
        quantity: l.quantity,
        restockType: l.restockType,
      })),
    })),
    fulfillmentOrders: shop.fulfillmentOrders
      .filter((f) => f.orderId === order.id)
      .map((f) => ({ status: f.status, holds: f.holds.map((h) => h.reason) })),
    discountAmount: order.discountAmount,
    shippingPrice: order.shippingLines[0]?.price ?? null,
    tags: order.tags,
    note: order.note,
  };
}

/** Stock of the product with this SKU at each location, by Shopify's quantity names. */
export function inspectStock(store: SandboxStore, domain: string, sku: string) {
  const item = store.shop(domain).inventoryItems.find((i) => i.sku === sku);
  if (!item) return null;
  return { sku, locations: [...item.levels.entries()].map(([locationId, q]) => ({ locationId, ...q })) };
}

export function inspectDiscount(store: SandboxStore, domain: string, code: string) {
  const d = store.shop(domain).discounts.find((x) => x.code.toLowerCase() === code.toLowerCase());
  if (!d) return null;
  return {
    code: d.code,
    title: d.title,
    value: d.value,
    customerIds: d.customerIds,
    usageLimit: d.usageLimit,
    endsAt: d.endsAt?.toISOString() ?? null,
    redemptions: d.redemptions.length,
  };
}
