// The sandbox store for vitest: one per test file on a free port, reset and reseeded before each
// test, and the app started against it exactly as `npm run sandbox` starts it.
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { seedDemoShop } from "../sandbox/seed";
import { startSandboxServer, type Sandbox } from "../sandbox/server";
import { freePort, startApp, TEST_API_KEY, TEST_SECRET, type RunningApp } from "./app-server";
import { projectRoot } from "./database";

export { DEMO_SHOP } from "../sandbox/seed";

export async function startSandbox(appUrl: string, secret = TEST_SECRET): Promise<Sandbox> {
  const sandbox = await startSandboxServer({
    app: { apiKey: TEST_API_KEY, secret, appUrl, scopes: "read_orders,write_orders" },
  });
  // Tests should not wait Shopify's real backoff of seconds between retries.
  sandbox.webhooks.resetOptions({ backoffMs: 20 });
  return sandbox;
}

/** Environment that routes an app process's Shopify traffic to `sandbox`. */
export function sandboxAppEnv(sandbox: Sandbox) {
  return {
    MAKEGOOD_SANDBOX_URL: sandbox.url,
    APP_BRIDGE_URL: `${sandbox.url}/app-bridge.js`,
    NODE_OPTIONS: `--import ${path.join(projectRoot, "tests/sandbox/route-to-sandbox.mjs")}`,
  };
}

/** Starts a sandbox and the built app wired to each other; reseeds the demo shop before each test. */
export function setupSandboxWithApp(databaseUrl: () => string) {
  const ctx = {} as { sandbox: Sandbox; app: RunningApp };
  beforeAll(async () => {
    const port = await freePort();
    ctx.sandbox = await startSandbox(`http://127.0.0.1:${port}`);
    ctx.app = await startApp(databaseUrl(), { port, env: sandboxAppEnv(ctx.sandbox) });
  });
  beforeEach(async () => {
    await ctx.sandbox.reset();
    seedDemoShop(ctx.sandbox.store);
  });
  afterAll(async () => {
    await ctx.app?.stop();
    await ctx.sandbox?.close();
  });
  return ctx;
}
