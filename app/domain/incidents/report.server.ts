// "Report a problem" from the app's pages: the merchant names an order as they know it (#1038),
// sees its lines as Shopify has them now, and reports what the customer told them or what the
// warehouse found. Shopify is read again when the report is sent, so a parcel delivered (or a line
// refunded) since the page was drawn decides what fits; the flag itself is flagOrderLine's.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { orderWebhookBody } from "../../reconcile/webhook-shape";
import type { AdminClient } from "../../shopify/client.server";
import { OrderLinesToReportQuery, type OrderLinesToReportOrder } from "../../shopify/documents/order-lines";
import { OrderAsReconciledQuery } from "../../shopify/documents/orders";
import { flagOrderLine } from "./flag.server";
import {
  alreadyReported,
  checkReportChoice,
  FLAG_REASONS,
  orderNameOf,
  reportableLines,
  type ReportableLine,
  type ReportErrors,
} from "./report-choices";
import type { Actor } from "./types";

/** What the merchant typed as the order: a name or a number, nothing Shopify's search would read as syntax. */
export const OrderNameInput = z
  .string()
  .trim()
  .min(1, "Type the order's name or number, such as #1038.")
  .max(40, "An order's name is shorter than that.")
  .regex(/^#?[\p{L}\p{N}._-]+$/u, "An order's name or number, such as #1038 (letters, digits, # and -).");

export const ReportInput = z.object({
  order: OrderNameInput,
  lineItemId: z.string().optional(),
  reason: z.string().optional(),
  quantity: z.string().optional(),
  note: z.string().trim().max(2000, "The note can be at most 2,000 characters.").default(""),
});
export type ReportInput = z.infer<typeof ReportInput>;

export type FoundOrder = {
  id: string;
  name: string;
  createdAt: string;
  cancelledAt: string | null;
  currency: string;
  delivered: string | null;
  lines: ReportableLine[];
};

export type Lookup = { ok: true; order: FoundOrder } | { ok: false; error: string };

/** The order the merchant named, its lines and what fits each, or why there is none. */
export async function findOrderToReport(
  prisma: PrismaClient,
  admin: AdminClient,
  shop: string,
  typed: string,
): Promise<Lookup> {
  const parsed = OrderNameInput.safeParse(typed);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message };
  const name = orderNameOf(parsed.data);
  const read = await admin.request(OrderLinesToReportQuery, { query: `name:"${name}"` });
  const order = read.orders.nodes.find((o) => o.name.toLowerCase() === name.toLowerCase());
  if (!order)
    return {
      ok: false,
      error: `No order ${name} in this shop. Check the name on the order in Shopify (such as #1038).`,
    };
  const open = await prisma.incident.findMany({
    where: { shop, orderId: order.id, openKey: { not: null } },
    select: { id: true, type: true, subject: true },
    orderBy: { openedAt: "asc" },
  });
  const lines = reportableLines(
    order,
    open.map((i) => ({ incidentId: i.id, type: i.type, subject: i.subject })),
  );
  return { ok: true, order: foundOrder(order, lines) };
}

function foundOrder(order: OrderLinesToReportOrder, lines: ReportableLine[]): FoundOrder {
  const delivered =
    order.fulfillments
      .map((f) => f.deliveredAt)
      .filter((d): d is string => d !== null)
      .sort()
      .pop() ?? null;
  return {
    id: order.id,
    name: order.name,
    createdAt: order.createdAt,
    cancelledAt: order.cancelledAt,
    currency: order.currencyCode,
    delivered,
    lines,
  };
}

export type ReportResult =
  | { ok: true; incidentId: string }
  | {
      ok: false;
      errors: ReportErrors;
      /** The incident already open for this line and problem. */ incidentId?: string;
    };

/** Opens the incident the merchant reported, after checking the choice against Shopify's order as it is now. */
export async function reportProblem(
  prisma: PrismaClient,
  admin: AdminClient,
  shop: string,
  input: ReportInput,
  who: { actor: Actor; name: string },
  now = new Date(),
): Promise<ReportResult> {
  const found = await findOrderToReport(prisma, admin, shop, input.order);
  if (!found.ok) return { ok: false, errors: { order: found.error } };
  const { order } = found;
  const errors = checkReportChoice(order, order.lines, input);
  if (Object.keys(errors).length)
    return { ok: false, errors, incidentId: alreadyReported(order.lines, input)?.incidentId };
  const reason = z.enum(FLAG_REASONS).parse(input.reason);
  // An order no webhook told the app of (placed before the install) is flagged as Shopify has it.
  const seen = await prisma.orderSnapshot.findUnique({
    where: { shop_orderId: { shop, orderId: order.id } },
    select: { orderId: true },
  });
  const known = seen
    ? undefined
    : await admin
        .request(OrderAsReconciledQuery, { id: order.id })
        .then((r) => (r.order ? orderWebhookBody(r.order) : undefined));
  const flagged = await flagOrderLine(
    prisma,
    shop,
    {
      orderId: order.id,
      lineItemId: input.lineItemId!,
      reason,
      quantity: Number(input.quantity),
      note: input.note,
    },
    who,
    now,
    known,
  );
  if (!flagged.ok) return { ok: false, errors: { order: flagged.error } };
  return { ok: true, incidentId: flagged.incidentId };
}
