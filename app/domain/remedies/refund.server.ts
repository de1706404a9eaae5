// A refund through Shopify: previewed with suggestedRefund (what the lines are worth with their
// tax and discounts, and which payment to refund), checked against what is still refundable, then
// created with the remedy's id as Shopify's idempotency key.
import type { AdminClient, ResultOf } from "../../shopify/client.server";
import {
  OrderCancelMutation,
  OrderCancelStateQuery,
  RefundCreateMutation,
  RefundPreviewQuery,
} from "../../shopify/documents/remedies";
import type { RefundLineItemRestockType } from "../../types/admin.types";
import type { RefundDecision } from "./decisions";
import { Refused, type Executed } from "./outcome";
import { toCents as cents } from "../money";

type Order = NonNullable<ResultOf<typeof RefundPreviewQuery>["order"]>;

/**
 * Shopify's restock types: CANCEL for units not yet fulfilled — the order's commitment on them is
 * released, and they stay on hand (on the shelf, or counted as damaged when expired); refunding
 * them with NO_RESTOCK would take them off on hand, and detection would then find the order short
 * again. Fulfilled units are RETURNed to stock when they came back, else NO_RESTOCK.
 */
function restockTypeOf(
  order: Order,
  lineItemId: string,
  quantity: number,
  restock: boolean,
): RefundLineItemRestockType {
  const unfulfilled = order.lineItems.nodes.find((l) => l.id === lineItemId)?.unfulfilledQuantity ?? 0;
  if (quantity <= unfulfilled) return "CANCEL";
  return restock ? "RETURN" : "NO_RESTOCK";
}

/** The payment a refund goes back to: Shopify's suggestion, or the order's successful sale. */
function parentPayment(order: Order) {
  const suggested = order.suggestedRefund?.suggestedTransactions[0];
  if (suggested?.parentTransaction && suggested.gateway)
    return { gateway: suggested.gateway, parentId: suggested.parentTransaction.id };
  const sale = order.transactions.find(
    (t) => (t.kind === "SALE" || t.kind === "CAPTURE") && t.status === "SUCCESS",
  );
  // A refund names its gateway: a payment Shopify reports without one cannot be refunded through it.
  return sale?.gateway ? { gateway: sale.gateway, parentId: sale.id } : null;
}

/** What the refund would be, as Shopify computes it: shown to the merchant before they confirm. */
export async function previewRefund(admin: AdminClient, orderId: string, d: RefundDecision) {
  const { order } = await admin.request(RefundPreviewQuery, {
    orderId,
    refundLineItems: d.fullOrder ? undefined : d.lineItems,
    refundShipping: d.shipping,
    suggestFullRefund: d.fullOrder,
  });
  if (!order) throw new Refused("the order no longer exists in Shopify");
  const s = order.suggestedRefund;
  if (!s) throw new Refused(`Shopify suggests no refund for ${order.name}`);
  const lines = d.fullOrder
    ? s.refundLineItems.map((l) => ({ lineItemId: l.lineItem.id, quantity: l.quantity }))
    : d.lineItems;
  return {
    order,
    orderName: order.name,
    currency: order.currencyCode,
    refundLineItems: lines.map((l) => ({
      ...l,
      restockType: restockTypeOf(order, l.lineItemId, l.quantity, d.restock),
    })),
    amount: d.amount ?? s.amountSet.shopMoney.amount,
    maximum: s.maximumRefundableSet.shopMoney.amount,
    lines: s.refundLineItems.map((l) => `${l.lineItem.title} ×${l.quantity}`).join(", "),
  };
}

export async function executeRefund(
  admin: AdminClient,
  remedyId: string,
  orderId: string,
  d: RefundDecision,
): Promise<Executed> {
  const { order, orderName, currency, refundLineItems, amount, maximum, lines } = await previewRefund(
    admin,
    orderId,
    d,
  );
  if (cents(amount) > cents(maximum))
    throw new Refused(
      `${amount} ${currency} is more than the ${maximum} ${currency} still refundable on ${orderName}`,
    );
  const parent = parentPayment(order);
  if (cents(amount) === 0 || !parent)
    throw new Refused(`nothing paid is left to refund on ${orderName} for this choice`);
  const { refundCreate } = await admin.request(RefundCreateMutation, {
    key: `makegood-refund-${remedyId}`,
    input: {
      orderId,
      note: d.note ?? "MakeGood remedy",
      refundLineItems,
      ...(d.shipping || d.fullOrder ? { shipping: { fullRefund: true } } : {}),
      transactions: [{ orderId, amount, gateway: parent.gateway, kind: "REFUND", parentId: parent.parentId }],
    },
  });
  if (refundCreate.userErrors.length)
    throw new Refused(refundCreate.userErrors.map((e) => e.message).join("; "));
  const refund = refundCreate.refund!;
  const total = refund.totalRefundedSet.shopMoney;
  return {
    shopifyId: refund.id,
    amount: total.amount,
    currency: total.currencyCode,
    costsShop: true,
    summary: `Refunded ${total.amount} ${total.currencyCode}${lines ? ` (${lines}${d.shipping ? ", shipping" : ""})` : d.shipping ? " (shipping)" : " (goodwill)"}`,
  };
}

/**
 * Cancels the whole order with a full refund and restock (the customer's choice on an offer). A
 * retried execution — the first one cancelled the order but its answer was lost — finds the order
 * cancelled and records that, without asking Shopify to cancel it again (which it refuses).
 */
export async function executeCancelOrder(
  admin: AdminClient,
  orderId: string,
  orderName: string,
  note?: string,
): Promise<Executed> {
  const { order: state } = await admin.request(OrderCancelStateQuery, { orderId });
  if (!state) throw new Refused("the order no longer exists in Shopify");
  if (state.cancelledAt) {
    const refunded = state.totalRefundedSet.shopMoney.amount;
    return {
      shopifyId: orderId,
      amount: refunded,
      currency: state.currencyCode,
      costsShop: true,
      summary: `${orderName} was already cancelled in Shopify (${state.cancelledAt}), ${refunded} ${state.currencyCode} refunded`,
    };
  }
  const { order } = await admin.request(RefundPreviewQuery, { orderId, suggestFullRefund: true });
  if (!order) throw new Refused("the order no longer exists in Shopify");
  if (!order.suggestedRefund) throw new Refused(`Shopify suggests no refund for ${order.name}`);
  const amount = order.suggestedRefund.amountSet.shopMoney.amount;
  const { orderCancel } = await admin.request(OrderCancelMutation, {
    orderId,
    staffNote: note ?? "MakeGood: cancelled at the customer's choice",
  });
  if (orderCancel.orderCancelUserErrors.length)
    throw new Refused(orderCancel.orderCancelUserErrors.map((e) => e.message).join("; "));
  return {
    shopifyId: orderCancel.job?.id ?? orderId,
    amount,
    currency: order.currencyCode,
    costsShop: true,
    summary: `Cancelled ${orderName} with a full refund of ${amount} ${order.currencyCode}`,
  };
}
