// A fresh, migrated database per test file, on either provider, through the same Prisma CLI
// and migrations a deployment uses. Under vitest the migrations run once per run, into a template
// database per provider (globalSetup, see migrateTemplates), and each test file gets a copy: the
// Prisma CLI costs ~1 s of CPU a run, copying a few milliseconds.
import { execFile, spawn } from "node:child_process";
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

/** The server CI and developers run; a database per test is created inside it. Read when used, not
 *  when imported: the suite's first globalSetup (postgres-server.ts) may name a throwaway server. */
export const postgresAdminUrl = () =>
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

const APPLIED = /All migrations have been successfully applied|No pending migrations to apply/;

/**
 * `prisma migrate deploy`, done when it says so. On PostgreSQL the CLI's schema engine leaves a
 * 10 s timer behind (its advisory-lock timeout, never cleared) and only exits when it fires: once
 * every migration is applied and recorded, the idle process is stopped instead of waited for.
 */
export function deployMigrations(databaseUrl: string): Promise<void> {
  const child = spawn(path.join(projectRoot, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  let output = "";
  let applied = false;
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      if (!applied && APPLIED.test(output)) {
        applied = true;
        child.kill("SIGTERM");
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("error", reject);
    child.once("exit", (code) => {
      if (applied || code === 0) resolve();
      else reject(new Error(`prisma migrate deploy exited with ${code}:\n${output}`));
    });
  });
}

/**
 * A folder for SQLite test databases: in memory (/dev/shm) where the machine has one. SQLite syncs
 * to disk at every commit, and on a disk shared with other work those waits were a third of a
 * database-heavy test's time; what the tests check does not depend on the disk.
 */
function sqliteFolder(prefix: string) {
  const shm = "/dev/shm";
  let parent = os.tmpdir();
  try {
    fs.accessSync(shm, fs.constants.W_OK);
    parent = shm;
  } catch {
    // no writable shared memory here: the temporary folder
  }
  return fs.mkdtempSync(path.join(parent, prefix));
}

/** An empty database (no tables), and how to remove it. */
export async function emptyDatabase(provider: Provider) {
  return newDatabase(provider);
}

/** A new database, empty or a copy of `template` (a database this module made), and how to remove it. */
async function newDatabase(provider: Provider, template?: string) {
  if (provider === "sqlite") {
    const dir = sqliteFolder("makegood-test-");
    const file = path.join(dir, "test.sqlite");
    if (template) fs.copyFileSync(template, file);
    return {
      url: `file:${file}`,
      remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `makegood_test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client(postgresConnectionFields(postgresAdminUrl()));
  await admin.connect();
  await admin.query(
    template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`,
  );
  await admin.end();
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    remove: async () => {
      const client = new pg.Client(postgresConnectionFields(postgresAdminUrl()));
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

/** Where migrateTemplates left this run's templates: a SQLite file, a PostgreSQL database name. */
const TEMPLATE_VARIABLES: Record<Provider, string> = {
  sqlite: "MAKEGOOD_TEST_TEMPLATE_SQLITE",
  postgresql: "MAKEGOOD_TEST_TEMPLATE_POSTGRESQL",
};

/**
 * Migrates one database per provider with `prisma migrate deploy`, for createTestDatabase to copy,
 * and names them in the environment the test workers inherit. Returns how to remove them.
 */
export async function migrateTemplates(): Promise<() => Promise<void>> {
  const made: { remove(): Promise<void> }[] = [];
  const removeAll = async () => {
    for (const provider of providers) delete process.env[TEMPLATE_VARIABLES[provider]];
    await Promise.all(made.map((database) => database.remove()));
  };
  const migrated = await Promise.allSettled(
    providers.map(async (provider) => {
      const database = await newDatabase(provider);
      made.push(database);
      await deployMigrations(database.url);
      // A SQLite file is its own template; PostgreSQL copies a database by name.
      const template =
        provider === "sqlite" ? database.url.slice("file:".length) : new URL(database.url).pathname.slice(1);
      process.env[TEMPLATE_VARIABLES[provider]] = template;
    }),
  );
  const failed = migrated.find((m) => m.status === "rejected");
  if (failed) {
    await removeAll();
    throw failed.reason;
  }
  return removeAll;
}

export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  // Without a template (the bench, a script), the database is migrated here.
  const template = process.env[TEMPLATE_VARIABLES[provider]];
  const { url, remove } = await newDatabase(provider, template);
  if (!template) await deployMigrations(url);
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
