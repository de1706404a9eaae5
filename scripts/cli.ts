// `npm run cli -- <command>`: operate the webhook inbox. Needs only DATABASE_URL (or .env).
//   webhooks list [--status pending|failed|dead|refused|processed] [--shop <domain>] [--limit n]
//   webhooks replay <id>        put one event back in line
//   webhooks replay --dead      put every dead event back in line
//   webhooks process [--loop]   apply what is due now (with --loop: until stopped)
//   webhooks work [--workers n] with WEBHOOK_QUEUE=pg-boss: apply queued jobs until stopped
//   reconcile --shop <domain> --since <iso>   record what changed in Shopify since then and apply it
//   reconcile --all                           every active shop from where its last run got to
//   incidents list --shop <domain> [--status s] [--type t] [--json]
//   incidents detect            run the due detection tasks (stock checks, holds) now
//   incidents scan --shop <domain> | --all   judge open orders against their ship-by and deliver-by dates now
//   incidents move <id> --shop <domain> --to customer_contacted|awaiting_customer|remedied|closed|dismissed [--reason text]
//   incidents flag --shop <domain> --order <gid> --line <gid> --reason expired|damaged|missing [--quantity n] [--note text]
//   privacy retention           strip old inbox bodies of personal data, delete old data exports (PERSONAL_DATA_RETENTION_DAYS)
//   secrets reseal             seal every shop's SMTP password with ENCRYPTION_KEY (after a key rotation, or
//                              to seal passwords stored in clear by an older version); one that no key
//                              opens is named and left as it is, and the run exits with 1
// reconcile and incidents detect/scan talk to Shopify, so it needs the app's configuration (SHOPIFY_API_KEY, ...) too.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../app/db/client";
import { databaseTarget } from "../app/db/target";
import { webhookHandlers } from "../app/webhooks/handlers";
import { InboxWriter, type RecordedEvent } from "../app/webhooks/inbox-writer.server";
import { incidentsWithHistory } from "../app/domain/incidents/incidents-with-history.server";
import { readable, summaryDates } from "../app/domain/dates";
import { processInbox, replayEvents } from "../app/webhooks/processor.server";
import { WebhookQueue } from "../app/webhooks/queue.server";
import { RetentionDaysSetting } from "../app/domain/privacy/retention.server";
import { startBackgroundWork, type BackgroundWork } from "../app/jobs/background.server";
import { runDueDetection } from "../app/jobs/detection.server";
import { runRetention } from "../app/jobs/retention.server";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    status: { type: "string" },
    shop: { type: "string" },
    limit: { type: "string", default: "50" },
    dead: { type: "boolean", default: false },
    loop: { type: "boolean", default: false },
    workers: { type: "string", default: "4" },
    since: { type: "string" },
    all: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    type: { type: "string" },
    to: { type: "string" },
    order: { type: "string" },
    line: { type: "string" },
    reason: { type: "string" },
    quantity: { type: "string" },
    note: { type: "string" },
  },
});
const [group, command, id] = positionals;
const prisma = createPrismaClient(process.env.DATABASE_URL);
const { provider, url: databaseUrl } = databaseTarget(process.env.DATABASE_URL);

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(
    "usage: npm run cli -- incidents list --shop <domain> [--status s] [--type t] [--json] | incidents detect | incidents scan --shop <domain> | --all",
  );
  console.error("       npm run cli -- incidents move <id> --shop <domain> --to <status> [--reason text]");
  console.error(
    "       npm run cli -- incidents flag --shop <domain> --order <gid> --line <gid> --reason expired|damaged|missing [--quantity n] [--note text]",
  );
  console.error("       npm run cli -- privacy retention");
  console.error("       npm run cli -- reconcile --shop <domain> --since <iso> | reconcile --all");
  console.error("       npm run cli -- secrets reseal");
  console.error(
    "       npm run cli -- webhooks list [--status s] [--shop d] [--limit n] | webhooks replay <id> | webhooks replay --dead | webhooks process [--loop] | webhooks work [--workers n]",
  );
  process.exit(2);
}

/** One batch of the inbox applied in this process, its outcome printed. */
async function applyDue() {
  const outcome = await processInbox(prisma, webhookHandlers, { provider });
  console.log(JSON.stringify(outcome));
  return outcome;
}

/**
 * How this process reads Shopify for the detection tasks the applied webhooks asked for (stock
 * checks, holds) — when it has the app's configuration; without it they wait for the app's worker.
 */
async function shopifyReader(): Promise<BackgroundWork["adminFor"]> {
  if (!process.env.SHOPIFY_API_KEY || !process.env.SHOPIFY_API_SECRET) {
    console.error(
      JSON.stringify({
        event: "detection_not_run",
        reason:
          "SHOPIFY_API_KEY and SHOPIFY_API_SECRET are needed to read Shopify; the app's worker runs the detection tasks",
      }),
    );
    return undefined;
  }
  const { adminClientForShop } = await import("../app/shopify/admin.server");
  return adminClientForShop;
}

