// Webhook bodies in Shopify's REST shape (snake_case, money as strings, *_set money bags,
// admin_graphql_api_id strings), following the published samples in shared/shopify/webhooks.
import { gid } from "./ids";
import type { Order, ShopState } from "./store";
import { orderTotals } from "./views";

const restMoneyBag = (amount: number | string, currency: string) => {
  const value = typeof amount === "number" ? amount.toFixed(2) : amount;
  return { shop_money: { amount: value, currency_code: currency }, presentment_money: { amount: value, currency_code: currency } };
};
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function orderPayload(shop: ShopState, order: Order) {
  const t = orderTotals(order);
  const c = order.currencyCode;
  const customer = shop.customers.find((x) => x.id === order.customerId);
  return {
    id: order.id,
    admin_graphql_api_id: gid("Order", order.id),
    name: order.name,
    number: order.id,
    order_number: Number(order.name.replace("#", "")),
    email: order.email,
    contact_email: order.email,
    created_at: iso(order.createdAt),
    updated_at: iso(order.updatedAt),
    processed_at: iso(order.processedAt),
    cancelled_at: iso(order.cancelledAt),
    cancel_reason: order.cancelReason,
    closed_at: iso(order.closedAt),
    confirmed: true,
    currency: c,
    presentment_currency: c,
    customer_locale: customer?.locale ?? null,
    financial_status: order.financialStatus,
    fulfillment_status: order.fulfillmentStatus,
    payment_gateway_names: order.paymentGatewayNames,
    tags: order.tags.join(", "),
    note: order.note,
    location_id: order.locationId,
    test: false,
    subtotal_price: t.subtotal.toFixed(2),
    subtotal_price_set: restMoneyBag(t.subtotal, c),
    total_price: t.total.toFixed(2),
    total_price_set: restMoneyBag(t.total, c),
    current_total_price: t.total.toFixed(2),
    current_total_price_set: restMoneyBag(t.total, c),
    total_outstanding: order.financialStatus === "paid" ? "0.00" : t.total.toFixed(2),
    total_shipping_price_set: restMoneyBag(t.shipping, c),
    total_discounts: "0.00",
    total_tax: "0.00",
    discount_codes: order.discountCodes.map((code) => ({ code, amount: "0.00", type: "percentage" })),
    line_items: order.lineItems.map((li) => ({
      id: li.id,
      admin_graphql_api_id: gid("LineItem", li.id),
      variant_id: li.variantId,
      product_id: li.productId,
      title: li.title,
      variant_title: li.variantTitle,
      name: `${li.title} - ${li.variantTitle}`,
      sku: li.sku,
      vendor: li.vendor,
      quantity: li.quantity,
      current_quantity: li.quantity,
      fulfillable_quantity: li.fulfillableQuantity,
      fulfillment_status: null,
      price: li.price,
      price_set: restMoneyBag(li.price, c),
      requires_shipping: true,
      product_exists: true,
      gift_card: false,
    })),
    shipping_lines: order.shippingLines.map((s, i) => ({
      id: order.id * 10 + i, title: s.title, code: s.code, price: s.price, price_set: restMoneyBag(s.price, c),
    })),
    shipping_address: order.shippingAddress && {
      first_name: order.shippingAddress.firstName, last_name: order.shippingAddress.lastName,
      address1: order.shippingAddress.address1, city: order.shippingAddress.city, zip: order.shippingAddress.zip,
      country: order.shippingAddress.country, country_code: order.shippingAddress.countryCode,
      phone: order.shippingAddress.phone,
    },
    customer: customer && {
      id: customer.id,
      admin_graphql_api_id: gid("Customer", customer.id),
      email: customer.email,
      first_name: customer.firstName,
      last_name: customer.lastName,
      phone: customer.phone,
      currency: c,
      created_at: iso(customer.createdAt),
      updated_at: iso(customer.createdAt),
    },
  };
}

export function inventoryLevelPayload(input: { inventoryItemId: number; locationId: number; available: number; at: Date }) {
  return {
    inventory_item_id: input.inventoryItemId,
    location_id: input.locationId,
    available: input.available,
    updated_at: input.at.toISOString(),
    admin_graphql_api_id: `gid://shopify/InventoryLevel/${input.inventoryItemId}?inventory_item_id=${input.inventoryItemId}&location_id=${input.locationId}`,
  };
}

export function shopPayload(shop: ShopState) {
  return {
    id: 1, name: shop.name, email: shop.email, domain: shop.domain, myshopify_domain: shop.domain,
    currency: shop.currencyCode, iana_timezone: shop.ianaTimezone, primary_locale: shop.primaryLocale,
    plan_name: shop.planName,
  };
}
