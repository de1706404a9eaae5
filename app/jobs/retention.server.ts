// The personal-data retention job (app/domain/privacy/retention.server.ts), run by the worker's
// process every hour and by `npm run cli -- privacy retention` where the operator schedules it.
import type { PrismaClient } from "@prisma/client";
import { applyRetention } from "../domain/privacy/retention.server";

export const RETENTION_EVERY_MINUTES = 60;

export async function runRetention(prisma: PrismaClient, retentionDays: number, now = new Date()) {
  const result = await applyRetention(prisma, { now, retentionDays });
  console.info(JSON.stringify({ event: "personal_data_retention", retentionDays, ...result }));
  return result;
}
