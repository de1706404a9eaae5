// Prisma CLI configuration. One switch: the scheme of DATABASE_URL picks the schema, the
// migrations folder and the driver adapter the js schema engine uses (Prisma's native engines
// cannot be downloaded on offline machines; see ARCHITECTURE.md).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseTarget, postgresConnectionFields } from "./app/db/target";

// The CLI reads the same .env as the app (app/env.server.ts), so both see one DATABASE_URL.
if (fs.existsSync(".env")) process.loadEnvFile(".env");
const target = databaseTarget(process.env.DATABASE_URL);
process.env.DATABASE_URL = target.url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", target.schemaPath),
  adapter: target.provider === "postgresql" ? postgresAdapter : sqliteAdapter,
});

async function sqliteAdapter() {
  const { PrismaLibSQL } = await import("@prisma/adapter-libsql");
  const factory = new PrismaLibSQL({ url: target.url });
  // `migrate diff --from-migrations` replays each migration on the shadow database through
  // executeRaw, and libsql runs only the first statement of a script there: every index after
  // a CREATE TABLE went missing. Scripts go through executeMultiple instead.
  factory.connectToShadowDb = async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "makegood-shadow-"));
    const shadow = await new PrismaLibSQL({ url: `file:${path.join(dir, "shadow.sqlite")}` }).connect();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => {
      if (query.args.length > 0 || !query.sql.includes(";")) return executeRaw(query);
      await shadow.executeScript(query.sql);
      return 0;
    };
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    return shadow;
  };
  return factory;
}

async function postgresAdapter() {
  // adapter-pg 6.19 cannot read PostgreSQL's catalog types during `migrate deploy`
  // (prisma/orm#27403); the 7.x adapter can, and only the CLI uses it.
  const { PrismaPg } = await import("prisma-adapter-pg-migrate");
  const pg = (await import("pg")).default;
  // allowExitOnIdle: an idle pooled connection would otherwise hold every CLI run open for
  // pg's 10 s idle timeout.
  const fields = { ...postgresConnectionFields(target.url), allowExitOnIdle: true };
  const factory = new PrismaPg(fields);
  // The adapter's own shadow database is dropped while its pool still holds a connection.
  factory.connectToShadowDb = async () => {
    const name = `makegood_shadow_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client(fields);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadow = await new PrismaPg({ ...fields, database: name }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    return shadow;
  };
  return factory;
}
