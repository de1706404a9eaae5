// Each scenario of scenarios.ts as a form on the stage: what it plays, in words, and its
// parameters as fields. A scenario without an entry here still gets a button, with its name.
import type { ShopState } from "../store";
import { scenarios } from "../scenarios";

export type Field =
  | { name: string; label: string; kind: "text"; required?: boolean; hint?: string }
  | { name: string; label: string; kind: "number"; min: number; value: number }
  | { name: string; label: string; kind: "customer" | "product" };

export type ScenarioForm = { name: string; says: string; fields: Field[] };

const SAYS: Record<string, { says: string; fields?: Field[] }> = {
  "expired-last-unit": {
    says: "A pack's free gift: its last unit turns out expired (recorded as damaged) as an order comes in.",
  },
  oversold: { says: "An order for more units than are available." },
  "two-lines-short": { says: "Two lines of one order cannot ship: one offer covers both." },
  "new-order": {
    says: "A customer orders now: paid, nothing shipped. Move the clock past its ship-by date to make it late.",
    fields: [
      { name: "email", label: "Customer", kind: "customer" },
      { name: "sku", label: "Product", kind: "product" },
      { name: "quantity", label: "Quantity", kind: "number", min: 1, value: 1 },
    ],
  },
  "late-shipment": { says: "Paid five days ago, due to ship yesterday, still not shipped." },
  "stuck-in-transit": { says: "Shipped, in transit, two days past the carrier's estimate with no news." },
  "delivery-failed": { says: "Shipped; the carrier reports a failed delivery." },
  "wrong-item": { says: "Delivered; the customer reports a wrong item (the merchant flags it in the app)." },
  "cod-amount-mismatch": { says: "Cash on delivery: the amount due went up after checkout." },
  "customer-redeems-code": {
    says: "The customer checks out with the compensation code the shop sent them.",
    fields: [
      {
        name: "code",
        label: "Compensation code",
        kind: "text",
        required: true,
        hint: "as the customer's email gives it",
      },
    ],
  },
};

export function scenarioForms(): ScenarioForm[] {
  return Object.keys(scenarios).map((name) => ({
    name,
    says: SAYS[name]?.says ?? name,
    fields: SAYS[name]?.fields ?? [],
  }));
}

/** The options of a customer or product field, from the shop as it is now. */
export function fieldOptions(shop: ShopState, kind: "customer" | "product") {
  if (kind === "customer")
    return shop.customers.map((c) => ({ value: c.email, text: `${c.firstName} ${c.lastName} <${c.email}>` }));
  return shop.variants.map((v) => {
    const product = shop.products.find((p) => p.id === v.productId);
    return { value: v.sku, text: `${product?.title ?? v.sku} (${v.sku}, ${v.price})` };
  });
}
