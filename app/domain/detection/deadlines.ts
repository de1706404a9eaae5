// Ship-by and deliver-by dates in business days of the shop's calendar: weekends and the shop's
// holidays do not count, and a day is a day in the shop's time zone (an order placed late on
// Friday in Madrid is a Friday order even when it is Saturday in UTC).
import { TZDate } from "@date-fns/tz";
import { addDays, endOfDay, format, isWeekend, startOfDay } from "date-fns";

export type Calendar = { timezone: string; holidays: readonly string[] };

function isBusinessDay(day: TZDate, calendar: Calendar) {
  return !isWeekend(day) && !calendar.holidays.includes(format(day, "yyyy-MM-dd"));
}

/**
 * The end of the `days`-th business day after `from` in the shop's time zone: an order placed on
 * a business day has that day plus `days` more to ship; one placed on a weekend or holiday counts
 * from the next business day. Zero days: by the end of the first business day.
 */
export function addBusinessDays(from: Date, days: number, calendar: Calendar): Date {
  let day = new TZDate(from.getTime(), calendar.timezone);
  while (!isBusinessDay(day, calendar)) day = addDays(day, 1);
  for (let left = days; left > 0; ) {
    day = addDays(day, 1);
    if (isBusinessDay(day, calendar)) left--;
  }
  return new Date(endOfDay(day).getTime());
}

/** Business days begun since `deadline` passed, up to `now` (0 when it has not passed). */
export function businessDaysLate(deadline: Date, now: Date, calendar: Calendar): number {
  let late = 0;
  for (let day = new TZDate(startOfDay(addDays(new TZDate(deadline.getTime(), calendar.timezone), 1)).getTime(), calendar.timezone); day.getTime() <= now.getTime(); day = addDays(day, 1)) {
    if (isBusinessDay(day, calendar)) late++;
  }
  return late;
}
