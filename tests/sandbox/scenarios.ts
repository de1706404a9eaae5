// Named cases from shared/SCENARIOS.md, each a function over the seeded demo shop that makes
// the store (and so the app, through webhooks) live through it.
import type { Order, SandboxStore } from "./store";
import { addFulfillmentEvent, createFulfillment } from "./store-fulfillment";

const DAY = 24 * 3600 * 1000;

export type ScenarioResult = { scenario: string; order: { id: string; name: string }; note: string };

const gidOf = (order: Order) => ({ id: `gid://shopify/Order/${order.id}`, name: order.name });

/** A seeded product by the start of its title: its first variant, inventory item and the first location. */
export function findProduct(store: SandboxStore, shop: string, title: string) {
  const s = store.shop(shop);
  const product = s.products.find((p) => p.title.startsWith(title));
  const variant = product && s.variants.find((v) => v.productId === product.id);
  if (!variant)
    throw new ScenarioError(`the shop ${shop} has no product '${title}': seed the demo shop first`);
  return {
    variant,
    item: s.inventoryItems.find((i) => i.id === variant.inventoryItemId)!,
    location: s.locations[0],
  };
}

export class ScenarioError extends Error {}

/** A paid order of one well-stocked product, placed `daysAgo` days ago. */
function pastOrder(
  store: SandboxStore,
  shop: string,
  daysAgo: number,
  extra: { fulfillBy?: Date; gateway?: string; locale?: string } = {},
) {
  const s = store.shop(shop);
  const customer = s.customers.find((c) => c.locale === (extra.locale ?? "en")) ?? s.customers[0];
  const variant = findProduct(store, shop, "Skin Food").variant;
  return store.createOrder(shop, {
    customerId: customer.id,
    lines: [{ variantId: variant.id, quantity: 1 }],
    createdAt: new Date(store.clock.now().getTime() - daysAgo * DAY),
    fulfillBy: extra.fulfillBy,
    gateway: extra.gateway,
  });
}

/** Ships `order` `daysAgo` days ago with a tracking number. */
function ship(store: SandboxStore, shop: string, order: Order, daysAgo: number, carrier = "Correos Express") {
  const fo = store.shop(shop).fulfillmentOrders.find((f) => f.orderId === order.id)!;
  const at = new Date(store.clock.now().getTime() - daysAgo * DAY);
  const result = createFulfillment(store, shop, fo.id, {
    company: carrier,
    number: `${carrier.slice(0, 2).toUpperCase()}${order.id}`,
    at,
  });
  if (result.errors) throw new ScenarioError(result.errors[0].message);
  return result.ok;
}

export type ScenarioParams = Record<string, string | undefined>;

export const scenarios: Record<
  string,
  (store: SandboxStore, shop: string, params: ScenarioParams) => ScenarioResult
