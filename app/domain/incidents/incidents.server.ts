// Opening, confirming and closing incidents, inside the caller's transaction. One open incident
// per (order, type, subject): a repeated signal is added to its timeline (once per source).
import type { Tx } from "../../db/types";
import { holdsFulfillment, requestHoldSync } from "../detection/hold-request.server";
import { DEFAULT_SLA, openKeyOf, type Actor, type IncidentType, type SlaPolicy, type Signal } from "./types";

export type RaiseOutcome = { incidentId: string; opened: boolean };

export async function raiseIncident(
  tx: Tx,
  signal: Signal,
  sla: SlaPolicy = DEFAULT_SLA,
): Promise<RaiseOutcome> {
  const { order, type, subject } = signal;
  const openKey = openKeyOf(order.orderId, type, subject);
  const existing = await tx.incident.findUnique({ where: { shop_openKey: { shop: order.shop, openKey } } });
  if (existing) {
    if (signal.standing) {
      const last = await tx.incidentEvent.findFirst({
        where: { incidentId: existing.id, kind: { in: ["opened", "signal"] } },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        select: { summary: true },
      });
      if (last?.summary === signal.summary) return { incidentId: existing.id, opened: false };
    }
    await addTimeline(tx, existing.id, order.shop, {
      at: signal.observedAt,
      actor: signal.actor,
      kind: "signal",
      summary: signal.summary,
      detail: signal.evidence,
      source: signal.source,
    });
    return { incidentId: existing.id, opened: false };
  }
  // A standing condition our own checks keep seeing (a scan, a stock check) does not undo a
  // person's decision: an incident the merchant dismissed or closed stays so. New facts from
  // Shopify (another carrier event) still open a new one.
  if (signal.actor === "makegood") {
    const decided = await tx.incident.findFirst({
      where: {
        shop: order.shop,
        orderId: order.orderId,
        type,
        subject,
        openKey: null,
        OR: [
          { status: "dismissed" },
          { status: "closed", timeline: { some: { kind: "status", actor: "merchant" } } },
        ],
      },
      select: { id: true },
    });
    if (decided) return { incidentId: decided.id, opened: false };
  }
  const at = signal.observedAt;
  const carrier = await carrierOf(tx, signal);
  const incident = await tx.incident.create({
    data: {
      shop: order.shop,
      orderId: order.orderId,
      orderName: order.orderName,
      customerId: order.customerId,
      customerEmail: order.customerEmail,
      customerLocale: order.customerLocale,
      type,
      subject,
      openKey,
      carrier,
      evidence: JSON.stringify(signal.evidence),
      openedAt: at,
      acknowledgeBy: new Date(at.getTime() + sla.acknowledgeWithinMs),
      answerBy: new Date(at.getTime() + sla.answerWithinMs),
    },
  });
  await addTimeline(tx, incident.id, order.shop, {
    at,
    actor: signal.actor,
    kind: "opened",
    summary: signal.summary,
    detail: signal.evidence,
    source: signal.source,
  });
  // The warehouse waits while it is open (placed by the worker, where Admin access is).
  if (holdsFulfillment(type))
    await requestHoldSync(tx, order.shop, order.orderId, `opened:${incident.id}`, at);
  return { incidentId: incident.id, opened: true };
}

const AFTER_DELIVERY: IncidentType[] = ["wrong_item", "damaged_delivery"];

/** The carrier an incident is about, so the index can filter by it and insights can count it: the
 *  parcel's own, or for a problem found in what arrived, the order's latest parcel's. */
