// Cash on delivery: the courier collects the amount due at the door. When that amount changes
// after checkout (a courier fee added to shipping, a line edited), the customer is asked for more
// (or less) than they were told: the shop must fix it with the courier and tell the customer.

import { fromCents, toCents } from "../money";

/** Gateway names of cash on delivery, as shops name it (English, Spanish, Romanian). */
const COD_GATEWAY = /cash on delivery|\bcod\b|contra ?reembolso|ramburs/i;

export type CodOrderState = {
  payment_gateway_names?: string[] | null;
  total_outstanding?: string | null;
  currency?: string | null;
  cancelled_at?: string | null;
};

export const isCashOnDelivery = (order: CodOrderState) =>
  (order.payment_gateway_names ?? []).some((g) => COD_GATEWAY.test(g));

const cents = (amount: string | null | undefined) => (amount == null ? null : toCents(amount));

export type CodChange =
  | { kind: "changed"; told: string; due: string; difference: string; currency: string | null }
  | { kind: "restored" | "settled"; due: string };

/**
 * What a new state of a COD order means against the state before it and the amount the customer
 * was told (the amount due when the app first saw the order, or on the open incident).
 */
export function codAmountChange(
  before: CodOrderState,
  after: CodOrderState,
  told: string | null,
): CodChange | null {
  if (!isCashOnDelivery(after) || after.cancelled_at) return null;
  const was = cents(before.total_outstanding);
  const now = cents(after.total_outstanding);
  if (was === null || now === null || was === now) return null;
  const toldCents = told !== null ? cents(told)! : was;
  const due = after.total_outstanding!;
  if (now === 0) return { kind: "settled", due };
  if (now === toldCents) return { kind: "restored", due };
  const diff = (now - toldCents) / 100;
  return {
    kind: "changed",
    told: fromCents(toldCents),
    due,
    difference: `${diff > 0 ? "+" : ""}${diff.toFixed(2)}`,
    currency: after.currency ?? null,
  };
}
