// A reship at the shop's cost (wrong, incomplete or damaged items): a new order for the same items
// through a draft order at 100 % off with free shipping, completed at once. The draft's id is
// recorded on the remedy as soon as Shopify gives it, so a retried execution completes or finds that
// draft by id — Shopify's search, which the tag lookup uses, may not list a draft made moments ago —
// and only when no id was recorded (the process died in between) looks for its tag.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import type { AdminClient } from "../../shopify/client.server";
import {
  DraftOrderByIdQuery,
  DraftOrderByTagQuery,
  DraftOrderCompleteMutation,
  DraftOrderCreateMutation,
} from "../../shopify/documents/remedies";
import { SubstitutionContextQuery } from "../../shopify/documents/substitution";
import type { ReshipDecision } from "./decisions";
import { Refused, type Executed } from "./outcome";
import { fromCents, toCents } from "../money";

// Required: a parcel known only from the deadline scan has no lines recorded (its webhook never came).
const ParcelLines = z.object({
  line_items: z.array(z.object({ admin_graphql_api_id: z.string(), quantity: z.number().int() })),
});

/**
 * What a reship sends again: the line of a line incident (wrong or damaged item), or everything in
 * the parcel of a parcel incident (a failed delivery), as the fulfillment's webhook listed it.
 */
export async function reshipLines(
  prisma: PrismaClient,
  shop: string,
  subject: string,
  quantity: number,
): Promise<ReshipDecision["lineItems"]> {
  if (!subject.startsWith("gid://shopify/Fulfillment/")) return [{ lineItemId: subject, quantity }];
  const parcel = await prisma.fulfillmentSnapshot.findUnique({
    where: { shop_fulfillmentId: { shop, fulfillmentId: subject } },
    select: { data: true },
  });
  const parsed = parcel ? ParcelLines.safeParse(JSON.parse(parcel.data)) : null;
  if (!parsed?.success) throw new Refused("what was in the parcel is not known yet: try again in a moment");
  return parsed.data.line_items
    .filter((l) => l.quantity > 0)
    .map((l) => ({ lineItemId: l.admin_graphql_api_id, quantity: l.quantity }));
}

/** The draft an earlier attempt made (`draftId`, or null), and how to record the one this attempt makes. */
export type ReshipDraft = { draftId: string | null; remember: (draftId: string) => Promise<unknown> };

export async function executeReship(
  admin: AdminClient,
  remedyId: string,
  orderId: string,
  customerId: string | null,
  d: ReshipDecision,
  made: ReshipDraft,
): Promise<Executed> {
  if (!customerId) throw new Refused("the order has no customer account to ship a replacement to");
  const { order } = await admin.request(SubstitutionContextQuery, { id: orderId });
  if (!order) throw new Refused("the order no longer exists in Shopify");
  const items = d.lineItems.map((l) => {
    const line = order.lineItems.nodes.find((x) => x.id === l.lineItemId);
    if (!line?.variant)
      throw new Refused(`the order has no line ${l.lineItemId} with a product to ship again`);
    return {
      variantId: line.variant.id,
      quantity: l.quantity,
      title: line.title,
      value: toCents(line.variant.price) * l.quantity,
    };
  });
  const value = fromCents(items.reduce((sum, i) => sum + i.value, 0));
  const tag = `makegood-remedy-${remedyId}`;

  let draft = made.draftId
    ? (await admin.request(DraftOrderByIdQuery, { id: made.draftId })).draftOrder
    : null;
  if (!draft)
    draft = (await admin.request(DraftOrderByTagQuery, { query: `tag:${tag}` })).draftOrders.nodes[0] ?? null;
  if (!draft) {
    const { draftOrderCreate } = await admin.request(DraftOrderCreateMutation, {
      input: {
        customerId,
        tags: ["makegood", tag],
        note: `Reship for ${order.name} at the shop's cost${d.note ? `: ${d.note}` : ""}`,
        lineItems: items.map((i) => ({ variantId: i.variantId, quantity: i.quantity })),
        appliedDiscount: { valueType: "PERCENTAGE", value: 100, title: "Reship at the shop's cost" },
        shippingLine: {
          title: "Reship",
          priceWithCurrency: { amount: "0.00", currencyCode: order.currencyCode },
        },
      },
    });
    if (draftOrderCreate.userErrors.length)
      throw new Refused(`draftOrderCreate: ${draftOrderCreate.userErrors.map((e) => e.message).join("; ")}`);
    draft = { id: draftOrderCreate.draftOrder!.id, status: "OPEN", order: null };
    await made.remember(draft.id);
  }
  let created = draft.order;
  if (!created) {
    const { draftOrderComplete } = await admin.request(DraftOrderCompleteMutation, { id: draft.id });
    if (draftOrderComplete.userErrors.length)
      throw new Refused(
        `draftOrderComplete: ${draftOrderComplete.userErrors.map((e) => e.message).join("; ")}`,
      );
    created = draftOrderComplete.draftOrder!.order!;
  }
  return {
    shopifyId: created.id,
    amount: value,
    currency: order.currencyCode,
    costsShop: true,
    summary: `Reshipped ${items.map((i) => `${i.title} ×${i.quantity}`).join(", ")} at the shop's cost as order ${created.name} (${value} ${order.currencyCode})`,
  };
}
