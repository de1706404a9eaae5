// The incidents index: filtered, searched, sorted and paged on the database, scoped to the shop.
import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { INCIDENT_TYPES } from "./types";

/** Where an open incident stands against its answer-by date. */
export type SlaState = "overdue" | "due_soon" | "on_time" | "done";
const DUE_SOON_MS = 4 * 3_600_000;

export function slaState(answerBy: Date, open: boolean, now: Date): SlaState {
  if (!open) return "done";
  const left = answerBy.getTime() - now.getTime();
  return left < 0 ? "overdue" : left < DUE_SOON_MS ? "due_soon" : "on_time";
}

const list = <T extends z.ZodTypeAny>(item: T) => z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item)).default([]);

export const InboxQuery = z.object({
  types: list(z.enum(INCIDENT_TYPES)),
  statuses: list(z.enum(["open", "customer_contacted", "awaiting_customer", "remedied", "closed", "dismissed"])),
  sla: list(z.enum(["overdue", "due_soon", "on_time"])),
  q: z.string().trim().max(100).default(""),
  sort: z.enum(["answer_by", "newest", "oldest"]).default("answer_by"),
  page: z.coerce.number().int().min(1).default(1),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const PAGE_SIZE = 25;

export async function incidentInbox(prisma: PrismaClient, shop: string, query: InboxQuery, now = new Date()) {
  const slaWhere: Prisma.IncidentWhereInput[] = query.sla.map((s) =>
    s === "overdue" ? { openKey: { not: null }, answerBy: { lt: now } }
      : s === "due_soon" ? { openKey: { not: null }, answerBy: { gte: now, lt: new Date(now.getTime() + DUE_SOON_MS) } }
        : { openKey: { not: null }, answerBy: { gte: new Date(now.getTime() + DUE_SOON_MS) } });
  const search = query.q.replace(/^#/, "");
  const where: Prisma.IncidentWhereInput = {
    shop,
    ...(query.types.length ? { type: { in: query.types } } : {}),
    ...(query.statuses.length ? { status: { in: query.statuses } } : {}),
    ...(slaWhere.length ? { OR: slaWhere } : {}),
    ...(search ? { AND: [{ OR: [{ orderName: { contains: search } }, { customerEmail: { contains: search.toLowerCase() } }] }] } : {}),
  };
  const orderBy: Prisma.IncidentOrderByWithRelationInput = query.sort === "answer_by" ? { answerBy: "asc" } : { openedAt: query.sort === "newest" ? "desc" : "asc" };
  const [total, rows] = await Promise.all([
    prisma.incident.count({ where }),
    prisma.incident.findMany({
      where, orderBy, skip: (query.page - 1) * PAGE_SIZE, take: PAGE_SIZE,
      include: { timeline: { where: { kind: "opened" }, take: 1 } },
    }),
  ]);
  return {
    total, page: query.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((i) => ({
      id: i.id, type: i.type, status: i.status, orderName: i.orderName || i.orderId, customerEmail: i.customerEmail,
      openedAt: i.openedAt.toISOString(), answerBy: i.answerBy.toISOString(), sla: slaState(i.answerBy, i.openKey !== null, now),
      summary: i.timeline[0]?.summary ?? "",
    })),
  };
}
