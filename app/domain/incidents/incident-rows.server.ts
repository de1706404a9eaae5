// Rows of incidents for the incidents index and the home page's open ones: filtered, searched,
// sorted and paged on the database, scoped to the shop.
import type { Prisma, PrismaClient } from "@prisma/client";
import { TZDate } from "@date-fns/tz";
import { startOfDay, subDays } from "date-fns";
import { z } from "zod";
import { summaryDates } from "../dates";
import { nextDeadline, slaState, slaWhere } from "./sla";
import { INCIDENT_TYPES } from "./types";

const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item)).default([]);

export const SORTS = ["deadline", "deadline_desc", "newest", "oldest", "answer_by"] as const;
export type IncidentSort = (typeof SORTS)[number];

export const IncidentQuery = z.object({
  types: list(z.enum(INCIDENT_TYPES)),
  statuses: list(
    z.enum(["open", "customer_contacted", "awaiting_customer", "remedied", "closed", "dismissed"]),
  ),
  sla: list(z.enum(["overdue", "due_soon", "on_time"])),
  carriers: list(z.string().min(1).max(100)),
  /** Opened within the last N days (today counts as one), in the shop's time zone. */
  opened: z.enum(["1", "7", "30", "90"]).optional().catch(undefined),
  /** Or opened between two days, both included (YYYY-MM-DD). */
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  q: z.string().trim().max(100).default(""),
  /** "deadline": the next deadline soonest first ("deadline_desc": latest first), incidents with
   *  none left (closed) after them; "newest"/"oldest": by opening; "answer_by": by the answer
   *  deadline alone (home's list). An unknown value reads as the default. */
  sort: z.enum(SORTS).default("deadline").catch("deadline"),
  page: z.coerce.number().int().min(1).default(1),
});
export type IncidentQuery = z.infer<typeof IncidentQuery>;

export const PAGE_SIZE = 25;

/** The opened-at window a query asks for, as instants, from days in the shop's time zone. */
export function openedWindow(
  query: Pick<IncidentQuery, "opened" | "from" | "to">,
  timezone: string,
  now: Date,
): { gte?: Date; lt?: Date } | null {
  const day = (iso: string) => new TZDate(`${iso}T00:00:00`, timezone);
  if (query.opened) return { gte: subDays(startOfDay(new TZDate(now, timezone)), Number(query.opened) - 1) };
  if (!query.from && !query.to) return null;
  return {
    ...(query.from ? { gte: day(query.from) } : {}),
    ...(query.to ? { lt: new Date(day(query.to).getTime() + 86_400_000) } : {}),
  };
}

export async function incidentRows(
  prisma: PrismaClient,
  shop: string,
  query: IncidentQuery,
  timezone: string,
  now = new Date(),
) {
  const sla = query.sla.map((s) => slaWhere(s, now));
  const search = query.q.replace(/^#/, "");
  const window = openedWindow(query, timezone, now);
  const where: Prisma.IncidentWhereInput = {
    shop,
    ...(query.types.length ? { type: { in: query.types } } : {}),
    ...(query.statuses.length ? { status: { in: query.statuses } } : {}),
    ...(sla.length ? { OR: sla } : {}),
    ...(query.carriers.length ? { carrier: { in: query.carriers } } : {}),
    ...(window ? { openedAt: window } : {}),
    ...(search
      ? {
          AND: [
            {
              OR: [
                { orderName: { contains: search } },
                { customerEmail: { contains: search.toLowerCase() } },
              ],
            },
          ],
        }
      : {}),
  };
  const byDeadline = query.sort === "deadline" || query.sort === "deadline_desc";
  const orderBy: Prisma.IncidentOrderByWithRelationInput[] = [
    query.sort === "answer_by" ? { answerBy: "asc" } : { openedAt: query.sort === "oldest" ? "asc" : "desc" },
    { id: "asc" },
  ];
  const page = byDeadline ? await pageByDeadline(prisma, where, query) : null;
  const [total, found, carriers] = await Promise.all([
    prisma.incident.count({ where }),
    prisma.incident.findMany({
      ...(page
        ? { where: { shop, id: { in: page } } as Prisma.IncidentWhereInput }
        : { where, orderBy, skip: (query.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
      include: {
        timeline: { where: { kind: "opened" }, take: 1 },
        // The latest offer and remedy: one that failed is what the merchant must see first.
        offers: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true } },
        remedies: { orderBy: { decidedAt: "desc" }, take: 1, select: { status: true } },
      },
    }),
    prisma.incident.findMany({
      where: { shop, carrier: { not: null } },
      distinct: ["carrier"],
      select: { carrier: true },
      orderBy: { carrier: "asc" },
    }),
  ]);
  const rows = page ? page.map((id) => found.find((i) => i.id === id)!).filter(Boolean) : found;
  return {
    carriers: carriers.map((c) => c.carrier!),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((i) => {
      const clock = { ...i, open: i.openKey !== null };
      const deadline = nextDeadline(clock);
      const opened = i.timeline[0];
      const summary = opened?.summary ?? "";
      return {
        id: i.id,
        type: i.type,
        status: i.status,
        orderName: i.orderName || i.orderId,
        customerEmail: i.customerEmail,
        carrier: i.carrier,
        openedAt: i.openedAt.toISOString(),
        answerBy: i.answerBy.toISOString(),
        deadline: { kind: deadline.kind, at: deadline.at.toISOString() },
        sla: slaState(clock, now),
        summary,
        summaryDates: summaryDates(summary, opened?.detail ? JSON.parse(opened.detail) : null),
        setback: setbackOf(i.offers[0]?.status, i.remedies[0]?.status),
      };
    }),
  };
}

/** The ids of the page asked for, by next deadline: the deadline is the acknowledgement's or the
 *  answer's depending on whether the customer has heard from the shop, which no single column
 *  holds, so the matching incidents' clocks (five columns each) are read and ordered with
 *  nextDeadline itself, the reading the page shows; incidents closed (no deadline left) come last. */
async function pageByDeadline(
  prisma: PrismaClient,
  where: Prisma.IncidentWhereInput,
  query: IncidentQuery,
): Promise<string[]> {
  const clocks = await prisma.incident.findMany({
    where,
    select: {
      id: true,
      answerBy: true,
      acknowledgeBy: true,
      acknowledgedAt: true,
      status: true,
      openKey: true,
    },
  });
  const direction = query.sort === "deadline_desc" ? -1 : 1;
  const keyed = clocks.map((c) => ({
    id: c.id,
    open: c.openKey !== null,
    at: nextDeadline({ ...c, open: c.openKey !== null }).at.getTime(),
  }));
  keyed.sort((a, b) =>
    a.open === b.open ? direction * (a.at - b.at) || (a.id < b.id ? -1 : 1) : a.open ? -1 : 1,
  );
  return keyed.slice((query.page - 1) * PAGE_SIZE, query.page * PAGE_SIZE).map((k) => k.id);
}

/** What went wrong last on the way to a remedy, if anything did. */
export type Setback = "offer_failed" | "remedy_failed" | "remedy_refused" | null;
const setbackOf = (offer: string | undefined, remedy: string | undefined): Setback =>
  offer === "failed"
    ? "offer_failed"
    : remedy === "failed"
      ? "remedy_failed"
      : remedy === "refused"
        ? "remedy_refused"
        : null;
