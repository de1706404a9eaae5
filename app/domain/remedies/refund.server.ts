// A refund through Shopify: previewed with suggestedRefund (what the lines are worth with their
// tax and discounts, and which payment to refund), checked against what is still refundable, then
// created with the remedy's id as Shopify's idempotency key.
import type { AdminClient } from "../../shopify/client.server";
import {
  OrderCancelMutation, RefundCreateMutation, RefundPreviewQuery, type OrderCancel, type RefundCreate, type RefundPreview,
} from "../../shopify/documents/remedies";
import type { RefundDecision } from "./decisions";
import { Refused, type Executed } from "./outcome";
import { toCents as cents } from "../money";


const restockType = (d: RefundDecision) => (d.restock ? "RETURN" : "NO_RESTOCK");

/** What the refund would be, as Shopify computes it: shown to the merchant before they confirm. */
export async function previewRefund(admin: AdminClient, orderId: string, d: RefundDecision) {
  const refundLineItems = d.lineItems.map((l) => ({ ...l, restockType: restockType(d) }));
  const { order } = await admin.request<RefundPreview>(RefundPreviewQuery, {
    orderId, refundLineItems: d.fullOrder ? undefined : refundLineItems, refundShipping: d.shipping, suggestFullRefund: d.fullOrder,
  });
  if (!order) throw new Refused("the order no longer exists in Shopify");
  const s = order.suggestedRefund;
  return {
    orderName: order.name, currency: order.currencyCode, suggestion: s, refundLineItems,
    amount: d.amount ?? s.amountSet.shopMoney.amount, maximum: s.maximumRefundableSet.shopMoney.amount,
    lines: s.refundLineItems.map((l) => `${l.lineItem.title} ×${l.quantity}`).join(", "),
  };
}

export async function executeRefund(admin: AdminClient, remedyId: string, orderId: string, d: RefundDecision): Promise<Executed> {
  const { orderName, currency, suggestion: s, refundLineItems, amount, maximum, lines } = await previewRefund(admin, orderId, d);
  if (cents(amount) > cents(maximum)) throw new Refused(`${amount} ${currency} is more than the ${maximum} ${currency} still refundable on ${orderName}`);
  const parent = s.suggestedTransactions[0];
  if (cents(amount) === 0 || !parent) throw new Refused(`nothing paid is left to refund on ${orderName} for this choice`);
  const { refundCreate } = await admin.request<RefundCreate>(RefundCreateMutation, {
    key: `makegood-refund-${remedyId}`,
    input: {
      orderId, note: d.note ?? "MakeGood remedy",
      refundLineItems: d.fullOrder ? s.refundLineItems.map((l) => ({ lineItemId: l.lineItem.id, quantity: l.quantity, restockType: restockType(d) })) : refundLineItems,
      ...(d.shipping || d.fullOrder ? { shipping: { fullRefund: true } } : {}),
      transactions: [{ orderId, amount, gateway: parent.gateway, kind: "REFUND", parentId: parent.parentTransaction?.id }],
    },
  });
  if (refundCreate.userErrors.length) throw new Refused(refundCreate.userErrors.map((e) => e.message).join("; "));
  const refund = refundCreate.refund!;
  return {
    shopifyId: refund.id, amount: refund.totalRefundedSet.shopMoney.amount, currency: refund.totalRefundedSet.shopMoney.currencyCode,
    summary: `Refunded ${refund.totalRefundedSet.shopMoney.amount} ${refund.totalRefundedSet.shopMoney.currencyCode}${lines ? ` (${lines}${d.shipping ? ", shipping" : ""})` : ""}`,
    costsShop: true,
  };
}

/** Cancels the whole order with a full refund and restock (the customer's choice on an offer). */
export async function executeCancelOrder(admin: AdminClient, orderId: string, orderName: string, note?: string): Promise<Executed> {
  const { order } = await admin.request<RefundPreview>(RefundPreviewQuery, { orderId, suggestFullRefund: true });
  if (!order) throw new Refused("the order no longer exists in Shopify");
  const amount = order.suggestedRefund.amountSet.shopMoney.amount;
  const { orderCancel } = await admin.request<OrderCancel>(OrderCancelMutation, { orderId, staffNote: note ?? "MakeGood: cancelled at the customer's choice" });
  if (orderCancel.orderCancelUserErrors.length) throw new Refused(orderCancel.orderCancelUserErrors.map((e) => e.message).join("; "));
  return {
    shopifyId: orderCancel.job?.id ?? orderId, amount, currency: order.currencyCode, costsShop: true,
    summary: `Cancelled ${orderName} with a full refund of ${amount} ${order.currencyCode}`,
  };
}
