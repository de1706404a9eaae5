// A shop's settings: what detection and deadlines go by. Stored as one JSON document per shop and
// read through this schema, so a setting added later has its default for shops that never saved it.
import { z } from "zod";
import { INCIDENT_TYPES, type IncidentType } from "../incidents/types";
import { LOCALES, MESSAGE_KEYS, type MessageKey } from "../notifications/messages";
import { placeholderProblem } from "./message-blocks";
import {
  calendarDate,
  decimal,
  senderAddress,
  smtpHost,
  smtpPort,
  smtpUser,
  timeZone,
  wholeNumber,
} from "./rules";
import { smtpFromLegacyUrl } from "./smtp-legacy";

const uniqueSorted = <T>(items: T[]) => [...new Set(items)].sort();

function knownPlaceholders(
  byLocale: Partial<Record<string, Partial<Record<MessageKey, string>>>>,
  ctx: z.RefinementCtx,
) {
  for (const [locale, blocks] of Object.entries(byLocale)) {
    for (const key of MESSAGE_KEYS) {
      const problem = blocks?.[key] === undefined ? null : placeholderProblem(key, blocks[key]!);
      if (problem) ctx.addIssue({ code: "custom", path: [locale, key], message: problem });
    }
  }
}

export const ShopSettingsSchema = z.object({
  /** Business days from the order to its ship-by date when Shopify gives no fulfillBy. */
  handlingDays: wholeNumber(0, 30).default(2),
  /** Weekdays the warehouse ships on (ISO: 1 Monday … 7 Sunday): business days count only these. */
  workdays: z
    .array(wholeNumber(1, 7))
    .min(1, "Tick at least one day the warehouse ships on.")
    .max(7)
    .transform((days) => [...new Set(days)].sort((a, b) => a - b))
    .default([1, 2, 3, 4, 5]),
  /** Days the warehouse does not ship, besides the days it never works (shop's calendar, YYYY-MM-DD). */
  holidays: z.array(calendarDate).max(366, "List at most 366 holidays.").transform(uniqueSorted).default([]),
  /** Null: the shop's own time zone in Shopify. */
  timezone: timeZone.nullable().default(null),
  /** Business days a parcel may be in transit when the carrier gives no estimated delivery. */
  transitDays: wholeNumber(1, 60).default(5),
  /** The same, per carrier (tracking company as Shopify names it). */
  carrierTransitDays: z.record(z.string().trim().min(1).max(100), wholeNumber(1, 60)).default({}),
  /** Put the fulfillment order on hold while a problem is open that shipping would make worse: its
   *  stock cannot honour it (the wrong thing would ship), or the cash-on-delivery amount changed
   *  (the courier would ask what the customer was not told), until the merchant decides. The key
   *  keeps its first name so that stored settings still read. */
  holdOnStockMismatch: z.boolean().default(true),
  /** Service deadlines of a new incident. */
  acknowledgeWithinHours: decimal(0, 168, "a number of hours").default(0),
  answerWithinHours: decimal(1, 336, "a number of hours").default(24),
  /** What makes another product a substitute: "both": the same product type or a substitute group
   *  shared with it (product tag substitute-group:<name>); "groups": only such a group. A shared tag
   *  alone never does; an older stored "product_type" or "tags" falls back to the default. */
  substituteMatch: z.enum(["both", "groups"], { message: "Choose what makes a substitute." }).default("both"),
  /** Percent off the next order that an apology code gives, per kind of problem (the bulk
   *  "apology + code" and the workspace's code start from it). */
  compensationPercent: z.record(z.enum(INCIDENT_TYPES), decimal(1, 100, "a percentage")).default({}),
  /** Days a compensation code can be used. */
  compensationValidDays: wholeNumber(1, 365).default(90),
  /** Hours a customer has to answer an offer before the fallback (a refund of the line) runs. */
  offerExpiresInHours: wholeNumber(1, 720).default(72),
  /** The shop's own mail server; null: the app's relay (SMTP_URL) when there is one, else no email.
   *  Its password is sealed (app/secrets): this document never holds it in clear, nor the page. */
  smtp: z
    .object({
      host: smtpHost,
      port: smtpPort,
      user: smtpUser.nullable().default(null),
      password: z.string().max(4000).nullable().default(null),
    })
    .nullable()
    .default(null),
  /** The sender customers see, e.g. "Farmacia Demo <hola@farmacia.example>". */
  fromAddress: senderAddress.nullable().default(null),
  /** The merchant's own wording of message blocks, per language (see notifications/messages.ts). */
  messages: z
    .record(
      z.enum(LOCALES),
      z.record(
        z.enum(MESSAGE_KEYS as [MessageKey, ...MessageKey[]]),
        z.string().max(2000, "Keep each text under 2,000 characters."),
      ),
    )
    .superRefine(knownPlaceholders)
    .default({}),
  /** How far back the scan looks for orders still to ship or deliver. */
  watchDays: wholeNumber(1, 90).default(45),
});

