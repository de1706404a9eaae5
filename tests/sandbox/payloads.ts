// Webhook bodies in Shopify's REST shape (snake_case, money as strings, *_set money bags,
// admin_graphql_api_id strings), following the published samples in tests/fixtures/shopify/webhooks.
import { gid } from "./ids";
import type {
  Address,
  Fulfillment,
  FulfillmentEvent,
  FulfillmentHold,
  FulfillmentOrder,
  Order,
  ShopState,
} from "./store";
import { fromCents, toCents } from "./store";
import { orderMoney } from "./store-orders";

const restMoneyBag = (amount: number | string, currency: string) => {
  const value = typeof amount === "number" ? amount.toFixed(2) : amount;
  return {
    shop_money: { amount: value, currency_code: currency },
    presentment_money: { amount: value, currency_code: currency },
  };
};
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function orderPayload(shop: ShopState, order: Order) {
  const m = orderMoney(order);
  const t = { subtotal: (m.subtotal - m.discounts) / 100, shipping: m.shipping / 100, total: m.total / 100 };
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
    phone: order.phone,
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
    current_total_price: fromCents(m.total - m.refunded),
    current_total_price_set: restMoneyBag(fromCents(m.total - m.refunded), c),
    total_outstanding: order.cancelledAt ? "0.00" : fromCents(Math.max(m.total - m.received, 0)),
    total_shipping_price_set: restMoneyBag(t.shipping, c),
    total_discounts: fromCents(m.discounts),
    total_discounts_set: restMoneyBag(fromCents(m.discounts), c),
    total_tax: "0.00",
    discount_codes: order.discountCodes.map((code) => {
      const d = shop.discounts.find((x) => x.code.toLowerCase() === code.toLowerCase());
      const r = d?.redemptions.find((x) => x.orderId === order.id);
      return {
        code,
        amount: r?.amount ?? "0.00",
        type: d && "amount" in d.value ? "fixed_amount" : "percentage",
      };
    }),
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
      current_quantity: li.quantity - li.removedQuantity,
      fulfillable_quantity: li.fulfillableQuantity,
      fulfillment_status: null,
      price: li.price,
      price_set: restMoneyBag(li.price, c),
      // What order edits took off this line (a substitute at no extra cost); codes are order-level here.
      total_discount: li.discountAmount,
      total_discount_set: restMoneyBag(li.discountAmount, c),
      discount_allocations:
        toCents(li.discountAmount) > 0
          ? [
              {
                amount: li.discountAmount,
                amount_set: restMoneyBag(li.discountAmount, c),
                discount_application_index: 0,
              },
            ]
          : [],
      requires_shipping: true,
      product_exists: true,
      gift_card: false,
    })),
    shipping_lines: order.shippingLines.map((s, i) => ({
      id: order.id * 10 + i,
      title: s.title,
      code: s.code,
      price: s.price,
      price_set: restMoneyBag(s.price, c),
    })),
    // The sandbox bills to the address it ships to, as a checkout with "same as shipping" does.
    billing_address: restAddress(order.shippingAddress),
    shipping_address: restAddress(order.shippingAddress),
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

const restAddress = (a: Address | null) =>
  a && {
    first_name: a.firstName,
    last_name: a.lastName,
    address1: a.address1,
    city: a.city,
    zip: a.zip,
    country: a.country,
    country_code: a.countryCode,
    phone: a.phone,
  };

export function inventoryLevelPayload(input: {
  inventoryItemId: number;
  locationId: number;
  available: number;
  at: Date;
}) {
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
    id: shop.id,
    name: shop.name,
    email: shop.email,
    domain: shop.domain,
    myshopify_domain: shop.domain,
    currency: shop.currencyCode,
    iana_timezone: shop.ianaTimezone,
    primary_locale: shop.primaryLocale,
    plan_name: shop.planName,
  };
}

function holdPayload(hold: FulfillmentHold) {
  return {
    id: gid("FulfillmentHold", hold.id),
    reason: hold.reason.toLowerCase(),
    reason_notes: hold.reasonNotes,
    held_by_requesting_app: true,
    handle: hold.handle,
    held_by_app: { id: gid("App", 1) },
  };
}

