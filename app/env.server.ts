// The app's configuration, validated once at start. A missing or malformed variable stops the
// server with one line naming it, instead of failing deep inside the first request.
import fs from "node:fs";
import { z } from "zod";
import { databaseTarget, DatabaseUrlError } from "./db/target";
import { RetentionDaysSetting } from "./domain/privacy/retention.server";
import { KeyError, makeKeyring, parseKey, type Keyring } from "./secrets/keyring";
import { parseNetworks } from "./domain/notifications/smtp-address";

const validKey = (text: string, ctx: z.RefinementCtx) => {
  try {
    for (const key of text.split(",").filter((k) => k.trim())) parseKey(key);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: error instanceof KeyError ? error.message : String(error) });
  }
};

const EnvSchema = z.object({
  SHOPIFY_API_KEY: z.string({ required_error: "is missing" }).trim().min(1, "is empty"),
  SHOPIFY_API_SECRET: z.string({ required_error: "is missing" }).trim().min(1, "is empty"),
  SHOPIFY_APP_URL: z
    .string({ required_error: "is missing" })
    .url("must be an absolute URL such as https://makegood.example.com")
    .refine((u) => /^https?:/.test(u), "must be an http(s) URL"),
  // Comma-separated; the CLI writes it from shopify.app.toml during `shopify app dev`.
  SCOPES: z.string().optional(),
  // Unset means the embedded SQLite file; see app/db/target.ts.
  DATABASE_URL: z.string().optional(),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  // Where recorded webhooks are applied: in this process (default), or elsewhere ("off").
  WEBHOOK_WORKER: z.enum(["inprocess", "off"], { message: "must be inprocess or off" }).default("inprocess"),
  // What carries recorded webhooks to workers: the inbox table itself (default), or pg-boss jobs
  // on the PostgreSQL database, so several worker processes share the work.
  WEBHOOK_QUEUE: z.enum(["inbox", "pg-boss"], { message: "must be inbox or pg-boss" }).default("inbox"),
  // How often the app re-reads recently changed orders from Shopify to make up for missed
  // webhooks (app/reconcile); 0 turns it off. Runs where WEBHOOK_WORKER=inprocess.
  RECONCILE_EVERY_MINUTES: z.coerce
    .number({ message: "must be a number of minutes" })
    .int("must be whole minutes")
    .min(0, "must be 0 or more")
    .default(60),
  // How often the app scans open orders for ship-by and deliver-by dates that passed
  // (app/domain/detection/scan.server.ts); 0 turns it off. Runs where WEBHOOK_WORKER=inprocess.
  SCAN_EVERY_MINUTES: z.coerce
    .number({ message: "must be a number of minutes" })
    .int("must be whole minutes")
    .min(0, "must be 0 or more")
    .default(15),
  // Where offer links in customer email point: the shop's own domain through Shopify's App Proxy
  // (/apps/makegood/offers/…, default), or the app's address (/offers/…) — the sandbox has no proxy.
  OFFER_LINKS: z
    .enum(["app-proxy", "direct"], { message: "must be app-proxy or direct" })
    .default("app-proxy"),
  // The SMTP server customer email goes through when a shop has none in its settings (an app-wide
  // relay); unset: only shops with their own SMTP settings email their customers.
  SMTP_URL: z.string().url("must be an smtp:// or smtps:// URL").optional(),
  // Days a processed webhook body keeps its personal fields (for replays and investigation) before
  // the retention job strips them (app/jobs/retention.server.ts); 0: at its next run.
  PERSONAL_DATA_RETENTION_DAYS: RetentionDaysSetting,
  // The operator's address that mail through SMTP_URL is sent from (the shop's name shows as the
  // sender's name, its address as Reply-To); unset: SMTP_URL's login when it is an address.
  SMTP_FROM: z.string().email("must be one email address, such as no-reply@makegood.example.com").optional(),
  // Development only: private networks a shop's own SMTP server may be in (CIDR, comma-separated,
  // e.g. 127.0.0.0/8 for a local mail catcher, on any port). Unset: only public addresses, on the
  // mail ports 25, 465, 587 and 2525.
  SMTP_ALLOW_PRIVATE_NETWORKS: z
    .string()
    .optional()
    .superRefine((text, ctx) => {
      if (text === undefined) return;
      try {
        parseNetworks(text);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  // Seals secrets at rest (a shop's SMTP password): 32 random bytes, base64 or hex. Keys used
  // before, comma-separated, still open what they sealed (rotation: `npm run cli -- secrets reseal`).
  ENCRYPTION_KEY: z
    .string({ required_error: "is missing (32 random bytes: openssl rand -base64 32)" })
    .superRefine(validKey),
  ENCRYPTION_KEYS_PREVIOUS: z
    .string()
    .optional()
    .superRefine((text, ctx) => text !== undefined && validKey(text, ctx)),
  LOG_LEVEL: z
    .enum(["error", "warning", "info", "debug"], { message: "must be error, warning, info or debug" })
    .default("info"),
  // Where the App Bridge script is loaded from; unset means Shopify's CDN. Only the sandbox
  // launcher sets it, to its local stand-in (the library's node adapter reads it too).
  APP_BRIDGE_URL: z.string().url("must be an absolute URL").optional(),
});

export type Env = z.infer<typeof EnvSchema> & { DATABASE_URL: string; scopes: string[]; keyring: Keyring };

export class EnvError extends Error {}

/** Validates the environment; throws EnvError whose message is the one line to print. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new EnvError(`${issue.path.join(".")} ${issue.message}`);
  }
  let databaseUrl: string;
  try {
    databaseUrl = databaseTarget(result.data.DATABASE_URL).url;
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new EnvError(error.message);
    throw error;
  }
  if (result.data.WEBHOOK_QUEUE === "pg-boss" && !databaseUrl.startsWith("postgres")) {
    throw new EnvError(
      "WEBHOOK_QUEUE pg-boss needs a postgres:// DATABASE_URL (its jobs live in that database)",
    );
  }
  const scopes = (result.data.SCOPES ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const keyring = makeKeyring(result.data.ENCRYPTION_KEY, result.data.ENCRYPTION_KEYS_PREVIOUS);
  return { ...result.data, DATABASE_URL: databaseUrl, scopes, keyring };
}

function loadEnv(): Env {
  // A local .env is a convenience for `npm start`; the Shopify CLI and hosts set real variables.
  if (fs.existsSync(".env") && !process.env.VITEST) process.loadEnvFile(".env");
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError) || process.env.VITEST) throw error;
    console.error(`MakeGood cannot start: ${error.message} (see README.md, Configuration)`);
    process.exit(1);
  }
}

export const env = loadEnv();
