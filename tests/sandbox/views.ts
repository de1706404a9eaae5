// GraphQL-shaped views of the store. A view holds only the fields the sandbox implements; the
// executor answers any other field with "not implemented in sandbox: Type.field".
import { GraphQLError } from "graphql";
import { connection } from "./connection";
import { gid, parseGid } from "./ids";
import { discountedUnitCents, orderMoney, suggestRefund } from "./store-orders";
import { fulfillmentOrderView, fulfillmentView } from "./views-fulfillment";
import { mediaImageView } from "./media";
import {
  fromCents,
  type Customer,
  type InventoryItem,
  type LineItem,
  type Location,
  type Order,
  type Product,
  type Refund,
  type ShopState,
  type Variant,
  type QuantityName,
} from "./store";

type Args = Record<string, unknown>;

export const money = (amount: string | number, currencyCode: string) => ({
  amount: typeof amount === "number" ? amount.toFixed(2) : amount,
  currencyCode,
});
export const moneyBag = (amount: string | number, currencyCode: string) => ({
  shopMoney: money(amount, currencyCode),
  presentmentMoney: money(amount, currencyCode),
});
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function shopView(shop: ShopState, storefrontUrl = `https://${shop.domain}`) {
  return {
    __typename: "Shop",
    id: gid("Shop", shop.id),
    name: shop.name,
    email: shop.email,
    contactEmail: shop.email,
    myshopifyDomain: shop.domain,
    currencyCode: shop.currencyCode,
    ianaTimezone: shop.ianaTimezone,
    shopAddress: {
      __typename: "ShopAddress",
      id: gid("ShopAddress", 1),
      countryCodeV2: shop.countryCode,
      country: shop.country,
    },
    primaryDomain: {
      __typename: "Domain",
      id: gid("Domain", 1),
      host: new URL(storefrontUrl).hostname,
      url: storefrontUrl,
    },
    plan: { displayName: shop.planName, partnerDevelopment: false, shopifyPlus: false },
  };
}

export function locationView(_shop: ShopState, l: Location) {
  return {
    __typename: "Location",
    id: gid("Location", l.id),
    legacyResourceId: String(l.id),
    name: l.name,
    isActive: l.isActive,
    fulfillsOnlineOrders: l.fulfillsOnlineOrders,
  };
}

export function productView(shop: ShopState, p: Product): Record<string, unknown> {
  const variants = () => shop.variants.filter((v) => v.productId === p.id);
  return {
    __typename: "Product",
    id: gid("Product", p.id),
    legacyResourceId: String(p.id),
    title: p.title,
    handle: p.handle,
    vendor: p.vendor,
    productType: p.productType,
    tags: p.tags,
    status: p.status,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
    variants: (args: Args) => connection(variants(), args, (v) => variantView(shop, v)),
    hasVariantsThatRequiresComponents: () => variants().some((v) => v.requiresComponents),
    featuredMedia: () => (p.media[0] ? mediaImageView(p.media[0]) : null),
    media: (args: Args) => connection(p.media, args, mediaImageView),
    totalInventory: () =>
      variants().reduce((sum, v) => sum + quantity(shop, v.inventoryItemId, "available"), 0),
  };
}

function quantity(shop: ShopState, itemId: number, name: QuantityName) {
  const item = shop.inventoryItems.find((i) => i.id === itemId);
  return [...(item?.levels.values() ?? [])].reduce((sum, q) => sum + q[name], 0);
}

