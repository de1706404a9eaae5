// A worker killed in the middle of a batch loses nothing and applies nothing twice.
import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordWebhookEvent } from "../../app/webhooks/inbox.server";
import { resourceOf } from "../../app/webhooks/resource";
import { createTestDatabase, projectRoot, providers, type TestDatabase } from "../helpers/database";
import { orderLifecycle } from "../helpers/lifecycle";

const EVENTS = 1000;
// One process, not tsx's wrapper and its child: SIGKILL must hit the worker itself.
const cli = [process.execPath, "--import", "tsx", path.join(projectRoot, "scripts/cli.ts")] as const;

describe.each(providers)("a worker killed mid-batch on %s", (provider) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(provider);
    const create = orderLifecycle().find((d) => d.topic === "orders/create")!;
    const body = JSON.parse(create.body);
    for (let i = 0; i < EVENTS; i++) {
      const order = { ...body, id: 500_000 + i, admin_graphql_api_id: `gid://shopify/Order/${500_000 + i}`, name: `#${5000 + i}` };
      await recordWebhookEvent(db.prisma, {
        shop: "crash.myshopify.com", topic: "orders/create", webhookId: `w-${i}`, eventId: `e-${i}`, apiVersion: "2026-07",
        triggeredAt: create.triggeredAt, resourceId: resourceOf("orders/create", order), rawBody: JSON.stringify(order),
      });
    }
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("leaves no event half-applied, and a new worker applies each remaining one once", async () => {
    const worker = spawn(cli[0], [...cli.slice(1), "webhooks", "process", "--loop"], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: db.url } });
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    let atKill = 0;
    for (let waited = 0; waited < 60_000; waited += 20) {
      atKill = await db.prisma.webhookEvent.count({ where: { status: "processed" } });
      if (atKill >= 100) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    worker.kill("SIGKILL");
    await exited;
    // The kill must land part-way, and the worker must really be gone, or this test proves nothing.
    const afterKill = await db.prisma.webhookEvent.count({ where: { status: "processed" } });
    await new Promise((r) => setTimeout(r, 300));
    expect(await db.prisma.webhookEvent.count({ where: { status: "processed" } })).toBe(afterKill);
    expect(atKill).toBeGreaterThanOrEqual(100);
    expect(afterKill).toBeLessThan(EVENTS);
    // What the killed worker applied is exactly what it marked processed.
    expect(await db.prisma.orderSnapshot.count()).toBe(afterKill);

    const processOnce = () => promisify(execFile)(cli[0], [...cli.slice(1), "webhooks", "process"], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: db.url } });
    for (let round = 0; round < 20 && (await db.prisma.webhookEvent.count({ where: { status: { not: "processed" } } })) > 0; round++) {
      await processOnce();
    }
    const rows = await db.prisma.webhookEvent.findMany({ select: { status: true, attempts: true } });
    expect(rows.filter((r) => r.status !== "processed")).toEqual([]);
    expect(rows.filter((r) => r.attempts !== 1)).toEqual([]);
    expect(await db.prisma.orderSnapshot.count()).toBe(EVENTS);
    // Up to 20 worker processes started one after another: about 20 s alone, more when the whole
    // suite shares the two cores (it once ran past the default 30 s there).
  }, 120_000);
});
