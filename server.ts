// The server build's main module (remix.config.js `server`): remix-serve loads build/index.js once
// at start and serves the Remix build it exports. Loading it also starts the app's background work:
// here, once per process, rather than in a module that renders pages.
import prisma from "./app/db.server";
import { env } from "./app/env.server";
import { startBackgroundWork } from "./app/jobs/background.server";
import { adminClientForShop } from "./app/shopify/admin.server";
import { inbox } from "./app/webhooks/receive.server";

export * from "@remix-run/dev/server-build";

// WEBHOOK_WORKER=off: another process applies the webhooks and runs the timers; this one only
// closes what it opened (the pg-boss connection its intake sends through, the pool) on SIGTERM.
const inProcess = env.WEBHOOK_WORKER === "inprocess";
const background = startBackgroundWork({
  prisma,
  databaseUrl: env.DATABASE_URL,
  adminFor: adminClientForShop,
  webhooks: inProcess ? { queue: env.WEBHOOK_QUEUE } : undefined,
  timers: inProcess
    ? {
        inbox,
        reconcileEveryMinutes: env.RECONCILE_EVERY_MINUTES,
        scanEveryMinutes: env.SCAN_EVERY_MINUTES,
        retentionDays: env.PERSONAL_DATA_RETENTION_DAYS,
      }
    : undefined,
});
background.started.catch((error) => {
  console.error(JSON.stringify({ event: "webhook_worker_start_failed", error: String(error) }));
});
// Graceful shutdown: the server stops taking requests (remix-serve's own handler), the background
// work stops, and the database pool closes, so the process can exit.
void background.stopped.then(() => prisma.$disconnect());
