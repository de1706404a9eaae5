// Orders: the newest state Shopify announced, never overwritten by an older one.
import { z } from "zod";
import type { HandledEvent, Tx } from "../processor.server";
import { isStale, parsePayload } from "./payload";

const OrderBody = z.object({
  admin_graphql_api_id: z.string().startsWith("gid://shopify/Order/"),
  name: z.string(),
  updated_at: z.string().datetime({ offset: true }),
  email: z.string().nullish(),
  customer: z.object({ admin_graphql_api_id: z.string() }).passthrough().nullish(),
}).passthrough();

export async function applyOrder(tx: Tx, event: HandledEvent) {
  const order = parsePayload(OrderBody, event.payload, event.topic);
  const updatedAt = new Date(order.updated_at);
  const key = { shop_orderId: { shop: event.shop, orderId: order.admin_graphql_api_id } };
  if (isStale(await tx.orderSnapshot.findUnique({ where: key }), updatedAt)) return;
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
}

const OrderEditBody = z.object({ order_edit: z.object({ id: z.number(), order_id: z.number() }).passthrough() });

/** An edit's result arrives as orders/updated; the edit itself only needs to be well formed here. */
export async function acceptOrderEdit(_tx: Tx, event: HandledEvent) {
  parsePayload(OrderEditBody, event.payload, event.topic);
}
