// Dates as the merchant reads them: in the shop's time zone, written the way the shop's region
// writes them (English words). The server and the browser are both given the zone and the locale
// and never use their own, so the page hydrates with the very strings the server drew.

/** Where and how the shop reads its dates: an IANA zone and a BCP 47 locale ("en-ES"). */
export type ShopClock = { timezone: string; locale: string };

const known = new Map<string, ReturnType<typeof build>>();

function build({ timezone, locale }: ShopClock) {
  const at = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: timezone });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: timezone });
  // A calendar day written YYYY-MM-DD is the same day in every zone: read at UTC midnight.
  const calendar = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const safe = (format: Intl.DateTimeFormat, value: string | Date, raw: string) => {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? raw : format.format(date);
  };
  return {
    /** The format of an instant with its time, for those who want Intl's own object. */
    dateTime: at,
    at: (value: string | Date) => safe(at, value, String(value)),
    day: (value: string | Date) => safe(day, value, String(value)),
    calendarDay: (ymd: string) => safe(calendar, `${ymd}T00:00:00Z`, ymd),
  };
}

/** The shop's date formats, made once per zone and locale. */
export function dateFormats(clock: ShopClock) {
  const key = `${clock.timezone}|${clock.locale}`;
  let formats = known.get(key);
  if (!formats) known.set(key, (formats = build(clock)));
  return formats;
}

/** Intl's formatter of an instant with its time in the shop's zone and locale. */
export const dateTimeFormat = (clock: ShopClock) => dateFormats(clock).dateTime;

// A stored summary names its instants as tokens ("due to ship by {shipBy:day}") whose values
// are ISO strings in the event's detail: the text never bakes in one zone's rendering.
const TOKEN = /\{(\w+)(?::(day))?\}/g;
const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g;
const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/g;
export const isIsoInstant = (value: unknown): value is string =>
  typeof value === "string" && new RegExp(`^${ISO_INSTANT.source}$`).test(value);

/** The instants a summary's tokens refer to, picked from its event's detail (not the whole detail). */
export function summaryDates(summary: string, detail: unknown): Record<string, string> {
  const values = detail && typeof detail === "object" ? (detail as Record<string, unknown>) : {};
  const dates: Record<string, string> = {};
  for (const [, key] of summary.matchAll(TOKEN))
    if (isIsoInstant(values[key])) dates[key] = values[key] as string;
  return dates;
}

/**
 * A stored summary as the merchant reads it: its tokens as dates in the shop's zone and locale.
 * Rows written before tokens existed carry ISO strings in their text: those are read too.
 */
export function readable(summary: string, dates: Record<string, string>, clock: ShopClock): string {
  const f = dateFormats(clock);
  return summary
    .replace(TOKEN, (token, key: string, style?: string) =>
      dates[key] ? (style === "day" ? f.day(dates[key]) : f.at(dates[key])) : token,
    )
    .replace(ISO_INSTANT, (iso) => f.at(iso))
    .replace(ISO_DAY, (ymd) => f.calendarDay(ymd));
}

/** The regional English a shop's dates are written in: "en-ES" for a shop in Spain, else "en". */
export function shopLocale(countryCode: string | null | undefined): string {
  const candidate = countryCode && /^[A-Z]{2}$/.test(countryCode) ? `en-${countryCode}` : "en";
  return Intl.DateTimeFormat.supportedLocalesOf([candidate]).length ? candidate : "en";
}
