// Draft orders over GraphQL: what a reship at the shop's cost needs — create one with a discount on
// every line, find it again by tag, and complete it into an order (webhooks as for any new order).
import { GraphQLError } from "graphql";
import { gid, parseGid } from "./ids";
import { fromCents, toCents } from "./money";
import type { DraftOrder, SandboxStore, ShopState } from "./store";
import { orderView, moneyBag } from "./views";
import { connection } from "./connection";

type Args = Record<string, unknown>;
type DraftInput = {
  customerId?: string;
  email?: string;
  note?: string;
  tags?: string[];
  lineItems?: { variantId?: string; quantity: number }[];
  appliedDiscount?: { valueType: string; value: number; title?: string };
  shippingLine?: { title?: string; priceWithCurrency?: { amount: string } };
};

function draftView(store: SandboxStore, shop: ShopState, d: DraftOrder) {
  const gross = d.lines.reduce(
    (sum, l) => sum + toCents(shop.variants.find((v) => v.id === l.variantId)!.price) * l.quantity,
    0,
  );
  const total = Math.round(gross * (1 - d.discountPercent / 100)) + toCents(d.shippingPrice);
  const order = d.completedOrderId ? shop.orders.find((o) => o.id === d.completedOrderId) : undefined;
  return {
    __typename: "DraftOrder",
    id: gid("DraftOrder", d.id),
    name: `#D${d.id}`,
    tags: d.tags,
    note2: d.note,
    status: order ? "COMPLETED" : "OPEN",
    totalPriceSet: moneyBag(fromCents(total), shop.currencyCode),
    order: () => (order ? orderView(shop, order) : null),
  };
}

export function draftQueries(store: SandboxStore, shop: ShopState) {
  return {
    draftOrders: (args: Args) => {
      const tag = String(args.query ?? "").match(/^tag:['"]?([^'"]+)['"]?$/)?.[1];
      if (args.query && !tag)
        throw new GraphQLError(`not implemented in sandbox: draftOrders query '${String(args.query)}'`);
      // Shopify's search index follows writes with a delay: a search does not list what is newer.
      const indexed = (d: DraftOrder) =>
        !args.query || store.clock.now().getTime() - d.createdAt.getTime() >= store.searchLagMs;
      return connection(
        shop.draftOrders.filter((d) => indexed(d) && (!tag || d.tags.includes(tag))),
        args,
        (d) => draftView(store, shop, d),
      );
    },
    draftOrder: ({ id }: Args) => {
      const ref = parseGid(id);
      const draft = ref?.type === "DraftOrder" ? shop.draftOrders.find((d) => d.id === ref.id) : undefined;
      return draft ? draftView(store, shop, draft) : null;
    },
  };
}

export function draftMutations(store: SandboxStore, shop: ShopState) {
  return {
    draftOrderCreate: ({ input }: Args) => {
      const i = input as DraftInput;
      const lines = (i.lineItems ?? []).map((l) => ({
        variantId: parseGid(l.variantId)?.id ?? -1,
        quantity: l.quantity,
      }));
      const unknown = lines.find((l) => !shop.variants.some((v) => v.id === l.variantId));
      if (!lines.length || unknown)
        return {
          draftOrder: null,
          userErrors: [
            { field: ["lineItems"], message: unknown ? "Variant does not exist" : "Add at least 1 product" },
          ],
        };
      if (i.appliedDiscount && i.appliedDiscount.valueType !== "PERCENTAGE")
        throw new GraphQLError("not implemented in sandbox: fixed-amount draft discounts");
      const percent = i.appliedDiscount?.value ?? 0;
      if (percent < 0 || percent > 100)
        return {
          draftOrder: null,
          userErrors: [{ field: ["appliedDiscount", "value"], message: "Value must be between 0 and 100" }],
        };
      const draft: DraftOrder = {
        id: store.id(),
        customerId: parseGid(i.customerId)?.id ?? null,
        lines,
        discountPercent: percent,
        note: i.note ?? null,
        tags: i.tags ?? [],
        shippingPrice: i.shippingLine?.priceWithCurrency?.amount ?? "0.00",
        completedOrderId: null,
        createdAt: store.clock.now(),
      };
      shop.draftOrders.push(draft);
      return { draftOrder: draftView(store, shop, draft), userErrors: [] };
    },
    draftOrderComplete: ({ id }: Args) => {
      const draft = shop.draftOrders.find((d) => d.id === parseGid(id)?.id);
      if (!draft)
        return { draftOrder: null, userErrors: [{ field: ["id"], message: "Draft order does not exist" }] };
      if (draft.completedOrderId)
        return {
          draftOrder: null,
          userErrors: [{ field: ["id"], message: "This order has already been paid" }],
        };
      if (!draft.customerId)
        throw new GraphQLError("not implemented in sandbox: draft orders without a customer");
      const order = store.createOrder(shop.domain, {
        customerId: draft.customerId,
        tags: draft.tags,
        shippingPrice: draft.shippingPrice,
        gateway: "manual",
        lines: draft.lines.map((l) => {
          const price = toCents(shop.variants.find((v) => v.id === l.variantId)!.price);
          return { ...l, price: fromCents(Math.round(price * (1 - draft.discountPercent / 100))) };
        }),
      });
      draft.completedOrderId = order.id;
      return { draftOrder: draftView(store, shop, draft), userErrors: [] };
    },
  };
}
