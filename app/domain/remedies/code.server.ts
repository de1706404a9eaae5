// A compensation code: a discount on the customer's next order that only they can use, once,
// until it expires. Its code is derived from the remedy, so a create whose answer was lost is
// found again by its code instead of creating a second one.
import { createHash } from "node:crypto";
import type { AdminClient } from "../../shopify/client.server";
import { CodeDiscountByCodeQuery, DiscountCodeBasicCreateMutation } from "../../shopify/documents/remedies";
import type { CompensationCodeDecision } from "./decisions";
import { Refused, type Executed } from "./outcome";

// No 0/O, 1/I/L: the customer reads it from an email and types it at checkout.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** SORRY-<order number>-<4 letters from the remedy>: readable, unique per remedy. */
export function compensationCode(orderName: string, remedyId: string): string {
  const digest = createHash("sha256").update(remedyId).digest();
  const suffix = [...digest.subarray(0, 4)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  const number = orderName.replace(/\D/g, "") || "ORDER";
  return `SORRY-${number}-${suffix}`;
}

export type CodeContext = {
  remedyId: string;
  orderName: string;
  customerId: string | null;
  currency: string | null;
  now: Date;
};

export async function executeCompensationCode(
  admin: AdminClient,
  c: CodeContext,
  d: CompensationCodeDecision,
): Promise<Executed> {
  if (!c.customerId)
    throw new Refused("the order has no customer account to give a code to: offer a refund instead");
  const code = compensationCode(c.orderName, c.remedyId);
  const title = `MakeGood: sorry for ${c.orderName} (${code})`;
  const endsAt = new Date(c.now.getTime() + d.expiresInDays * 86_400_000);
  const value =
    d.percentage !== undefined
      ? { percentage: d.percentage / 100 }
      : { discountAmount: { amount: d.amount, appliesOnEachItem: false } };
  const { discountCodeBasicCreate: result } = await admin.request(DiscountCodeBasicCreateMutation, {
    discount: {
      title,
      code,
      startsAt: c.now.toISOString(),
      endsAt: endsAt.toISOString(),
      usageLimit: 1,
      appliesOncePerCustomer: true,
      context: { customers: { add: [c.customerId] } },
      customerGets: { value, items: { all: true } },
    },
  });
  let id = result.codeDiscountNode?.id;
  if (result.userErrors.some((e) => e.code === "TAKEN")) {
    // Made by an earlier attempt of this same remedy whose answer was lost: the title says so.
    const { codeDiscountNodeByCode: existing } = await admin.request(CodeDiscountByCodeQuery, { code });
    if (existing?.codeDiscount.title === title) id = existing.id;
    else throw new Refused(`the code ${code} is taken by another discount`);
  } else if (result.userErrors.length) {
    throw new Refused(result.userErrors.map((e) => e.message).join("; "));
  }
  const what =
    d.percentage !== undefined
      ? `${d.percentage} % off`
      : `${d.amount}${c.currency ? ` ${c.currency}` : ""} off`;
  return {
    shopifyId: id!,
    code,
    amount: d.amount ?? null,
    currency: d.amount ? c.currency : null,
    costsShop: false,
    summary: `Compensation code ${code}: ${what} the next order, for this customer only, once, until ${endsAt.toISOString().slice(0, 10)}`,
  };
}
