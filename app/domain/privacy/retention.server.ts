// How long personal data stays. An inbox body is needed until its event is applied (and for a
// while after, to replay it); past the operator's retention period (PERSONAL_DATA_RETENTION_DAYS)
// a processed or dead event keeps its facts and loses every personal field. Data exports go once
// delivered or after 30 days (data-export.server.ts). Timelines written before they stopped
// copying messages lose the copies here too.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { expireDataExports } from "./data-export.server";
import { STRIPPED_MARK, stripPersonalJson } from "./personal-data";

const DAY = 86_400_000;

/** PERSONAL_DATA_RETENTION_DAYS, as app/env.server.ts and the CLI read it: 0 strips at the next run. */
export const RetentionDaysSetting = z.coerce
  .number({ message: "must be a number of days" })
  .int("must be whole days")
  .min(0, "must be 0 or more")
  .max(3650, "must be at most 3650 (ten years)")
  .default(30);

export type RetentionOptions = { now: Date; retentionDays: number; batchSize?: number };

/** Processed and dead inbox bodies older than the retention period, stripped of personal fields. */
export async function stripOldInboxBodies(
  prisma: PrismaClient,
  { now, retentionDays, batchSize = 200 }: RetentionOptions,
) {
  const before = new Date(now.getTime() - retentionDays * DAY);
  let stripped = 0;
  let afterId: string | undefined;
  for (;;) {
    const rows = await prisma.webhookEvent.findMany({
      where: {
        status: { in: ["processed", "dead"] },
        OR: [{ processedAt: { lte: before } }, { processedAt: null, receivedAt: { lte: before } }],
        NOT: { payload: { contains: STRIPPED_MARK } },
        ...(afterId ? { id: { gt: afterId } } : {}),
      },
      select: { id: true, payload: true, status: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    for (const row of rows) {
      // Only if it was not put back in line meanwhile (a replay needs its whole body).
      const { count } = await prisma.webhookEvent.updateMany({
        where: { id: row.id, status: row.status },
        data: { payload: stripPersonalJson(row.payload, now) },
      });
      stripped += count;
    }
    if (rows.length < batchSize) return stripped;
    afterId = rows[rows.length - 1].id;
  }
}

const EMAIL = /[^\s"“”<>()]+@[^\s"“”<>()]+\.[^\s"“”<>()]+/g;

/** Timeline entries from before timelines stopped copying personal data: the whole email sent
 *  (`detail.text`) and the address an offer went to. */
export async function cleanLegacyTimelines(prisma: PrismaClient) {
  const rows = await prisma.incidentEvent.findMany({
    where: {
      kind: { in: ["customer_message", "offer_sent"] },
      OR: [{ detail: { contains: '"text":' } }, { summary: { contains: "@" } }],
    },
    select: { id: true, summary: true, detail: true },
  });
  for (const row of rows) {
    let detail = row.detail;
    if (detail) {
      const data = JSON.parse(detail) as Record<string, unknown>;
      delete data.text;
      detail = JSON.stringify(data);
    }
    await prisma.incidentEvent.update({
      where: { id: row.id },
      data: { summary: row.summary.replace(EMAIL, "the customer"), detail },
    });
  }
  return rows.length;
}

/** One run of the retention job. */
export async function applyRetention(prisma: PrismaClient, options: RetentionOptions) {
  return {
    inboxBodiesStripped: await stripOldInboxBodies(prisma, options),
    exportsDeleted: await expireDataExports(prisma, options.now),
    legacyTimelineEntries: await cleanLegacyTimelines(prisma),
  };
}
