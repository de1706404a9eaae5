// customers/redact: nothing of the customer stays. Their orders' snapshots lose every personal
// field at any depth; every other place that may have copied them (inbox bodies, carrier messages,
// incident evidence and timelines, remedies, errors, a data export) is searched for their
// identifiers — the email and phone Shopify names, and the names, streets and numbers their orders
// gave — and those are replaced. The facts stay: what was ordered, for how much, what went wrong,
// when, with which carrier, and what the shop did about it.
import type { Prisma } from "@prisma/client";
import type { Db } from "../../db/types";
import {
  addIdentifier,
  identifiersIn,
  mentions,
  redactJson,
  redactText,
  STRIPPED_MARK,
} from "./personal-data";

/** Who Shopify asks to forget (`customer.id`, `customer.email`, `customer.phone`, `orders_to_redact`). */
export type CustomerToForget = {
  shop: string;
  customerId: string | null;
  email: string | null;
  phone: string | null;
  orderIds: string[];
};

export type RedactionCounts = {
  orders: number;
  fulfillments: number;
  incidents: number;
  timelineEntries: number;
  inboxBodies: number;
  exports: number;
};

/** The customer's orders the app holds: by customer, by the orders Shopify names, by email. */
export async function customerOrders(tx: Db, who: Omit<CustomerToForget, "phone">) {
  const or: Prisma.OrderSnapshotWhereInput[] = [{ orderId: { in: who.orderIds } }];
  if (who.customerId) or.push({ customerId: who.customerId });
  if (who.email) or.push({ email: who.email });
  return tx.orderSnapshot.findMany({ where: { shop: who.shop, OR: or } });
}

export async function redactCustomerData(tx: Db, who: CustomerToForget, now: Date): Promise<RedactionCounts> {
  const { shop } = who;
  const orders = await customerOrders(tx, who);
  const orderIds = [...new Set([...who.orderIds, ...orders.map((o) => o.orderId)])];
  const fulfillments = await tx.fulfillmentSnapshot.findMany({ where: { shop, orderId: { in: orderIds } } });
  const incidentWhere: Prisma.IncidentWhereInput[] = [{ orderId: { in: orderIds } }];
  if (who.customerId) incidentWhere.push({ customerId: who.customerId });
  if (who.email) incidentWhere.push({ customerEmail: who.email });
  const incidents = await tx.incident.findMany({ where: { shop, OR: incidentWhere } });

  // Everything that identifies them, from what Shopify sent and what their orders said.
  const ids = new Set<string>();
  addIdentifier(ids, who.email);
  addIdentifier(ids, who.phone);
  for (const o of orders) {
    addIdentifier(ids, o.email);
    identifiersIn(JSON.parse(o.data), ids);
  }
  for (const f of fulfillments) identifiersIn(JSON.parse(f.data), ids);
  for (const i of incidents) addIdentifier(ids, i.customerEmail);

  for (const o of orders) {
    await tx.orderSnapshot.update({
      where: { shop_orderId: { shop, orderId: o.orderId } },
      // Marked: a captured body of the same moment replayed later must not bring the customer back.
      data: { email: null, customerId: null, data: markStripped(redactJson(o.data, ids), now) },
    });
  }
  for (const f of fulfillments) {
    await tx.fulfillmentSnapshot.update({
      where: { shop_fulfillmentId: { shop, fulfillmentId: f.fulfillmentId } },
      data: { data: markStripped(redactJson(f.data, ids), now) },
    });
  }
  for (const e of await tx.fulfillmentEventRecord.findMany({
    where: { shop, orderId: { in: orderIds }, message: { not: null } },
  })) {
    if (mentions(e.message, ids))
      await tx.fulfillmentEventRecord.update({
        where: { shop_eventId: { shop, eventId: e.eventId } },
        data: { message: redactText(e.message!, ids) },
      });
  }

  // Incidents keep their facts and lose who the customer was; their timelines keep which message
  // went out, not the words that named the customer.
  let timelineEntries = 0;
  for (const i of incidents) {
    await tx.incident.update({
      where: { id: i.id },
      data: {
        customerId: null,
        customerEmail: null,
        evidence: redactJson(i.evidence, ids, { keys: false }),
        closeReason: i.closeReason && redactText(i.closeReason, ids),
      },
    });
    for (const e of await tx.incidentEvent.findMany({ where: { incidentId: i.id } })) {
      const detail = e.detail && withoutMessageText(e.detail);
      if (!mentions(e.summary, ids) && !mentions(detail, ids) && detail === e.detail) continue;
      await tx.incidentEvent.update({
        where: { id: e.id },
        data: {
          summary: redactText(e.summary, ids),
          detail: detail && redactJson(detail, ids, { keys: false }),
        },
      });
      timelineEntries++;
    }
    for (const r of await tx.remedy.findMany({ where: { shop, incidentId: i.id } })) {
      if (!mentions(r.params, ids) && !mentions(r.error, ids)) continue;
      await tx.remedy.update({
        where: { id: r.id },
        data: {
          params: redactJson(r.params, ids, { keys: false }),
          error: r.error && redactText(r.error, ids),
        },
      });
    }
  }
  for (const t of await tx.detectionTask.findMany({ where: { shop, lastError: { not: null } } })) {
    if (mentions(t.lastError, ids))
      await tx.detectionTask.update({
        where: { id: t.id },
        data: { lastError: redactText(t.lastError!, ids) },
      });
  }

  const inboxBodies = await redactInbox(tx, shop, orderIds, ids, now);
  // A data export made for them is theirs too.
  const exportWhere: Prisma.ComplianceRequestWhereInput[] = [
    ...[...ids].filter((v) => v.includes("@")).map((email) => ({ result: { contains: email } })),
  ];
  if (who.customerId) exportWhere.push({ customerId: who.customerId });
  const exports = exportWhere.length
    ? (
        await tx.complianceRequest.deleteMany({
          where: { shop, topic: "customers/data_request", OR: exportWhere },
        })
      ).count
    : 0;

  return {
    orders: orders.length,
    fulfillments: fulfillments.length,
    incidents: incidents.length,
    timelineEntries,
    inboxBodies,
    exports,
  };
}

