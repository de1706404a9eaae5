// `npm run bench:queue`: the pg-boss queue at volume on the local PostgreSQL (TEST_POSTGRES_URL or
// 127.0.0.1:5432/test). 40 shops, each order's lifecycle delivered 10 times and shuffled (4,000
// deliveries, 400 events); jobs for all but 50 events (the sweep must find those); two worker
// processes of four loops, one killed once 100 events are applied and a third started in its
// place. Prints how long the inbox took to drain, and whether every event was applied exactly
// once, against the targets. `npm test` proves the same property on four shops (queue.test.ts).
import { stopProcess } from "../helpers/app-server";
import { createTestDatabase } from "../helpers/database";
import {
  inOrderOutcome,
  outcomeOf,
  recordNoisyLifecycles,
  startQueueWorker,
  unapplied,
  type QueueWorker,
} from "../helpers/queue-workers";
import { WebhookQueue } from "../../app/webhooks/queue.server";

const SHOPS = 40;
const COPIES = 10;
const UNSENT = 50;
const KILL_AFTER = 100;
/**
 * Target: the 400 events applied within this long of the first worker starting, kill included:
 * the sweep takes an event due this long without being applied for one whose job was lost
 * (queue.server.ts), so a backlog that drains faster never looks lost.
 */
const DRAIN_TARGET_S = 30;

const seconds = (from: number) => (performance.now() - from) / 1000;

async function poll(done: () => Promise<boolean>) {
  while (!(await done())) await new Promise((r) => setTimeout(r, 50));
}

const db = await createTestDatabase("postgresql");
const queue = await WebhookQueue.connect(db.url);
const workers: QueueWorker[] = [];
try {
  const expected = await inOrderOutcome(db.prisma, "in-order.myshopify.com");
  const shops = Array.from({ length: SHOPS }, (_, n) => `queued-${n}.myshopify.com`);
  const { deliveries, events, rows } = await recordNoisyLifecycles(db.prisma, shops, COPIES, 11);
  await queue.enqueue(
    rows.slice(UNSENT).map((e) => ({ shop: e.shop, resourceId: e.resourceId, eventId: e.id })),
  );

  const start = performance.now();
  workers.push(startQueueWorker(db), startQueueWorker(db));
  await poll(async () => events - (await unapplied(db.prisma, shops)) >= KILL_AFTER);
  workers[0].child.kill("SIGKILL");
  const killedAt = seconds(start);
  const leftAtKill = await unapplied(db.prisma, shops);
  const restart = performance.now();
  workers.push(startQueueWorker(db));
  await poll(async () => (await unapplied(db.prisma, shops)) === 0);
  const drained = seconds(start);
  const recovery = seconds(restart);

  const inbox = await db.prisma.webhookEvent.findMany({
    where: { shop: { in: shops } },
    select: { attempts: true, status: true },
  });
  const twice = inbox.filter((e) => e.status !== "processed" || e.attempts !== 1).length;
  let differing = 0;
  for (const shop of shops)
    if (JSON.stringify(await outcomeOf(db.prisma, shop)) !== JSON.stringify(expected)) differing++;

  const mark = (met: boolean) => (met ? "met   " : "MISSED");
  console.log(
    `pg-boss queue: ${deliveries} deliveries of ${events} events (${SHOPS} shops × ${COPIES} copies), ${UNSENT} events without a job`,
  );
  console.log(
    `  killed worker 1 at ${killedAt.toFixed(1)} s with ${leftAtKill} events left; worker 3 drained them in ${recovery.toFixed(1)} s`,
  );
  console.log(`  drained in ${drained.toFixed(1)} s, ${(events / drained).toFixed(1)} events/s`);
  console.log(`${mark(drained <= DRAIN_TARGET_S)} drain ≤ ${DRAIN_TARGET_S} s (${drained.toFixed(1)} s)`);
  console.log(`${mark(twice === 0)} every event applied exactly once (${twice} not)`);
  console.log(`${mark(differing === 0)} every shop in the in-order state (${differing} not)`);
  if (twice || differing) process.exitCode = 1; // correctness, unlike speed, is not a matter of the machine
} finally {
  await Promise.all(workers.map((w) => stopProcess(w.child)));
  await queue.stop();
  await db.drop();
}
