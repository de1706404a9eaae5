// Scale-out on pg-boss against the real PostgreSQL server: several worker processes, duplicated
// and shuffled deliveries, a worker killed in the middle of an event and jobs that were never sent.
// A few shops prove the property; the volume (and how fast it drains) is `npm run bench:queue`.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { postgresConnectionFields } from "../../app/db/target";
import { WebhookQueue } from "../../app/webhooks/queue.server";
import { stopProcess } from "../helpers/app-server";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import {
  inOrderOutcome,
  outcomeOf,
  recordNoisyLifecycles,
  startQueueWorker,
  unapplied,
  type QueueWorker,
} from "../helpers/queue-workers";
import { until } from "../helpers/wait";

describe("the pg-boss queue on PostgreSQL", () => {
  let db: TestDatabase;
  let queue: WebhookQueue;
  let locks: pg.Client;
  const workers: QueueWorker[] = [];
  beforeAll(async () => {
    db = await createTestDatabase("postgresql");
    queue = await WebhookQueue.connect(db.url);
    locks = new pg.Client(postgresConnectionFields(db.url));
    await locks.connect();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => stopProcess(w.child)));
    await locks?.end();
    await queue?.stop();
    await db?.drop();
  });

  it("applies every event exactly once across worker processes, with 3× duplicated shuffled deliveries, a kill mid-event and unsent jobs", async () => {
    onTestFailed(() => console.error(workers.map((w) => w.output()).join("\n")));
    const expected = await inOrderOutcome(db.prisma, "in-order.myshopify.com");
    expect(expected.orders[0]).toMatchObject({ tags: "gift-wrap, delivered-ok", status: "fulfilled" });

    const shops = Array.from({ length: 4 }, (_, n) => `queued-${n}.myshopify.com`);
    const { rows, events } = await recordNoisyLifecycles(db.prisma, shops, 3, 11);
    expect(rows).toHaveLength(events); // each redelivery recorded once
    // Two shops are held: the test holds the advisory lock the processor takes per resource, so a
    // worker that reaches one of their events waits inside its transaction — where it is killed.
    // Their jobs were never sent (as if the intake crashed before sending): the sweep must find them.
    const [held, free] = [shops.slice(0, 2), shops.slice(2)];
    const heldKeys = [
      ...new Set(rows.filter((e) => held.includes(e.shop)).map((e) => `${e.shop}|${e.resourceId}`)),
    ];
    for (const key of heldKeys) await locks.query("SELECT pg_advisory_lock(hashtext($1))", [key]);
    await queue.enqueue(
      rows
        .filter((e) => free.includes(e.shop))
        .map((e) => ({ shop: e.shop, resourceId: e.resourceId, eventId: e.id })),
    );

    const first = startQueueWorker(db);
    workers.push(first);
    const waitingOnLock = () => db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_locks
      WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
    await until(
      "the first worker to apply the free shops and wait on a held one",
      async () => ({
        free: await unapplied(db.prisma, free),
        waiting: (await waitingOnLock())[0].n,
      }),
      (s) => s.free === 0 && s.waiting > 0,
    );
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));
    expect(await unapplied(db.prisma, held)).toBe(rows.filter((e) => held.includes(e.shop)).length);

    // Two more workers, both started (each has swept jobs for the held events) before the locks go.
    const second = startQueueWorker(db);
    const third = startQueueWorker(db);
    workers.push(second, third);
    await Promise.all([second.working, third.working]);
    await locks.query("SELECT pg_advisory_unlock_all()");
    await until(
      "every held event applied",
      () => unapplied(db.prisma, shops),
      (n) => n === 0,
    );

    const inbox = await db.prisma.webhookEvent.findMany({
      where: { shop: { in: shops } },
      select: { attempts: true, status: true },
    });
    expect(inbox.filter((e) => e.status !== "processed" || e.attempts !== 1)).toEqual([]);
    for (const shop of shops)
      expect({ shop, ...(await outcomeOf(db.prisma, shop)) }).toEqual({ shop, ...expected });
  });
});
