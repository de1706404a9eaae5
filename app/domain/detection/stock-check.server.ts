// The stock check of one order (task kind "stock_check_order"), requested when the app first sees
// the order: ONE Admin query reads its unshipped lines with their stock at the fulfilling location;
// the lines stock cannot honour become stock_mismatch incidents, and a line whose stock came back
// closes its incident.
import type { DetectionTask, Prisma } from "@prisma/client";
import type { AdminClient } from "../../shopify/client.server";
import { OrderStockQuery, type OrderStock } from "../../shopify/documents/stock";
import { raiseIncident, resolveIncidents } from "../incidents/incidents.server";
import { orderRef } from "./order-ref.server";
import { detectStockMismatch, type StockLine, type StockQuantities } from "./stock";
import type { DetectionKind } from "./tasks.server";

type Tx = Prisma.TransactionClient;
type Order = NonNullable<OrderStock["order"]>;
type Level = { location: { id: string }; quantities: { name: string; quantity: number }[] };

export const STOCK_CHECK_ORDER = "stock_check_order";
const UNSHIPPED = new Set(["OPEN", "IN_PROGRESS", "ON_HOLD", "SCHEDULED"]);

function quantitiesAt(levels: Level[], locationId: string): StockQuantities | null {
  const level = levels.find((l) => l.location.id === locationId);
  if (!level) return null;
  const q = (name: string) => level.quantities.find((x) => x.name === name)?.quantity ?? 0;
  return { available: q("available"), committed: q("committed"), onHand: q("on_hand"), damaged: q("damaged") };
}

/** Units of each variant that orders placed after `order` still hold (from the app's snapshots). */
async function heldByNewerOrders(tx: Tx, shop: string, order: Order): Promise<Map<string, number>> {
  const createdAt = new Date(order.createdAt);
  const recent = await tx.orderSnapshot.findMany({ where: { shop, shopifyUpdatedAt: { gte: createdAt }, orderId: { not: order.id } } });
  const held = new Map<string, number>();
  for (const snapshot of recent) {
    const data = JSON.parse(snapshot.data) as { created_at?: string; cancelled_at?: string | null; line_items?: { variant_id?: number | string | null; fulfillable_quantity?: number }[] };
    if (!data.created_at || new Date(data.created_at) <= createdAt || data.cancelled_at) continue;
    for (const line of data.line_items ?? []) {
      if (line.variant_id == null || !line.fulfillable_quantity) continue;
      const variant = `gid://shopify/ProductVariant/${line.variant_id}`;
      held.set(variant, (held.get(variant) ?? 0) + line.fulfillable_quantity);
    }
  }
  return held;
}

export const stockCheckOrder: DetectionKind<Order | null> = {
  async fetch(admin: AdminClient, task: DetectionTask) {
    const { order } = await admin.request<OrderStock>(OrderStockQuery, { id: task.subject });
    return order;
  },

  async apply(tx, task, order, now) {
    if (!order) return; // deleted in Shopify meanwhile: nothing left to honour
    const source = `stock-check:${task.id}@${task.updatedAt.toISOString()}`;
    if (order.cancelledAt) return; // the order handler closes its incidents
    const newer = await heldByNewerOrders(tx, task.shop, order);
    const lines: StockLine[] = order.fulfillmentOrders.nodes
      .filter((fo) => UNSHIPPED.has(fo.status) && fo.assignedLocation.location)
      .flatMap((fo) =>
        fo.lineItems.nodes
          .filter((l) => l.remainingQuantity > 0 && l.variant)
          .map((l) => {
            const item = l.variant!.inventoryItem;
            const locationId = fo.assignedLocation.location!.id;
            return {
              lineItemId: l.lineItem.id, title: l.lineItem.title, sku: l.lineItem.sku, quantity: l.remainingQuantity,
              newerHeld: newer.get(l.variant!.id) ?? 0, inventoryItemId: item.id, locationId,
              stock: item.tracked ? quantitiesAt(item.inventoryLevels.nodes, locationId) : null,
            };
          }),
      );
    const shortfalls = detectStockMismatch(lines);
    const ref = await orderRef(tx, task.shop, order.id);
    for (const s of shortfalls) {
      const what = s.reason === "damaged_or_expired" ? "the units left are damaged or expired" : "more was sold than is in stock";
      await raiseIncident(tx, {
        order: ref, type: "stock_mismatch", subject: s.lineItemId, actor: "makegood", observedAt: now, source,
        summary: `${s.title}: ${s.short} of ${s.quantity} cannot ship (${what})`,
        evidence: { reason: s.reason, short: s.short, quantity: s.quantity, sku: s.sku, inventoryItemId: s.inventoryItemId, locationId: s.locationId, stock: s.stock, requestedBy: task.requestedBy },
      });
    }
    const short = new Set(shortfalls.map((s) => s.lineItemId));
    for (const line of lines.filter((l) => !short.has(l.lineItemId))) {
      await resolveIncidents(tx, {
        shop: task.shop, orderId: order.id, types: ["stock_mismatch"], subject: line.lineItemId,
        reason: "stock restored before shipping", at: now, actor: "makegood", source,
      });
    }
  },
};

export const detectionKinds: Record<string, DetectionKind<unknown>> = {
  [STOCK_CHECK_ORDER]: stockCheckOrder as DetectionKind<unknown>,
};
