// Money and dates as the customer reads them: their language's conventions through Intl ("59,90 EUR"
// in Romanian, "€59.90" in English), and times in the shop's time zone with the zone named, since
// a customer may live elsewhere ("… 14:00 (hora de Europa central)").
import type { Locale } from "./messages";

export const formatMoney = (locale: Locale, amount: string | number, currency: string) =>
  new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(amount));

/** A day, for dates without a time (a ship-by day, a code's last day). */
export const formatDay = (locale: Locale, date: Date, timeZone: string) =>
  new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  }).format(date);

/** A moment, with the zone's name in the customer's language. */
export function formatDateTime(locale: Locale, date: Date, timeZone: string): string {
  const when = new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(date);
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "longGeneric" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName")?.value;
  return `${when} (${zone ?? timeZone})`;
}
