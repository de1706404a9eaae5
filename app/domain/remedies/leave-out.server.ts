// Leaving a line out of the order when nothing was paid for it (a pack's free gift whose last unit
// expired): there is no money to refund, so the units come off the order by an order edit, and the
// order can ship without them. A paid line is refunded instead (refund.server.ts), which takes its
// unfulfilled units off the order as well.
import type { AdminClient } from "../../shopify/client.server";
import {
  OrderEditBeginMutation,
  OrderEditCommitMutation,
  OrderEditSetQuantityMutation,
  SubstitutionContextQuery,
} from "../../shopify/documents/substitution";
import type { LeaveOutDecision } from "./decisions";
import { Refused, type Executed } from "./outcome";
import { toCents } from "../money";

async function lineOf(admin: AdminClient, orderId: string, lineItemId: string) {
  const { order } = await admin.request(SubstitutionContextQuery, { id: orderId });
  if (!order) throw new Refused("the order no longer exists in Shopify");
  const line = order.lineItems.nodes.find((l) => l.id === lineItemId);
  if (!line) throw new Refused(`the order has no line ${lineItemId}`);
  return { order, line };
}

/** Whether taking these units off leaves nothing on the order at all: then no parcel goes out, and
 *  the shipping the customer paid is theirs again too. */
export async function leavesNothingToShip(
  admin: AdminClient,
  orderId: string,
  taken: { lineItemId: string; quantity: number }[],
): Promise<boolean> {
  const { order } = await admin.request(SubstitutionContextQuery, { id: orderId });
  if (!order) throw new Refused("the order no longer exists in Shopify");
  return order.lineItems.nodes.every(
    (l) =>
      l.currentQuantity <= taken.filter((t) => t.lineItemId === l.id).reduce((sum, t) => sum + t.quantity, 0),
  );
}

/** The decision to take `quantity` units of a line off, read against the line as it is now. */
export async function leaveOutDecision(
  admin: AdminClient,
  orderId: string,
  lineItemId: string,
  quantity: number,
  note?: string,
): Promise<LeaveOutDecision> {
  const { line } = await lineOf(admin, orderId, lineItemId);
  const units = Math.min(quantity, line.currentQuantity);
  if (units < 1) throw new Refused(`${line.title} is no longer on the order`);
  return {
    kind: "leave_out",
    lineItemId,
    quantity: units,
    keep: line.currentQuantity - units,
    ...(note ? { note } : {}),
  };
}

export async function executeLeaveOut(
  admin: AdminClient,
  orderId: string,
  d: LeaveOutDecision,
): Promise<Executed> {
  const { order, line } = await lineOf(admin, orderId, d.lineItemId);
  const done = { shopifyId: order.id, amount: null, currency: order.currencyCode, costsShop: false };
  if (line.currentQuantity <= d.keep)
    return { ...done, summary: `${line.title} ×${d.quantity} already left out of ${order.name}` };
  if (toCents(line.originalUnitPriceSet.shopMoney.amount) > 0)
    throw new Refused(`${line.title} was paid for: refund it instead`);
  const { orderEditBegin } = await admin.request(OrderEditBeginMutation, { id: orderId });
  if (orderEditBegin.userErrors.length)
    throw new Refused(`orderEditBegin: ${orderEditBegin.userErrors.map((e) => e.message).join("; ")}`);
  const edit = orderEditBegin.calculatedOrder!.id;
  const { orderEditSetQuantity } = await admin.request(OrderEditSetQuantityMutation, {
    id: edit,
    lineItemId: line.id.replace("/LineItem/", "/CalculatedLineItem/"),
    quantity: d.keep,
  });
  if (orderEditSetQuantity.userErrors.length)
    throw new Refused(
      `orderEditSetQuantity: ${orderEditSetQuantity.userErrors.map((e) => e.message).join("; ")}`,
    );
  const { orderEditCommit } = await admin.request(OrderEditCommitMutation, {
    id: edit,
    staffNote: d.note ?? `MakeGood: ${line.title} left out (nothing was paid for it)`,
  });
  if (orderEditCommit.userErrors.length)
    throw new Refused(`orderEditCommit: ${orderEditCommit.userErrors.map((e) => e.message).join("; ")}`);
  return {
    ...done,
    summary: `Left ${line.title} ×${line.currentQuantity - d.keep} out of ${order.name} (nothing was paid for it, nothing to refund)`,
  };
}
