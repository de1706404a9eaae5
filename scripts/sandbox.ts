// `npm run sandbox`: the sandbox store (a local Shopify with a seeded demo shop) and the app,
// together on localhost. The app runs its production build and reaches "Shopify" through
// route-to-sandbox.mjs, loaded here and nowhere in the app.
import { execFile, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { seedDemoShop, DEMO_SHOP } from "../tests/sandbox/seed";
import { startSandboxServer } from "../tests/sandbox/server";
import { startSmtpServer } from "../tests/sandbox/mailbox";
import { writeEml } from "../tests/sandbox/stage/mail-folder";
import { DEMO_APP, demoAppEnv } from "../tests/sandbox/demo-app";
import { API_VERSION } from "../app/shopify/api-version";
import { root } from "./prisma-schemas";
import { scanInWords, shareClock, stageClockFile } from "../tests/sandbox/stage/clock-file";

const appPort = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 3100);
const appUrl = `http://localhost:${appPort}`;
const app = { ...DEMO_APP, appUrl };

// The app and its CLI live at the sandbox's time (stage-clock.mjs reads this file): a clock button
// on the sandbox admin home makes a ship-by date pass for the app too. Then the app's deadline scan
// runs at once, as its timer would have in the time that passed.
const clockFile = stageClockFile();
const afterClockMove = () =>
  new Promise<string>((resolve) => {
    execFile(
      path.join(root, "node_modules/.bin/tsx"),
      [path.join(root, "scripts/cli.ts"), "incidents", "scan", "--all"],
      { cwd: root, env },
      (error, stdout, stderr) => {
        resolve(
          error
            ? `The app's deadline scan failed: ${(stderr || error.message).trim().split("\n").pop()}`
            : scanInWords(stdout),
        );
      },
    );
  });
const sandboxUrl = `http://localhost:${sandboxPort}`;
// Customer email (offers, acknowledgements, confirmations) lands in the sandbox's mailbox: shown
// here, at /sandbox/mail, and written as .eml files (SANDBOX_MAIL_DIR, else .sandbox-mail/, emptied
// at each start as the store is new).
const mailDir = process.env.SANDBOX_MAIL_DIR ?? path.join(root, ".sandbox-mail");
if (!process.env.SANDBOX_MAIL_DIR) fs.rmSync(mailDir, { recursive: true, force: true });
const shownPath = (file: string) =>
  file.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), file) : file;
const mailbox = await startSmtpServer(0, (mail) => {
  mail.savedAs = writeEml(mailDir, mail);
  const link = mail.text?.match(/https?:\/\/\S+\/offers\/[\w-]+/)?.[0];
  console.log(
    `\n  Mail to ${mail.envelopeTo.join(", ")}: ${mail.subject}\n    From: ${mail.from?.text ?? "(no sender)"}${mail.replyTo ? `\n    Reply-To: ${mail.replyTo.text}` : ""}${link ? `\n    Offer page: ${link}` : ""}\n    Read it: ${sandboxUrl}/sandbox/mail/${mail.id}\n    Saved as: ${mail.savedAs.map(shownPath).join(", ")}\n`,
  );
});
const sandbox = await startSandboxServer({
  port: sandboxPort,
  app,
  mailbox,
  stage: { appOnSandboxClock: true, afterClockMove },
});
const forgetClock = shareClock(sandbox.clock, clockFile);
seedDemoShop(sandbox.store);

// The store is new on every run, so the app's database is too: its orders, incidents and
// tokens would refer to a shop that no longer exists. DATABASE_URL keeps one of your choice.
if (!process.env.DATABASE_URL) {
  for (const suffix of ["", "-journal", "-wal", "-shm"])
    fs.rmSync(path.join(root, `prisma/sandbox.sqlite${suffix}`), { force: true });
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  PORT: String(appPort),
  // Late shipments and deliveries are found by a scan: every minute here, so that a scenario shows
  // soon (production scans every 15). SCAN_EVERY_MINUTES set by the caller wins.
  SCAN_EVERY_MINUTES: process.env.SCAN_EVERY_MINUTES ?? "1",
  SMTP_URL: mailbox.url,
  // The app's relay sends as the operator, under the shop's name; replies go to the shop's sender.
  SMTP_FROM: process.env.SMTP_FROM ?? "no-reply@makegood.example",
  ...demoAppEnv(
    root,
    appUrl,
    sandboxUrl,
    process.env.DATABASE_URL ?? "file:./prisma/sandbox.sqlite",
    clockFile,
  ),
};
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const { NODE_OPTIONS: _appOnly, ...buildEnv } = env;
// The test suite has built already, and rebuilding under servers it runs would race with them.
if (!process.env.MAKEGOOD_SKIP_BUILD)
  execFileSync(bin("remix"), ["build"], { cwd: root, env: buildEnv, stdio: "inherit" });
execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, env: buildEnv, stdio: "inherit" });

const server = spawn(bin("remix-serve"), [path.join(root, "build/index.js")], {
  cwd: root,
  env,
  stdio: ["ignore", "pipe", "inherit"],
});
server.stdout.pipe(process.stdout);
// Shopify installs an embedded app the first time the merchant opens it; the launcher plays that
// first open so the app holds the shop's offline token before anyone visits.
async function installOnDemoShop() {
  const res = await fetch(`${sandboxUrl}/admin/open?shop=${DEMO_SHOP}`, {
    headers: {
      "User-Agent":
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
    },
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`installing on ${DEMO_SHOP} failed: the app answered ${res.status}`);
}

server.stdout.on("data", async (chunk: Buffer) => {
  if (!chunk.toString().includes("[remix-serve]")) return;
  try {
    await installOnDemoShop();
  } catch (error) {
    console.error(`MakeGood sandbox: ${(error as Error).message}`);
    await stop();
    return;
  }
  console.log(`
  MakeGood sandbox is running; the app is installed on ${DEMO_SHOP}.
    Open the app (as the merchant of ${DEMO_SHOP}):
      ${sandboxUrl}/admin/open?shop=${DEMO_SHOP}
    Sandbox admin (orders, scenarios, clock, carrier desk, fault switches):
      ${sandboxUrl}/sandbox/home
    Scripted browsers: the app's bot check answers 410 Gone to headless Chromium's default user agent ("HeadlessChrome"); set a desktop one (Playwright: newPage({ userAgent }), Chromium: --user-agent=…).
    As a customer: their mailbox ${sandboxUrl}/sandbox/mail · the shop's checkout ${sandbox.store.storefrontUrl(DEMO_SHOP)}/checkout
    Sandbox store (Admin GraphQL ${API_VERSION}): ${sandboxUrl}    App: ${appUrl}    Health: ${appUrl}/healthz
`);
});
// Ctrl-C stops both, and waits for the app to finish its requests (at most 10 s).
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  await sandbox.close();
  await mailbox.close();
  forgetClock();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", async (code) => {
  if (stopping) return;
  await sandbox.close();
  forgetClock();
  process.exit(code ?? 0);
});
