// Substituting a line: finding candidates for it (SubstitutionContext + SubstituteCandidates), and
// swapping it in place by an order edit — the substitute added, the original set to zero, and a
// discount on the substitute so the customer pays no more than before. A retried execution first
// looks whether the swap is already on the order, so an order is never edited twice for one decision.
import { LRUCache } from "lru-cache";
import type { AdminClient, ResultOf } from "../../shopify/client.server";
import {
  OrderEditAddLineItemDiscountMutation,
  OrderEditAddVariantMutation,
  OrderEditBeginMutation,
  OrderEditCommitMutation,
  OrderEditSetQuantityMutation,
  SubstituteCandidatesQuery,
  SubstitutionContextQuery,
} from "../../shopify/documents/substitution";
import type { ShopSettings } from "../settings/settings";
import { Refused, type Executed } from "./outcome";
import { candidateQuery, rankSubstitutes, type OriginalLine, type Substitute } from "./substitutes";
import { fromCents as money, toCents as cents } from "../money";

type Context = NonNullable<ResultOf<typeof SubstitutionContextQuery>["order"]>;
type Line = Context["lineItems"]["nodes"][number];

async function lineContext(admin: AdminClient, orderId: string, lineItemId: string) {
  const { order } = await admin.request(SubstitutionContextQuery, { id: orderId });
  if (!order) throw new Refused("the order no longer exists in Shopify");
  const line = order.lineItems.nodes.find((l) => l.id === lineItemId);
  if (!line?.variant) throw new Refused(`the order has no line ${lineItemId} with a product to replace`);
  const fo = order.fulfillmentOrders.nodes.find(
    (f) => f.lineItems.nodes.some((l) => l.lineItem.id === lineItemId) && f.assignedLocation.location,
  );
  const locationId = fo?.assignedLocation.location?.id;
  if (!locationId) throw new Refused(`no location ships ${line.title}`);
  return { order, line: line as Line & { variant: NonNullable<Line["variant"]> }, locationId };
}

/** `quantity`: the units at stake; `ordered`: the units on the line now (more: the rest still ships). */
export type Candidates = {
  line: {
    id: string;
    title: string;
    quantity: number;
    ordered: number;
    paid: string;
    value: string;
    currency: string;
  };
  substitutes: Substitute[];
};

/** Ranked substitutes for a line, each in stock for its quantity where the order ships from. */
export async function findSubstitutes(
  admin: AdminClient,
  orderId: string,
  lineItemId: string,
  quantity: number | null,
  productFailed: boolean,
  settings: ShopSettings,
): Promise<Candidates> {
  const { order, line, locationId } = await lineContext(admin, orderId, lineItemId);
  const p = line.variant.product;
  const query = candidateQuery(p, settings.substituteMatch);
  const found: ResultOf<typeof SubstituteCandidatesQuery> = query
    ? await admin.request(SubstituteCandidatesQuery, {
        query,
        location: locationId,
        variant: line.variant.id,
      })
    : { productVariant: null, products: { nodes: [] } };
  const original: OriginalLine = {
    variantId: line.variant.id,
    productId: p.id,
    vendor: p.vendor,
    productType: p.productType,
    tags: p.tags,
    packs: found.productVariant?.productParents.nodes.map((pack) => pack.id) ?? [],
    value: line.variant.price,
    quantity: quantity ?? Math.max(line.currentQuantity, 1),
    productFailed,
  };
  return {
    line: {
      id: line.id,
      title: line.title,
      quantity: original.quantity,
      ordered: Math.max(line.currentQuantity, original.quantity),
      paid: line.originalUnitPriceSet.shopMoney.amount,
      value: line.variant.price,
      currency: order.currencyCode,
    },
    substitutes: rankSubstitutes(original, found.products.nodes, settings.substituteMatch),
  };
}

// What the workspace shows: the same candidates again for half a minute, as the page is read again
// after every action and each lookup spends some 250 of the shop's Admin API points. Sending an
// offer looks again (findSubstitutes), so nothing is offered on stale stock.
const shown = new LRUCache<string, Promise<Candidates>>({ max: 500, ttl: 30_000 });

