// A problem only a person can see: the merchant (or their support staff, or a tool of theirs
// through the API) flags an order line whose units are expired, damaged or missing. It becomes a
// stock_mismatch incident like a detected one, one per line, and the fulfillment order is held
// (if the shop wants holds) so the warehouse does not ship it. Stock counts cannot close it:
// Shopify's numbers were what looked fine; the merchant closes it.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { STOCK_CHECK_ORDER } from "../detection/stock-check.server";
import { requestDetection } from "../detection/tasks.server";
import { findOrderData, type OrderData } from "../../models/order.server";
import { orderRefFrom } from "../../models/order-ref.server";
import type { NotDone } from "../not-done";
import { getShopSettings } from "../settings/settings.server";
import { slaOf } from "../settings/settings";
import { raiseIncident } from "./incidents.server";
import { FLAG_REASONS, incidentTypeOf, isAfterDelivery } from "./report-choices";
import type { Actor } from "./types";

/** Before shipping, what stock cannot honour; after delivery, what the customer reports. */
export { FLAG_REASONS };
/** How a flag reads on the timeline: "2 units flagged expired", "1 unit reported as the wrong item". */
const FLAGGED: Record<(typeof FLAG_REASONS)[number], string> = {
  expired: "flagged expired",
  damaged: "flagged damaged",
  missing: "flagged missing",
  wrong_item: "reported as the wrong item",
  arrived_damaged: "reported as arrived damaged",
};

export const FlagInput = z.object({
  orderId: z.string().regex(/^gid:\/\/shopify\/Order\/\d+$/, "an order's GraphQL id (gid://shopify/Order/…)"),
  lineItemId: z
    .string()
    .regex(/^gid:\/\/shopify\/LineItem\/\d+$/, "a line item's GraphQL id (gid://shopify/LineItem/…)"),
  reason: z.enum(FLAG_REASONS, {
    message: "expired, damaged or missing (before shipping), wrong_item or arrived_damaged (after delivery)",
  }),
  quantity: z.number().int().min(1).optional(),
  note: z.string().trim().max(2000).default(""),
});
export type FlagInput = z.infer<typeof FlagInput>;

export type FlagResult =
  { ok: true; incidentId: string; opened: boolean } | NotDone<"not_found" | "conflict">;

/** `known`: the order as just read from Shopify, for an order no webhook told the app of yet
 *  (placed before the install); otherwise the app's snapshot of it. */
export async function flagOrderLine(
  prisma: PrismaClient,
  shop: string,
  input: FlagInput,
  who: { actor: Actor; name: string },
  now = new Date(),
  known?: OrderData,
): Promise<FlagResult> {
  const data = known ?? (await findOrderData(prisma, shop, input.orderId));
  if (!data)
    return {
      ok: false,
      reason: "not_found",
      error: `MakeGood has not seen order ${input.orderId} of ${shop}`,
    };
  const line = data.line_items?.find((l) => l.admin_graphql_api_id === input.lineItemId);
  if (!line)
    return {
      ok: false,
      reason: "not_found",
      error: `order ${data.name ?? input.orderId} has no line ${input.lineItemId}`,
    };
  if (data.cancelled_at)
    return {
      ok: false,
      reason: "conflict",
      error: `order ${data.name} is cancelled: nothing is left to ship`,
    };
  const afterDelivery = isAfterDelivery(input.reason);
  // After delivery nothing is left to fulfil: the customer reports on what they received.
  const quantity =
    input.quantity ?? ((afterDelivery ? line.quantity : line.fulfillable_quantity) || line.quantity || 1);
  const settings = await getShopSettings(prisma, shop);
  return prisma.$transaction(async (tx) => {
    const outcome = await raiseIncident(
      tx,
      {
        order: orderRefFrom(shop, input.orderId, data),
        type: incidentTypeOf(input.reason),
        subject: input.lineItemId,
        actor: who.actor,
        observedAt: now,
        source: `flag:${who.name}@${now.toISOString()}`,
        summary: `${line.title ?? "Line"}: ${quantity} unit${quantity === 1 ? "" : "s"} ${FLAGGED[input.reason]} by ${who.name}${input.note ? ` (${input.note})` : ""}`,
        evidence: {
          reason: input.reason,
          short: quantity,
          quantity: line.quantity ?? quantity,
          sku: line.sku ?? null,
          note: input.note,
          flaggedBy: who.name,
        },
      },
      slaOf(settings),
    );
    // Before shipping, the stock check finds the line's fulfillment order and holds it; it never
    // closes a flag. After delivery there is nothing left to hold.
    if (!afterDelivery)
      await requestDetection(tx, {
        shop,
        kind: STOCK_CHECK_ORDER,
        subject: input.orderId,
        dueAt: now,
        requestedBy: `flag:${outcome.incidentId}`,
      });
    return { ok: true as const, ...outcome };
  });
}
