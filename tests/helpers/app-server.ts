// Starts the built app (build/index.js) with remix-serve, as `npm start` does, on a free port.
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import net from "node:net";
import path from "node:path";
import { projectRoot } from "./database";

export const TEST_SECRET = "test-api-secret";
export const TEST_API_KEY = "test-api-key";
/** The library answers bots and bare user agents with 410; tests browse as a person does. */
export const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Environment for the app process: this process's, minus vitest's markers, plus `extra`. */
export function appEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST") || key === "TEST") delete env[key];
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export type RunningApp = { url: string; output: () => string; stop: () => Promise<void> };

const serveBin = path.join(projectRoot, "node_modules/.bin/remix-serve");
const buildFile = path.join(projectRoot, "build/index.js");

export async function startApp(
  databaseUrl: string,
  extra: { port?: number; env?: Record<string, string | undefined> } = {},
): Promise<RunningApp> {
  const port = extra.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(serveBin, [buildFile], {
    cwd: projectRoot,
    env: appEnv({
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      SHOPIFY_API_KEY: TEST_API_KEY,
      SHOPIFY_API_SECRET: TEST_SECRET,
      SHOPIFY_APP_URL: url,
      SCOPES: "read_orders",
      ...extra.env,
    }),
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  // Up when it says so, or failed when it exits: no deadline (a loaded machine starts it slowly);
  // the calling hook's timeout is the bound.
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", () => {
      if (output.includes("[remix-serve]")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`app exited with ${code}:\n${output}`)));
  });
  return { url, output: () => output, stop: () => stopProcess(child) };
}

/** SIGTERM, and SIGKILL if it has not exited 15 s later: a hung server must not hang the suite. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return; // gone already (a kill has no exit code)
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Stops a process started with `detached: true` and everything it started (its process group). */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return; // already gone
  }
  await exited;
}

/**
 * Resolves once nothing accepts connections on `port` any more. No deadline: a port left open
 * shows as the calling hook's timeout.
 */
export async function portClosed(port: number): Promise<true> {
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (!open) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs the built app with `env` and returns how it ended, for start-up failures. `signal` (the
 * test's) kills it if the test times out first, so a server that wrongly starts is not left behind.
 */
export async function runAppUntilExit(extra: Record<string, string | undefined>, signal?: AbortSignal) {
  const child = spawn(serveBin, [buildFile], {
    cwd: projectRoot,
    env: appEnv(extra),
    signal,
    killSignal: "SIGKILL",
  });
  child.on("error", () => undefined); // the abort, reported by the test's own timeout
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { code, stderr };
}

/** Shopify's webhook signature: base64 HMAC-SHA256 of the raw body with the app secret. */
export function signWebhook(body: string, secret = TEST_SECRET): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}