export type ShopSettings = z.infer<typeof ShopSettingsSchema>;
export const DEFAULT_SETTINGS: ShopSettings = ShopSettingsSchema.parse({});

export type SettingsErrors = Record<string, string>;

/** The settings `candidate` makes, or what is wrong with it: every problem at once, by the path
 *  of the value ("holidays.1", "messages.es.apology"), several for one value on separate lines. */
export function checkSettings(
  candidate: unknown,
): { ok: true; settings: ShopSettings } | { ok: false; errors: SettingsErrors } {
  const parsed = ShopSettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: SettingsErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join(".") || "settings";
    errors[path] = errors[path] ? `${errors[path]}\n${issue.message}` : issue.message;
  }
  return { ok: false, errors };
}

/** Settings as stored, with defaults for what is missing, and what was set aside: a stored value no
 *  longer valid (one holiday, one message block, else the whole setting) falls back to its default
 *  rather than stopping detection for the shop. */
export function readStoredSettings(stored: unknown): { settings: ShopSettings; setAside: SettingsErrors } {
  const doc = structuredClone(stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  const setAside: SettingsErrors = {};
  // Before the server was its own fields, it was one URL: read as those fields, its options dropped.
  if (typeof doc.smtpUrl === "string" && doc.smtp === undefined) {
    const migrated = smtpFromLegacyUrl(doc.smtpUrl);
    if ("problem" in migrated) setAside.smtp = migrated.problem;
    else doc.smtp = migrated.smtp;
  }
  delete doc.smtpUrl;
  for (let round = 0; round < 3; round++) {
    const checked = checkSettings(doc);
    if (checked.ok) return { settings: checked.settings, setAside };
    Object.assign(setAside, checked.errors);
    const removed = new Set<unknown>();
    for (const path of Object.keys(checked.errors)) {
      const [top, ...rest] = path.split(".");
      // The first time, only the item at fault; if that was not enough, the whole setting.
      if (round > 0 || !rest.length || !removeItem(doc[top], rest, removed)) delete doc[top];
    }
    for (const [key, value] of Object.entries(doc))
      if (Array.isArray(value)) doc[key] = value.filter((item) => !removed.has(item));
  }
  return { settings: DEFAULT_SETTINGS, setAside };
}

/** Removes the item at `path` inside `container` (an array item is marked, for filtering after). */
function removeItem(container: unknown, path: string[], removed: Set<unknown>): boolean {
  if (Array.isArray(container) && path.length === 1) {
    const marker = Symbol("set aside");
    removed.add(marker);
    container[Number(path[0])] = marker;
    return true;
  }
  if (!container || typeof container !== "object") return false;
  const record = container as Record<string, unknown>;
  // Keys may hold dots ("page.done.refund", a carrier "D.H.L."): the longest key present first.
  for (let i = path.length; i >= 1; i--) {
    const key = path.slice(0, i).join(".");
    if (!(key in record)) continue;
    if (i === path.length) {
      delete record[key];
      return true;
    }
    return removeItem(record[key], path.slice(i), removed);
  }
  return false;
}

export const readSettings = (stored: unknown): ShopSettings => readStoredSettings(stored).settings;

export function transitDaysFor(settings: ShopSettings, carrier: string | null): number {
  if (!carrier) return settings.transitDays;
  const match = Object.entries(settings.carrierTransitDays).find(
    ([name]) => name.toLowerCase() === carrier.toLowerCase(),
  );
  return match ? match[1] : settings.transitDays;
}

/** What a late order is worth by default: a small gesture for a delay, more when the customer
 *  went without what they paid for. */
export const DEFAULT_COMPENSATION_PERCENT: Record<IncidentType, number> = {
  late_shipment: 5,
  late_delivery: 5,
  delivery_failed: 10,
  stock_mismatch: 10,
  cod_amount_mismatch: 5,
  wrong_item: 10,
  damaged_delivery: 10,
};

export function compensationFor(settings: ShopSettings, type: IncidentType) {
  return {
    percentage: settings.compensationPercent[type] ?? DEFAULT_COMPENSATION_PERCENT[type],
    expiresInDays: settings.compensationValidDays,
  };
}

export function slaOf(settings: ShopSettings) {
  return {
    acknowledgeWithinMs: settings.acknowledgeWithinHours * 3_600_000,
    answerWithinMs: settings.answerWithinHours * 3_600_000,
  };
}
