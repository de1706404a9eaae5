// The in-process worker: applies the inbox in the app's own process, every `intervalMs` and as
// soon as a webhook is recorded. One per process; WEBHOOK_WORKER=off leaves it to another
// process (`npm run cli -- webhooks process`).
import type { PrismaClient } from "@prisma/client";
import { webhookHandlers } from "./handlers";
import { processInbox, type BatchOutcome, type ProcessorOptions } from "./processor.server";

type Worker = { nudge(): void; stop(): Promise<void> };

declare global {
  // Survives `remix dev` rebuilds, so reloading never starts a second worker.
  var makegoodWebhookWorker: Worker | undefined;
}

export type WorkerOptions = ProcessorOptions & {
  intervalMs?: number;
  /** Work that follows applied webhooks in the same loop (detection needing the Admin API). */
  afterBatch?: () => Promise<unknown>;
  /** Told each batch's outcome (the CLI prints it). */
  onBatch?: (outcome: BatchOutcome) => void;
};

export function startWebhookWorker(prisma: PrismaClient, options: WorkerOptions = {}): Worker {
  if (globalThis.makegoodWebhookWorker) return globalThis.makegoodWebhookWorker;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true; // a nudge during a batch gets one more batch after it
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const outcome = await processInbox(prisma, webhookHandlers, options);
          options.onBatch?.(outcome);
          if (outcome.processed + outcome.failed + outcome.dead + outcome.refused === 100) again = true; // a full batch: more may wait
          await options.afterBatch?.();
        } catch (error) {
          console.error(JSON.stringify({ event: "webhook_worker_error", error: String(error) }));
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(run, options.intervalMs ?? 1000);
  timer.unref();
  const worker: Worker = {
    nudge: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      globalThis.makegoodWebhookWorker = undefined;
    },
  };
  globalThis.makegoodWebhookWorker = worker;
  run();
  return worker;
}

/** Tells this process's worker, if it runs one, that webhooks were just recorded. */
export function nudgeWebhookWorker() {
  globalThis.makegoodWebhookWorker?.nudge();
}
