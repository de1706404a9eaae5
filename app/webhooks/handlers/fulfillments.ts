// Fulfillments (newest state wins) and carrier events (each kept once, whatever the order).
import { z } from "zod";
import type { Tx } from "../../db/types";
import type { HandledEvent } from "../processor.server";
import { orderRef } from "../../models/order-ref.server";
import { raiseIncident, resolveIncidents } from "../../domain/incidents/incidents.server";
import { gid, isStale, legacyId, parsePayload } from "./payload";

const FulfillmentBody = z.object({
  admin_graphql_api_id: z.string().startsWith("gid://shopify/Fulfillment/"),
  order_id: legacyId,
  status: z.string(),
  shipment_status: z.string().nullish(),
  tracking_company: z.string().nullish(),
  tracking_number: z.string().nullish(),
  created_at: z.string().datetime({ offset: true }).nullish(),
  updated_at: z.string().datetime({ offset: true }),
}).passthrough();

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
  await tx.fulfillmentSnapshot.upsert({ where: key, create: { shop: event.shop, fulfillmentId: f.admin_graphql_api_id, ...fields }, update: fields });
  // A carrier event can be applied before its parcel's own webhook arrives (Shopify sends them in
  // any order): the incident it opened without a carrier learns it now.
  if (fields.trackingCompany) {
    await tx.incident.updateMany({ where: { shop: event.shop, subject: f.admin_graphql_api_id, carrier: null }, data: { carrier: fields.trackingCompany } });
  }
}

const FulfillmentEventBody = z.object({
  admin_graphql_api_id: z.string().startsWith("gid://shopify/FulfillmentEvent/"),
  fulfillment_id: legacyId,
  order_id: legacyId,
  status: z.string(),
  message: z.string().nullish(),
  happened_at: z.string().datetime({ offset: true }),
  estimated_delivery_at: z.string().datetime({ offset: true }).nullish(),
}).passthrough();

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
  await detectOnCarrierEvent(tx, event, fields);
}

/** Carrier events that are a problem in themselves, and the incident each opens on the parcel. */
const CARRIER_PROBLEMS: Record<string, { type: "delivery_failed" | "late_delivery"; says: string }> = {
  failure: { type: "delivery_failed", says: "delivery failed" },
  attempted_delivery: { type: "delivery_failed", says: "delivery attempted" },
  delayed: { type: "late_delivery", says: "delivery delayed" },
};

/**
 * A failed, attempted or delayed delivery opens its incident on the parcel; a delivery closes it.
 * Carrier events can arrive in any order: a problem older than a recorded delivery still opens
 * its incident and closes it at once, so every order of arrival ends the same.
 */
async function detectOnCarrierEvent(
  tx: Tx,
  event: HandledEvent,
  e: { fulfillmentId: string; orderId: string; status: string; message: string | null; happenedAt: Date },
) {
  const closeIfDelivered = async () => {
    const delivered = await tx.fulfillmentEventRecord.findFirst({
      where: { shop: event.shop, fulfillmentId: e.fulfillmentId, status: "delivered" },
      orderBy: { happenedAt: "desc" },
    });
    if (!delivered) return;
    await resolveIncidents(tx, {
      shop: event.shop, orderId: e.orderId, types: ["delivery_failed", "late_delivery"], subject: e.fulfillmentId,
      reason: "delivered", at: delivered.happenedAt, actor: "shopify", source: `delivered:${delivered.eventId}`,
    });
  };
  const problem = CARRIER_PROBLEMS[e.status];
  if (problem) {
    const later = await tx.fulfillmentEventRecord.findFirst({
      where: { shop: event.shop, fulfillmentId: e.fulfillmentId, status: "delivered", happenedAt: { gt: e.happenedAt } },
    });
    const previous = await tx.incident.findFirst({ where: { shop: event.shop, orderId: e.orderId, type: problem.type, subject: e.fulfillmentId, openKey: null } });
    // Delivered later, and this problem already told on a closed incident: nothing new.
    if (later && previous) return;
    await raiseIncident(tx, {
      order: await orderRef(tx, event.shop, e.orderId), type: problem.type, subject: e.fulfillmentId,
      actor: "shopify", observedAt: e.happenedAt, source: event.eventKey,
      summary: `Carrier: ${problem.says}${e.message ? ` (${e.message})` : ""}`,
      evidence: { status: e.status, message: e.message, happenedAt: e.happenedAt.toISOString(), fulfillmentId: e.fulfillmentId },
    });
    if (later) await closeIfDelivered();
  } else if (e.status === "delivered") {
    await closeIfDelivered();
  }
}

const HoldBody = z.object({
  fulfillment_order: z.object({ id: z.string(), status: z.string() }).passthrough(),
}).passthrough();

/** Holds the app places are its own decisions; others' holds matter to detection (issue 5). */
export async function acceptHold(_tx: Tx, event: HandledEvent) {
  parsePayload(HoldBody, event.payload, event.topic);
}
