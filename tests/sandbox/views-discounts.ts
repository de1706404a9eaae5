// GraphQL views and mutation of basic discount codes.
import { connection } from "./connection";
import { gid, parseGid } from "./ids";
import type { DiscountCode, SandboxStore, ShopState } from "./store";
import { createDiscountCode, discountStatus } from "./store-discounts";
import { customerView, money } from "./views";

type Args = Record<string, unknown>;

export function discountNodeView(store: SandboxStore, shop: ShopState, d: DiscountCode) {
  const percentage = "percentage" in d.value ? d.value.percentage : null;
  const value =
    "percentage" in d.value
      ? { __typename: "DiscountPercentage", percentage: d.value.percentage }
      : {
          __typename: "DiscountAmount",
          amount: money(d.value.amount, shop.currencyCode),
          appliesOnEachItem: d.value.appliesOnEachItem,
        };
  const customers = d.customerIds?.map((id) => shop.customers.find((c) => c.id === id)!).filter(Boolean);
  const codeDiscount = {
    __typename: "DiscountCodeBasic",
    title: d.title,
    status: discountStatus(d, store.clock.now()),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.createdAt.toISOString(),
    startsAt: d.startsAt.toISOString(),
    endsAt: d.endsAt?.toISOString() ?? null,
    usageLimit: d.usageLimit,
    appliesOncePerCustomer: d.appliesOncePerCustomer,
    asyncUsageCount: d.redemptions.length,
    discountClass: "ORDER",
    summary:
      percentage !== null
        ? `${Math.round(percentage * 100)}% off entire order`
        : `${(d.value as { amount: string }).amount} ${shop.currencyCode} off entire order`,
    codes: (args: Args) =>
      connection([d], args, (x) => ({
        __typename: "DiscountRedeemCode",
        id: gid("DiscountRedeemCode", x.id),
        code: x.code,
        asyncUsageCount: x.redemptions.length,
      })),
    customerGets: {
      value,
      items: { __typename: "AllDiscountItems", allItems: true },
      appliesOnOneTimePurchase: true,
      appliesOnSubscription: false,
    },
    context: customers
      ? { __typename: "DiscountCustomers", customers: customers.map((c) => customerView(shop, c)) }
      : { __typename: "DiscountBuyerSelectionAll", all: "ALL" },
    totalSales: money(
      d.redemptions.reduce((sum, r) => sum + Number(r.amount), 0),
      shop.currencyCode,
    ),
  };
  return { __typename: "DiscountCodeNode", id: gid("DiscountCodeNode", d.id), codeDiscount };
}

export function discountQueries(store: SandboxStore, shop: ShopState) {
  return {
    codeDiscountNodeByCode: ({ code }: Args) => {
      const d = shop.discounts.find((x) => x.code.toLowerCase() === String(code).toLowerCase());
      return d ? discountNodeView(store, shop, d) : null;
    },
    codeDiscountNode: ({ id }: Args) => {
      const ref = parseGid(id);
      const d = ref?.type === "DiscountCodeNode" ? shop.discounts.find((x) => x.id === ref.id) : undefined;
      return d ? discountNodeView(store, shop, d) : null;
    },
  };
}

type BasicInput = {
  title?: string;
  code?: string;
  startsAt?: string;
  endsAt?: string;
  usageLimit?: number;
  appliesOncePerCustomer?: boolean;
  context?: { all?: string; customers?: { add?: string[] }; customerSegments?: unknown; markets?: unknown };
  customerSelection?: { all?: boolean; customers?: { add?: string[] } };
  customerGets?: {
    value?: { percentage?: number; discountAmount?: { amount: string; appliesOnEachItem?: boolean } };
    items?: { all?: boolean };
  };
};

export function discountMutations(store: SandboxStore, shop: ShopState) {
  return {
    discountCodeBasicCreate: ({ basicCodeDiscount }: Args) => {
      const i = basicCodeDiscount as BasicInput;
      if (i.context?.customerSegments || i.context?.markets)
        throw new Error("not implemented in sandbox: discounts for segments or markets");
      if (i.customerGets?.items && !i.customerGets.items.all)
        throw new Error("not implemented in sandbox: discounts on products or collections");
      const add = i.context?.customers?.add ?? i.customerSelection?.customers?.add;
      const v = i.customerGets?.value;
      if (!v?.percentage && !v?.discountAmount) {
        return {
          codeDiscountNode: null,
          userErrors: [
            {
              field: ["basicCodeDiscount", "customerGets", "value"],
              message: "Value can't be blank",
              code: "BLANK",
              extraInfo: null,
            },
          ],
        };
      }
      const result = createDiscountCode(store, shop.domain, {
        title: i.title ?? "",
        code: i.code ?? "",
        startsAt: i.startsAt ? new Date(i.startsAt) : null,
        endsAt: i.endsAt ? new Date(i.endsAt) : null,
        usageLimit: i.usageLimit ?? null,
        appliesOncePerCustomer: i.appliesOncePerCustomer ?? false,
        customerIds: add ? add.map((c) => parseGid(c)?.id ?? -1) : null,
        value:
          v.percentage !== undefined && v.percentage !== null
            ? { percentage: v.percentage }
            : {
                amount: v.discountAmount!.amount,
                appliesOnEachItem: v.discountAmount!.appliesOnEachItem ?? false,
              },
      });
      if (result.errors)
        return { codeDiscountNode: null, userErrors: result.errors.map((e) => ({ ...e, extraInfo: null })) };
      return { codeDiscountNode: discountNodeView(store, shop, result.ok), userErrors: [] };
    },
  };
}
