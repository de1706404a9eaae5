// A shop's settings: what detection and deadlines go by. Stored as one JSON document per shop and
// read through this schema, so a setting added later has its default for shops that never saved it.
import { z } from "zod";
import { INCIDENT_TYPES, type IncidentType } from "../incidents/types";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const ShopSettingsSchema = z.object({
  /** Business days from the order to its ship-by date when Shopify gives no fulfillBy. */
  handlingDays: z.number().int().min(0).max(30).default(2),
  /** Weekdays the warehouse ships on (ISO: 1 Monday … 7 Sunday): business days count only these. */
  workdays: z.array(z.number().int().min(1).max(7)).min(1, "at least one day of the week").max(7).transform((days) => [...new Set(days)].sort((a, b) => a - b)).default([1, 2, 3, 4, 5]),
  /** Days the warehouse does not ship, besides the days it never works (shop's calendar, YYYY-MM-DD). */
  holidays: z.array(isoDate).max(366).default([]),
  /** Null: the shop's own time zone in Shopify. */
  timezone: z.string().refine(validTimeZone, "an IANA time zone such as Europe/Madrid").nullable().default(null),
  /** Business days a parcel may be in transit when the carrier gives no estimated delivery. */
  transitDays: z.number().int().min(1).max(60).default(5),
  /** The same, per carrier (tracking company as Shopify names it). */
  carrierTransitDays: z.record(z.string().min(1), z.number().int().min(1).max(60)).default({}),
  /** Put the fulfillment order on hold when its stock cannot honour it, so the wrong thing is not shipped. */
  holdOnStockMismatch: z.boolean().default(true),
  /** Service deadlines of a new incident. */
  acknowledgeWithinHours: z.number().min(0).max(168).default(0),
  answerWithinHours: z.number().min(1).max(336).default(24),
  /** What makes another product a substitute: "both": the same product type or a substitute group
   *  shared with it (product tag substitute-group:<name>); "groups": only such a group. A shared tag
   *  alone never does; an older stored "product_type" or "tags" falls back to the default. */
  substituteMatch: z.enum(["both", "groups"]).default("both"),
  /** Percent off the next order that an apology code gives, per kind of problem (the bulk
   *  "apology + code" and the workspace's code start from it). */
  compensationPercent: z.record(z.enum(INCIDENT_TYPES), z.number().min(1).max(100)).default({}),
  /** Days a compensation code can be used. */
  compensationValidDays: z.number().int().min(1).max(365).default(90),
  /** Hours a customer has to answer an offer before the fallback (a refund of the line) runs. */
  offerExpiresInHours: z.number().int().min(1).max(720).default(72),
  /** Where customer email goes out: an SMTP URL (smtp[s]://user:pass@host:port); null: no email. */
  smtpUrl: z.string().url("an SMTP URL such as smtps://user:password@smtp.example.com:465").refine((u) => /^smtps?:/.test(u), "an smtp:// or smtps:// URL").nullable().default(null),
  /** The sender customers see, e.g. "Farmacia Demo <hola@farmacia.example>". */
  fromAddress: z.string().min(3).max(200).nullable().default(null),
  /** The merchant's own wording of message blocks, per language (see notifications/messages.ts). */
  messages: z.record(z.enum(["en", "es", "ro"]), z.record(z.string(), z.string().max(2000))).default({}),
  /** How far back the scan looks for orders still to ship or deliver. */
  watchDays: z.number().int().min(1).max(90).default(45),
});

export type ShopSettings = z.infer<typeof ShopSettingsSchema>;
export const DEFAULT_SETTINGS: ShopSettings = ShopSettingsSchema.parse({});

/** Settings as stored, with defaults for what is missing; a stored value no longer valid falls
 *  back to its default rather than stopping detection for the shop. */
export function readSettings(stored: unknown): ShopSettings {
  const parsed = ShopSettingsSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const repaired: Record<string, unknown> = { ...(stored as Record<string, unknown>) };
  for (const issue of parsed.error.issues) delete repaired[String(issue.path[0])];
  return ShopSettingsSchema.parse(repaired);
}

export function transitDaysFor(settings: ShopSettings, carrier: string | null): number {
  if (!carrier) return settings.transitDays;
  const match = Object.entries(settings.carrierTransitDays).find(([name]) => name.toLowerCase() === carrier.toLowerCase());
  return match ? match[1] : settings.transitDays;
}

/** What a late order is worth by default: a small gesture for a delay, more when the customer
 *  went without what they paid for. */
export const DEFAULT_COMPENSATION_PERCENT: Record<IncidentType, number> = {
  late_shipment: 5, late_delivery: 5, delivery_failed: 10, stock_mismatch: 10, cod_amount_mismatch: 5, wrong_item: 10, damaged_delivery: 10,
};

export function compensationFor(settings: ShopSettings, type: IncidentType) {
  return { percentage: settings.compensationPercent[type] ?? DEFAULT_COMPENSATION_PERCENT[type], expiresInDays: settings.compensationValidDays };
}

export function slaOf(settings: ShopSettings) {
  return { acknowledgeWithinMs: settings.acknowledgeWithinHours * 3_600_000, answerWithinMs: settings.answerWithinHours * 3_600_000 };
}
