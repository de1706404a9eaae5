// The incidents index: filtered, searched, sorted and paged on the database, scoped to the shop.
import type { Prisma, PrismaClient } from "@prisma/client";
import { TZDate } from "@date-fns/tz";
import { startOfDay, subDays } from "date-fns";
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
  carriers: list(z.string().min(1).max(100)),
  /** Opened within the last N days (today counts as one), in the shop's time zone. */
  opened: z.enum(["1", "7", "30", "90"]).optional().catch(undefined),
  /** Or opened between two days, both included (YYYY-MM-DD). */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  q: z.string().trim().max(100).default(""),
  sort: z.enum(["answer_by", "newest", "oldest"]).default("answer_by"),
  page: z.coerce.number().int().min(1).default(1),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const PAGE_SIZE = 25;

/** The opened-at window a query asks for, as instants, from days in the shop's time zone. */
export function openedWindow(query: Pick<InboxQuery, "opened" | "from" | "to">, timezone: string, now: Date): { gte?: Date; lt?: Date } | null {
  const day = (iso: string) => new TZDate(`${iso}T00:00:00`, timezone);
  if (query.opened) return { gte: subDays(startOfDay(new TZDate(now, timezone)), Number(query.opened) - 1) };
  if (!query.from && !query.to) return null;
  return { ...(query.from ? { gte: day(query.from) } : {}), ...(query.to ? { lt: new Date(day(query.to).getTime() + 86_400_000) } : {}) };
}

export async function incidentInbox(prisma: PrismaClient, shop: string, query: InboxQuery, timezone: string, now = new Date()) {
  const slaWhere: Prisma.IncidentWhereInput[] = query.sla.map((s) =>
    s === "overdue" ? { openKey: { not: null }, answerBy: { lt: now } }
      : s === "due_soon" ? { openKey: { not: null }, answerBy: { gte: now, lt: new Date(now.getTime() + DUE_SOON_MS) } }
        : { openKey: { not: null }, answerBy: { gte: new Date(now.getTime() + DUE_SOON_MS) } });
  const search = query.q.replace(/^#/, "");
  const window = openedWindow(query, timezone, now);
  const where: Prisma.IncidentWhereInput = {
    shop,
    ...(query.types.length ? { type: { in: query.types } } : {}),
    ...(query.statuses.length ? { status: { in: query.statuses } } : {}),
    ...(slaWhere.length ? { OR: slaWhere } : {}),
    ...(query.carriers.length ? { carrier: { in: query.carriers } } : {}),
    ...(window ? { openedAt: window } : {}),
    ...(search ? { AND: [{ OR: [{ orderName: { contains: search } }, { customerEmail: { contains: search.toLowerCase() } }] }] } : {}),
  };
  const orderBy: Prisma.IncidentOrderByWithRelationInput = query.sort === "answer_by" ? { answerBy: "asc" } : { openedAt: query.sort === "newest" ? "desc" : "asc" };
  const [total, rows, carriers] = await Promise.all([
    prisma.incident.count({ where }),
    prisma.incident.findMany({
      where, orderBy, skip: (query.page - 1) * PAGE_SIZE, take: PAGE_SIZE,
      include: { timeline: { where: { kind: "opened" }, take: 1 } },
    }),
    prisma.incident.findMany({ where: { shop, carrier: { not: null } }, distinct: ["carrier"], select: { carrier: true }, orderBy: { carrier: "asc" } }),
  ]);
  return {
    carriers: carriers.map((c) => c.carrier!),
    total, page: query.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((i) => ({
      id: i.id, type: i.type, status: i.status, orderName: i.orderName || i.orderId, customerEmail: i.customerEmail, carrier: i.carrier,
      openedAt: i.openedAt.toISOString(), answerBy: i.answerBy.toISOString(), sla: slaState(i.answerBy, i.openKey !== null, now),
      summary: i.timeline[0]?.summary ?? "",
    })),
  };
}
