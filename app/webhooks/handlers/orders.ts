// Orders: the newest state Shopify announced, never overwritten by an older one.
import { z } from "zod";
import type { Tx } from "../../db/types";
import type { HandledEvent } from "../processor.server";
import {
  detectCodChange,
  detectOnOrder,
  detectOnOrderEdit,
} from "../../domain/detection/order-changes.server";
import { OrderCustomer, OrderData, readSnapshot } from "../../models/order.server";
import { gid, isStale, parsePayload } from "./payload";

// What is stored is what the order model reads back (app/models/order.server.ts), with what this
// handler needs besides.
const OrderBody = OrderData.extend({
  admin_graphql_api_id: z.string().startsWith("gid://shopify/Order/"),
  name: z.string(),
  updated_at: z.string().datetime({ offset: true }),
  customer: OrderCustomer.extend({ admin_graphql_api_id: z.string() }).nullish(),
});

export async function applyOrder(tx: Tx, event: HandledEvent) {
  const order = parsePayload(OrderBody, event.payload, event.topic);
  const updatedAt = new Date(order.updated_at);
  const key = { shop_orderId: { shop: event.shop, orderId: order.admin_graphql_api_id } };
  const stored = await tx.orderSnapshot.findUnique({ where: key });
  const seen = { shop: event.shop, source: event.eventKey };
  if (isStale(stored, updatedAt)) {
    // Shopify does not promise the order of deliveries: an orders/create that comes after a later
    // update still says what the customer was told at checkout, so a COD change is judged from it.
    if (event.topic === "orders/create" && stored) {
      await detectCodChange(
        tx,
        seen,
        order,
        { ...readSnapshot(stored).data, admin_graphql_api_id: order.admin_graphql_api_id },
        stored.shopifyUpdatedAt,
      );
    }
    return;
  }
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
  await detectOnOrder(tx, seen, order, { firstSight: !stored, at: updatedAt });
  if (stored) await detectCodChange(tx, seen, readSnapshot(stored).data, order, updatedAt);
}

const OrderEditBody = z.object({
  order_edit: z.object({ id: z.number(), order_id: z.number() }).passthrough(),
});

/** An order edit's new state itself arrives as orders/updated; the edit asks for a stock check. */
export async function acceptOrderEdit(tx: Tx, event: HandledEvent) {
  const { order_edit: edit } = parsePayload(OrderEditBody, event.payload, event.topic);
  await detectOnOrderEdit(tx, { shop: event.shop, source: event.eventKey }, gid("Order", edit.order_id));
}
