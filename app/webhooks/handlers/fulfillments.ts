// Fulfillments (newest state wins) and carrier events (each kept once, whatever the order).
import { z } from "zod";
import type { Tx } from "../../db/types";
import type { HandledEvent } from "../processor.server";
import { detectOnCarrierEvent } from "../../domain/detection/carrier-events.server";
import { gid, isStale, legacyId, parsePayload } from "./payload";

const FulfillmentBody = z
  .object({
    admin_graphql_api_id: z.string().startsWith("gid://shopify/Fulfillment/"),
    order_id: legacyId,
    status: z.string(),
    shipment_status: z.string().nullish(),
    tracking_company: z.string().nullish(),
    tracking_number: z.string().nullish(),
    created_at: z.string().datetime({ offset: true }).nullish(),
    updated_at: z.string().datetime({ offset: true }),
  })
  .passthrough();

export async function applyFulfillment(tx: Tx, event: HandledEvent) {
  const f = parsePayload(FulfillmentBody, event.payload, event.topic);
  const updatedAt = new Date(f.updated_at);
  const key = { shop_fulfillmentId: { shop: event.shop, fulfillmentId: f.admin_graphql_api_id } };
  if (isStale(await tx.fulfillmentSnapshot.findUnique({ where: key }), updatedAt)) return;
  const fields = {
    orderId: gid("Order", f.order_id),
    status: f.status,
    shipmentStatus: f.shipment_status ?? null,
    trackingCompany: f.tracking_company ?? null,
    trackingNumber: f.tracking_number ?? null,
    shippedAt: f.created_at ? new Date(f.created_at) : null,
    data: JSON.stringify(event.payload),
    shopifyUpdatedAt: updatedAt,
  };
  await tx.fulfillmentSnapshot.upsert({
    where: key,
    create: { shop: event.shop, fulfillmentId: f.admin_graphql_api_id, ...fields },
    update: fields,
  });
  // A carrier event can be applied before its parcel's own webhook arrives (Shopify sends them in
  // any order): the incident it opened without a carrier learns it now.
  if (fields.trackingCompany) {
    await tx.incident.updateMany({
      where: { shop: event.shop, subject: f.admin_graphql_api_id, carrier: null },
      data: { carrier: fields.trackingCompany },
    });
  }
}

const FulfillmentEventBody = z
  .object({
    admin_graphql_api_id: z.string().startsWith("gid://shopify/FulfillmentEvent/"),
    fulfillment_id: legacyId,
    order_id: legacyId,
    status: z.string(),
    message: z.string().nullish(),
    happened_at: z.string().datetime({ offset: true }),
    estimated_delivery_at: z.string().datetime({ offset: true }).nullish(),
  })
  .passthrough();

export async function recordFulfillmentEvent(tx: Tx, event: HandledEvent) {
  const e = parsePayload(FulfillmentEventBody, event.payload, event.topic);
  const fields = {
    fulfillmentId: gid("Fulfillment", e.fulfillment_id),
    orderId: gid("Order", e.order_id),
    status: e.status,
    message: e.message ?? null,
    happenedAt: new Date(e.happened_at),
    estimatedDeliveryAt: e.estimated_delivery_at ? new Date(e.estimated_delivery_at) : null,
  };
  await tx.fulfillmentEventRecord.upsert({
    where: { shop_eventId: { shop: event.shop, eventId: e.admin_graphql_api_id } },
    create: { shop: event.shop, eventId: e.admin_graphql_api_id, ...fields },
    update: {},
  });
  await detectOnCarrierEvent(tx, { shop: event.shop, source: event.eventKey }, fields);
}

const HoldBody = z
  .object({
    fulfillment_order: z.object({ id: z.string(), status: z.string() }).passthrough(),
  })
  .passthrough();

/** A hold is recorded and its body checked, nothing more: the app's own holds are on their
 *  incidents' timelines, and one placed by staff or another app is the merchant's decision. */
export async function acceptHold(_tx: Tx, event: HandledEvent) {
  parsePayload(HoldBody, event.payload, event.topic);
}
