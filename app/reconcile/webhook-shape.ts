// Orders read back through the Admin API, in the shape of the webhook bodies the handlers
// already apply (orders/updated, fulfillments/update), so reconciliation goes through the same
// handlers. Only the fields the app reads are carried; field names and value spellings are
// Shopify's REST ones (see the samples in tests/fixtures/shopify/webhooks).
import type { ReconciledOrder } from "../shopify/documents/orders";

const FULFILLMENT_STATUS: Record<string, string | null> = {
  FULFILLED: "fulfilled",
  PARTIALLY_FULFILLED: "partial",
  RESTOCKED: "restocked",
};

const SHIPMENT_STATUSES = new Set([
  "label_printed",
  "label_purchased",
  "attempted_delivery",
  "ready_for_pickup",
  "picked_up",
  "confirmed",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "failure",
]);

// Ids stay strings (legacyResourceId): Shopify ids are never turned into JS numbers here.
const legacyId = (gid: string) => gid.split("/").pop()!;

export function orderWebhookBody(order: ReconciledOrder) {
  const customer = order.customer;
  return {
    id: order.legacyResourceId,
    admin_graphql_api_id: order.id,
    name: order.name,
    email: order.email,
    contact_email: order.email,
    phone: order.phone,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    processed_at: order.processedAt,
    cancelled_at: order.cancelledAt,
    financial_status: order.displayFinancialStatus?.toLowerCase() ?? null,
    fulfillment_status: FULFILLMENT_STATUS[order.displayFulfillmentStatus] ?? null,
    tags: order.tags.join(", "),
    currency: order.currencyCode,
    total_price: order.totalPriceSet.shopMoney.amount,
    total_outstanding: order.totalOutstandingSet.shopMoney.amount,
    payment_gateway_names: order.paymentGatewayNames,
    discount_codes: order.discountCodes.map((code) => ({ code })),
    customer_locale: customer?.locale ?? null,
    customer: customer && {
      id: customer.legacyResourceId,
      admin_graphql_api_id: customer.id,
      email: customer.defaultEmailAddress?.emailAddress ?? null,
      first_name: customer.firstName,
      last_name: customer.lastName,
      phone: customer.defaultPhoneNumber?.phoneNumber ?? null,
    },
    // Only the phone of each address: the one field of them the app reads (to call the customer).
    shipping_address: order.shippingAddress && { phone: order.shippingAddress.phone },
    billing_address: order.billingAddress && { phone: order.billingAddress.phone },
    line_items: order.lineItems.nodes.map((li) => ({
      id: legacyId(li.id),
      admin_graphql_api_id: li.id,
      variant_id: li.variant?.legacyResourceId ?? null,
      title: li.title,
      variant_title: li.variantTitle,
      sku: li.sku,
      vendor: li.vendor,
      quantity: li.quantity,
      fulfillable_quantity: li.unfulfilledQuantity,
      price: li.originalUnitPriceSet.shopMoney.amount,
    })),
  };
}

export function fulfillmentWebhookBodies(order: ReconciledOrder) {
  return order.fulfillments.map((f) => {
    const shipment = f.displayStatus?.toLowerCase() ?? "";
    const tracking = f.trackingInfo[0];
    return {
      id: f.legacyResourceId,
      admin_graphql_api_id: f.id,
      order_id: order.legacyResourceId,
      name: f.name,
      status: f.status.toLowerCase(),
      shipment_status: SHIPMENT_STATUSES.has(shipment) ? shipment : null,
      tracking_company: tracking?.company ?? null,
      tracking_number: tracking?.number ?? null,
      tracking_url: tracking?.url ?? null,
      created_at: f.createdAt,
      updated_at: f.updatedAt,
    };
  });
}
