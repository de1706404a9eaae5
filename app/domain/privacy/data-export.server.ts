// customers/data_request: Shopify asks the app to give the store owner what it holds on a customer,
// for them to pass on. The export is the customer's personal data as the app holds it (per order:
// contact, names, addresses, their note) and what the app did with it (incidents, messages sent);
// not whole order bodies. It waits for the merchant on the Privacy page, and is deleted once the
// merchant has it (they mark it delivered) or after EXPORT_KEPT_DAYS, whichever comes first. The
// row stays, naming no one, so the merchant sees the request was answered.
import type { PrismaClient } from "@prisma/client";
import type { Db } from "../../db/types";
import { readSnapshot } from "../../models/order.server";
import { summaryDates } from "../dates";
import { customerOrders, type CustomerToForget } from "./customer-redaction.server";
import { EXPORT_KEPT_DAYS, type DataExport, type ExportRow, type SpentExport } from "./data-export";

export { EXPORT_KEPT_DAYS, type DataExport, type ExportRow, type SpentExport } from "./data-export";

export const DATA_REQUEST = "customers/data_request";

type Address = Record<string, unknown> | null | undefined;

const ADDRESS_FIELDS = [
  "first_name",
  "last_name",
  "name",
  "company",
  "address1",
  "address2",
  "city",
  "zip",
  "province",
  "country",
  "phone",
];
const address = (a: Address) =>
  a ? Object.fromEntries(ADDRESS_FIELDS.filter((k) => a[k] != null).map((k) => [k, a[k]])) : null;

const detailOf = (detail: string | null) => {
  try {
    return detail ? (JSON.parse(detail) as unknown) : null;
  } catch {
    return null;
  }
};

export async function recordDataExport(
  tx: Db,
  who: Omit<CustomerToForget, "shop"> & { shop: string },
  now: Date,
) {
  const orders = await customerOrders(tx, who);
  const orderIds = orders.map((o) => o.orderId);
  const incidents = await tx.incident.findMany({
    where: { shop: who.shop, orderId: { in: orderIds } },
    include: { timeline: { where: { kind: "customer_message" }, orderBy: { at: "asc" } } },
  });
  const result: DataExport = {
    status: "ready",
    customer: { id: who.customerId, email: who.email, phone: who.phone },
    orders: orders.map((o) => {
      const d = readSnapshot(o).data;
      return {
        order: o.name,
        placedAt: d.created_at ?? null,
        email: d.email ?? d.contact_email ?? o.email,
        phone: d.phone ?? d.customer?.phone ?? null,
        name: [d.customer?.first_name, d.customer?.last_name].filter(Boolean).join(" ") || null,
        language: d.customer_locale ?? null,
        note: d.note ?? null,
        shippingAddress: address(d.shipping_address),
        billingAddress: address(d.billing_address),
      };
    }),
    incidents: incidents.map((i) => ({
      order: i.orderName,
      problem: i.type,
      status: i.status,
      openedAt: i.openedAt.toISOString(),
      closedAt: i.closedAt?.toISOString() ?? null,
    })),
    messages: incidents.flatMap((i) =>
      i.timeline.map((e) => ({
        order: i.orderName,
        sentAt: e.at.toISOString(),
        what: e.summary,
        dates: summaryDates(e.summary, detailOf(e.detail)),
      })),
    ),
    deleteBy: new Date(now.getTime() + EXPORT_KEPT_DAYS * 86_400_000).toISOString(),
  };
  return tx.complianceRequest.create({
    data: {
      shop: who.shop,
      topic: DATA_REQUEST,
      customerId: who.customerId,
      result: JSON.stringify(result),
      receivedAt: now,
    },
  });
}

const parse = (result: string) => JSON.parse(result) as DataExport | SpentExport;

/** The shop's data requests, newest first, for the merchant. */
export async function listDataExports(prisma: PrismaClient, shop: string): Promise<ExportRow[]> {
  const rows = await prisma.complianceRequest.findMany({
    where: { shop, topic: DATA_REQUEST },
    orderBy: { receivedAt: "desc" },
    take: 50,
  });
  return rows.map((r) => ({ id: r.id, receivedAt: r.receivedAt, export: parse(r.result) }));
}

const spent = (status: SpentExport["status"], data: DataExport | SpentExport, at: Date): SpentExport => ({
  status,
  at: at.toISOString(),
  orders: data.status === "ready" ? data.orders.length : data.orders,
});

/** The merchant has passed the export on: its content is deleted. False when there was none to delete. */
export async function markExportDelivered(prisma: PrismaClient, shop: string, id: string, now = new Date()) {
  const row = await prisma.complianceRequest.findFirst({ where: { id, shop, topic: DATA_REQUEST } });
  if (!row) return false;
  const data = parse(row.result);
  if (data.status !== "ready") return false;
  await prisma.complianceRequest.update({
    where: { id },
    data: { customerId: null, result: JSON.stringify(spent("delivered", data, now)) },
  });
  return true;
}

/** Exports older than EXPORT_KEPT_DAYS lose their content, delivered or not. */
export async function expireDataExports(prisma: PrismaClient, now: Date) {
  const rows = await prisma.complianceRequest.findMany({
    where: {
      topic: DATA_REQUEST,
      receivedAt: { lte: new Date(now.getTime() - EXPORT_KEPT_DAYS * 86_400_000) },
      result: { contains: '"status":"ready"' },
    },
  });
  for (const row of rows) {
    await prisma.complianceRequest.update({
      where: { id: row.id },
      data: { customerId: null, result: JSON.stringify(spent("expired", parse(row.result), now)) },
    });
  }
  return rows.length;
}
