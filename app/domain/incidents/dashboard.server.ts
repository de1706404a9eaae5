// The home page's figures: the incidents not closed yet by status and against their next deadline
// (acknowledging the customer, then answering them), what came in
// today, what remedies cost this month, how many compensation codes came back, and how fast the
// shop answers (median time to first contact and to resolution).
import type { PrismaClient } from "@prisma/client";
import { TZDate } from "@date-fns/tz";
import { startOfDay, startOfMonth } from "date-fns";
import { slaState } from "./sla";
import { OPEN_STATUSES } from "./types";
import { fromCents, toCents } from "../money";
import { median } from "../stats";

export async function dashboardFigures(
  prisma: PrismaClient,
  shop: string,
  timezone: string,
  now = new Date(),
) {
  const local = new TZDate(now.getTime(), timezone);
  const today = new Date(startOfDay(local).getTime());
  const month = new Date(startOfMonth(local).getTime());
  const [open, newToday, thisMonth, codes, contacted, resolved] = await Promise.all([
    prisma.incident.findMany({
      where: { shop, openKey: { not: null } },
      select: { answerBy: true, acknowledgeBy: true, acknowledgedAt: true, status: true, type: true },
    }),
    prisma.incident.count({ where: { shop, openedAt: { gte: today } } }),
    prisma.incident.findMany({
      where: { shop, openedAt: { gte: month }, remedyCost: { not: null } },
      select: { remedyCost: true },
    }),
    prisma.remedy.findMany({
      where: { shop, kind: "compensation_code", status: "done" },
      select: { redeemedAt: true },
    }),
    prisma.incident.findMany({
      where: { shop, acknowledgedAt: { not: null } },
      select: { openedAt: true, acknowledgedAt: true },
    }),
    prisma.incident.findMany({
      where: { shop, status: "closed", closedAt: { not: null } },
      select: { openedAt: true, closedAt: true },
    }),
  ]);
  const sla = { overdue: 0, due_soon: 0, on_time: 0 };
  const byType: Record<string, number> = {};
  // Every status an incident not yet closed can be in, counted even when none is.
  const byStatus = Object.fromEntries(OPEN_STATUSES.map((s) => [s, 0])) as Record<
    (typeof OPEN_STATUSES)[number],
    number
  >;
  for (const i of open) {
    const state = slaState({ ...i, open: true }, now);
    if (state !== "done") sla[state]++;
    byType[i.type] = (byType[i.type] ?? 0) + 1;
    if (i.status in byStatus) byStatus[i.status as keyof typeof byStatus]++;
  }
  const cents = thisMonth.reduce((sum, i) => sum + toCents(i.remedyCost!), 0);
  const minutes = (ms: number) => Math.round(ms / 60_000);
  return {
    open: open.length,
    sla,
    byType,
    byStatus,
    newToday,
    spentThisMonth: fromCents(cents),
    codes: { created: codes.length, redeemed: codes.filter((c) => c.redeemedAt).length },
    medianMinutesToContact: median(
      contacted.map((i) => minutes(i.acknowledgedAt!.getTime() - i.openedAt.getTime())),
    ),
    medianMinutesToResolve: median(
      resolved.map((i) => minutes(i.closedAt!.getTime() - i.openedAt.getTime())),
    ),
  };
}
