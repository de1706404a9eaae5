// What a carrier event means for the parcel's incidents: detection that needs only the event and
// the events recorded before it (run inside the transaction that records the event).
import type { Tx } from "../../db/types";
import { orderRef } from "../../models/order-ref.server";
import { raiseIncident, resolveIncidents } from "../incidents/incidents.server";
import { getShopSettings } from "../settings/settings.server";
import { slaOf } from "../settings/settings";
import type { Seen } from "./seen";

/** A carrier event as recorded: its parcel, its order, and what the carrier said when. */
export type CarrierEvent = {
  fulfillmentId: string;
  orderId: string;
  status: string;
  message: string | null;
  happenedAt: Date;
};

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
export async function detectOnCarrierEvent(tx: Tx, seen: Seen, e: CarrierEvent) {
  const closeIfDelivered = async () => {
    const delivered = await tx.fulfillmentEventRecord.findFirst({
      where: { shop: seen.shop, fulfillmentId: e.fulfillmentId, status: "delivered" },
      orderBy: { happenedAt: "desc" },
    });
    if (!delivered) return;
    await resolveIncidents(tx, {
      shop: seen.shop,
      orderId: e.orderId,
      types: ["delivery_failed", "late_delivery"],
      subject: e.fulfillmentId,
      reason: "delivered",
      at: delivered.happenedAt,
      actor: "shopify",
      source: `delivered:${delivered.eventId}`,
    });
  };
  const problem = CARRIER_PROBLEMS[e.status];
  if (problem) {
    const later = await tx.fulfillmentEventRecord.findFirst({
      where: {
        shop: seen.shop,
        fulfillmentId: e.fulfillmentId,
        status: "delivered",
        happenedAt: { gt: e.happenedAt },
      },
    });
    const previous = await tx.incident.findFirst({
      where: {
        shop: seen.shop,
        orderId: e.orderId,
        type: problem.type,
        subject: e.fulfillmentId,
        openKey: null,
      },
    });
    // Delivered later, and this problem already told on a closed incident: nothing new.
    if (later && previous) return;
    await raiseIncident(
      tx,
      {
        order: await orderRef(tx, seen.shop, e.orderId),
        type: problem.type,
        subject: e.fulfillmentId,
        actor: "shopify",
        observedAt: e.happenedAt,
        source: seen.source,
        summary: `Carrier: ${problem.says}${e.message ? ` (${e.message})` : ""}`,
        evidence: {
          status: e.status,
          message: e.message,
          happenedAt: e.happenedAt.toISOString(),
          fulfillmentId: e.fulfillmentId,
        },
      },
      slaOf(await getShopSettings(tx, seen.shop)),
    );
    if (later) await closeIfDelivered();
  } else if (e.status === "delivered") {
    await closeIfDelivered();
  }
}