/** Earlier timelines kept the whole email sent (`text`), greeting and all: it goes. */
function withoutMessageText(detail: string): string {
  try {
    const data = JSON.parse(detail) as Record<string, unknown>;
    if (!data || typeof data !== "object" || !("text" in data)) return detail;
    delete data.text;
    return JSON.stringify(data);
  } catch {
    return detail;
  }
}

/** The inbox bodies about their orders or naming them (the privacy requests themselves included). */
async function redactInbox(tx: Db, shop: string, orderIds: string[], ids: Set<string>, now: Date) {
  const texts = [...ids].filter((v) => v.includes("@") || /^\+?\d{6,}$/.test(v));
  const candidates = await tx.webhookEvent.findMany({
    where: {
      shop,
      OR: [
        { resourceId: { in: orderIds } },
        { topic: { in: ["customers/redact", "customers/data_request"] } },
        ...texts.map((t) => ({ payload: { contains: t } })),
      ],
    },
    select: { id: true, payload: true, lastError: true, resourceId: true },
  });
  let count = 0;
  for (const e of candidates) {
    const ours = (e.resourceId && orderIds.includes(e.resourceId)) || mentions(e.payload, ids);
    if (!ours && !mentions(e.lastError, ids)) continue;
    await tx.webhookEvent.update({
      where: { id: e.id },
      data: {
        payload: ours ? markStripped(redactJson(e.payload, ids), now) : e.payload,
        lastError: e.lastError && redactText(e.lastError, ids),
      },
    });
    count++;
  }
  return count;
}

function markStripped(json: string, now: Date) {
  const data = JSON.parse(json) as unknown;
  return data && typeof data === "object" && !Array.isArray(data)
    ? JSON.stringify({ ...data, [STRIPPED_MARK]: now.toISOString() })
    : json;
}
