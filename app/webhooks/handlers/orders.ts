// Orders: the newest state Shopify announced, never overwritten by an older one.
import { z } from "zod";
import type { Tx } from "../../db/types";
import type { HandledEvent } from "../processor.server";
import { requestDetection } from "../../domain/detection/tasks.server";
import { STOCK_CHECK_ORDER } from "../../domain/detection/stock-check.server";
import { raiseIncident, resolveIncidents } from "../../domain/incidents/incidents.server";
import { codAmountChange, type CodOrderState } from "../../domain/detection/cod";
import { evidenceOf } from "../../models/incident.server";
import { OrderCustomer, OrderData, readSnapshot } from "../../models/order.server";
import { orderRef, orderRefFrom } from "../../models/order-ref.server";
import { recordRedemptions } from "../../domain/remedies/redemption.server";
import { getShopSettings } from "../../domain/settings/settings.server";
import { slaOf } from "../../domain/settings/settings";
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
  if (isStale(stored, updatedAt)) {
    // Shopify does not promise the order of deliveries: an orders/create that comes after a later
    // update still says what the customer was told at checkout, so a COD change is judged from it.
    if (event.topic === "orders/create" && stored) {
      await detectCodChange(tx, event, order, { ...readSnapshot(stored).data, admin_graphql_api_id: order.admin_graphql_api_id }, stored.shopifyUpdatedAt);
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
  await detectOnOrder(tx, event, order, { firstSight: !stored, at: updatedAt });
  if (stored) await detectCodChange(tx, event, readSnapshot(stored).data, order, updatedAt);
}

/** A cash-on-delivery order whose amount due moved away from what the customer was told. */
async function detectCodChange(tx: Tx, event: HandledEvent, before: CodOrderState, after: CodOrderState & { admin_graphql_api_id: string }, at: Date) {
  const orderId = after.admin_graphql_api_id;
  const open = await tx.incident.findFirst({ where: { shop: event.shop, orderId, type: "cod_amount_mismatch", openKey: { not: null } } });
  const told = open ? (evidenceOf(open, "cod_amount_mismatch").told ?? null) : null;
  const change = codAmountChange(before, after, told);
  if (!change) return;
  if (change.kind !== "changed") {
    const reason = change.kind === "settled" ? "cash on delivery collected" : `amount due back to the ${change.due} the customer was told`;
    await resolveIncidents(tx, { shop: event.shop, orderId, types: ["cod_amount_mismatch"], reason, at, actor: "shopify", source: event.eventKey });
    return;
  }
  const settings = await getShopSettings(tx, event.shop);
  const money = (amount: string) => `${amount}${change.currency ? ` ${change.currency}` : ""}`;
  await raiseIncident(tx, {
    order: await orderRef(tx, event.shop, orderId), type: "cod_amount_mismatch", subject: orderId, actor: "shopify", observedAt: at,
    source: event.eventKey,
    summary: `Cash on delivery: the customer was told ${money(change.told)}, the courier will ask ${money(change.due)} (${change.difference})`,
    evidence: { told: change.told, due: change.due, difference: change.difference, currency: change.currency, gateways: after.payment_gateway_names },
  }, slaOf(settings));
}

/** What an order's new state means for its incidents. */
async function detectOnOrder(tx: Tx, event: HandledEvent, order: z.infer<typeof OrderBody>, { firstSight, at }: { firstSight: boolean; at: Date }) {
  const orderId = order.admin_graphql_api_id;
  if (firstSight) {
    // Incidents opened before the order's own webhook was applied (a carrier event that came
    // first) get its name and customer now; later order events find nothing to fill in.
    const { shop: _shop, orderId: _id, ...names } = orderRefFrom(event.shop, orderId, order);
    await tx.incident.updateMany({ where: { shop: event.shop, orderId, orderName: "" }, data: names });
    // A new order paid partly with a compensation code closes that remedy's loop.
    await recordRedemptions(tx, event.shop, orderId, order, at);
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

/** An edited order (lines added, removed, quantities changed) is checked against stock again;
 *  its new state itself arrives as orders/updated. */
export async function acceptOrderEdit(tx: Tx, event: HandledEvent) {
  const { order_edit: edit } = parsePayload(OrderEditBody, event.payload, event.topic);
  await requestDetection(tx, { shop: event.shop, kind: STOCK_CHECK_ORDER, subject: gid("Order", edit.order_id), dueAt: new Date(), requestedBy: event.eventKey });
}
