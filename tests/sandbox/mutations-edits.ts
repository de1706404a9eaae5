// Order editing over GraphQL: CalculatedOrder views and the orderEdit* mutations.
import { gid, parseGid } from "./ids";
import { fromCents, toCents } from "./money";
import type { SandboxStore, ShopState } from "./store";
import {
  addVariant,
  commitEdit,
  discountLine,
  setQuantity,
  stagedTotals,
  type EditSession,
  type EditSessions,
  type StagedLine,
} from "./store-edits";
import { connection } from "./connection";
import { moneyBag, orderView, variantView } from "./views";

type Args = Record<string, unknown>;

function calculatedLineView(shop: ShopState, currency: string, l: StagedLine) {
  const variant = shop.variants.find((v) => v.id === l.variantId);
  const gross = toCents(l.price) * l.quantity;
  const discount = l.discount?.amount ?? 0;
  return {
    __typename: "CalculatedLineItem",
    id: gid("CalculatedLineItem", l.id),
    title: l.title,
    variantTitle: l.variantTitle,
    sku: l.sku,
    quantity: l.quantity,
    editableQuantity: l.quantity - l.fulfilledQuantity,
    editableQuantityBeforeChanges: l.originalQuantity - l.fulfilledQuantity,
    originalUnitPriceSet: moneyBag(l.price, currency),
    discountedUnitPriceSet: moneyBag(
      fromCents(l.quantity ? Math.round((gross - discount) / l.quantity) : 0),
      currency,
    ),
    editableSubtotalSet: moneyBag(fromCents(gross - discount), currency),
    uneditableSubtotalSet: moneyBag("0.00", currency),
    hasStagedLineItemDiscount: l.discount !== null,
    restockable: l.lineItemId !== null,
    restocking: l.restock,
    variant: () => (variant ? variantView(shop, variant) : null),
  };
}

function calculatedOrderView(shop: ShopState, session: EditSession) {
  const order = shop.orders.find((o) => o.id === session.orderId)!;
  const t = stagedTotals(order, session);
  const bag = (c: number) => moneyBag(fromCents(c), order.currencyCode);
  const lines = (args: Args, only: (l: StagedLine) => boolean) =>
    connection(session.lines.filter(only), args, (l) => calculatedLineView(shop, order.currencyCode, l));
  return {
    __typename: "CalculatedOrder",
    id: gid("CalculatedOrder", session.id),
    committed: session.committed,
    originalOrder: () => orderView(shop, order),
    lineItems: (args: Args) => lines(args, () => true),
    addedLineItems: (args: Args) => lines(args, (l) => l.lineItemId === null),
    subtotalLineItemsQuantity: session.lines.reduce((n, l) => n + l.quantity, 0),
    subtotalPriceSet: bag(t.subtotal),
    totalPriceSet: bag(t.total),
    totalOutstandingSet: bag(t.outstanding),
  };
}

export function editMutations(store: SandboxStore, shop: ShopState, sessions: EditSessions) {
  // The id may name the calculated order or the edit session: both carry the session's number.
  const sessionOf = (id: unknown) => {
    const ref = parseGid(id);
    const session =
      ref && (ref.type === "CalculatedOrder" || ref.type === "OrderEditSession")
        ? sessions.get(ref.id)
        : undefined;
    return session && session.shop === shop.domain ? session : undefined;
  };
  const lineIdOf = (id: unknown) => (parseGid(id)?.type === "CalculatedLineItem" ? parseGid(id)!.id : -1);
  const answer = (session: EditSession | undefined, result: { ok?: StagedLine; errors?: unknown[] }) => ({
    calculatedLineItem: result.ok && session ? calculatedLineView(shop, shop.currencyCode, result.ok) : null,
    calculatedOrder: result.ok && session ? calculatedOrderView(shop, session) : null,
    orderEditSession: result.ok && session ? { id: gid("OrderEditSession", session.id) } : null,
    userErrors: result.errors ?? [],
  });
  return {
    orderEditBegin: ({ id }: Args) => {
      const ref = parseGid(id);
      const order = ref?.type === "Order" ? shop.orders.find((o) => o.id === ref.id) : undefined;
      if (!order)
        return {
          calculatedOrder: null,
          orderEditSession: null,
          userErrors: [{ field: ["id"], message: "The order does not exist." }],
        };
      const result = sessions.begin(store, shop, order);
      if (result.errors) return { calculatedOrder: null, orderEditSession: null, userErrors: result.errors };
      return {
        calculatedOrder: calculatedOrderView(shop, result.ok),
        orderEditSession: { id: gid("OrderEditSession", result.ok.id) },
        userErrors: [],
      };
    },
    orderEditAddVariant: ({ id, variantId, quantity, allowDuplicates }: Args) => {
      const session = sessionOf(id);
      const variant = parseGid(variantId);
      return answer(
        session,
        addVariant(
          store,
          shop,
          session,
          variant?.type === "ProductVariant" ? variant.id : -1,
          quantity as number,
          (allowDuplicates as boolean) ?? false,
        ),
      );
    },
    orderEditSetQuantity: ({ id, lineItemId, quantity, restock }: Args) => {
      const session = sessionOf(id);
      return answer(
        session,
        setQuantity(session, lineIdOf(lineItemId), quantity as number, (restock as boolean) ?? false),
      );
    },
    orderEditAddLineItemDiscount: ({ id, lineItemId, discount }: Args) => {
      const session = sessionOf(id);
      const result = discountLine(
        session,
        lineIdOf(lineItemId),
        discount as Parameters<typeof discountLine>[2],
      );
      return {
        ...answer(session, result),
        addedDiscountStagedChange: result.ok
          ? {
              __typename: "OrderStagedChangeAddLineItemDiscount",
              id: gid("OrderStagedChangeAddLineItemDiscount", result.ok.id),
              description: result.ok.discount?.description ?? null,
            }
          : null,
      };
    },
    orderEditCommit: ({ id, staffNote }: Args) => {
      const result = commitEdit(store, shop, sessionOf(id), staffNote as string | undefined);
      if (result.errors) return { order: null, successMessages: null, userErrors: result.errors };
      return { order: orderView(shop, result.ok), successMessages: ["Order updated"], userErrors: [] };
    },
  };
}
