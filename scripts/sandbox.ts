// `npm run sandbox`: the app on localhost with development-only credentials and its own SQLite
// file. The local Shopify store it talks to arrives with the sandbox issue (tests/sandbox/).
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { root } from "./prisma-schemas";

const port = Number(process.env.PORT ?? 3000);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  PORT: String(port),
  DATABASE_URL: process.env.DATABASE_URL ?? "file:./prisma/sandbox.sqlite",
  // Not secrets: a real store's credentials come from the Shopify CLI or the host.
  SHOPIFY_API_KEY: process.env.SHOPIFY_API_KEY ?? "sandbox-api-key",
  SHOPIFY_API_SECRET: process.env.SHOPIFY_API_SECRET ?? "sandbox-api-secret",
  SHOPIFY_APP_URL: process.env.SHOPIFY_APP_URL ?? `http://localhost:${port}`,
};
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

execFileSync(bin("remix"), ["build"], { cwd: root, env, stdio: "inherit" });
execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "inherit" });
const app = spawn(bin("remix-serve"), [path.join(root, "build/index.js")], { cwd: root, env, stdio: "inherit" });
console.log(`\nMakeGood: http://localhost:${port}/auth/login   health: http://localhost:${port}/healthz\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => app.kill(signal));
app.on("exit", (code) => process.exit(code ?? 0));
