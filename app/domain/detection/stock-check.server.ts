// The stock check of one order (task kind "stock_check_order"), requested when the app first sees
// the order, when it is edited, and when a stock change touches an item it holds: its unshipped
// lines and their stock at the fulfilling location are read from Shopify (stock-fetch.server);
// the lines stock cannot honour become stock_mismatch incidents, and a line whose stock came back
// closes its incident. The fulfillment order's hold follows (fulfillment-hold.server).
import type { DetectionTask } from "@prisma/client";
import type { Tx } from "../../db/types";
import { evidenceOf } from "../../models/incident.server";
import { findOrderData, snapshotsUpdatedSince } from "../../models/order.server";
import { raiseIncident, resolveIncidents } from "../incidents/incidents.server";
import { getShopSettings } from "../settings/settings.server";
import { slaOf } from "../settings/settings";
import { orderRef } from "../../models/order-ref.server";
import { fetchOrderStock, type FetchedOrderStock } from "./stock-fetch.server";
import { requestHoldSync } from "./hold-request.server";
import { detectStockMismatch } from "./stock";
import type { DetectionKind } from "./tasks.server";

export const STOCK_CHECK_ORDER = "stock_check_order";

/** Units of each variant that orders placed after `order` still hold (from the app's snapshots). */
async function heldByNewerOrders(
  tx: Tx,
  shop: string,
  order: FetchedOrderStock,
): Promise<Map<string, number>> {
  const createdAt = new Date(order.createdAt);
  const recent = await snapshotsUpdatedSince(tx, shop, createdAt, order.id);
  const held = new Map<string, number>();
  for (const { data } of recent) {
    if (!data.created_at || new Date(data.created_at) <= createdAt || data.cancelled_at) continue;
    for (const line of data.line_items ?? []) {
      if (line.variant_id == null || !line.fulfillable_quantity) continue;
      const variant = `gid://shopify/ProductVariant/${line.variant_id}`;
      held.set(variant, (held.get(variant) ?? 0) + line.fulfillable_quantity);
    }
  }
  return held;
}

export const stockCheckOrder: DetectionKind<FetchedOrderStock | null> = {
  async fetch(admin, task, db) {
    const data = await findOrderData(db, task.shop, task.subject);
    const lineCount = data ? (data.line_items?.length ?? 1) : 10;
    return fetchOrderStock(admin, task.subject, lineCount);
  },

  async apply(tx, task: DetectionTask, order, now) {
    if (!order) return; // deleted in Shopify meanwhile: nothing left to honour
    if (order.cancelledAt) return; // the order handler closes its incidents
    const source = `stock-check:${task.id}@${task.updatedAt.toISOString()}`;
    const settings = await getShopSettings(tx, task.shop);
    const newer = await heldByNewerOrders(tx, task.shop, order);
    const lines = order.lines.map((l) => ({ ...l, newerHeld: newer.get(l.variantId) ?? 0 }));
    const shortfalls = detectStockMismatch(lines);
    const ref = await orderRef(tx, task.shop, order.id);
    const touched = new Set<string>();
    for (const s of shortfalls) {
      const line = lines.find((l) => l.lineItemId === s.lineItemId)!;
      const what =
        s.reason === "damaged_or_expired"
          ? "the units left are damaged or expired"
          : "more was sold than is in stock";
      await raiseIncident(
        tx,
        {
          order: ref,
          type: "stock_mismatch",
          subject: s.lineItemId,
          actor: "makegood",
          observedAt: now,
          source,
          standing: true,
          summary: `${s.title}: ${s.short} of ${s.quantity} cannot ship (${what})`,
          evidence: {
            reason: s.reason,
            short: s.short,
            quantity: s.quantity,
            sku: s.sku,
            inventoryItemId: s.inventoryItemId,
            locationId: s.locationId,
            fulfillmentOrderId: line.fulfillmentOrderId,
            stock: s.stock,
            requestedBy: task.requestedBy,
          },
        },
        slaOf(settings),
      );
      touched.add(line.fulfillmentOrderId);
    }
    // Lines a person flagged (expired, damaged, missing) stay flagged whatever the counts say;
    // the check tells them which fulfillment order to hold.
    const flagged = await tx.incident.findMany({
      where: {
        shop: task.shop,
        orderId: order.id,
        type: "stock_mismatch",
        openKey: { not: null },
        evidence: { contains: '"flaggedBy"' },
      },
    });
    for (const incident of flagged) {
      const line = lines.find((l) => l.lineItemId === incident.subject);
      if (!line) continue;
      const evidence = evidenceOf(incident, "stock_mismatch");
      if (evidence.fulfillmentOrderId !== line.fulfillmentOrderId) {
        await tx.incident.update({
          where: { id: incident.id },
          data: { evidence: JSON.stringify({ ...evidence, fulfillmentOrderId: line.fulfillmentOrderId }) },
        });
      }
      touched.add(line.fulfillmentOrderId);
    }
    const keep = new Set([...shortfalls.map((s) => s.lineItemId), ...flagged.map((i) => i.subject)]);
    for (const line of lines.filter((l) => !keep.has(l.lineItemId) && l.stock)) {
      const closed = await resolveIncidents(tx, {
        shop: task.shop,
        orderId: order.id,
        types: ["stock_mismatch"],
        subject: line.lineItemId,
        reason: "stock restored before shipping",
        at: now,
        actor: "makegood",
        source,
        // Our own remedy (the short units refunded or taken off) is what made the line whole.
        remediedReason: "settled by the remedy: every unit left on the line can ship",
      });
      // Fixed by our remedy but kept open until the customer is told: marked settled, it holds nothing back any more.
      const waiting = await tx.incident.findMany({
        where: {
          shop: task.shop,
          orderId: order.id,
          type: "stock_mismatch",
          subject: line.lineItemId,
          status: "remedied",
          openKey: { not: null },
        },
      });
      for (const incident of waiting) {
        const evidence = evidenceOf(incident, "stock_mismatch");
        if (evidence.settled !== true)
          await tx.incident.update({
            where: { id: incident.id },
            data: { evidence: JSON.stringify({ ...evidence, settled: true }) },
          });
      }
      if (closed > 0 || waiting.length > 0) touched.add(line.fulfillmentOrderId);
    }
    // Held while a line of it cannot ship, released when none is left (if the shop wants holds).
    if (touched.size > 0) await requestHoldSync(tx, task.shop, order.id, source, now);
  },
};
