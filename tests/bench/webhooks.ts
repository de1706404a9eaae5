// `npm run bench:webhooks`: how fast webhooks are taken in, measured over loopback with
// autocannon against (a) the raw limit — a bare Node server that verifies the HMAC and inserts the
// body into SQLite (WAL) —, (b) the app's intake route, (c) a template-style handler that does the
// processing inside the request. Prints the figures and whether the targets are met.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { execFile, execFileSync, spawn } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { createPrismaClient } from "../../app/db/client";
import { createAdminClient, type AdminDocument } from "../../app/shopify/client.server";
import { applyOrder } from "../../app/webhooks/handlers/orders";
import { freePort, stopProcess } from "../helpers/app-server";
import { shopifySample } from "../helpers/shopify-samples";
import { routeShopifyTo } from "../sandbox/routing.mjs";
import { DEMO_SHOP, seedDemoShop } from "../sandbox/seed";
import { startSandboxServer } from "../sandbox/server";

const root = path.resolve(import.meta.dirname, "../..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const SECRET = "bench-secret";
const SHOP = "bench.myshopify.com";
const body = JSON.stringify(shopifySample("orders/create"));
const hmac = createHmac("sha256", SECRET).update(body).digest("base64");
const run = promisify(execFile);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "makegood-bench-"));

type Figures = {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  ok: number;
  errors: number;
};

async function load(label: string, url: string, extra: { overallRate?: number } = {}): Promise<Figures> {
  const options = {
    url,
    label,
    connections: CONNECTIONS,
    duration: SECONDS,
    body,
    ...extra,
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": "orders/create",
      "x-shopify-shop-domain": SHOP,
      "x-shopify-api-version": "2026-07",
      "x-shopify-hmac-sha256": hmac,
    },
  };
  const { stdout } = await run(
    process.execPath,
    [path.join(import.meta.dirname, "load.mjs"), JSON.stringify(options)],
    { maxBuffer: 1 << 20 },
  );
  return { label, ...JSON.parse(stdout) };
}

const migrate = (databaseUrl: string) =>
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "ignore",
  });

