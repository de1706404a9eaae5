// How recorded webhooks reach whatever applies them, as configured:
//   WEBHOOK_QUEUE=inbox (default): the inbox table is the queue; the in-process worker is nudged.
//   WEBHOOK_QUEUE=pg-boss: a pg-boss job per event; workers run wherever WEBHOOK_WORKER=inprocess
//   or `npm run cli -- webhooks work` runs.
import type { PrismaClient } from "@prisma/client";
import { databaseTarget } from "../db/target";
import type { Env } from "../env.server";
import { detectionKinds } from "../domain/detection/kinds.server";
import { runDetectionTasks } from "../domain/detection/tasks.server";
import { adminClientForShop } from "../shopify/admin.server";
import type { RecordedEvent } from "./inbox-writer.server";
import { WebhookQueue } from "./queue.server";
import { startWebhookWorker } from "./worker.server";

declare global {
  // One pg-boss connection per process, across `remix dev` rebuilds.
  var makegoodWebhookQueue: Promise<WebhookQueue> | undefined;
}

type QueueEnv = Pick<Env, "WEBHOOK_QUEUE" | "WEBHOOK_WORKER" | "DATABASE_URL">;

export function webhookQueue(databaseUrl: string): Promise<WebhookQueue> {
  globalThis.makegoodWebhookQueue ??= WebhookQueue.connect(databaseUrl);
  return globalThis.makegoodWebhookQueue;
}

/** Detection that reads Shopify runs in the worker's loop, right after the webhooks that ask for it. */
const detect = (prisma: PrismaClient) => () => runDetectionTasks(prisma, detectionKinds, adminClientForShop);

const inProcessWorker = (prisma: PrismaClient, databaseUrl: string) =>
  startWebhookWorker(prisma, { provider: databaseTarget(databaseUrl).provider, afterBatch: detect(prisma) });

/** Starts this process's share of the work, if it has one. */
export async function startWebhookProcessing(prisma: PrismaClient, env: QueueEnv) {
  if (env.WEBHOOK_WORKER !== "inprocess") return;
  if (env.WEBHOOK_QUEUE === "pg-boss") await (await webhookQueue(env.DATABASE_URL)).work(prisma, { afterBatch: detect(prisma) });
  else inProcessWorker(prisma, env.DATABASE_URL);
}

export async function stopWebhookProcessing() {
  await globalThis.makegoodWebhookWorker?.stop();
  const queue = globalThis.makegoodWebhookQueue;
  globalThis.makegoodWebhookQueue = undefined;
  await (await queue)?.stop();
}

/** What the intake calls with each batch of newly recorded events (never awaited by a request). */
export function dispatcherFor(prisma: PrismaClient, env: QueueEnv): (events: RecordedEvent[]) => void {
  if (env.WEBHOOK_QUEUE === "pg-boss") {
    return (events) => {
      // A lost send is not lost work: the sweep finds the event in the inbox (queue.server.ts).
      webhookQueue(env.DATABASE_URL)
        .then((queue) => queue.enqueueRecorded(events))
        .catch((error) => console.error(JSON.stringify({ event: "webhook_enqueue_failed", count: events.length, error: String(error) })));
    };
  }
  if (env.WEBHOOK_WORKER === "inprocess") return () => inProcessWorker(prisma, env.DATABASE_URL).nudge();
  return () => {};
}
