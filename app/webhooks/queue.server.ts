// Scale-out: the inbox applied by any number of worker processes through pg-boss on the
// production PostgreSQL database (WEBHOOK_QUEUE=pg-boss). Why pg-boss and not BullMQ: see
// ARCHITECTURE.md, "Scale-out queue".
//
// The inbox row stays the record and the exactly-once guard (the processor's claim); a job only
// says "this resource has something to apply". A job is sent per recorded event; its worker
// applies every due event of that resource in trigger order, so the jobs that follow for the
// same resource usually find nothing left. A send lost to a crash between the inbox commit and
// the send is made good by the sweep, which re-sends jobs for anything due and left waiting.
import PgBoss from "pg-boss";
import type { PrismaClient } from "@prisma/client";
import { webhookHandlers } from "./handlers";
import type { RecordedEvent } from "./inbox-writer.server";
import {
  processInbox,
  scopeFilter,
  scopeKey,
  type EventScope,
  type ProcessorOptions,
} from "./processor.server";

export const APPLY_QUEUE = "webhook-apply";
export const SWEEP_QUEUE = "webhook-sweep";
/** An event due this long without being applied is taken to have lost its job. */
const SWEEP_AFTER_MS = 30_000;
const JOB_BATCH = 50;

export type QueueWorkerOptions = {
  workers?: number;
  processor?: ProcessorOptions;
  afterBatch?: () => Promise<unknown>;
};

export class WebhookQueue {
  private constructor(private boss: PgBoss) {}

  static async connect(databaseUrl: string): Promise<WebhookQueue> {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      schema: "pgboss",
      max: 4,
      application_name: "makegood-webhooks",
    });
    boss.on("error", (error) =>
      console.error(JSON.stringify({ event: "webhook_queue_error", error: String(error) })),
    );
    await boss.start();
    // Both idempotent: every process that starts may create them.
    await boss.createQueue(APPLY_QUEUE, {
      name: APPLY_QUEUE,
      retryLimit: 3,
      retryDelay: 1,
      retryBackoff: true,
    });
    await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: "singleton", retryLimit: 0 });
    return new WebhookQueue(boss);
  }

  /** One job per recorded event; `startAfter` for an event that waits for its retry. */
  async enqueue(events: (EventScope & { startAfter?: Date })[]) {
    if (events.length === 0) return;
    await this.boss.insert(
      events.map(({ startAfter, ...scope }) => ({
        name: APPLY_QUEUE,
        data: scope,
        ...(startAfter ? { startAfter } : {}),
      })),
    );
  }

  /** Jobs for what the inbox writer just recorded. */
  enqueueRecorded(events: RecordedEvent[]) {
    return this.enqueue(events.map((e) => ({ shop: e.shop, resourceId: e.resourceId, eventId: e.id })));
  }

  /** Applies jobs in this process until `stop`; also sweeps every minute (and once now). */
  async work(prisma: PrismaClient, { workers = 4, processor = {}, afterBatch }: QueueWorkerOptions = {}) {
    const options: ProcessorOptions = { ...processor, provider: "postgresql" };
    // pg-boss pauses a polling interval after every fetch, so each loop takes jobs in batches;
    // a batch's jobs for one resource are one piece of work.
    for (let i = 0; i < workers; i++) {
      await this.boss.work<EventScope>(
        APPLY_QUEUE,
        { batchSize: JOB_BATCH, pollingIntervalSeconds: 0.5 },
        async (jobs) => {
          const scopes = new Map(jobs.map((job) => [scopeKey(job.data), job.data]));
          for (const scope of scopes.values()) {
            await processInbox(prisma, webhookHandlers, { ...options, scope });
            await this.enqueue(await retriesOf(prisma, scope));
          }
          await afterBatch?.();
        },
      );
    }
    await this.boss.work(SWEEP_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      await this.enqueue(await strandedEvents(prisma, new Date(Date.now() - SWEEP_AFTER_MS)));
      await afterBatch?.(); // detection retries come due without new webhooks
    });
    await this.boss.schedule(SWEEP_QUEUE, "* * * * *");
    await this.enqueue(await strandedEvents(prisma, new Date()));
  }

  async stop() {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}

/** Events of the scope that failed and wait for their retry: each gets a job for that moment. */
async function retriesOf(prisma: PrismaClient, scope: EventScope) {
  const failed = await prisma.webhookEvent.findMany({
    where: { ...scopeFilter(scope), status: "failed" },
    select: { id: true, shop: true, resourceId: true, nextAttemptAt: true },
    orderBy: { nextAttemptAt: "asc" },
    take: 1,
  });
  return failed.map((e) => ({
    shop: e.shop,
    resourceId: e.resourceId,
    eventId: e.id,
    startAfter: e.nextAttemptAt,
  }));
}

/** Due events recorded (or due again) before `dueBefore`: one job per resource brings them all. */
async function strandedEvents(prisma: PrismaClient, dueBefore: Date) {
  const due = await prisma.webhookEvent.findMany({
    where: { status: { in: ["pending", "failed"] }, nextAttemptAt: { lte: dueBefore } },
    select: { id: true, shop: true, resourceId: true },
    orderBy: { nextAttemptAt: "asc" },
    take: 1000,
  });
  const scopes = due.map((e) => ({ shop: e.shop, resourceId: e.resourceId, eventId: e.id }));
  return [...new Map(scopes.map((s) => [scopeKey(s), s])).values()];
}