export function substitutesToShow(
  admin: AdminClient,
  orderId: string,
  lineItemId: string,
  quantity: number | null,
  productFailed: boolean,
  settings: ShopSettings,
): Promise<Candidates> {
  const key = JSON.stringify([
    admin.shop,
    orderId,
    lineItemId,
    quantity,
    productFailed,
    settings.substituteMatch,
  ]);
  let lookup = shown.get(key);
  if (!lookup) {
    lookup = findSubstitutes(admin, orderId, lineItemId, quantity, productFailed, settings);
    shown.set(key, lookup);
    lookup.catch(() => shown.delete(key)); // a failure is not remembered
  }
  return lookup;
}

export type SubstitutionDecision = { lineItemId: string; variantId: string; quantity?: number };

function refuseOn(operation: string, result: { userErrors: { message: string }[] }) {
  if (result.userErrors.length)
    throw new Refused(`${operation}: ${result.userErrors.map((e) => e.message).join("; ")}`);
}

export async function executeSubstitution(
  admin: AdminClient,
  orderId: string,
  d: SubstitutionDecision,
): Promise<Executed> {
  const { order, line } = await lineContext(admin, orderId, d.lineItemId);
  const quantity = d.quantity ?? line.currentQuantity;
  const already = order.lineItems.nodes.find(
    (l) => l.variant?.id === d.variantId && l.currentQuantity >= quantity && l.id !== line.id,
  );
  if (line.currentQuantity === 0 && already) {
    return {
      shopifyId: already.id,
      amount: null,
      currency: order.currencyCode,
      costsShop: true,
      summary: `${line.title} already replaced by ${already.title} ×${quantity}`,
    };
  }
  if (quantity < 1 || quantity > line.currentQuantity)
    throw new Refused(`${line.title} has ${line.currentQuantity} unit(s) left on the order to replace`);

  const { orderEditBegin } = await admin.request(OrderEditBeginMutation, { id: orderId });
  refuseOn("orderEditBegin", orderEditBegin);
  const edit = orderEditBegin.calculatedOrder!.id;
  const { orderEditAddVariant: added } = await admin.request(OrderEditAddVariantMutation, {
    id: edit,
    variantId: d.variantId,
    quantity,
  });
  refuseOn("orderEditAddVariant", added);
  const calculatedOriginal = line.id.replace("/LineItem/", "/CalculatedLineItem/");
  const { orderEditSetQuantity: removed } = await admin.request(OrderEditSetQuantityMutation, {
    id: edit,
    lineItemId: calculatedOriginal,
    quantity: line.currentQuantity - quantity,
  });
  refuseOn("orderEditSetQuantity", removed);
  // Per unit: the substitute's price above what the customer paid for the original is on the shop.
  const paid = cents(line.originalUnitPriceSet.shopMoney.amount);
  const price = cents(added.calculatedLineItem!.originalUnitPriceSet.shopMoney.amount);
  const perUnit = price - paid;
  if (perUnit > 0) {
    const { orderEditAddLineItemDiscount: discounted } = await admin.request(
      OrderEditAddLineItemDiscountMutation,
      {
        id: edit,
        lineItemId: added.calculatedLineItem!.id,
        discount: {
          description: `Substitute for ${line.title}, at no extra cost`,
          fixedValue: { amount: money(perUnit), currencyCode: order.currencyCode },
        },
      },
    );
    refuseOn("orderEditAddLineItemDiscount", discounted);
  }
  const { orderEditCommit: committed } = await admin.request(OrderEditCommitMutation, {
    id: edit,
    staffNote: `MakeGood: ${line.title} replaced`,
  });
  refuseOn("orderEditCommit", committed);
  const cost = money(Math.max(perUnit, 0) * quantity);
  return {
    shopifyId: committed.order!.id,
    amount: cost,
    currency: order.currencyCode,
    costsShop: true,
    summary: `Replaced ${line.title} ×${quantity} by ${added.calculatedLineItem!.title} (${money(price)} ${order.currencyCode} each); the customer pays no more, the shop gives ${cost} ${order.currencyCode}`,
  };
}
