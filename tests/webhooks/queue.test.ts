// Scale-out on pg-boss against the real PostgreSQL server: several worker processes, duplicated
// and shuffled deliveries, a worker killed mid-run and jobs that were never sent.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { webhookHandlers } from "../../app/webhooks/handlers";
import { processInbox } from "../../app/webhooks/processor.server";
import { WebhookQueue } from "../../app/webhooks/queue.server";
import { stopProcess } from "../helpers/app-server";
import { createTestDatabase, projectRoot, type TestDatabase } from "../helpers/database";
import { orderLifecycle, recordDelivery, shuffled } from "../helpers/lifecycle";

const cli = [process.execPath, "--import", "tsx", path.join(projectRoot, "scripts/cli.ts")] as const;

/** What a shop's lifecycle left, without times (each generated lifecycle has its own clock). */
async function outcomeOf(prisma: PrismaClient, shop: string) {
  const orders = await prisma.orderSnapshot.findMany({ where: { shop } });
  const parcels = await prisma.fulfillmentSnapshot.findMany({ where: { shop } });
  const events = await prisma.fulfillmentEventRecord.findMany({ where: { shop } });
  return {
    orders: orders.map((o) => ({ name: o.name, tags: JSON.parse(o.data).tags, status: JSON.parse(o.data).fulfillment_status })),
    parcels: parcels.map((p) => [p.status, p.shipmentStatus]),
    events: events.map((e) => e.status).sort(),
  };
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000, explain: () => Promise<unknown> = async () => "") {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} ${JSON.stringify(await explain())}`);
}

function startWorker(db: TestDatabase): ChildProcess {
  const child = spawn(cli[0], [...cli.slice(1), "webhooks", "work", "--workers", "4"], {
    cwd: projectRoot, env: { ...process.env, DATABASE_URL: db.url, WEBHOOK_QUEUE: "pg-boss" },
  });
  child.stderr?.on("data", (d) => process.stderr.write(d));
  return child;
}

describe("the pg-boss queue on PostgreSQL", () => {
  let db: TestDatabase;
  let queue: WebhookQueue;
  beforeAll(async () => {
    db = await createTestDatabase("postgresql");
    queue = await WebhookQueue.connect(db.url);
  });
  afterAll(async () => {
    await queue?.stop();
    await db?.drop();
  });

  it("reaches the in-order state with two worker processes, 10× duplicated shuffled deliveries, a kill and unsent jobs", async () => {
    const lifecycle = orderLifecycle();
    for (const d of lifecycle) await recordDelivery(db.prisma, "in-order.myshopify.com", d, d.eventId);
    await processInbox(db.prisma, webhookHandlers);
    const expected = await outcomeOf(db.prisma, "in-order.myshopify.com");

    // 40 shops, each with an order's lifecycle delivered 10 times in a shuffled order: 4,000 deliveries.
    const shops = Array.from({ length: 40 }, (_, n) => `queued-${n}.myshopify.com`);
    const deliveries = shops.flatMap((shop) => orderLifecycle().map((d) => ({ d, shop })));
    const noisy = shuffled(deliveries.flatMap((x) => Array.from({ length: 10 }, (_, i) => ({ ...x, i }))), 11);
    for (const { d, shop, i } of noisy) await recordDelivery(db.prisma, shop, d, `${d.eventId}-${i}`);
    const inScope = { shop: { in: shops } };
    const recorded = await db.prisma.webhookEvent.findMany({ where: inScope, select: { id: true, shop: true, resourceId: true } });
    expect(recorded).toHaveLength(deliveries.length);
    // Jobs for all but 50 events, as if the intake crashed before sending those: the sweep must find them.
    await queue.enqueue(recorded.slice(50).map((e) => ({ shop: e.shop, resourceId: e.resourceId, eventId: e.id })));

    const first = startWorker(db);
    const second = startWorker(db);
    await until(async () => (await db.prisma.webhookEvent.count({ where: { ...inScope, status: "processed" } })) >= 100, "the first 100 events");
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    // The kill landed part-way, or this proves nothing about it.
    expect(await db.prisma.webhookEvent.count({ where: { ...inScope, status: { not: "processed" } } })).toBeGreaterThan(0);
    const third = startWorker(db);
    try {
      await until(async () => (await db.prisma.webhookEvent.count({ where: { ...inScope, status: { not: "processed" } } })) === 0, "every event applied", 60_000, async () => ({
        inbox: await db.prisma.webhookEvent.groupBy({ by: ["status"], where: inScope, _count: true }),
        jobs: await db.prisma.$queryRawUnsafe("SELECT name, state, count(*)::int AS n FROM pgboss.job GROUP BY 1, 2"),
      }));
    } finally {
      await Promise.all([stopProcess(second), stopProcess(third)]);
    }
    const rows = await db.prisma.webhookEvent.findMany({ where: inScope, select: { attempts: true } });
    expect(rows.filter((r) => r.attempts !== 1)).toEqual([]);
    expect(expected.orders[0]).toMatchObject({ tags: "gift-wrap, delivered-ok", status: "fulfilled" });
    for (const shop of shops) expect({ shop, ...(await outcomeOf(db.prisma, shop)) }).toEqual({ shop, ...expected });
  }, 180_000);
});
