// Detection that reads Shopify (stock checks, holds): the due tasks the applied webhooks asked for,
// run by the worker after each batch and by `npm run cli -- incidents detect`.
import type { PrismaClient } from "@prisma/client";
import { detectionKinds } from "../domain/detection/kinds.server";
import { runDetectionTasks } from "../domain/detection/tasks.server";
import type { AdminClient } from "../shopify/client.server";

export function runDueDetection(prisma: PrismaClient, adminFor: (shop: string) => Promise<AdminClient>) {
  return runDetectionTasks(prisma, detectionKinds, adminFor);
}
