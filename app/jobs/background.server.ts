// Everything a process does off the requests, started in one place: the webhook worker (on the
// inbox, or on pg-boss jobs) with the detection that follows each of its batches, and the timers
// (reconciliation, the deadline scan with offer expiry, personal-data retention). The server starts
// its share when its build is loaded (server.ts); the CLI's workers (`webhooks process --loop`,
// `webhooks work`) start theirs.
import type { PrismaClient } from "@prisma/client";
import { databaseTarget } from "../db/target";
import type { AdminClient } from "../shopify/client.server";
import { closeWebhookQueue, webhookQueue } from "../webhooks/dispatch.server";
import type { InboxWriter } from "../webhooks/inbox-writer.server";
import { startWebhookWorker, type WorkerOptions } from "../webhooks/worker.server";
import { runDueDetection } from "./detection.server";
import { startPeriodic, stopPeriodic } from "./periodic.server";
import { RETENTION_EVERY_MINUTES, runRetention } from "./retention.server";

export type BackgroundWork = {
  prisma: PrismaClient;
  databaseUrl: string;
  /**
   * Reads a shop's Shopify with its offline token. Without it (the CLI with no app configuration)
   * the detection tasks wait for a process that has it, and reconciliation and the scan do not run.
   */
  adminFor?: (shop: string) => Promise<AdminClient>;
  /** Recorded webhooks applied in this process (WEBHOOK_WORKER=inprocess); absent: elsewhere. */
  webhooks?: {
    queue: "inbox" | "pg-boss";
    /** pg-boss: the loops taking jobs in this process. */
    workers?: number;
    /** The inbox worker tells each batch's outcome (the CLI prints it). */
    onBatch?: WorkerOptions["onBatch"];
  };
  /** Run every so many minutes in this process (0: never); absent: none. */
  timers?: {
    inbox: InboxWriter;
    reconcileEveryMinutes: number;
    scanEveryMinutes: number;
    retentionDays: number;
  };
};

export type BackgroundHandle = {
  /** Resolves once everything is running (a pg-boss worker has registered and swept). */
  started: Promise<void>;
  /** Resolves once SIGTERM or SIGINT has stopped it all: the caller may close its database pool. */
  stopped: Promise<void>;
};

declare global {
  // One per process, across `remix dev` rebuilds (each loads the server build again).
  var makegoodBackgroundWork: BackgroundHandle | undefined;
}

/**
 * Starts this process's background work, once: a second call gets the first's handle. SIGTERM and
 * SIGINT stop it — the timers stop, the worker finishes the event in hand, the pg-boss connection
 * closes — so the process can exit.
 */
export function startBackgroundWork(work: BackgroundWork): BackgroundHandle {
  if (globalThis.makegoodBackgroundWork) return globalThis.makegoodBackgroundWork;
  const started = start(work);
  // A signal during the start stops what the start started, once it has.
  const stopped = new Promise<void>((resolve) => {
    const stop = () =>
      void started
        .catch(() => undefined)
        .then(stopBackgroundWork)
        .then(resolve);
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, stop);
  });
  globalThis.makegoodBackgroundWork = { started, stopped };
  return globalThis.makegoodBackgroundWork;
}

async function start({ prisma, databaseUrl, adminFor, webhooks, timers }: BackgroundWork) {
  if (timers) {
    if (adminFor) {
      // Loaded only where Shopify is read: the scan's offer expiry emails customers, and the mailer
      // needs the app's configuration, which a CLI worker may run without.
      const { reconcileActiveShops } = await import("./reconcile.server");
      const { scanActiveShops } = await import("./scan.server");
      // Missed webhooks are made up for by reading back what changed; deadlines that pass with
      // no webhook at all are caught by the scan.
      startPeriodic("reconcile", timers.reconcileEveryMinutes, () =>
        reconcileActiveShops({ prisma, inbox: timers.inbox, adminFor }),
      );
      startPeriodic("scan", timers.scanEveryMinutes, () => scanActiveShops(prisma, adminFor));
    }
    // Old inbox bodies lose their personal fields, old data exports go (SECURITY.md, personal data).
    startPeriodic("retention", RETENTION_EVERY_MINUTES, () => runRetention(prisma, timers.retentionDays));
  }
  if (!webhooks) return;
  // Detection that reads Shopify runs in the worker's loop, right after the webhooks that ask for it.
  const afterBatch = adminFor ? () => runDueDetection(prisma, adminFor) : undefined;
  if (webhooks.queue === "pg-boss") {
    await (await webhookQueue(databaseUrl)).work(prisma, { workers: webhooks.workers, afterBatch });
  } else {
    // Webhooks recorded while no worker ran are applied as soon as this one starts.
    startWebhookWorker(prisma, {
      provider: databaseTarget(databaseUrl).provider,
      afterBatch,
      onBatch: webhooks.onBatch,
    });
  }
}

/** Stops whatever background work runs in this process; the worker finishes the event in hand. */
async function stopBackgroundWork() {
  stopPeriodic();
  await globalThis.makegoodWebhookWorker?.stop();
  await closeWebhookQueue();
}