/** The app's worker in this process, as the server runs it, until SIGTERM or SIGINT stops it. */
async function workUntilStopped(webhooks: NonNullable<BackgroundWork["webhooks"]>, onStarted = () => {}) {
  const work = startBackgroundWork({ prisma, databaseUrl, adminFor: await shopifyReader(), webhooks });
  await work.started;
  onStarted();
  await work.stopped;
}

/** Records what Shopify changed, then applies it here (or queues it, with pg-boss). */
async function reconcile() {
  // Loaded only here: the other commands need no Shopify configuration.
  const { adminClientForShop } = await import("../app/shopify/admin.server");
  const { reconcileShop } = await import("../app/reconcile/reconcile.server");
  const { reconcileActiveShops } = await import("../app/jobs/reconcile.server");
  const recorded: RecordedEvent[] = [];
  const inbox = new InboxWriter(prisma, provider, (events) => recorded.push(...events));
  if (values.all) {
    console.log(JSON.stringify(await reconcileActiveShops({ prisma, inbox, adminFor: adminClientForShop })));
  } else {
    const since = values.since ? new Date(values.since) : null;
    if (!values.shop || !since || Number.isNaN(since.getTime()))
      usage("reconcile needs --shop <domain> and --since <ISO date>, or --all");
    const result = await reconcileShop(
      prisma,
      await adminClientForShop(values.shop),
      inbox,
      values.shop,
      since,
    );
    console.log(JSON.stringify({ shop: values.shop, since: since.toISOString(), ...result }));
  }
  if (process.env.WEBHOOK_QUEUE === "pg-boss") {
    const queue = await WebhookQueue.connect(process.env.DATABASE_URL!);
    await queue.enqueueRecorded(recorded);
    await queue.stop();
    return;
  }
  // Applied here until nothing is left that can be applied now (retries wait for a worker).
  let outcome;
  do outcome = await applyDue();
  while (
    outcome.processed + outcome.failed + outcome.dead + outcome.refused > 0 &&
    outcome.deferred + outcome.failed === 0
  );
}

/** A summary's date tokens in UTC, as the rest of this listing writes its times. */
const summaryOf = (e: { summary: string; detail: unknown } | undefined) =>
  e ? readable(e.summary, summaryDates(e.summary, e.detail), { timezone: "UTC", locale: "en" }) : "";

async function incidents() {
  if (command === "list") {
    if (!values.shop) usage("incidents list needs --shop <domain>");
    const rows = await incidentsWithHistory(prisma, {
      shop: values.shop,
      status: values.status,
      type: values.type,
    });
    if (values.json) return console.log(JSON.stringify(rows, null, 2));
    for (const i of rows) {
      console.log(
        `${i.id}  ${i.openedAt.toISOString()}  ${i.status.padEnd(9)} ${i.type.padEnd(20)} ${i.orderName || i.orderId}  answer by ${i.answerBy.toISOString()}  ${summaryOf(i.timeline[0])}`,
      );
    }
    if (rows.length === 0) console.log("no incidents match");
    return;
  }
  if (command === "detect") {
    const adminFor = await shopifyReader();
    return console.log(JSON.stringify(adminFor ? await runDueDetection(prisma, adminFor) : undefined));
  }
  if (command === "scan") {
    const { adminClientForShop } = await import("../app/shopify/admin.server");
    if (values.all) {
      const { scanActiveShops } = await import("../app/jobs/scan.server");
      return console.log(JSON.stringify(await scanActiveShops(prisma, adminClientForShop)));
    }
    if (!values.shop) usage("incidents scan needs --shop <domain>, or --all");
    const { scanShop } = await import("../app/domain/detection/scan.server");
    return console.log(
      JSON.stringify({
        shop: values.shop,
        ...(await scanShop(prisma, await adminClientForShop(values.shop), values.shop)),
      }),
    );
  }
  if (command === "flag") {
    const { FlagInput, flagOrderLine } = await import("../app/domain/incidents/flag.server");
    if (!values.shop)
      usage(
        "incidents flag needs --shop <domain> --order <gid> --line <gid> --reason expired|damaged|missing",
      );
    const input = FlagInput.safeParse({
      orderId: values.order,
      lineItemId: values.line,
      reason: values.reason,
      note: values.note,
      quantity: values.quantity === undefined ? undefined : Number(values.quantity),
    });
    if (!input.success)
      usage(
        `incidents flag: ${input.error.issues.map((i) => `--${CLI_FLAG_OPTION[String(i.path[0])] ?? i.path[0]} must be ${i.message}`).join("; ")}`,
      );
    const result = await flagOrderLine(prisma, values.shop, input.data, {
      actor: "merchant",
      name: process.env.USER ? `${process.env.USER} (CLI)` : "the CLI",
    });
    if (!result.ok) throw new Error(result.error);
    return console.log(JSON.stringify(result));
  }
  if (command === "move") {
    const { moveIncident } = await import("../app/domain/incidents/status.server");
    if (!values.shop || !id || !values.to)
      usage("incidents move needs <incident id> --shop <domain> --to <status> [--reason text]");
    const result = await moveIncident(prisma, {
      shop: values.shop,
      incidentId: id,
      to: values.to as never,
      reason: values.reason,
      actor: "merchant",
      by: process.env.USER ? `${process.env.USER} (CLI)` : "the CLI",
    });
    if (!result.ok) throw new Error(result.error);
    return console.log(JSON.stringify(result));
  }
  usage(command ? `unknown incidents command '${command}'` : undefined);
}

