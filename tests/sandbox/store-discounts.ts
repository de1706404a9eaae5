// Discount codes: created for one customer or all, limited in uses and time, redeemed at
// checkout where they are refused as Shopify's checkout refuses them.
import type { UserError } from "./store-fulfillment";
import { fromCents, toCents } from "./money";
import type { DiscountCode, Order, SandboxStore, ShopState } from "./store";

/** Shopify's checkout refuses a code in few words, never saying why (its help pages list them:
 *  "Enter a valid discount code" for a code that does not exist, has ended or is used up, and
 *  "Discount code isn’t available to you right now" for one meant for other customers). `shown` is
 *  what the buyer reads; the message adds the reason, for tests and the control API. */
export class CheckoutRefused extends Error {
  constructor(
    message: string,
    readonly shown: string = message,
  ) {
    super(message);
  }
}

export const SHOWN_INVALID = "Enter a valid discount code";
export const SHOWN_NOT_FOR_YOU = "Discount code isn’t available to you right now";

export function discountStatus(d: DiscountCode, now: Date): "ACTIVE" | "EXPIRED" | "SCHEDULED" {
  if (d.startsAt > now) return "SCHEDULED";
  if ((d.endsAt && d.endsAt <= now) || (d.usageLimit !== null && d.redemptions.length >= d.usageLimit))
    return "EXPIRED";
  return "ACTIVE";
}

export function createDiscountCode(
  store: SandboxStore,
  domain: string,
  input: Omit<DiscountCode, "id" | "createdAt" | "redemptions" | "startsAt"> & { startsAt?: Date | null },
): { ok: DiscountCode; errors?: undefined } | { ok?: undefined; errors: UserError[] } {
  const shop = store.shop(domain);
  const field = (name: string) => ["basicCodeDiscount", name];
  const errors: UserError[] = [];
  if (!input.title.trim())
    errors.push({ field: field("title"), message: "Title can't be blank", code: "BLANK" });
  if (!input.code.trim())
    errors.push({ field: field("code"), message: "Code can't be blank", code: "BLANK" });
  else if (shop.discounts.some((d) => d.code.toLowerCase() === input.code.toLowerCase())) {
    errors.push({
      field: field("code"),
      message: "Code must be unique. Please try a different code.",
      code: "TAKEN",
    });
  }
  const startsAt = input.startsAt ?? store.clock.now();
  if (input.endsAt && input.endsAt <= startsAt)
    errors.push({
      field: field("endsAt"),
      message: "Ends at needs to be after starts_at",
      code: "END_DATE_BEFORE_START_DATE",
    });
  if ("percentage" in input.value && !(input.value.percentage > 0 && input.value.percentage <= 1)) {
    errors.push({
      field: [...field("customerGets"), "value", "percentage"],
      message: "Value must be between 0.0 and 1.0",
      code: "VALUE_OUTSIDE_RANGE",
    });
  }
  if ("amount" in input.value && !(toCents(input.value.amount) > 0)) {
    errors.push({
      field: [...field("customerGets"), "value", "discountAmount", "amount"],
      message: "Value must be greater than 0",
      code: "GREATER_THAN",
    });
  }
  if (input.usageLimit !== null && input.usageLimit < 1)
    errors.push({
      field: field("usageLimit"),
      message: "Usage limit must be greater than 0",
      code: "GREATER_THAN",
    });
  for (const id of input.customerIds ?? []) {
    if (!shop.customers.some((c) => c.id === id))
      errors.push({
        field: [...field("context"), "customers", "add"],
        message: "Customer does not exist",
        code: "INVALID",
      });
  }
  if (errors.length) return { errors };
  const discount: DiscountCode = {
    ...input,
    id: store.id(),
    createdAt: store.clock.now(),
    startsAt,
    redemptions: [],
  };
  shop.discounts.push(discount);
  return { ok: discount };
}

/** The code `code` as checkout takes it for `customerId`, or CheckoutRefused in Shopify's words. */
export function checkCode(
  store: SandboxStore,
  shop: ShopState,
  customerId: number | null,
  code: string,
): DiscountCode {
  const d = shop.discounts.find((x) => x.code.toLowerCase() === code.trim().toLowerCase());
  if (!d) throw new CheckoutRefused(`${SHOWN_INVALID} (${code}: no such code)`, SHOWN_INVALID);
  const status = discountStatus(d, store.clock.now());
  if (status !== "ACTIVE")
    throw new CheckoutRefused(
      `${SHOWN_INVALID} (discount code ${code} is ${status === "SCHEDULED" ? "not active yet" : "no longer valid"})`,
      SHOWN_INVALID,
    );
  if (d.customerIds && (customerId === null || !d.customerIds.includes(customerId))) {
    throw new CheckoutRefused(
      `${SHOWN_NOT_FOR_YOU} (discount code ${code} is for other customers)`,
      SHOWN_NOT_FOR_YOU,
    );
  }
  if (d.appliesOncePerCustomer && d.redemptions.some((r) => r.customerId === customerId)) {
    throw new CheckoutRefused(
      `${SHOWN_NOT_FOR_YOU} (discount code ${code} has already been used by this customer)`,
      SHOWN_NOT_FOR_YOU,
    );
  }
  return d;
}

/** What `d` takes off lines worth `subtotal` cents holding `units` units, in cents. */
export function codeAmount(d: DiscountCode, subtotal: number, units: number): number {
  const amount =
    "percentage" in d.value
      ? Math.round(subtotal * d.value.percentage)
      : toCents(d.value.amount) * (d.value.appliesOnEachItem ? units : 1);
  return Math.min(amount, subtotal);
}

/** Applies `codes` to a new order and records their use; returns the discount in cents. */
export function redeemCodes(store: SandboxStore, shop: ShopState, order: Order, codes: string[]): number {
  let total = 0;
  const subtotal = order.lineItems.reduce((sum, li) => sum + toCents(li.price) * li.quantity, 0);
  const units = order.lineItems.reduce((n, li) => n + li.quantity, 0);
  // Every code is checked before any is recorded: a refused one leaves the others unused.
  const discounts = codes.map((code) => checkCode(store, shop, order.customerId, code));
  for (const d of discounts) {
    const applied = Math.min(codeAmount(d, subtotal, units), subtotal - total);
    d.redemptions.push({ orderId: order.id, customerId: order.customerId, amount: fromCents(applied) });
    total += applied;
  }
  return total;
}