/** (a) The raw limit: verify, insert, answer. */
async function bareServer() {
  const db = createClient({ url: `file:${path.join(scratch, "bare.sqlite")}` });
  await db.execute("PRAGMA journal_mode = WAL");
  await db.execute("CREATE TABLE inbox (event_id TEXT PRIMARY KEY, body TEXT NOT NULL)");
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const raw = Buffer.concat(chunks);
      const expected = createHmac("sha256", SECRET).update(raw).digest();
      const given = Buffer.from(String(req.headers["x-shopify-hmac-sha256"] ?? ""), "base64");
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return res.writeHead(401).end();
      await db.execute({
        sql: "INSERT OR IGNORE INTO inbox (event_id, body) VALUES (?, ?)",
        args: [String(req.headers["x-shopify-event-id"]), raw.toString("utf8")],
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((r) => server.close(r)),
  };
}

/** (b) The app's own intake, from its production build; its worker in-process, or in a process of its own. */
async function appServer(databaseUrl: string, worker: "inprocess" | "separate" = "inprocess") {
  migrate(databaseUrl);
  const separate =
    worker === "separate"
      ? spawn(
          process.execPath,
          ["--import", "tsx", path.join(root, "scripts/cli.ts"), "webhooks", "process", "--loop"],
          {
            cwd: root,
            env: { ...process.env, DATABASE_URL: databaseUrl },
            stdio: "ignore",
          },
        )
      : undefined;
  const port = await freePort();
  const child = spawn(path.join(root, "node_modules/.bin/remix-serve"), [path.join(root, "build/index.js")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      SHOPIFY_API_KEY: "bench-key",
      SHOPIFY_API_SECRET: SECRET,
      SHOPIFY_APP_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "error",
      ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? "YmVuY2gta2V5LW9ubHktZm9yLXRoZS1iZW5jaG1hcms=",
      WEBHOOK_WORKER: worker === "separate" ? "off" : "inprocess",
    },
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d) => String(d).includes("[remix-serve]") && resolve());
    child.once("exit", (code) => reject(new Error(`app exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/webhooks/orders/create`,
    close: async () => {
      await stopProcess(child);
      if (separate) await stopProcess(separate);
    },
  };
}

/** The bench's own stock question, not an app document (so it has no generated type). */
const BENCH_STOCK = `#graphql
  query BenchStock($id: ID!) { productVariant(id: $id) { inventoryItem { inventoryLevels(first: 1) { nodes { quantities(names: ["available", "committed"]) { name quantity } } } } } }` as AdminDocument;

/** (c) The template's way: the work of a webhook done inside its request, Admin query included. */
async function inlineServer(databaseUrl: string) {
  const sandbox = await startSandboxServer({
    app: { apiKey: "bench-key", secret: SECRET, appUrl: "http://127.0.0.1:9", scopes: "read_orders" },
  });
  seedDemoShop(sandbox.store);
  routeShopifyTo(sandbox.url);
  const admin = createAdminClient({
    shop: DEMO_SHOP,
    accessToken: sandbox.auth.issueOfflineToken(DEMO_SHOP),
  });
  const variant = `gid://shopify/ProductVariant/${sandbox.store.shop(DEMO_SHOP).variants[0].id}`;
  const prisma = createPrismaClient(databaseUrl);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      try {
        const raw = Buffer.concat(chunks);
        const expected = createHmac("sha256", SECRET).update(raw).digest();
        const given = Buffer.from(String(req.headers["x-shopify-hmac-sha256"] ?? ""), "base64");
        if (given.length !== expected.length || !timingSafeEqual(given, expected))
          return res.writeHead(401).end();
        const payload = JSON.parse(raw.toString("utf8"));
        // One stock query per order, as detection does, then the state change.
        await admin.request(BENCH_STOCK, { id: variant });
        await prisma.$transaction((tx) =>
          applyOrder(tx, {
            shop: SHOP,
            topic: "orders/create",
            payload,
            triggeredAt: null,
            eventKey: String(req.headers["x-shopify-event-id"]),
          }),
        );
        res.writeHead(200).end();
      } catch {
        res.writeHead(500).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      await new Promise((r) => server.close(r));
      await prisma.$disconnect();
      await sandbox.close();
    },
  };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const row = (f: Figures) =>
  `${f.label.padEnd(34)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${ms(f.p50).padStart(9)}   p99 ${ms(f.p99).padStart(9)}   non-2xx ${String(f.non2xx).padStart(5)}   errors ${f.errors}`;

async function main() {
  console.log(
    `Webhook intake benchmark: ${SECONDS} s per run, ${CONNECTIONS} connections, body ${Buffer.byteLength(body)} bytes (sha256 ${createHash("sha256").update(body).digest("hex").slice(0, 12)}), ${os.cpus().length} cores\n`,
  );
  if (!process.env.MAKEGOOD_SKIP_BUILD)
    execFileSync(path.join(root, "node_modules/.bin/remix"), ["build"], {
      cwd: root,
      stdio: "ignore",
      env: { ...process.env, NODE_ENV: "production" },
    });

  const bare = await bareServer();
  const a = await load("(a) bare HMAC + SQLite insert", bare.url);
  await bare.close();
  console.log(row(a));

  /** One app configuration, flat out and then paced at 500 req/s. */
  async function measureApp(databaseUrl: string, worker: "inprocess" | "separate", label: string) {
    const app = await appServer(databaseUrl, worker);
    const flat = await load(label, app.url);
    console.log(row(flat));
    const paced = await load(`${label.split(" ")[0]} same, at 500 req/s`, app.url, { overallRate: 500 });
    console.log(row(paced));
    await app.close();
    return [flat, paced] as const;
  }
  const appDb = `file:${path.join(scratch, "app.sqlite")}`;
  const [b, paced] = await measureApp(appDb, "inprocess", "(b) app intake route");
  const [bs, splitPaced] = await measureApp(
    `file:${path.join(scratch, "split.sqlite")}`,
    "separate",
    "(b') app, worker in its own process",
  );

  const inlineDb = `file:${path.join(scratch, "inline.sqlite")}`;
  migrate(inlineDb);
  const inline = await inlineServer(inlineDb);
  const c = await load("(c) template-style inline handler", inline.url);
  await inline.close();
  console.log(row(c));

  // Every accepted event is in the inbox, once.
  const prisma = createPrismaClient(appDb);
  const recorded = await prisma.webhookEvent.count({ where: { shop: SHOP } });
  const distinct = (await prisma.webhookEvent.groupBy({ by: ["eventKey"], where: { shop: SHOP } })).length;
  await prisma.$disconnect();
  const accepted = b.ok + paced.ok;

  const targets = [
    [`b/a = ${(b.rps / a.rps).toFixed(2)}`, b.rps / a.rps >= 0.5, "≥ 0.5"],
    [`b/c = ${(b.rps / c.rps).toFixed(1)}`, b.rps / c.rps >= 20, "≥ 20"],
    [`p99 at 500 req/s = ${ms(paced.p99)}`, paced.p99 <= 50, "≤ 50 ms"],
    [
      `with the worker in its own process: b'/a = ${(bs.rps / a.rps).toFixed(2)}, b'/c = ${(bs.rps / c.rps).toFixed(1)}, p99 at 500 req/s = ${ms(splitPaced.p99)}`,
      bs.rps / a.rps >= 0.5 && bs.rps / c.rps >= 20 && splitPaced.p99 <= 50,
      "the same three",
    ],
    [`non-2xx on the app = ${b.non2xx + paced.non2xx}`, b.non2xx + paced.non2xx === 0, "0"],
    // A request still in flight when a run ends is recorded but not counted as answered: at most
    // one per connection per run.
    [
      `inbox: ${recorded} rows, ${distinct} distinct events, ${accepted} answered 2xx`,
      distinct === recorded && recorded >= accepted && recorded - accepted <= 2 * CONNECTIONS,
      "every accepted event once, no duplicate",
    ],
  ] as const;
  console.log("\nTargets");
  for (const [figure, met, target] of targets)
    console.log(`  ${met ? "met   " : "MISSED"}  ${figure}  (target ${target})`);
  fs.rmSync(scratch, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
