// `npm run cli -- <command>`: operate the webhook inbox. Needs only DATABASE_URL (or .env).
//   webhooks list [--status pending|failed|dead|processed] [--shop <domain>] [--limit n]
//   webhooks replay <id>        put one event back in line
//   webhooks replay --dead      put every dead event back in line
//   webhooks process [--loop]   apply what is due now (with --loop: until stopped)
import fs from "node:fs";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../app/db/client";
import { webhookHandlers } from "../app/webhooks/handlers";
import { processInbox, replayEvents } from "../app/webhooks/processor.server";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    status: { type: "string" }, shop: { type: "string" }, limit: { type: "string", default: "50" },
    dead: { type: "boolean", default: false }, loop: { type: "boolean", default: false },
  },
});
const [group, command, id] = positionals;
const prisma = createPrismaClient(process.env.DATABASE_URL);

function usage(message?: string): never {
  if (message) console.error(message);
  console.error("usage: npm run cli -- webhooks list [--status s] [--shop d] [--limit n] | webhooks replay <id> | webhooks replay --dead | webhooks process [--loop]");
  process.exit(2);
}

async function main() {
  if (group !== "webhooks") usage(group ? `unknown command group '${group}'` : undefined);
  switch (command) {
    case "list": {
      const rows = await prisma.webhookEvent.findMany({
        where: { ...(values.status ? { status: values.status } : {}), ...(values.shop ? { shop: values.shop } : {}) },
        orderBy: { receivedAt: "desc" },
        take: Number(values.limit),
      });
      for (const r of rows) {
        const when = r.receivedAt.toISOString();
        console.log(`${r.id}  ${when}  ${r.status.padEnd(9)} ${String(r.attempts).padStart(2)}×  ${r.shop}  ${r.topic}${r.lastError ? `  ${r.lastError}` : ""}`);
      }
      if (rows.length === 0) console.log("no webhook events match");
      return;
    }
    case "replay": {
      if (values.dead) return console.log(`${await replayEvents(prisma, { dead: true })} dead event(s) put back in line`);
      if (!id) usage("replay needs an event id, or --dead");
      const count = await replayEvents(prisma, { id });
      if (!count) throw new Error(`no webhook event ${id}`);
      return console.log(`event ${id} put back in line`);
    }
    case "process": {
      do {
        const outcome = await processInbox(prisma, webhookHandlers);
        console.log(JSON.stringify(outcome));
        if (!values.loop) return;
        if (outcome.processed + outcome.failed + outcome.dead === 0) await new Promise((r) => setTimeout(r, 500));
      } while (values.loop);
      return;
    }
    default:
      usage(command ? `unknown webhooks command '${command}'` : undefined);
  }
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