async function carrierOf(tx: Tx, signal: Signal): Promise<string | null> {
  const told = signal.evidence.carrier;
  if (typeof told === "string" && told) return told;
  const { shop, orderId } = signal.order;
  if (signal.subject.includes("/Fulfillment/")) {
    const parcel = await tx.fulfillmentSnapshot.findUnique({
      where: { shop_fulfillmentId: { shop, fulfillmentId: signal.subject } },
      select: { trackingCompany: true },
    });
    return parcel?.trackingCompany ?? null;
  }
  if (!AFTER_DELIVERY.includes(signal.type)) return null;
  const latest = await tx.fulfillmentSnapshot.findFirst({
    where: { shop, orderId, trackingCompany: { not: null } },
    orderBy: { shopifyUpdatedAt: "desc" },
    select: { trackingCompany: true },
  });
  return latest?.trackingCompany ?? null;
}

export type Resolution = {
  shop: string;
  orderId: string;
  types?: IncidentType[];
  subject?: string;
  reason: string;
  /** The reason instead, for an incident a remedy had already fixed. Such an incident stays open
   *  (remedied) until the customer has heard from the shop: closing it would drop it from the
   *  merchant's list before anyone told the customer what was done. */
  remediedReason?: string;
  at: Date;
  actor: Actor;
  source: string;
};

/** Whether the customer has heard from the shop since the incident's last remedy was carried out
 *  ("we are on it" before a refund does not tell them of the refund). */
async function toldSinceRemedy(tx: Tx, incidentId: string): Promise<boolean> {
  const last = await tx.remedy.findFirst({
    where: { incidentId, status: "done" },
    orderBy: { executedAt: "desc" },
    select: { executedAt: true },
  });
  if (!last?.executedAt) return false;
  return (
    (await tx.incidentEvent.count({
      where: { incidentId, kind: "customer_message", at: { gte: last.executedAt } },
    })) > 0
  );
}

/** Closes the open incidents the problem has gone away for (auto-close); returns how many. */
export async function resolveIncidents(tx: Tx, r: Resolution): Promise<number> {
  const open = await tx.incident.findMany({
    where: {
      shop: r.shop,
      orderId: r.orderId,
      openKey: { not: null },
      ...(r.types ? { type: { in: r.types } } : {}),
      ...(r.subject ? { subject: r.subject } : {}),
    },
  });
  let closed = 0;
  for (const incident of open) {
    const remedied = incident.status === "remedied" && r.remediedReason !== undefined;
    if (remedied && !(await toldSinceRemedy(tx, incident.id))) continue;
    const reason = remedied ? r.remediedReason! : r.reason;
    closed++;
    await tx.incident.update({
      where: { id: incident.id },
      data: { status: "closed", openKey: null, closedAt: r.at, closeReason: reason },
    });
    await addTimeline(tx, incident.id, r.shop, {
      at: r.at,
      actor: r.actor,
      kind: "closed",
      summary: reason,
      source: r.source,
    });
  }
  // What held the order may be gone: its holds are looked at again.
  if (open.some((i) => holdsFulfillment(i.type)))
    await requestHoldSync(tx, r.shop, r.orderId, r.source, r.at);
  return closed;
}

export type TimelineEntry = {
  at: Date;
  actor: Actor;
  kind: string;
  summary: string;
  detail?: unknown;
  source?: string;
};

/** One step on an incident's timeline; with a source, recorded once whatever the retries. */
export async function addTimeline(tx: Tx, incidentId: string, shop: string, e: TimelineEntry) {
  const data = {
    shop,
    incidentId,
    at: e.at,
    actor: e.actor,
    kind: e.kind,
    summary: e.summary,
    detail: e.detail === undefined ? null : JSON.stringify(e.detail),
    source: e.source ?? null,
  };
  if (e.source) {
    // A replayed signal (same source) is already on the timeline. Checked first rather than
    // caught: a failed insert would abort a PostgreSQL transaction.
    // A signal seen first as the opening one is the same signal.
    const kinds = e.kind === "signal" ? ["opened", "signal"] : [e.kind];
    const seen = await tx.incidentEvent.findFirst({
      where: { incidentId, kind: { in: kinds }, source: e.source },
      select: { id: true },
    });
    if (seen) return;
  }
  await tx.incidentEvent.create({ data });
}