export function variantView(shop: ShopState, v: Variant): Record<string, unknown> {
  const product = shop.products.find((p) => p.id === v.productId)!;
  return {
    __typename: "ProductVariant",
    id: gid("ProductVariant", v.id),
    legacyResourceId: String(v.id),
    title: v.title,
    displayName: `${product.title} - ${v.title}`,
    sku: v.sku,
    price: v.price,
    inventoryQuantity: quantity(shop, v.inventoryItemId, "available"),
    product: () => productView(shop, product),
    requiresComponents: v.requiresComponents,
    productVariantComponents: (args: Args) =>
      connection(v.components, args, (c) => ({
        __typename: "ProductVariantComponent",
        id: gid("ProductVariantComponent", c.id),
        quantity: c.quantity,
        productVariant: () =>
          variantView(
            shop,
            shop.variants.find((x) => x.id === c.variantId)!,
          ),
      })),
    // The bundles this variant is a component of, as products.
    productParents: (args: Args) => {
      if (args.query) throw new GraphQLError("not implemented in sandbox: productParents(query:)");
      const parents = shop.products.filter((p) =>
        shop.variants.some((x) => x.productId === p.id && x.components.some((c) => c.variantId === v.id)),
      );
      return connection(parents, args, (p) => productView(shop, p));
    },
    inventoryItem: () =>
      inventoryItemView(
        shop,
        shop.inventoryItems.find((i) => i.id === v.inventoryItemId)!,
      ),
  };
}

export function inventoryItemView(shop: ShopState, item: InventoryItem): Record<string, unknown> {
  const levels = () => [...item.levels.keys()].map((locationId) => ({ item, locationId }));
  return {
    __typename: "InventoryItem",
    id: gid("InventoryItem", item.id),
    legacyResourceId: String(item.id),
    sku: item.sku,
    tracked: item.tracked,
    variant: () => {
      const v = shop.variants.find((x) => x.inventoryItemId === item.id);
      return v ? variantView(shop, v) : null;
    },
    inventoryLevels: (args: Args) =>
      connection(levels(), args, (l) => inventoryLevelView(shop, l.item, l.locationId)),
    inventoryLevel: ({ locationId }: Args) => {
      const id = Number(String(locationId).split("/").pop());
      return item.levels.has(id) ? inventoryLevelView(shop, item, id) : null;
    },
  };
}

export function inventoryLevelView(shop: ShopState, item: InventoryItem, locationId: number) {
  const q = item.levels.get(locationId)!;
  const location = shop.locations.find((l) => l.id === locationId)!;
  return {
    __typename: "InventoryLevel",
    id: `gid://shopify/InventoryLevel/${item.id}?inventory_item_id=${item.id}&location_id=${locationId}`,
    location: () => locationView(shop, location),
    item: () => inventoryItemView(shop, item),
    quantities: ({ names }: Args) =>
      (names as QuantityName[]).map((name) => {
        if (!(name in q)) throw new Error(`unknown quantity name ${name}`);
        return {
          __typename: "InventoryQuantity",
          id: `${gid("InventoryQuantity", item.id)}?name=${name}`,
          name,
          quantity: q[name],
          updatedAt: null,
        };
      }),
  };
}

export function customerView(shop: ShopState, c: Customer): Record<string, unknown> {
  return {
    __typename: "Customer",
    id: gid("Customer", c.id),
    legacyResourceId: String(c.id),
    firstName: c.firstName,
    lastName: c.lastName,
    displayName: `${c.firstName} ${c.lastName}`,
    locale: c.locale,
    tags: c.tags,
    phone: c.phone,
    createdAt: iso(c.createdAt),
    defaultEmailAddress: { emailAddress: c.email, marketingState: c.emailMarketing },
    defaultPhoneNumber: c.phone ? { phoneNumber: c.phone } : null,
    numberOfOrders: String(shop.orders.filter((o) => o.customerId === c.id).length),
  };
}

function lineItemView(shop: ShopState, order: Order, li: LineItem) {
  const variant = shop.variants.find((v) => v.id === li.variantId);
  const total = Number(li.price) * li.quantity;
  return {
    __typename: "LineItem",
    id: gid("LineItem", li.id),
    title: li.title,
    variantTitle: li.variantTitle,
    name: `${li.title} - ${li.variantTitle}`,
    sku: li.sku,
    vendor: li.vendor,
    quantity: li.quantity,
    currentQuantity: li.quantity - li.removedQuantity,
    unfulfilledQuantity: li.fulfillableQuantity,
    originalUnitPriceSet: moneyBag(li.price, order.currencyCode),
    discountedUnitPriceSet: moneyBag(fromCents(discountedUnitCents(order, li.id)), order.currencyCode),
    originalTotalSet: moneyBag(total, order.currencyCode),
    variant: () => (variant ? variantView(shop, variant) : null),
    product: () => {
      const p = shop.products.find((x) => x.id === li.productId);
      return p ? productView(shop, p) : null;
    },
  };
}

