import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { webhookHandlers } from "../../app/webhooks/handlers";
import { processInbox, replayEvents, type WebhookHandler } from "../../app/webhooks/processor.server";
import { projectRoot, providers } from "../helpers/database";
import { useTestDatabase } from "../helpers/test-database";
import { inboxWriterOf, orderLifecycle, recordDelivery, shuffled } from "../helpers/lifecycle";

/** The CLI as a separate process, the way a second worker runs. */
async function runCli(args: string[], databaseUrl: string) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", path.join(projectRoot, "scripts/cli.ts"), ...args],
    {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    },
  );
  return stdout;
}
const record = recordDelivery;

/** What the processor left for `shop`, without the shop itself, to compare runs. */
async function stateOf(prisma: PrismaClient, shop: string) {
  const strip = <T extends { shop: string; updatedAt?: Date }>(rows: T[]) =>
    rows.map(({ shop: _s, updatedAt: _u, ...rest }) => rest);
  return {
    orders: strip(await prisma.orderSnapshot.findMany({ where: { shop }, orderBy: { orderId: "asc" } })),
    fulfillments: strip(
      await prisma.fulfillmentSnapshot.findMany({ where: { shop }, orderBy: { fulfillmentId: "asc" } }),
    ),
    events: strip(
      await prisma.fulfillmentEventRecord.findMany({ where: { shop }, orderBy: { eventId: "asc" } }),
    ),
    inventory: strip(
      await prisma.inventoryLevelSnapshot.findMany({
        where: { shop },
        orderBy: [{ inventoryItemId: "asc" }, { locationId: "asc" }],
      }),
    ),
  };
}

