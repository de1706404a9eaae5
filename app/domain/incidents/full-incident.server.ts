// Everything the incident workspace shows: the incident with its timeline, remedies and offers,
// and the order as the app's snapshots know it (lines, parcels), all scoped to the shop.
import { unitsLeft } from "../remedies/units-at-stake";
import type { PrismaClient } from "@prisma/client";
import { withEvidence } from "../../models/incident.server";
import { findOrderData, type OrderData } from "../../models/order.server";
import { summaryDates } from "../dates";
import { nextDeadline, slaState } from "./sla";

import { fromCents, toCents } from "../money";

/** A number to call the customer on (the shops of SCENARIOS.md phone first): the order's contact
 *  phone, else the customer's, else the one given for delivery or billing. */
const phoneOf = (d: OrderData) =>
  [d.phone, d.customer?.phone, d.shipping_address?.phone, d.billing_address?.phone]
    .map((p) => p?.trim())
    .find(Boolean) ?? null;

/** The fulfillment holds placed for this incident and not yet released, from its timeline. */
function holdsInPlace(timeline: { kind: string; detail: string | null }[]): number {
  const held = new Set<string>();
  for (const e of timeline) {
    if (e.kind !== "fulfillment_held" && e.kind !== "fulfillment_released") continue;
    const ids = e.detail ? ((JSON.parse(e.detail) as { holdIds?: string[] }).holdIds ?? []) : [];
    for (const id of ids) {
      if (e.kind === "fulfillment_held") held.add(id);
      else held.delete(id);
    }
  }
  return held.size;
}

/** The order in Shopify's webhook shape, read from Shopify: for an order no webhook told the app of. */
export type ReadOrder = (orderId: string) => Promise<OrderData | null>;

export async function fullIncident(
  prisma: PrismaClient,
  shop: string,
  id: string,
  now = new Date(),
  readOrder?: ReadOrder,
) {
  const row = await prisma.incident.findFirst({
    where: { id, shop },
    include: {
      timeline: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      remedies: { orderBy: { decidedAt: "asc" } },
      offerLines: { include: { offer: true }, orderBy: { offer: { createdAt: "asc" } } },
    },
  });
  if (!row) return null;
  const incident = withEvidence(row);
  // An order placed before the install (or whose webhook never came) has no snapshot: the deadline
  // scan still finds it late, and the merchant still needs to see what it is.
  const data =
    (await findOrderData(prisma, shop, incident.orderId)) ?? (await readOrder?.(incident.orderId)) ?? null;
  const clock = { ...incident, open: incident.openKey !== null };
  const deadline = nextDeadline(clock);
  const parcels = await prisma.fulfillmentSnapshot.findMany({
    where: { shop, orderId: incident.orderId },
    orderBy: { shopifyUpdatedAt: "asc" },
  });
  return {
    incident: {
      id: incident.id,
      type: incident.type,
      status: incident.status,
      subject: incident.subject,
      open: incident.openKey !== null,
      orderId: incident.orderId,
      orderName: incident.orderName || incident.orderId,
      customerEmail: incident.customerEmail,
      customerLocale: incident.customerLocale,
      evidence: incident.evidence,
      openedAt: incident.openedAt.toISOString(),
      answerBy: incident.answerBy.toISOString(),
      acknowledgedAt: incident.acknowledgedAt?.toISOString() ?? null,
      closedAt: incident.closedAt?.toISOString() ?? null,
      closeReason: incident.closeReason,
      remedyCost: incident.remedyCost,
      /** Units of the line still to make good (null: not an incident about one line's units). */
      unitsLeft: unitsLeft(incident, incident.remedies),
      /** The order is held in Shopify for this incident (the warehouse does not ship it). */
      onHold: holdsInPlace(incident.timeline) > 0,
      // Judged here, once, so that the page shows the server's reading (a browser's clock would differ).
      deadline: { kind: deadline.kind, at: deadline.at.toISOString() },
      sla: slaState(clock, now),
    },
    timeline: incident.timeline.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actor,
      kind: e.kind,
      summary: e.summary,
      summaryDates: summaryDates(e.summary, e.detail ? JSON.parse(e.detail) : null),
    })),
    remedies: incident.remedies.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      amount: r.amount,
      currency: r.currency,
      code: r.code,
      error: r.error,
      redeemedAt: r.redeemedAt?.toISOString() ?? null,
    })),
    // The offers that cover this incident's line, whichever incident of the order they were made from.
    offers: incident.offerLines.map(({ offer: o }) => ({
      id: o.id,
      status: o.status,
      choice: o.choice,
      expiresAt: o.expiresAt.toISOString(),
      allowCancel: o.allowCancel,
    })),
    order: data && {
      name: data.name ?? incident.orderName,
      email: data.email ?? null,
      currency: data.currency ?? null,
      total: data.total_price ?? null,
      financialStatus: data.financial_status ?? null,
      fulfillmentStatus: data.fulfillment_status ?? null,
      createdAt: data.created_at ?? null,
      customer: [data.customer?.first_name, data.customer?.last_name].filter(Boolean).join(" ") || null,
      phone: phoneOf(data),
      lines: (data.line_items ?? []).map((l) => ({
        id: l.admin_graphql_api_id ?? "",
        title: l.title ?? "",
        variant: l.variant_title ?? null,
        sku: l.sku ?? null,
        // What the order holds now: an edit or a refund lowers current_quantity, not quantity.
        quantity: l.current_quantity ?? l.quantity ?? 0,
        toShip: l.fulfillable_quantity ?? 0,
        price: l.price ?? null,
        // What the customer pays for each unit after the line's own discounts (a substitute given at no extra cost).
        paysEach:
          l.price == null
            ? null
            : fromCents(
                Math.max(
                  toCents(l.price) -
                    Math.round(
                      toCents(l.total_discount ?? 0) / Math.max(l.current_quantity ?? l.quantity ?? 1, 1),
                    ),
                  0,
                ),
              ),
      })),
    },
    parcels: parcels.map((p) => ({
      id: p.fulfillmentId,
      status: p.status,
      shipmentStatus: p.shipmentStatus,
      carrier: p.trackingCompany,
      tracking: p.trackingNumber,
    })),
  };
}

export type FullIncident = NonNullable<Awaited<ReturnType<typeof fullIncident>>>;