/** The CLI's option for each field of a flag, to name it in errors. */
const CLI_FLAG_OPTION: Record<string, string> = {
  orderId: "order",
  lineItemId: "line",
  reason: "reason",
  quantity: "quantity",
  note: "note",
};

async function main() {
  if (group === "reconcile") return reconcile();
  if (group === "incidents") return incidents();
  if (group === "privacy") {
    if (command !== "retention") usage(command ? `unknown privacy command '${command}'` : undefined);
    const days = RetentionDaysSetting.safeParse(process.env.PERSONAL_DATA_RETENTION_DAYS);
    if (!days.success) usage(`PERSONAL_DATA_RETENTION_DAYS ${days.error.issues[0].message}`);
    return void (await runRetention(prisma, days.data));
  }
  if (group === "secrets") return secrets();
  if (group !== "webhooks") usage(group ? `unknown command group '${group}'` : undefined);
  switch (command) {
    case "list": {
      const rows = await prisma.webhookEvent.findMany({
        where: {
          ...(values.status ? { status: values.status } : {}),
          ...(values.shop ? { shop: values.shop } : {}),
        },
        orderBy: { receivedAt: "desc" },
        take: Number(values.limit),
      });
      for (const r of rows) {
        const when = r.receivedAt.toISOString();
        console.log(
          `${r.id}  ${when}  ${r.status.padEnd(9)} ${String(r.attempts).padStart(2)}×  ${r.shop}  ${r.topic}${r.lastError ? `  ${r.lastError}` : ""}`,
        );
      }
      if (rows.length === 0) console.log("no webhook events match");
      return;
    }
    case "replay": {
      if (values.dead)
        return console.log(`${await replayEvents(prisma, { dead: true })} dead event(s) put back in line`);
      if (!id) usage("replay needs an event id, or --dead");
      const count = await replayEvents(prisma, { id });
      if (!count) throw new Error(`no webhook event ${id}`);
      return console.log(`event ${id} put back in line`);
    }
    case "process": {
      if (!values.loop) return void (await applyDue());
      return workUntilStopped({ queue: "inbox", onBatch: (outcome) => console.log(JSON.stringify(outcome)) });
    }
    case "work": {
      if (process.env.WEBHOOK_QUEUE !== "pg-boss" || provider !== "postgresql")
        usage("webhooks work needs WEBHOOK_QUEUE=pg-boss and a postgres:// DATABASE_URL");
      const workers = Number(values.workers);
      return workUntilStopped({ queue: "pg-boss", workers }, () =>
        console.log(JSON.stringify({ event: "webhook_queue_working", workers })),
      );
    }
    default:
      usage(command ? `unknown webhooks command '${command}'` : undefined);
  }
}

/** Seals every stored secret with the current ENCRYPTION_KEY (the previous keys still open the old ones). */
async function secrets() {
  if (command !== "reseal") usage(command ? `unknown secrets command '${command}'` : undefined);
  // Loaded only here: it needs the app's configuration (ENCRYPTION_KEY and the keys before it).
  const { resealShopSecrets } = await import("../app/domain/settings/settings.server");
  const { SecretUnreadable } = await import("../app/secrets/keyring");
  const shops = await prisma.shopSettings.findMany({ select: { shop: true }, orderBy: { shop: "asc" } });
  let resealed = 0;
  // A secret no key opens (its key left out of ENCRYPTION_KEYS_PREVIOUS) is named and left as it is;
  // the other shops are still sealed, and the run ends in failure so that the operator looks.
  const unreadable: { shop: string; reason: string }[] = [];
  for (const { shop } of shops) {
    try {
      if (await resealShopSecrets(prisma, shop)) resealed++;
    } catch (error) {
      if (!(error instanceof SecretUnreadable)) throw error;
      unreadable.push({ shop, reason: error.message });
    }
  }
  for (const { shop, reason } of unreadable)
    console.error(`${shop}: its SMTP password was left as it is: ${reason}`);
  console.log(
    JSON.stringify({
      event: "secrets_resealed",
      shops: shops.length,
      resealed,
      unreadable: unreadable.length,
    }),
  );
  if (unreadable.length) process.exitCode = 1;
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
