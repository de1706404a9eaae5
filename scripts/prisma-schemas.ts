// Keeps prisma/postgresql/ in step with prisma/schema.prisma, the one schema we edit.
//   tsx scripts/prisma-schemas.ts sync             rewrite the derived PostgreSQL schema
//   tsx scripts/prisma-schemas.ts migration <name> add a migration for both providers
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const sqliteSchemaFile = path.join(root, "prisma/schema.prisma");
export const postgresSchemaFile = path.join(root, "prisma/postgresql/schema.prisma");
export const migrationDirs = {
  sqlite: path.join(root, "prisma/migrations"),
  postgresql: path.join(root, "prisma/postgresql/migrations"),
} as const;

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:sync`; edit that file, not this one.\n";

export function derivePostgresSchema(sqliteSchema: string): string {
  const provider = /provider\s*=\s*"sqlite"/;
  const generator = /(generator client \{[^}]*engineType\s*=\s*"client")/;
  if (!provider.test(sqliteSchema) || !generator.test(sqliteSchema)) {
    throw new Error("prisma/schema.prisma must declare the sqlite datasource and the client generator");
  }
  return (
    HEADER +
    sqliteSchema
      .replace(provider, 'provider = "postgresql"')
      // A second generated client, so one install can talk to either database.
      .replace(generator, '$1\n  output     = "../../node_modules/.prisma/client-pg"')
  );
}

export function syncPostgresSchema(): void {
  const derived = derivePostgresSchema(fs.readFileSync(sqliteSchemaFile, "utf8"));
  fs.mkdirSync(path.dirname(postgresSchemaFile), { recursive: true });
  fs.writeFileSync(postgresSchemaFile, derived);
}

function prisma(args: string[], databaseUrl: string): string {
  return execFileSync(path.join(root, "node_modules/.bin/prisma"), args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
}

/** Newest migration folder of a provider, or undefined before the first. */
export function lastMigration(provider: keyof typeof migrationDirs): string | undefined {
  const dir = migrationDirs[provider];
  if (!fs.existsSync(dir)) return undefined;
  const names = fs
    .readdirSync(dir)
    .filter((d) => /^\d{14}_/.test(d))
    .sort();
  return names.length ? path.join(dir, names[names.length - 1]) : undefined;
}

/** Each PostgreSQL migration keeps the schema it produces: the engine cannot introspect
 * PostgreSQL offline (the 'char' catalog type), so new migrations are diffed from it. */
export const SNAPSHOT = "schema.prisma";

/** SQL that takes a database at the newest migration to the current schema; "" when none. */
export function pendingSql(provider: keyof typeof migrationDirs, databaseUrl: string): string {
  const last = lastMigration(provider);
  let from: string[];
  if (!last) from = ["--from-empty"];
  else if (provider === "sqlite") from = ["--from-migrations", migrationDirs.sqlite];
  else from = ["--from-schema-datamodel", path.join(last, SNAPSHOT)];
  const schemaFile = provider === "sqlite" ? sqliteSchemaFile : postgresSchemaFile;
  const sql = prisma(
    ["migrate", "diff", ...from, "--to-schema-datamodel", schemaFile, "--script"],
    databaseUrl,
  );
  return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
}

function addMigration(name: string): void {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("migration name: lowercase letters, digits, _");
  syncPostgresSchema();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "makegood-migrate-"));
  const urls = {
    sqlite: `file:${path.join(scratch, "diff.sqlite")}`,
    postgresql: process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test",
  };
  for (const provider of ["sqlite", "postgresql"] as const) {
    const sql = pendingSql(provider, urls[provider]);
    if (!sql) {
      console.log(`${provider}: schema and migrations already agree`);
      continue;
    }
    const dir = path.join(migrationDirs[provider], `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    if (provider === "postgresql") fs.copyFileSync(postgresSchemaFile, path.join(dir, SNAPSHOT));
    const lock = path.join(migrationDirs[provider], "migration_lock.toml");
    fs.writeFileSync(lock, `provider = "${provider}"\n`);
    console.log(`${provider}: wrote ${path.relative(root, dir)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, arg] = process.argv.slice(2);
  if (command === "sync") syncPostgresSchema();
  else if (command === "migration" && arg) addMigration(arg);
  else {
    console.error("usage: prisma-schemas.ts sync | migration <name>");
    process.exit(2);
  }
}