describe.each(providers)("webhook processor on %s", (provider) => {
  const ctx = useTestDatabase(provider);
  const lifecycle = orderLifecycle();

  it("reaches the same state from 10× duplicated, shuffled, interleaved delivery as from one in-order delivery", async () => {
    expect(lifecycle.map((d) => d.topic)).toEqual(
      expect.arrayContaining([
        "orders/create",
        "orders/updated",
        "fulfillments/create",
        "fulfillment_events/create",
        "fulfillments/update",
        "inventory_levels/update",
      ]),
    );
    for (const d of lifecycle) await record(ctx.db, "in-order.myshopify.com", d);
    await processInbox(ctx.db.prisma, webhookHandlers);
    const expected = await stateOf(ctx.db.prisma, "in-order.myshopify.com");
    expect(expected.orders).toHaveLength(1);
    expect(JSON.parse(expected.orders[0].data).tags).toBe("gift-wrap, delivered-ok");
    expect(expected.fulfillments[0].shipmentStatus).toBe("delivered");
    expect(expected.events.map((e) => e.status)).toEqual(expect.arrayContaining(["in_transit", "delivered"]));

    const noisy = shuffled(
      lifecycle.flatMap((d) => Array.from({ length: 10 }, (_, i) => ({ d, i }))),
      7,
    );
    for (const [n, { d, i }] of noisy.entries()) {
      await record(ctx.db, "noisy.myshopify.com", d, `${d.eventId}-${i}`);
      // Apply as deliveries come in, so newer states are in place before older events arrive.
      if (n % 7 === 0) await processInbox(ctx.db.prisma, webhookHandlers);
    }
    await processInbox(ctx.db.prisma, webhookHandlers);
    expect(await ctx.db.prisma.webhookEvent.count({ where: { shop: "noisy.myshopify.com" } })).toBe(
      lifecycle.length,
    );
    expect(await stateOf(ctx.db.prisma, "noisy.myshopify.com")).toEqual(expected);
  });

  it("retries with backoff, holds the resource's later events meanwhile, then dead-letters with the error kept", async () => {
    const shop = "flaky.myshopify.com";
    const create = lifecycle.find((d) => d.topic === "orders/create")!;
    const update = lifecycle.find((d) => d.topic === "orders/updated")!;
    await record(ctx.db, shop, create);
    await record(ctx.db, shop, update);
    let failures = 2;
    const flaky: Record<string, WebhookHandler> = {
      ...webhookHandlers,
      "orders/create": async (tx, event) => {
        if (failures-- > 0) throw new Error("database hiccup");
        await (webhookHandlers["orders/create"] as WebhookHandler)(tx, event);
      },
    };
    let now = new Date("2030-01-01T00:00:00Z");
    const options = { now: () => now, baseDelayMs: 1000, maxAttempts: 3 };

    expect(await processInbox(ctx.db.prisma, flaky, options)).toEqual({
      processed: 0,
      failed: 1,
      dead: 0,
      refused: 0,
      deferred: 1,
    });
    const first = await ctx.db.prisma.webhookEvent.findFirstOrThrow({
      where: { shop, eventKey: create.eventId },
    });
    expect(first).toMatchObject({ status: "failed", attempts: 1, lastError: "Error: database hiccup" });
    expect(first.nextAttemptAt.getTime() - now.getTime()).toBe(1000);

    now = new Date(now.getTime() + 500); // not due yet: the update still waits behind it
    expect(await processInbox(ctx.db.prisma, flaky, options)).toEqual({
      processed: 0,
      failed: 0,
      dead: 0,
      refused: 0,
      deferred: 1,
    });
    now = new Date(now.getTime() + 600);
    expect(await processInbox(ctx.db.prisma, flaky, options)).toEqual({
      processed: 0,
      failed: 1,
      dead: 0,
      refused: 0,
      deferred: 1,
    });
    const second = await ctx.db.prisma.webhookEvent.findFirstOrThrow({
      where: { shop, eventKey: create.eventId },
    });
    expect(second.nextAttemptAt.getTime() - now.getTime()).toBe(2000);
    now = new Date(now.getTime() + 2000);
    expect(await processInbox(ctx.db.prisma, flaky, options)).toEqual({
      processed: 2,
      failed: 0,
      dead: 0,
      refused: 0,
      deferred: 0,
    });
    expect(
      JSON.parse((await ctx.db.prisma.orderSnapshot.findFirstOrThrow({ where: { shop } })).data).tags,
    ).toBe("gift-wrap");

    failures = 10;
    const other = { ...create, eventId: "another-create" };
    await record(ctx.db, "doomed.myshopify.com", other);
    for (let i = 0; i < 3; i++) {
      await processInbox(ctx.db.prisma, flaky, options);
      now = new Date(now.getTime() + 10_000);
    }
    const dead = await ctx.db.prisma.webhookEvent.findFirstOrThrow({
      where: { shop: "doomed.myshopify.com" },
    });
    expect(dead).toMatchObject({ status: "dead", attempts: 3, lastError: "Error: database hiccup" });
    expect(await replayEvents(ctx.db.prisma, { dead: true }, now)).toBe(1);
    failures = 0;
    expect((await processInbox(ctx.db.prisma, flaky, options)).processed).toBe(1);
  });

  it("dead-letters a body that lacks what its topic promises at once, keeping it and the reason", async () => {
    await inboxWriterOf(ctx.db).record({
      shop: "odd.myshopify.com",
      topic: "orders/create",
      webhookId: "odd-1",
      apiVersion: "2026-07",
      rawBody: JSON.stringify({ id: 1, name: "#1" }),
    });
    await processInbox(ctx.db.prisma, webhookHandlers);
    const row = await ctx.db.prisma.webhookEvent.findFirstOrThrow({ where: { shop: "odd.myshopify.com" } });
    expect(row).toMatchObject({
      status: "dead",
      attempts: 1,
      payload: JSON.stringify({ id: 1, name: "#1" }),
    });
    expect(row.lastError).toContain("orders/create body: admin_graphql_api_id");
  });

  it("applies each event once when two workers (this process and the CLI) race over the same inbox", async () => {
    const shop = "busy.myshopify.com";
    const create = lifecycle.find((d) => d.topic === "orders/create")!;
    for (let i = 0; i < 40; i++) await record(ctx.db, shop, { ...create, eventId: `busy-${i}` });
    const [mine, theirs] = await Promise.all([
      processInbox(ctx.db.prisma, webhookHandlers),
      runCli(["webhooks", "process"], ctx.db.url).then((out) => JSON.parse(out.trim().split("\n").pop()!)),
    ]);
    const rows = await ctx.db.prisma.webhookEvent.findMany({ where: { shop } });
    expect(rows.every((r) => r.status === "processed" && r.attempts === 1)).toBe(true);
    expect(rows).toHaveLength(40);
    // Every event was claimed by exactly one of the two.
    expect(mine.processed + theirs.processed).toBe(40);
  });
});
