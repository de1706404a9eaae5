// Orders: the newest state Shopify announced, never overwritten by an older one.
import { z } from "zod";
import type { HandledEvent, Tx } from "../processor.server";
import { requestDetection } from "../../domain/detection/tasks.server";
import { STOCK_CHECK_ORDER } from "../../domain/detection/stock-check.server";
import { orderRefFrom } from "../../domain/detection/order-ref.server";
import { resolveIncidents } from "../../domain/incidents/incidents.server";
import { isStale, parsePayload } from "./payload";

const OrderBody = z.object({
  admin_graphql_api_id: z.string().startsWith("gid://shopify/Order/"),
  name: z.string(),
  updated_at: z.string().datetime({ offset: true }),
  email: z.string().nullish(),
  customer: z.object({ admin_graphql_api_id: z.string() }).passthrough().nullish(),
  cancelled_at: z.string().nullish(),
  fulfillment_status: z.string().nullish(),
}).passthrough();

export async function applyOrder(tx: Tx, event: HandledEvent) {
  const order = parsePayload(OrderBody, event.payload, event.topic);
  const updatedAt = new Date(order.updated_at);
  const key = { shop_orderId: { shop: event.shop, orderId: order.admin_graphql_api_id } };
  const stored = await tx.orderSnapshot.findUnique({ where: key });
  if (isStale(stored, updatedAt)) return;
  const fields = {
    name: order.name,
    email: order.email ?? null,
    customerId: order.customer?.admin_graphql_api_id ?? null,
    data: JSON.stringify(event.payload),
    shopifyUpdatedAt: updatedAt,
  };
  await tx.orderSnapshot.upsert({
    where: key,
    create: { shop: event.shop, orderId: order.admin_graphql_api_id, ...fields },
    update: fields,
  });
  await detectOnOrder(tx, event, order, { firstSight: !stored, at: updatedAt });
}

/** What an order's new state means for its incidents. */
async function detectOnOrder(tx: Tx, event: HandledEvent, order: z.infer<typeof OrderBody>, { firstSight, at }: { firstSight: boolean; at: Date }) {
  const orderId = order.admin_graphql_api_id;
  if (firstSight) {
    // Incidents opened before the order's own webhook was applied (a carrier event that came
    // first) get its name and customer now; later order events find nothing to fill in.
    const { shop: _shop, orderId: _id, ...names } = orderRefFrom(event.shop, orderId, order);
    await tx.incident.updateMany({ where: { shop: event.shop, orderId, orderName: "" }, data: names });
  }
  const resolve = (types: Parameters<typeof resolveIncidents>[1]["types"], reason: string) =>
    resolveIncidents(tx, { shop: event.shop, orderId, types, reason, at, actor: "shopify", source: event.eventKey });

  if (order.cancelled_at) return void (await resolve(undefined, "order cancelled"));
  if (order.fulfillment_status === "fulfilled") return void (await resolve(["stock_mismatch", "late_shipment"], "order fulfilled"));
  // Stock is read from Shopify once, when the app first learns of the order (orders/create, or a
  // reconciled order it never received); after the transaction, by the detection worker.
  if (firstSight) {
    await requestDetection(tx, { shop: event.shop, kind: STOCK_CHECK_ORDER, subject: orderId, dueAt: new Date(), requestedBy: event.eventKey });
  }
}

const OrderEditBody = z.object({ order_edit: z.object({ id: z.number(), order_id: z.number() }).passthrough() });

/** An edit's result arrives as orders/updated; the edit itself only needs to be well formed here. */
export async function acceptOrderEdit(_tx: Tx, event: HandledEvent) {
  parsePayload(OrderEditBody, event.payload, event.topic);
}
