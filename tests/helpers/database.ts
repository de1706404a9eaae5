// A fresh, migrated database per test file, on either provider, through the same Prisma CLI
// and migrations a deployment uses.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "../../app/db/client";
import { postgresConnectionFields } from "../../app/db/target";

const run = promisify(execFile);
export const projectRoot = path.resolve(import.meta.dirname, "../..");
export const providers = ["sqlite", "postgresql"] as const;
export type Provider = (typeof providers)[number];

/** The server CI and developers run; a database per test is created inside it. */
export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export type TestDatabase = {
  provider: Provider;
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
};

export async function prismaCli(args: string[], databaseUrl: string) {
  return run(path.join(projectRoot, "node_modules/.bin/prisma"), args, {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

/** An empty database (no tables), and how to remove it. */
export async function emptyDatabase(provider: Provider) {
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "makegood-test-"));
    return {
      url: `file:${path.join(dir, "test.sqlite")}`,
      remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `makegood_test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client(postgresConnectionFields(POSTGRES_ADMIN_URL));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    remove: async () => {
      const client = new pg.Client(postgresConnectionFields(POSTGRES_ADMIN_URL));
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * libsql runs a local SQLite statement synchronously inside the call, so a test looping over the
 * database never gives the event loop a turn: its timers stall, and vitest's worker cannot take the
 * runner's answers (each call times out after a fixed 60 s: "Timeout calling onTaskUpdate", a
 * failed run with every test passed, on a busy machine). This client yields before each query;
 * what the queries do is unchanged.
 */
function yielding(prisma: PrismaClient): PrismaClient {
  return prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        await new Promise((resolve) => setImmediate(resolve));
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
}

export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  const { url, remove } = await emptyDatabase(provider);
  await prismaCli(["migrate", "deploy"], url);
  const prisma = provider === "sqlite" ? yielding(createPrismaClient(url)) : createPrismaClient(url);
  return {
    provider,
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await remove();
    },
  };
}

