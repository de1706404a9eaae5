// What a merchant can decide to do about an incident, validated before anything is recorded.
import { z } from "zod";

const lineItemId = z
  .string()
  .regex(/^gid:\/\/shopify\/LineItem\/\d+$/, "a line item's GraphQL id (gid://shopify/LineItem/…)");
const money = z
  .string()
  .regex(/^\d+(\.\d{1,2})?$/, "an amount such as 12.40")
  .refine((v) => Number(v) > 0, "an amount more than zero");

export const RefundDecision = z
  .object({
    kind: z.literal("refund"),
    /** Lines to refund (with their share of tax and discounts, as Shopify computes it). */
    lineItems: z.array(z.object({ lineItemId, quantity: z.number().int().min(1) })).default([]),
    /** Refund the shipping too. */
    shipping: z.boolean().default(false),
    /** Everything still refundable on the order. */
    fullOrder: z.boolean().default(false),
    /** A goodwill amount instead of what the lines add up to (never above what is refundable). */
    amount: money.optional(),
    restock: z.boolean().default(false),
    note: z.string().trim().max(500).optional(),
  })
  .refine((d) => d.fullOrder || d.shipping || d.lineItems.length > 0 || d.amount, {
    message: "say what to refund: lines, shipping, an amount or the full order",
  });

export const CompensationCodeDecision = z
  .object({
    kind: z.literal("compensation_code"),
    /** Percent off the next order (1–100), or a fixed amount off it. */
    percentage: z
      .number({ message: "the discount is a number" })
      .min(1, "the discount is from 1 to 100 %")
      .max(100, "the discount is from 1 to 100 %")
      .optional(),
    amount: money.optional(),
    expiresInDays: z
      .number({ message: "say for how many days" })
      .int("a code is valid for a whole number of days")
      .min(1, "a code is valid for 1 to 365 days")
      .max(365, "a code is valid for 1 to 365 days")
      .default(90),
  })
  .refine((d) => (d.percentage === undefined) !== (d.amount === undefined), {
    message: "give either a percentage or an amount",
  });

export const SubstitutionDecision = z.object({
  kind: z.literal("substitution"),
  lineItemId,
  variantId: z
    .string()
    .regex(
      /^gid:\/\/shopify\/ProductVariant\/\d+$/,
      "a variant's GraphQL id (gid://shopify/ProductVariant/…)",
    ),
  /** Units to replace; all that are left on the line when not given. */
  quantity: z.number().int().min(1).optional(),
});

export const ReshipDecision = z.object({
  kind: z.literal("reship"),
  lineItems: z
    .array(z.object({ lineItemId, quantity: z.number().int().min(1) }))
    .min(1, "say which lines to ship again"),
  note: z.string().trim().max(500).optional(),
});
export type ReshipDecision = z.infer<typeof ReshipDecision>;

/** A line the customer did not pay for (a free gift) that cannot ship: taken off the order by an
 *  order edit, as there is no money to refund. */
export const LeaveOutDecision = z.object({
  kind: z.literal("leave_out"),
  lineItemId,
  quantity: z.number().int().min(1),
  /** Units the line keeps: a retried execution that finds the line at this already does nothing. */
  keep: z.number().int().min(0),
  note: z.string().trim().max(500).optional(),
});
export type LeaveOutDecision = z.infer<typeof LeaveOutDecision>;

export const CancelOrderDecision = z.object({
  kind: z.literal("cancel_order"),
  note: z.string().trim().max(500).optional(),
});

export type RemedyDecision =
  | z.infer<typeof RefundDecision>
  | z.infer<typeof CompensationCodeDecision>
  | z.infer<typeof SubstitutionDecision>
  | ReshipDecision
  | LeaveOutDecision
  | z.infer<typeof CancelOrderDecision>;

const BY_KIND = {
  refund: RefundDecision,
  compensation_code: CompensationCodeDecision,
  substitution: SubstitutionDecision,
  reship: ReshipDecision,
  leave_out: LeaveOutDecision,
  cancel_order: CancelOrderDecision,
} as const;

/** The decision in `input`, or a message per field (checked against its kind's own rules). */
export function parseDecision(
  input: unknown,
): { ok: true; decision: RemedyDecision } | { ok: false; errors: Record<string, string> } {
  const kind = (input as { kind?: unknown } | null)?.kind;
  const schema = typeof kind === "string" ? BY_KIND[kind as keyof typeof BY_KIND] : undefined;
  if (!schema) return { ok: false, errors: { kind: `one of ${Object.keys(BY_KIND).join(", ")}` } };
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, decision: parsed.data };
  return {
    ok: false,
    errors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "decision", i.message])),
  };
}
export type RefundDecision = z.infer<typeof RefundDecision>;
export type CompensationCodeDecision = z.infer<typeof CompensationCodeDecision>;

/** The same decision made twice (a double click, a retried request) has the same key, unless the
 *  caller names the decision itself (a form's id), which then decides. */
export function decisionKeyOf(incidentId: string, decision: RemedyDecision, decisionId?: string): string {
  if (decisionId) return `${incidentId}:${decisionId}`;
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, sorted(v)]),
          )
        : value;
  return `${incidentId}:${JSON.stringify(sorted(decision))}`;
}

/** Each field where `requested` differs from the decision recorded under the same id, in words
 *  ("amount: 5.00 → 50.00", "kind: refund → cancel_order"); none when they are the same decision. */
export function decisionDifferences(recorded: RemedyDecision, requested: RemedyDecision): string[] {
  const fields = (value: unknown, path: string, into: Map<string, string>) => {
    if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) fields(inner, path ? `${path}.${key}` : key, into);
    } else if (value !== undefined) into.set(path, JSON.stringify(value));
    return into;
  };
  const before = fields(recorded, "", new Map());
  const after = fields(requested, "", new Map());
  return [...new Set([...before.keys(), ...after.keys()])]
    .sort()
    .filter((field) => before.get(field) !== after.get(field))
    .map((field) => `${field}: ${before.get(field) ?? "(none)"} → ${after.get(field) ?? "(none)"}`);
}
