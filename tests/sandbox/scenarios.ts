// Named cases from shared/SCENARIOS.md, each a function over the seeded demo shop that makes
// the store (and so the app, through webhooks) live through it.
import type { Order, SandboxStore } from "./store";

export type ScenarioResult = { scenario: string; order: { id: string; name: string }; note: string };

const gidOf = (order: Order) => ({ id: `gid://shopify/Order/${order.id}`, name: order.name });

function find(store: SandboxStore, shop: string, title: string) {
  const s = store.shop(shop);
  const product = s.products.find((p) => p.title.startsWith(title));
  const variant = product && s.variants.find((v) => v.productId === product.id);
  if (!variant) throw new ScenarioError(`the shop ${shop} has no product '${title}': seed the demo shop first`);
  return { variant, item: s.inventoryItems.find((i) => i.id === variant.inventoryItemId)!, location: s.locations[0] };
}

export class ScenarioError extends Error {}

export type ScenarioParams = Record<string, string | undefined>;

export const scenarios: Record<string, (store: SandboxStore, shop: string, params: ScenarioParams) => ScenarioResult> = {
  /** Case 1: a pack with a free gift; the gift's last unit turns out expired (recorded as damaged). */
  "expired-last-unit": (store, shop) => {
    const pack = find(store, shop, "Summer Protection Pack");
    const gift = find(store, shop, "Thermal Spring Water");
    const level = gift.item.levels.get(gift.location.id)!;
    if (level.available < 1) throw new ScenarioError("the gift has no unit left to expire: reset the sandbox first");
    store.changeQuantities(shop, gift.item.id, gift.location.id, { available: -1, damaged: 1 });
    const customer = store.shop(shop).customers.find((c) => c.locale === "es") ?? store.shop(shop).customers[0];
    const order = store.createOrder(shop, {
      customerId: customer.id,
      lines: [{ variantId: pack.variant.id, quantity: 1 }, { variantId: gift.variant.id, quantity: 1, price: "0.00" }],
    });
    return { scenario: "expired-last-unit", order: gidOf(order), note: "the free gift's only unit is recorded as damaged (expired)" };
  },

  /** More ordered than is available at the fulfilling location. */
  oversold: (store, shop) => {
    const target = find(store, shop, "Heliocare 360");
    const available = target.item.levels.get(target.location.id)!.available;
    const customer = store.shop(shop).customers.find((c) => c.locale === "ro") ?? store.shop(shop).customers[0];
    const order = store.createOrder(shop, {
      customerId: customer.id,
      lines: [{ variantId: target.variant.id, quantity: Math.max(available, 0) + 2 }],
    });
    return { scenario: "oversold", order: gidOf(order), note: `ordered ${available + 2} with ${available} available` };
  },

  /** The customer comes back and checks out with the compensation code the shop sent. */
  "customer-redeems-code": (store, shop, params) => {
    if (!params.code) throw new ScenarioError("customer-redeems-code needs the code to redeem: ?code=<compensation code>");
    const s = store.shop(shop);
    const discount = s.discounts.find((d) => d.code.toLowerCase() === params.code!.toLowerCase());
    if (!discount) throw new ScenarioError(`no discount code '${params.code}' in ${shop}: create it first`);
    const customerId = discount.customerIds?.[0] ?? s.customers[0].id;
    const variant = find(store, shop, "Sensibio H2O").variant;
    const order = store.createOrder(shop, { customerId, lines: [{ variantId: variant.id, quantity: 2 }], discountCodes: [discount.code] });
    return { scenario: "customer-redeems-code", order: gidOf(order), note: `redeemed ${discount.code} for ${order.discountAmount} ${order.currencyCode}` };
  },
};