const cents = (c: number) => fromCents(c);

export function orderView(shop: ShopState, o: Order): Record<string, unknown> {
  const m = orderMoney(o);
  const bag = (c: number) => moneyBag(cents(c), o.currencyCode);
  const customer = shop.customers.find((c) => c.id === o.customerId);
  return {
    __typename: "Order",
    id: gid("Order", o.id),
    legacyResourceId: String(o.id),
    name: o.name,
    email: o.email,
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
    processedAt: iso(o.processedAt),
    cancelledAt: iso(o.cancelledAt),
    cancelReason: o.cancelReason?.toUpperCase() ?? null,
    closedAt: iso(o.closedAt),
    closed: o.closedAt !== null,
    currencyCode: o.currencyCode,
    presentmentCurrencyCode: o.currencyCode,
    displayFinancialStatus: o.financialStatus.toUpperCase(),
    displayFulfillmentStatus: (o.fulfillmentStatus ?? "unfulfilled").toUpperCase(),
    tags: o.tags,
    note: o.note,
    paymentGatewayNames: o.paymentGatewayNames,
    discountCodes: o.discountCodes,
    customer: () => (customer ? customerView(shop, customer) : null),
    lineItems: (args: Args) => connection(o.lineItems, args, (li) => lineItemView(shop, o, li)),
    shippingLines: (args: Args) =>
      connection(o.shippingLines, args, (s) => ({
        __typename: "ShippingLine",
        title: s.title,
        code: s.code,
        originalPriceSet: moneyBag(s.price, o.currencyCode),
      })),
    subtotalPriceSet: bag(m.subtotal - m.discounts),
    totalDiscountsSet: bag(m.discounts),
    currentTotalDiscountsSet: bag(m.discounts),
    totalShippingPriceSet: bag(m.shipping),
    totalPriceSet: bag(m.total),
    currentTotalPriceSet: bag(m.total - m.refunded),
    totalReceivedSet: bag(m.received),
    totalRefundedSet: bag(m.refunded),
    totalRefundedShippingSet: bag(m.refundedShipping),
    netPaymentSet: bag(m.received - m.refunded),
    totalOutstandingSet: bag(o.cancelledAt ? 0 : Math.max(m.total - m.received, 0)),
    refundable: m.refundable > 0,
    discountApplications: (args: Args) =>
      connection(o.discountCodes, args, (code) => {
        const d = shop.discounts.find((x) => x.code.toLowerCase() === code.toLowerCase());
        const value =
          d && "amount" in d.value
            ? { __typename: "MoneyV2", ...money(d.value.amount, o.currencyCode) }
            : {
                __typename: "PricingPercentageValue",
                percentage: d && "percentage" in d.value ? d.value.percentage * 100 : 0,
              };
        return {
          __typename: "DiscountCodeApplication",
          code,
          index: o.discountCodes.indexOf(code),
          value,
          allocationMethod: "ACROSS",
          targetSelection: "ALL",
          targetType: "LINE_ITEM",
        };
      }),
    transactions: ({ first }: Args) =>
      o.transactions.slice(0, (first as number | undefined) ?? undefined).map((t) => ({
        __typename: "OrderTransaction",
        id: gid("OrderTransaction", t.id),
        kind: t.kind,
        status: "SUCCESS",
        gateway: t.gateway,
        amountSet: moneyBag(t.amount, o.currencyCode),
        createdAt: iso(t.createdAt),
        processedAt: iso(t.createdAt),
        parentTransaction: null,
      })),
    refunds: ({ first }: Args) =>
      o.refunds.slice(0, (first as number | undefined) ?? undefined).map((r) => refundView(shop, o, r)),
    suggestedRefund: (args: Args) => suggestedRefundView(shop, o, args),
    phone: o.phone,
    shippingAddress: o.shippingAddress,
    // The sandbox bills to the address it ships to (as its webhook payloads say).
    billingAddress: o.shippingAddress,
    fulfillmentOrders: (args: Args) =>
      connection(
        shop.fulfillmentOrders.filter((f) => f.orderId === o.id),
        args,
        (f) => fulfillmentOrderView(shop, f),
      ),
    fulfillments: ({ first }: Args) =>
      shop.fulfillments
        .filter((f) => f.orderId === o.id)
        .slice(0, (first as number | undefined) ?? undefined)
        .map((f) => fulfillmentView(shop, f)),
    metafield: ({ namespace, key }: Args) => {
      const m = o.metafields.get(`${namespace}.${key}`);
      return m ? { __typename: "Metafield", id: gid("Metafield", o.id), ...m } : null;
    },
  };
}

