// The fulfillment holds that keep the warehouse from shipping an order while a problem on it is
// open (task kind "sync_fulfillment_hold", per order or per fulfillment order). One rule per kind
// of incident that holds: a stock mismatch holds the fulfillment order its line is in, a cash-on-
// delivery amount change holds every fulfillment order of the order until the merchant decides.
// It converges rather than toggles: each run compares what should be (a hold per rule with an
// incident holding, if the shop wants holds) with the holds Shopify has, and places or releases
// MakeGood's own holds, found by their handles. Requests in any order, retried or repeated, end in
// the same state; Shopify refuses a second hold with the same handle, so nothing holds twice.
import type { Db } from "../../db/types";
import { withEvidence, type Evidence, type IncidentRecord } from "../../models/incident.server";
import type { AdminClient } from "../../shopify/client.server";
import {
  COD_HOLD_HANDLE,
  FulfillmentOrderHoldMutation,
  FulfillmentOrderHoldsQuery,
  FulfillmentOrderReleaseHoldMutation,
  OrderFulfillmentHoldsQuery,
  STOCK_HOLD_HANDLE,
  type HeldFulfillmentOrder,
} from "../../shopify/documents/fulfillment";
import { addTimeline } from "../incidents/incidents.server";
import type { IncidentType } from "../incidents/types";
import { getShopSettings } from "../settings/settings.server";
import { HOLDING_TYPES } from "./hold-request.server";
import type { DetectionKind } from "./tasks.server";

const HOLDABLE = new Set(["OPEN", "ON_HOLD", "SCHEDULED"]);

type HoldRule = {
  type: IncidentType;
  handle: string;
  reason: "INVENTORY_OUT_OF_STOCK" | "OTHER";
  /** Whether an open incident in this status still holds: a COD change waits for the merchant's
   *  decision, a remedy that fixed it included; a stock line holds until the stock check finds
   *  every unit left on it can ship (a remedy may have settled only part of it) — `settled` in its
   *  evidence when the incident stays open only for the customer to be told. */
  holdsWhile: (status: string, evidence: Evidence) => boolean;
  /** Whether the incident concerns this fulfillment order. */
  covers: (evidence: Evidence, fulfillmentOrderId: string) => boolean;
  /** The hold's note, read in Shopify's admin beside the order. */
  note: (incidents: IncidentRecord[]) => string;
  /** On the incident's timeline when placed. */
  held: string;
};

/** As the incident's own summary writes it ("39.45 EUR"): the note is read beside it. */
const money = (amount: unknown, currency: unknown) =>
  typeof amount === "string"
    ? `${amount}${typeof currency === "string" ? ` ${currency}` : ""}`
    : "another amount";

export const HOLD_RULES: HoldRule[] = [
  {
    type: "stock_mismatch",
    handle: STOCK_HOLD_HANDLE,
    reason: "INVENTORY_OUT_OF_STOCK",
    holdsWhile: (status, evidence) => !(status === "remedied" && evidence.settled === true),
    covers: (evidence, fulfillmentOrderId) => evidence.fulfillmentOrderId === fulfillmentOrderId,
    note: (incidents) =>
      `MakeGood: stock cannot honour ${incidents.map((i) => (i.type === "stock_mismatch" ? i.evidence.sku : null) ?? i.subject).join(", ")}`,
    held: "Fulfillment put on hold so the warehouse does not ship what stock cannot honour",
  },
  {
    type: "cod_amount_mismatch",
    handle: COD_HOLD_HANDLE,
    reason: "OTHER",
    holdsWhile: (status) => status !== "remedied",
    covers: () => true,
    note: ([{ evidence: e }]) =>
      `MakeGood: cash on delivery changed after checkout. The customer was told ${money(e.told, e.currency)}, the courier would ask ${money(e.due, e.currency)}. Held until the shop decides in MakeGood (remedy, dismiss or close the incident).`,
    held: "Fulfillment put on hold: the courier would ask another amount than the customer was told, so the order waits for your decision",
  },
];

/** The incidents on the order that hold, per rule: open, in a status their rule holds in. */
async function holdingIncidents(db: Db, shop: string, orderId: string) {
  const open = (
    await db.incident.findMany({
      where: { shop, orderId, type: { in: [...HOLDING_TYPES] }, openKey: { not: null } },
      orderBy: { openedAt: "asc" },
    })
  ).map(withEvidence);
  return (fulfillmentOrderId: string) =>
    HOLD_RULES.map((rule) => ({
      rule,
      incidents: open.filter(
        (i) =>
          i.type === rule.type &&
          rule.holdsWhile(i.status, i.evidence) &&
          rule.covers(i.evidence, fulfillmentOrderId),
      ),
    }));
}

type HoldChange = {
  orderId: string;
  fulfillmentOrderId: string;
  action: "held" | "released";
  handle: string;
  holdIds: string[];
};
export type HoldOutcome = { changes: HoldChange[]; notes: string[] };

