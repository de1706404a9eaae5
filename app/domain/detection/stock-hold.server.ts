// The fulfillment hold that keeps the warehouse from shipping an order stock cannot honour (task
// kind "sync_stock_hold", one per fulfillment order). It converges rather than toggles: each run
// compares what should be (a hold while a stock_mismatch incident on it is open and the shop wants
// holds) with the holds Shopify has, and places or releases MakeGood's own hold, found by its
// handle. Requests in any order, retried or repeated, end in the same state.
import type { Prisma, PrismaClient } from "@prisma/client";
import type { AdminClient } from "../../shopify/client.server";
import {
  FulfillmentOrderHoldMutation, FulfillmentOrderHoldsQuery, FulfillmentOrderReleaseHoldMutation, STOCK_HOLD_HANDLE,
  type FulfillmentOrderHold, type FulfillmentOrderHolds, type FulfillmentOrderReleaseHold,
} from "../../shopify/documents/fulfillment";
import { addTimeline } from "../incidents/incidents.server";
import { getShopSettings } from "../settings/settings.server";
import { requestDetection, type DetectionKind } from "./tasks.server";

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;

export const SYNC_STOCK_HOLD = "sync_stock_hold";
const HOLDABLE = new Set(["OPEN", "ON_HOLD", "SCHEDULED"]);

export type HoldOutcome = { action: "held" | "released" | "none"; holdIds: string[]; note?: string };

export async function requestHoldSync(tx: Tx, shop: string, fulfillmentOrderId: string, requestedBy: string, now: Date) {
  await requestDetection(tx, { shop, kind: SYNC_STOCK_HOLD, subject: fulfillmentOrderId, dueAt: now, requestedBy });
}

/** The stock incidents of a fulfillment order (their evidence names it); open ones that a remedy
 *  already fixed (remedied, waiting only for the customer to be told) hold nothing back. */
const incidentsOn = (db: Db, shop: string, fulfillmentOrderId: string, open: boolean) =>
  db.incident.findMany({
    where: {
      shop, type: "stock_mismatch", evidence: { contains: `"fulfillmentOrderId":"${fulfillmentOrderId}"` },
      ...(open ? { openKey: { not: null }, status: { not: "remedied" } } : { openKey: null }),
    },
    orderBy: { openedAt: "desc" },
  });

/** Shopify said no (userErrors): the task retries, and keeps the message when it gives up. */
class ShopifyRefused extends Error {}

export const syncStockHold: DetectionKind<HoldOutcome> = {
  async fetch(admin: AdminClient, task, db) {
    const open = await incidentsOn(db, task.shop, task.subject, true);
    const wanted = open.length > 0 && (await getShopSettings(db, task.shop)).holdOnStockMismatch;
    const { fulfillmentOrder } = await admin.request<FulfillmentOrderHolds>(FulfillmentOrderHoldsQuery, { id: task.subject });
    if (!fulfillmentOrder) return { action: "none", holdIds: [], note: "fulfillment order no longer exists" };
    const ours = fulfillmentOrder.fulfillmentHolds.filter((h) => h.handle === STOCK_HOLD_HANDLE).map((h) => h.id);
    if (wanted && ours.length === 0) {
      if (!HOLDABLE.has(fulfillmentOrder.status)) return { action: "none", holdIds: [], note: `fulfillment order is ${fulfillmentOrder.status}` };
      const lines = open.map((i) => (JSON.parse(i.evidence) as { sku?: string | null }).sku ?? i.subject).join(", ");
      const { fulfillmentOrderHold: result } = await admin.request<FulfillmentOrderHold>(FulfillmentOrderHoldMutation, {
        id: task.subject,
        hold: { reason: "INVENTORY_OUT_OF_STOCK", handle: STOCK_HOLD_HANDLE, notifyMerchant: false, reasonNotes: `MakeGood: stock cannot honour ${lines}` },
      });
      // Another run placed it meanwhile (the handle is unique per fulfillment order): held all the same.
      if (result.userErrors.some((e) => e.code === "DUPLICATE_FULFILLMENT_HOLD_HANDLE")) return { action: "none", holdIds: [] };
      if (result.userErrors.length) throw new ShopifyRefused(`fulfillmentOrderHold: ${result.userErrors.map((e) => e.message).join("; ")}`);
      return { action: "held", holdIds: [result.fulfillmentHold!.id] };
    }
    if (!wanted && ours.length > 0) {
      const { fulfillmentOrderReleaseHold: result } = await admin.request<FulfillmentOrderReleaseHold>(FulfillmentOrderReleaseHoldMutation, { id: task.subject, holdIds: ours });
      if (result.userErrors.length) throw new ShopifyRefused(`fulfillmentOrderReleaseHold: ${result.userErrors.map((e) => e.message).join("; ")}`);
      return { action: "released", holdIds: ours };
    }
    return { action: "none", holdIds: ours };
  },

  async apply(tx, task, outcome, now) {
    if (outcome.action === "none") return;
    const held = outcome.action === "held";
    // A hold is told on the open incidents; its release on the incidents it was placed for.
    const incidentIds = held
      ? (await incidentsOn(tx, task.shop, task.subject, true)).map((i) => i.id)
      : (await tx.incidentEvent.findMany({ where: { shop: task.shop, kind: "fulfillment_held", source: { in: outcome.holdIds.map((id) => `held:${id}`) } } })).map((e) => e.incidentId);
    for (const incidentId of new Set(incidentIds)) {
      await addTimeline(tx, incidentId, task.shop, {
        at: now, actor: "makegood", kind: held ? "fulfillment_held" : "fulfillment_released", source: `${outcome.action}:${outcome.holdIds.join(",")}`,
        summary: held ? "Fulfillment put on hold so the warehouse does not ship what stock cannot honour" : "Fulfillment hold released: the order can ship",
        detail: { fulfillmentOrderId: task.subject, holdIds: outcome.holdIds },
      });
    }
  },
};