export function fulfillmentPayload(shop: ShopState, f: Fulfillment) {
  const order = shop.orders.find((o) => o.id === f.orderId)!;
  const full = orderPayload(shop, order);
  return {
    id: f.id,
    admin_graphql_api_id: gid("Fulfillment", f.id),
    order_id: f.orderId,
    name: f.name,
    status: f.status.toLowerCase(),
    service: "manual",
    shipment_status: f.shipmentStatus,
    location_id: f.locationId,
    email: order.email,
    created_at: iso(f.createdAt),
    updated_at: iso(f.updatedAt),
    tracking_company: f.trackingCompany,
    tracking_number: f.trackingNumber,
    tracking_numbers: f.trackingNumber ? [f.trackingNumber] : [],
    tracking_url: f.trackingUrl,
    tracking_urls: f.trackingUrl ? [f.trackingUrl] : [],
    origin_address: null,
    receipt: {},
    destination: full.shipping_address,
    line_items: full.line_items
      .filter((li) => f.lineItems.some((x) => x.lineItemId === li.id))
      // A fulfillment's lines carry no current_quantity; the quantity is what this parcel holds.
      .map(({ current_quantity: _current, ...li }) => ({
        ...li,
        quantity: f.lineItems.find((x) => x.lineItemId === li.id)!.quantity,
      })),
  };
}

export function webhookBody(shop: ShopState, topic: string, data: Record<string, unknown>): unknown {
  switch (topic) {
    case "orders/edited": {
      const order = data.order as Order;
      const e = data.edit as {
        id: number;
        createdAt: Date;
        committedAt: Date;
        staffNote: string;
        additions: { id: number; delta: number }[];
        removals: { id: number; delta: number }[];
        discounts: { id: number; description: string | null; amount: string }[];
      };
      return {
        order_edit: {
          id: e.id,
          app_id: null,
          created_at: iso(e.createdAt),
          committed_at: iso(e.committedAt),
          notify_customer: false,
          order_id: order.id,
          staff_note: e.staffNote,
          user_id: null,
          line_items: { additions: e.additions, removals: e.removals },
          discounts: {
            line_item: {
              additions: e.discounts.map((d) => ({ id: d.id, description: d.description, amount: d.amount })),
              removals: [],
            },
          },
          shipping_lines: { additions: [], removals: [] },
        },
      };
    }
    case "orders/create":
    case "orders/updated":
    case "orders/cancelled":
      return orderPayload(shop, data.order as Order);
    case "inventory_levels/update":
      return inventoryLevelPayload(data as Parameters<typeof inventoryLevelPayload>[0]);
    case "fulfillment_orders/placed_on_hold": {
      const fo = data.fulfillmentOrder as FulfillmentOrder;
      return {
        fulfillment_order: {
          id: gid("FulfillmentOrder", fo.id),
          status: "on_hold",
          fulfillment_holds: fo.holds.map(holdPayload),
        },
        remaining_fulfillment_order: null,
        held_fulfillment_order_line_items: fo.lineItems.map((l) => ({
          id: gid("FulfillmentOrderLineItem", l.id),
          quantity: l.remainingQuantity,
        })),
        created_fulfillment_hold: holdPayload(data.hold as FulfillmentHold),
      };
    }
    case "fulfillment_orders/hold_released": {
      const fo = data.fulfillmentOrder as FulfillmentOrder;
      return { fulfillment_order: { id: gid("FulfillmentOrder", fo.id), status: fo.status.toLowerCase() } };
    }
    case "fulfillments/create":
    case "fulfillments/update":
      return fulfillmentPayload(shop, data.fulfillment as Fulfillment);
    case "fulfillment_events/create": {
      const f = data.fulfillment as Fulfillment;
      const e = data.event as FulfillmentEvent;
      return {
        id: e.id,
        admin_graphql_api_id: gid("FulfillmentEvent", e.id),
        fulfillment_id: f.id,
        order_id: f.orderId,
        status: e.status.toLowerCase(),
        message: e.message,
        happened_at: iso(e.happenedAt),
        estimated_delivery_at: iso(e.estimatedDeliveryAt),
        created_at: iso(e.createdAt),
        updated_at: iso(e.createdAt),
        shop_id: shop.id,
        city: null,
        province: null,
        country: null,
        zip: null,
        address1: null,
        latitude: null,
        longitude: null,
      };
    }
    default:
      return data;
  }
}