export function refundView(shop: ShopState, o: Order, r: Refund): Record<string, unknown> {
  return {
    __typename: "Refund",
    id: gid("Refund", r.id),
    legacyResourceId: String(r.id),
    note: r.note,
    createdAt: iso(r.createdAt),
    processedAt: iso(r.createdAt),
    updatedAt: iso(r.createdAt),
    totalRefundedSet: moneyBag(r.amount, o.currencyCode),
    order: () => orderView(shop, o),
    refundLineItems: (args: Args) =>
      connection(r.lineItems, args, (l) => ({
        __typename: "RefundLineItem",
        quantity: l.quantity,
        restockType: l.restockType,
        restocked: l.restockType !== "NO_RESTOCK",
        subtotalSet: moneyBag(l.subtotal, o.currencyCode),
        lineItem: () =>
          lineItemView(
            shop,
            o,
            o.lineItems.find((li) => li.id === l.lineItemId)!,
          ),
      })),
  };
}

function suggestedRefundView(shop: ShopState, o: Order, args: Args) {
  const requested = (args.refundLineItems as { lineItemId: string; quantity: number }[] | undefined) ?? [];
  const lineItems = args.suggestFullRefund
    ? o.lineItems.map((li) => ({ lineItemId: li.id, quantity: li.quantity }))
    : requested.map((l) => ({ lineItemId: parseGid(l.lineItemId)?.id ?? -1, quantity: l.quantity }));
  const s = suggestRefund(o, {
    lineItems: lineItems.filter((l) => o.lineItems.some((li) => li.id === l.lineItemId)),
    shipping:
      args.suggestFullRefund || args.refundShipping
        ? { fullRefund: true }
        : { amount: (args.shippingAmount as string | undefined) ?? "0" },
  });
  const bag = (c: number) => moneyBag(fromCents(c), o.currencyCode);
  const sale = o.transactions.find((t) => t.kind === "SALE");
  const subtotal = s.lines.reduce((sum, l) => sum + l.subtotal, 0);
  return {
    amountSet: bag(s.amount),
    maximumRefundableSet: bag(s.maximumRefundable),
    subtotalSet: bag(subtotal),
    discountedSubtotalSet: bag(subtotal),
    totalTaxSet: bag(0),
    totalDutiesSet: bag(0),
    totalCartDiscountAmountSet: bag(0),
    shipping: {
      amountSet: bag(s.shipping),
      maximumRefundableSet: bag(orderMoney(o).shipping - orderMoney(o).refundedShipping),
      taxSet: bag(0),
    },
    refundLineItems: s.lines.map((l) => ({
      __typename: "RefundLineItem",
      quantity: l.quantity,
      restockType: "NO_RESTOCK",
      restocked: false,
      subtotalSet: bag(l.subtotal),
      lineItem: () =>
        lineItemView(
          shop,
          o,
          o.lineItems.find((li) => li.id === l.lineItemId)!,
        ),
    })),
    suggestedTransactions:
      sale && s.amount > 0
        ? [
            {
              kind: "SUGGESTED_REFUND",
              gateway: sale.gateway,
              amountSet: bag(s.amount),
              maximumRefundableSet: bag(s.maximumRefundable),
              parentTransaction: {
                __typename: "OrderTransaction",
                id: gid("OrderTransaction", sale.id),
                kind: "SALE",
                gateway: sale.gateway,
              },
            },
          ]
        : [],
  };
}
