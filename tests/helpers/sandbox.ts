// The sandbox store for vitest: one per test file on a free port, reset and reseeded before each
// test, and the app started against it exactly as `npm run sandbox` starts it.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { DEMO_SHOP, seedDemoShop } from "../sandbox/seed";
import { API_VERSION } from "../../app/shopify/api-version";
import { SHOP_HEADER, startSandboxServer, type Sandbox } from "../sandbox/server";
import {
  appEnv,
  BROWSER_UA,
  freePort,
  startApp,
  TEST_API_KEY,
  TEST_SECRET,
  type RunningApp,
} from "./app-server";
import { createTestDatabase, projectRoot, type Provider, type TestDatabase } from "./database";
import { until } from "./wait";

export { DEMO_SHOP } from "../sandbox/seed";

export async function startSandbox(appUrl: string, secret = TEST_SECRET): Promise<Sandbox> {
  const sandbox = await startSandboxServer({
    app: { apiKey: TEST_API_KEY, secret, appUrl, scopes: "read_orders,write_orders" },
  });
  // Tests should not wait Shopify's real backoff of seconds between retries. Nor should an app
  // slowed by a busy machine see its answer taken for a timeout (Shopify's 5 s) and the webhook
  // sent again: how fast the app answers is `npm run bench`'s to measure.
  sandbox.webhooks.resetOptions({ backoffMs: 20, timeoutMs: 60_000 });
  return sandbox;
}

/** Environment that routes an app process's Shopify traffic to `sandbox`. */
export function sandboxAppEnv(sandbox: Sandbox) {
  return {
    MAKEGOOD_SANDBOX_URL: sandbox.url,
    APP_BRIDGE_URL: `${sandbox.url}/app-bridge.js`,
    // The sandbox has no App Proxy in front of the shop's domain: offer links go to the app.
    OFFER_LINKS: "direct",
    NODE_OPTIONS: `--import ${path.join(projectRoot, "tests/sandbox/route-to-sandbox.mjs")}`,
  };
}

/**
 * A fresh database, a sandbox and the built app wired to each other, for one test file; the
 * demo shop is reseeded before each test (the app's database keeps what it received).
 */
export function setupSandboxWithApp(
  provider: Provider = "sqlite",
  appEnv: Record<string, string | undefined> = {},
) {
  const ctx = {} as { sandbox: Sandbox; app: RunningApp; db: TestDatabase };
  beforeAll(async () => {
    ctx.db = await createTestDatabase(provider);
    const port = await freePort();
    ctx.sandbox = await startSandbox(`http://127.0.0.1:${port}`);
    ctx.app = await startApp(ctx.db.url, { port, env: { ...sandboxAppEnv(ctx.sandbox), ...appEnv } });
  });
  beforeEach(async () => {
    await ctx.sandbox.reset();
    seedDemoShop(ctx.sandbox.store);
  });
  afterAll(async () => {
    await ctx.app?.stop();
    await ctx.sandbox?.close();
    await ctx.db?.drop();
  });
  return ctx;
}

/**
 * A sandbox with the demo shop and no app, for tests of the sandbox's own Shopify behaviour:
 * reset and reseeded before each test, with an offline token and a GraphQL helper.
 */
export function setupSandboxOnly() {
  const ctx = {} as {
    sandbox: Sandbox;
    token: string;
    graphql(
      query: string,
      variables?: Record<string, unknown>,
      accessToken?: string | null,
    ): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  beforeAll(async () => {
    ctx.sandbox = await startSandbox("http://127.0.0.1:9"); // no app: webhooks are not under test here
    ctx.sandbox.webhooks.resetOptions({ maxAttempts: 1 });
  });
  afterAll(() => ctx.sandbox?.close());
  beforeEach(async () => {
    await ctx.sandbox.reset();
    seedDemoShop(ctx.sandbox.store);
    ctx.token = ctx.sandbox.auth.issueOfflineToken(DEMO_SHOP);
  });
  ctx.graphql = async (query, variables, accessToken = ctx.token) => {
    const res = await fetch(`${ctx.sandbox.url}/admin/api/${API_VERSION}/graphql.json`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        [SHOP_HEADER]: DEMO_SHOP,
        ...(accessToken ? { "X-Shopify-Access-Token": accessToken } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: await res.json() };
  };
  return ctx;
}

export type AppContext = { sandbox: Sandbox; app: RunningApp; db: TestDatabase };

/** The merchant opens the app in the admin: its home page, as served. */
export async function openApp(ctx: AppContext) {
  const res = await fetch(`${ctx.sandbox.url}/admin/open?shop=${DEMO_SHOP}`, {
    headers: { "User-Agent": BROWSER_UA },
  });
  return { status: res.status, html: await res.text() };
}

/** The merchant opens the app once: Shopify installs it and the app holds the offline token. */
export async function installApp(ctx: AppContext) {
  return (await openApp(ctx)).status;
}

/**
 * Waits until the sandbox has delivered everything, the app has applied its inbox and done the
 * detection that is due (no deadline of its own: see helpers/wait.ts).
 */
export async function appSettled(ctx: AppContext) {
  await ctx.sandbox.webhooks.idle();
  await until(
    "the app to apply its inbox and run the due detection",
    async () => ({
      events: await ctx.db.prisma.webhookEvent.count({ where: { status: { in: ["pending", "failed"] } } }),
      tasks: await ctx.db.prisma.detectionTask.count({
        where: { status: "pending", dueAt: { lte: new Date() } },
      }),
    }),
    (s) => s.events + s.tasks === 0,
  );
}

/** `npm run cli -- <args>` as the operator runs it: the app's configuration, Shopify being the sandbox. */
export async function runAppCli(ctx: AppContext, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", path.join(projectRoot, "scripts/cli.ts"), ...args],
    {
      cwd: projectRoot,
      env: appEnv({
        DATABASE_URL: ctx.db.url,
        SHOPIFY_API_KEY: TEST_API_KEY,
        SHOPIFY_API_SECRET: TEST_SECRET,
        SHOPIFY_APP_URL: ctx.app.url,
        ...sandboxAppEnv(ctx.sandbox),
      }),
    },
  );
  return stdout;
}
