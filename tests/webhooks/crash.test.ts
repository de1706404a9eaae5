// A worker killed in the middle of a batch loses nothing and applies nothing twice.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InboxWriter } from "../../app/webhooks/inbox-writer.server";
import { resourceOf } from "../../app/webhooks/resource";
import { stopProcess } from "../helpers/app-server";
import { createTestDatabase, projectRoot, providers, type TestDatabase } from "../helpers/database";
import { orderLifecycle } from "../helpers/lifecycle";
import { until } from "../helpers/wait";

// Enough that the worker is still busy when the kill lands: the kill follows the tenth within a poll
// (5 ms) and a count, while the 90 left take a worker ~1.4 s on a busy 2-core machine (each is a
// transaction of several queries) — a machine ten times faster still leaves it ~140 ms. Few enough
// that the test takes seconds (it had 400); recovery from a kill at volume is `npm run bench:queue`'s.
const EVENTS = 100;
// One process, not tsx's wrapper and its child: SIGKILL must hit the worker itself.
const cli = [process.execPath, "--import", "tsx", path.join(projectRoot, "scripts/cli.ts")] as const;

describe.each(providers)("a worker killed mid-batch on %s", (provider) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
    const create = orderLifecycle().find((d) => d.topic === "orders/create")!;
    const body = JSON.parse(create.body);
    const inbox = new InboxWriter(db.prisma, provider);
    for (let i = 0; i < EVENTS; i++) {
      const order = {
        ...body,
        id: 500_000 + i,
        admin_graphql_api_id: `gid://shopify/Order/${500_000 + i}`,
        name: `#${5000 + i}`,
      };
      await inbox.record({
        shop: "crash.myshopify.com",
        topic: "orders/create",
        webhookId: `w-${i}`,
        eventId: `e-${i}`,
        apiVersion: "2026-07",
        triggeredAt: create.triggeredAt,
        resourceId: resourceOf("orders/create", order),
        rawBody: JSON.stringify(order),
      });
    }
  });
  afterAll(async () => {
    await db?.drop();
  });
  /**
   * The server sessions of this database other than this test's: a commit the killed worker sent
   * just before dying still lands after its exit, until its session has ended.
   */
  const serverSessionsOfOthers = async () => {
    const [{ n }] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle'`;
    return n;
  };

  // Without Shopify keys the loop runs no detection: no shop here has a session, so it could only
  // fail, log and retry, costing the machine's time. Its outcome lines are not read (an unread pipe
  // would fill and stop the worker); its errors show with the test's.
  const startWorker = () =>
    spawn(cli[0], [...cli.slice(1), "webhooks", "process", "--loop"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: db.url, SHOPIFY_API_KEY: "", SHOPIFY_API_SECRET: "" },
      stdio: ["ignore", "ignore", "inherit"],
    });

  it("leaves no event half-applied, and a new worker applies each remaining one once", async () => {
    const worker = startWorker();
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      worker.once("exit", (_, signal) => resolve(signal)),
    );
    const processed = () => db.prisma.webhookEvent.count({ where: { status: "processed" } });
    const atKill = await until(
      "the worker to apply a tenth of the events",
      processed,
      (n) => n >= EVENTS / 10,
      5,
    );
    worker.kill("SIGKILL");
    // The kill must land part-way, and the worker must really be gone, or this test proves nothing.
    expect(await exited).toBe("SIGKILL");
    if (provider === "postgresql")
      await until("the killed worker's sessions to end", serverSessionsOfOthers, (n) => n === 0);
    const afterKill = await processed();
    expect(afterKill).toBeGreaterThanOrEqual(atKill);
    expect(afterKill).toBeLessThan(EVENTS);
    // What the killed worker applied is exactly what it marked processed.
    expect(await db.prisma.orderSnapshot.count()).toBe(afterKill);

    const next = startWorker();
    try {
      await until(
        "the new worker to apply the rest",
        () => db.prisma.webhookEvent.count({ where: { status: { in: ["pending", "failed"] } } }),
        (n) => n === 0,
      );
    } finally {
      await stopProcess(next);
    }
    const rows = await db.prisma.webhookEvent.findMany({ select: { status: true, attempts: true } });
    expect(rows.filter((r) => r.status !== "processed")).toEqual([]);
    expect(rows.filter((r) => r.attempts !== 1)).toEqual([]);
    expect(await db.prisma.orderSnapshot.count()).toBe(EVENTS);
  });
});