/** Shopify said no (userErrors): the task retries, and keeps the message when it gives up. */
class ShopifyRefused extends Error {}

async function fulfillmentOrdersOf(admin: AdminClient, subject: string): Promise<HeldFulfillmentOrder[]> {
  if (subject.startsWith("gid://shopify/FulfillmentOrder/")) {
    const { fulfillmentOrder } = await admin.request(FulfillmentOrderHoldsQuery, { id: subject });
    return fulfillmentOrder ? [fulfillmentOrder] : [];
  }
  const { order } = await admin.request(OrderFulfillmentHoldsQuery, { id: subject });
  return order?.fulfillmentOrders.nodes ?? [];
}

export const syncFulfillmentHold: DetectionKind<HoldOutcome> = {
  async fetch(admin: AdminClient, task, db) {
    const fulfillmentOrders = await fulfillmentOrdersOf(admin, task.subject);
    if (fulfillmentOrders.length === 0) return { changes: [], notes: ["no fulfillment order to hold"] };
    const holdsOn = await holdingIncidents(db, task.shop, fulfillmentOrders[0].orderId);
    const wantHolds = (await getShopSettings(db, task.shop)).holdOnStockMismatch;
    const outcome: HoldOutcome = { changes: [], notes: [] };
    for (const fo of fulfillmentOrders) {
      // A fulfillment order closed, cancelled or shipped has nothing left to hold back.
      if (!HOLDABLE.has(fo.status)) {
        outcome.notes.push(`${fo.id} is ${fo.status}`);
        continue;
      }
      for (const { rule, incidents } of holdsOn(fo.id)) {
        const ours = fo.fulfillmentHolds.filter((h) => h.handle === rule.handle).map((h) => h.id);
        const wanted = wantHolds && incidents.length > 0;
        if (wanted && ours.length === 0) {
          const { fulfillmentOrderHold: result } = await admin.request(FulfillmentOrderHoldMutation, {
            id: fo.id,
            hold: {
              reason: rule.reason,
              handle: rule.handle,
              notifyMerchant: false,
              reasonNotes: rule.note(incidents),
            },
          });
          // Another run placed it meanwhile (the handle is unique per fulfillment order): held all the same.
          if (result.userErrors.some((e) => e.code === "DUPLICATE_FULFILLMENT_HOLD_HANDLE")) continue;
          if (result.userErrors.length)
            throw new ShopifyRefused(
              `fulfillmentOrderHold: ${result.userErrors.map((e) => e.message).join("; ")}`,
            );
          outcome.changes.push({
            orderId: fo.orderId,
            fulfillmentOrderId: fo.id,
            action: "held",
            handle: rule.handle,
            holdIds: [result.fulfillmentHold!.id],
          });
        } else if (!wanted && ours.length > 0) {
          const { fulfillmentOrderReleaseHold: result } = await admin.request(
            FulfillmentOrderReleaseHoldMutation,
            { id: fo.id, holdIds: ours },
          );
          if (result.userErrors.length)
            throw new ShopifyRefused(
              `fulfillmentOrderReleaseHold: ${result.userErrors.map((e) => e.message).join("; ")}`,
            );
          outcome.changes.push({
            orderId: fo.orderId,
            fulfillmentOrderId: fo.id,
            action: "released",
            handle: rule.handle,
            holdIds: ours,
          });
        }
      }
    }
    return outcome;
  },

  async apply(tx, task, outcome, now) {
    if (outcome.changes.length === 0) return;
    const holdsOn = await holdingIncidents(tx, task.shop, outcome.changes[0].orderId);
    for (const change of outcome.changes) {
      // A hold is told on the incidents it is placed for; its release on the incidents it was placed for.
      const rule = HOLD_RULES.find((r) => r.handle === change.handle)!;
      const incidentIds =
        change.action === "held"
          ? (holdsOn(change.fulfillmentOrderId).find((h) => h.rule === rule)?.incidents ?? []).map(
              (i) => i.id,
            )
          : (
              await tx.incidentEvent.findMany({
                where: {
                  shop: task.shop,
                  kind: "fulfillment_held",
                  source: { in: change.holdIds.map((id) => `held:${id}`) },
                },
              })
            ).map((e) => e.incidentId);
      for (const incidentId of new Set(incidentIds)) {
        await addTimeline(tx, incidentId, task.shop, {
          at: now,
          actor: "makegood",
          kind: change.action === "held" ? "fulfillment_held" : "fulfillment_released",
          source: `${change.action}:${change.holdIds.join(",")}`,
          summary: change.action === "held" ? rule.held : "Fulfillment hold released: the order can ship",
          detail: {
            fulfillmentOrderId: change.fulfillmentOrderId,
            holdIds: change.holdIds,
            handle: change.handle,
          },
        });
      }
    }
  },
};