> = {
  /** Case 1: a pack with a free gift; the gift's last unit turns out expired (recorded as damaged). */
  "expired-last-unit": (store, shop) => {
    const pack = findProduct(store, shop, "Summer Protection Pack");
    const gift = findProduct(store, shop, "Thermal Spring Water");
    const level = gift.item.levels.get(gift.location.id)!;
    if (level.available < 1)
      throw new ScenarioError("the gift has no unit left to expire: reset the sandbox first");
    store.changeQuantities(shop, gift.item.id, gift.location.id, { available: -1, damaged: 1 });
    const customer =
      store.shop(shop).customers.find((c) => c.locale === "es") ?? store.shop(shop).customers[0];
    const order = store.createOrder(shop, {
      customerId: customer.id,
      lines: [
        { variantId: pack.variant.id, quantity: 1 },
        { variantId: gift.variant.id, quantity: 1, price: "0.00" },
      ],
    });
    return {
      scenario: "expired-last-unit",
      order: gidOf(order),
      note: "the free gift's only unit is recorded as damaged (expired)",
    };
  },

  /** More ordered than is available at the fulfilling location. */
  oversold: (store, shop) => {
    const target = findProduct(store, shop, "Heliocare 360");
    const available = target.item.levels.get(target.location.id)!.available;
    const customer =
      store.shop(shop).customers.find((c) => c.locale === "ro") ?? store.shop(shop).customers[0];
    const order = store.createOrder(shop, {
      customerId: customer.id,
      lines: [{ variantId: target.variant.id, quantity: Math.max(available, 0) + 2 }],
    });
    return {
      scenario: "oversold",
      order: gidOf(order),
      note: `ordered ${available + 2} with ${available} available`,
    };
  },

  /** Two lines of one order cannot ship (#1041 in the walkthrough): the customer must hear of both
   *  in one message. More of each is ordered than is available. */
  "two-lines-short": (store, shop) => {
    const lines = ["Anthelios UVMune", "Cicalfate+"].map((title) => {
      const target = findProduct(store, shop, title);
      const available = target.item.levels.get(target.location.id)!.available;
      return { variantId: target.variant.id, quantity: Math.max(available, 0) + 1 };
    });
    const customer =
      store.shop(shop).customers.find((c) => c.locale === "en") ?? store.shop(shop).customers[0];
    const order = store.createOrder(shop, { customerId: customer.id, lines });
    return {
      scenario: "two-lines-short",
      order: gidOf(order),
      note: "two lines, each ordered one more than available",
    };
  },

  /** A customer orders now: paid, nothing shipped. Moving the clock past its ship-by date
   *  (the shop's handling days) makes it a late shipment for the app's deadline scan. */
  "new-order": (store, shop, params) => {
    const s = store.shop(shop);
    const customer = params.email
      ? s.customers.find((c) => c.email === params.email)
      : (s.customers.find((c) => c.locale === "en") ?? s.customers[0]);
    if (!customer) throw new ScenarioError(`no customer with email '${params.email}' in ${shop}`);
    const variant = params.sku
      ? s.variants.find((v) => v.sku === params.sku)
      : findProduct(store, shop, "Skin Food").variant;
    if (!variant) throw new ScenarioError(`no product with SKU '${params.sku}' in ${shop}`);
    const quantity = Number(params.quantity ?? 1);
    if (!Number.isInteger(quantity) || quantity < 1)
      throw new ScenarioError("quantity must be a whole number of units, 1 or more");
    const order = store.createOrder(shop, {
      customerId: customer.id,
      lines: [{ variantId: variant.id, quantity }],
    });
    return {
      scenario: "new-order",
      order: gidOf(order),
      note: `${customer.email} ordered ${quantity} × ${variant.sku}; nothing shipped yet`,
    };
  },

  /** Case 5: paid five days ago, due to ship yesterday, still not shipped. */
  "late-shipment": (store, shop) => {
    const order = pastOrder(store, shop, 5, {
      fulfillBy: new Date(store.clock.now().getTime() - DAY),
      locale: "es",
    });
    return {
      scenario: "late-shipment",
      order: gidOf(order),
      note: "unfulfilled one day past its ship-by date",
    };
  },

  /** Shipped, in transit, and two days past the carrier's estimated delivery with no news. */
  "stuck-in-transit": (store, shop) => {
    const order = pastOrder(store, shop, 7, { locale: "ro" });
    const fulfillment = ship(store, shop, order, 6, "Fan Courier");
    addFulfillmentEvent(store, shop, fulfillment.id, {
      status: "IN_TRANSIT",
      message: "In tranzit",
      happenedAt: new Date(store.clock.now().getTime() - 5 * DAY),
      estimatedDeliveryAt: new Date(store.clock.now().getTime() - 2 * DAY),
    });
    return {
      scenario: "stuck-in-transit",
      order: gidOf(order),
      note: "in transit, two days past the estimated delivery",
    };
  },

  /** The carrier gives up: a failed delivery attempt. */
  "delivery-failed": (store, shop) => {
    const order = pastOrder(store, shop, 3, { locale: "es" });
    const fulfillment = ship(store, shop, order, 2, "SEUR");
    addFulfillmentEvent(store, shop, fulfillment.id, {
      status: "FAILURE",
      message: "Dirección incorrecta: entrega fallida",
    });
    return {
      scenario: "delivery-failed",
      order: gidOf(order),
      note: "the carrier reported a failed delivery",
    };
  },

  /** Cases 3 and 4: delivered, but not what was ordered. No Shopify event says so: the customer tells the shop. */
  "wrong-item": (store, shop) => {
    const order = pastOrder(store, shop, 4, { locale: "en" });
    const fulfillment = ship(store, shop, order, 3, "Royal Mail");
    addFulfillmentEvent(store, shop, fulfillment.id, { status: "DELIVERED", message: "Delivered" });
    return {
      scenario: "wrong-item",
      order: gidOf(order),
      note: "delivered; the customer reports a wrong item, which the merchant flags in the app",
    };
  },

  /** Case 6: cash on delivery, and the courier's fee raises the amount due after the customer was told the total. */
  "cod-amount-mismatch": (store, shop) => {
    const order = pastOrder(store, shop, 1, { gateway: "Cash on Delivery (COD)", locale: "ro" });
    const before = order.shippingLines[0].price;
    store.changeShippingPrice(shop, order, (Number(before) + 20).toFixed(2));
    return {
      scenario: "cod-amount-mismatch",
      order: gidOf(order),
      note: `shipping went from ${before} to ${order.shippingLines[0].price} after checkout`,
    };
  },

  /** The customer comes back and checks out with the compensation code the shop sent. */
  "customer-redeems-code": (store, shop, params) => {
    if (!params.code)
      throw new ScenarioError("customer-redeems-code needs the code to redeem: ?code=<compensation code>");
    const s = store.shop(shop);
    const discount = s.discounts.find((d) => d.code.toLowerCase() === params.code!.toLowerCase());
    if (!discount) throw new ScenarioError(`no discount code '${params.code}' in ${shop}: create it first`);
    const customerId = discount.customerIds?.[0] ?? s.customers[0].id;
    const variant = findProduct(store, shop, "Sensibio H2O").variant;
    const order = store.createOrder(shop, {
      customerId,
      lines: [{ variantId: variant.id, quantity: 2 }],
      discountCodes: [discount.code],
    });
    return {
      scenario: "customer-redeems-code",
      order: gidOf(order),
      note: `redeemed ${discount.code} for ${order.discountAmount} ${order.currencyCode}`,
    };
  },
};
