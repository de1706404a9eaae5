import fs from "node:fs";
import path from "node:path";
import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { describe, expect, it } from "vitest";
import { databaseReachable, createPrismaClient } from "../../app/db/client";
import { InboxWriter } from "../../app/webhooks/inbox-writer.server";
import {
  derivePostgresSchema,
  migrationDirs,
  pendingSql,
  postgresSchemaFile,
  sqliteSchemaFile,
} from "../../scripts/prisma-schemas";
import { emptyDatabase, postgresAdminUrl, prismaCli, providers } from "../helpers/database";
import { useTestDatabase } from "../helpers/test-database";

const migrationNames = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((d) => /^\d{14}_/.test(d))
    .sort();

describe("one schema, two providers", () => {
  it("keeps the PostgreSQL schema derived from prisma/schema.prisma", () => {
    const derived = derivePostgresSchema(fs.readFileSync(sqliteSchemaFile, "utf8"));
    expect(fs.readFileSync(postgresSchemaFile, "utf8")).toBe(derived);
  });

  it("has the same migrations, by name, for both providers", () => {
    expect(migrationNames(migrationDirs.postgresql)).toEqual(migrationNames(migrationDirs.sqlite));
    expect(migrationNames(migrationDirs.sqlite).length).toBeGreaterThan(0);
  });

  it("snapshots each PostgreSQL migration's schema, the newest equal to the current schema", () => {
    const names = migrationNames(migrationDirs.postgresql);
    for (const name of names) {
      expect(fs.existsSync(path.join(migrationDirs.postgresql, name, "schema.prisma")), name).toBe(true);
    }
    const newest = path.join(migrationDirs.postgresql, names[names.length - 1], "schema.prisma");
    expect(fs.readFileSync(newest, "utf8")).toBe(fs.readFileSync(postgresSchemaFile, "utf8"));
  });
});

describe.each(providers)("database on %s", (provider) => {
  const ctx = useTestDatabase(provider);

  it("deploys every migration and reports the schema up to date", async () => {
    const { stdout } = await prismaCli(["migrate", "status"], ctx.db.url);
    expect(stdout).toContain("Database schema is up to date");
  });

  it("needs no migration beyond the committed ones", async () => {
    const scratch = await emptyDatabase(provider);
    try {
      expect(pendingSql(provider, scratch.url)).toBe("");
    } finally {
      await scratch.remove();
    }
  });

  it("stores, loads and deletes Shopify sessions through the session storage", async () => {
    const storage = new PrismaSessionStorage(ctx.db.prisma);
    const session = new Session({
      id: "offline_demo.myshopify.com",
      shop: "demo.myshopify.com",
      state: "state",
      isOnline: false,
      scope: "read_orders",
      accessToken: "shpat_test",
    });
    expect(await storage.storeSession(session)).toBe(true);
    const loaded = await storage.loadSession(session.id);
    expect(loaded?.accessToken).toBe("shpat_test");
    expect(loaded?.shop).toBe("demo.myshopify.com");
    expect((await storage.findSessionsByShop("demo.myshopify.com")).map((s) => s.id)).toEqual([session.id]);
    expect(await storage.deleteSession(session.id)).toBe(true);
    expect(await storage.loadSession(session.id)).toBeUndefined();
  });

  it("records a webhook event once, whatever Shopify redelivers", async () => {
    const event = {
      shop: "demo.myshopify.com",
      topic: "orders/create",
      webhookId: "wh-1",
      eventId: "ev-1",
      apiVersion: "2026-07",
      triggeredAt: "2026-11-23T10:00:00.000Z",
      rawBody: '{"id":1}',
    };
    const inbox = new InboxWriter(ctx.db.prisma, provider);
    expect(await inbox.record(event)).toBe("recorded");
    expect(await inbox.record({ ...event, webhookId: "wh-2" })).toBe("duplicate");
    // The same event id at another shop is another event.
    expect(await inbox.record({ ...event, shop: "other.myshopify.com" })).toBe("recorded");
    const rows = await ctx.db.prisma.webhookEvent.findMany({ where: { shop: "demo.myshopify.com" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      eventKey: "ev-1",
      webhookId: "wh-1",
      status: "pending",
      payload: '{"id":1}',
    });
    expect(rows[0].triggeredAt?.toISOString()).toBe("2026-11-23T10:00:00.000Z");
  });

  it("is reported reachable, and unreachable once it is gone", async () => {
    expect(await databaseReachable(ctx.db.prisma)).toBe(true);
    const missing =
      provider === "sqlite"
        ? "file:/nonexistent-dir/makegood.sqlite"
        : Object.assign(new URL(postgresAdminUrl()), { pathname: "/makegood_no_such_database" }).toString();
    const client = createPrismaClient(missing);
    expect(await databaseReachable(client)).toBe(false);
    await client.$disconnect();
  });
});
