// How recorded webhooks reach whatever applies them, as configured:
//   WEBHOOK_QUEUE=inbox (default): the inbox table is the queue; this process's worker is nudged.
//   WEBHOOK_QUEUE=pg-boss: a pg-boss job per event; workers run wherever WEBHOOK_WORKER=inprocess
//   or `npm run cli -- webhooks work` runs.
// The workers themselves are started with the rest of the background work (app/jobs/background.server.ts).
import type { Env } from "../env.server";
import type { RecordedEvent } from "./inbox-writer.server";
import { WebhookQueue } from "./queue.server";
import { nudgeWebhookWorker } from "./worker.server";

declare global {
  // One pg-boss connection per process, across `remix dev` rebuilds.
  var makegoodWebhookQueue: Promise<WebhookQueue> | undefined;
}

type QueueEnv = Pick<Env, "WEBHOOK_QUEUE" | "DATABASE_URL">;

/** This process's pg-boss connection: the intake sends jobs through it, a worker takes them. */
export function webhookQueue(databaseUrl: string): Promise<WebhookQueue> {
  globalThis.makegoodWebhookQueue ??= WebhookQueue.connect(databaseUrl);
  return globalThis.makegoodWebhookQueue;
}

/** Closes this process's pg-boss connection, if it opened one (its workers finish their jobs first). */
export async function closeWebhookQueue() {
  const queue = globalThis.makegoodWebhookQueue;
  globalThis.makegoodWebhookQueue = undefined;
  await (await queue)?.stop();
}

/** What the intake calls with each batch of newly recorded events (never awaited by a request). */
export function dispatcherFor(env: QueueEnv): (events: RecordedEvent[]) => void {
  if (env.WEBHOOK_QUEUE === "pg-boss") {
    return (events) => {
      // A lost send is not lost work: the sweep finds the event in the inbox (queue.server.ts).
      webhookQueue(env.DATABASE_URL)
        .then((queue) => queue.enqueueRecorded(events))
        .catch((error) =>
          console.error(
            JSON.stringify({ event: "webhook_enqueue_failed", count: events.length, error: String(error) }),
          ),
        );
    };
  }
  // WEBHOOK_WORKER=off: no worker here to nudge; the one in its own process polls the inbox.
  return () => nudgeWebhookWorker();
}
