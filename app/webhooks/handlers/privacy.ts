// Shopify's mandatory privacy requests. Personal data lives only in the order and fulfillment
// snapshots; incidents and events keep facts (statuses, amounts, dates), not people.
import { z } from "zod";
import type { HandledEvent, Tx } from "../processor.server";
import { gid, parsePayload } from "./payload";

const CustomerRequest = z.object({
  shop_domain: z.string(),
  customer: z.object({ id: z.number(), email: z.string().nullish(), phone: z.string().nullish() }),
  orders_requested: z.array(z.number()).optional(),
  orders_to_redact: z.array(z.number()).optional(),
  data_request: z.object({ id: z.number() }).optional(),
});

/** Order fields that name, reach or locate a person. */
const PERSONAL_ORDER_FIELDS = [
  "email", "contact_email", "phone", "customer", "billing_address", "shipping_address", "note",
  "note_attributes", "browser_ip", "client_details", "landing_site", "referring_site",
];
const PERSONAL_FULFILLMENT_FIELDS = ["email", "destination"];

async function customerOrders(tx: Tx, shop: string, request: z.infer<typeof CustomerRequest>) {
  const ids = [...(request.orders_requested ?? []), ...(request.orders_to_redact ?? [])].map((id) => gid("Order", id));
  const or = [{ customerId: gid("Customer", request.customer.id) }, { orderId: { in: ids } }];
  if (request.customer.email) or.push({ email: request.customer.email } as never);
  return tx.orderSnapshot.findMany({ where: { shop, OR: or } });
}

export async function answerDataRequest(tx: Tx, event: HandledEvent) {
  const request = parsePayload(CustomerRequest, event.payload, event.topic);
  const orders = await customerOrders(tx, event.shop, request);
  const orderIds = orders.map((o) => o.orderId);
  const fulfillments = await tx.fulfillmentSnapshot.findMany({ where: { shop: event.shop, orderId: { in: orderIds } } });
  const incidents = await tx.incident.findMany({ where: { shop: event.shop, orderId: { in: orderIds } } });
  const result = {
    customer: request.customer,
    incidents: incidents.map((i) => ({ id: i.id, orderId: i.orderId, type: i.type, status: i.status, openedAt: i.openedAt, customerEmail: i.customerEmail })),
    orders: orders.map((o) => ({ orderId: o.orderId, name: o.name, email: o.email, data: JSON.parse(o.data) })),
    fulfillments: fulfillments.map((f) => ({ fulfillmentId: f.fulfillmentId, orderId: f.orderId, status: f.status, data: JSON.parse(f.data) })),
  };
  const record = await tx.complianceRequest.create({
    data: { shop: event.shop, topic: event.topic, customerId: gid("Customer", request.customer.id), result: JSON.stringify(result) },
  });
  console.info(JSON.stringify({ event: "customer_data_request", shop: event.shop, request: record.id, orders: orders.length, fulfillments: fulfillments.length }));
}

const strip = (json: string, fields: string[]) => {
  const data = JSON.parse(json) as Record<string, unknown>;
  for (const field of fields) if (field in data) data[field] = null;
  return JSON.stringify(data);
};

export async function redactCustomer(tx: Tx, event: HandledEvent) {
  const request = parsePayload(CustomerRequest, event.payload, event.topic);
  const orders = await customerOrders(tx, event.shop, request);
  for (const o of orders) {
    await tx.orderSnapshot.update({
      where: { shop_orderId: { shop: event.shop, orderId: o.orderId } },
      data: { email: null, customerId: null, data: strip(o.data, PERSONAL_ORDER_FIELDS) },
    });
  }
  const fulfillments = await tx.fulfillmentSnapshot.findMany({ where: { shop: event.shop, orderId: { in: orders.map((o) => o.orderId) } } });
  for (const f of fulfillments) {
    await tx.fulfillmentSnapshot.update({
      where: { shop_fulfillmentId: { shop: event.shop, fulfillmentId: f.fulfillmentId } },
      data: { data: strip(f.data, PERSONAL_FULFILLMENT_FIELDS) },
    });
  }
  // Incidents keep their facts (type, order, evidence, timeline) and lose who the customer was.
  const orderIds = orders.map((o) => o.orderId);
  const incidents = await tx.incident.updateMany({
    where: { shop: event.shop, OR: [{ orderId: { in: orderIds } }, { customerId: gid("Customer", request.customer.id) }] },
    data: { customerId: null, customerEmail: null },
  });
  // The record of what was done names no one.
  await tx.complianceRequest.create({
    data: { shop: event.shop, topic: event.topic, result: JSON.stringify({ redactedOrders: orders.length, redactedFulfillments: fulfillments.length, anonymisedIncidents: incidents.count }) },
  });
}

/** 48 hours after uninstall Shopify asks for everything of the shop to go. */
export async function redactShop(tx: Tx, event: HandledEvent) {
  const where = { shop: event.shop };
  await tx.orderSnapshot.deleteMany({ where });
  await tx.fulfillmentSnapshot.deleteMany({ where });
  await tx.fulfillmentEventRecord.deleteMany({ where });
  await tx.inventoryLevelSnapshot.deleteMany({ where });
  await tx.incident.deleteMany({ where }); // the timeline goes with it (cascade)
  await tx.detectionTask.deleteMany({ where });
  await tx.complianceRequest.deleteMany({ where });
  await tx.session.deleteMany({ where });
  await tx.webhookEvent.deleteMany({ where });
  await tx.shop.deleteMany({ where: { domain: event.shop } });
  console.info(JSON.stringify({ event: "shop_redacted", shop: event.shop }));
}
