// pg-boss worker processes (`npm run cli -- webhooks work`) over shops whose order lifecycles
// arrive duplicated and shuffled: shared by the queue test (a few shops) and `npm run bench:queue`
// (the volume). No vitest here: the benchmark runs outside it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { PrismaClient } from "@prisma/client";
import { projectRoot, type TestDatabase } from "./database";
import { orderLifecycle, recordDelivery, shuffled } from "./lifecycle";
import { processInbox } from "../../app/webhooks/processor.server";
import { webhookHandlers } from "../../app/webhooks/handlers";

// One process, not tsx's wrapper and its child: SIGKILL must hit the worker itself.
const cli = [process.execPath, "--import", "tsx", path.join(projectRoot, "scripts/cli.ts")] as const;

export type QueueWorker = { child: ChildProcess; output: () => string; working: Promise<void> };

/**
 * A worker process with four loops. `working` resolves once its loops are registered and its
 * start-up sweep has sent jobs for every due event. Detection is left out (no Shopify keys): no
 * shop here has a session, so it could only fail and log.
 */
export function startQueueWorker(db: TestDatabase): QueueWorker {
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    WEBHOOK_QUEUE: "pg-boss",
    SHOPIFY_API_KEY: "",
    SHOPIFY_API_SECRET: "",
  };
  const child = spawn(cli[0], [...cli.slice(1), "webhooks", "work", "--workers", "4"], {
    cwd: projectRoot,
    env,
  });
  let output = "";
  child.stderr!.on("data", (d) => (output += d));
  const working = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      output += d;
      if (output.includes('"webhook_queue_working"')) resolve();
    });
    child.once("exit", (code, signal) =>
      reject(new Error(`worker exited (${code ?? signal}) before working:\n${output}`)),
    );
  });
  working.catch(() => undefined); // a worker killed later on purpose must not leave an unhandled rejection
  return { child, output: () => output, working };
}

/** What a shop's lifecycle left, without times (each generated lifecycle has its own clock). */
export async function outcomeOf(prisma: PrismaClient, shop: string) {
  const orders = await prisma.orderSnapshot.findMany({ where: { shop } });
  const parcels = await prisma.fulfillmentSnapshot.findMany({ where: { shop } });
  const events = await prisma.fulfillmentEventRecord.findMany({ where: { shop } });
  return {
    orders: orders.map((o) => ({
      name: o.name,
      tags: JSON.parse(o.data).tags,
      status: JSON.parse(o.data).fulfillment_status,
    })),
    parcels: parcels.map((p) => [p.status, p.shipmentStatus]),
    events: events.map((e) => e.status).sort(),
  };
}

/** pg-boss runs on PostgreSQL only: the inbox of these shops is there. */
const pgBossInbox = (prisma: PrismaClient) => ({ prisma, provider: "postgresql" as const });

/** The state one lifecycle reaches when its webhooks are applied in order, by one processor. */
export async function inOrderOutcome(prisma: PrismaClient, shop: string) {
  for (const d of orderLifecycle()) await recordDelivery(pgBossInbox(prisma), shop, d, d.eventId);
  await processInbox(prisma, webhookHandlers);
  return outcomeOf(prisma, shop);
}

/**
 * Records each shop's order lifecycle, every delivery `copies` times (Shopify redelivers with a
 * new webhook id), all shuffled together; returns the inbox rows (one per event).
 */
export async function recordNoisyLifecycles(
  prisma: PrismaClient,
  shops: string[],
  copies: number,
  seed: number,
) {
  const deliveries = shops.flatMap((shop) => orderLifecycle().map((d) => ({ d, shop })));
  const noisy = shuffled(
    deliveries.flatMap((x) => Array.from({ length: copies }, (_, i) => ({ ...x, i }))),
    seed,
  );
  for (const { d, shop, i } of noisy) await recordDelivery(pgBossInbox(prisma), shop, d, `${d.eventId}-${i}`);
  const rows = await prisma.webhookEvent.findMany({
    where: { shop: { in: shops } },
    select: { id: true, shop: true, resourceId: true },
  });
  return { deliveries: noisy.length, events: deliveries.length, rows };
}

/** How many of these shops' events are not applied yet. */
export const unapplied = (prisma: PrismaClient, shops: string[]) =>
  prisma.webhookEvent.count({ where: { shop: { in: shops }, status: { not: "processed" } } });
