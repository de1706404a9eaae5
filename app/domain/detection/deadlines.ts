// Ship-by and deliver-by dates in business days of the shop's calendar: days the shop does not
// work (weekends, unless it says otherwise) and its holidays do not count, and a day is a day in the shop's time zone (an order placed late on
// Friday in Madrid is a Friday order even when it is Saturday in UTC).
import { TZDate } from "@date-fns/tz";
import { addDays, endOfDay, format, getISODay, startOfDay } from "date-fns";

/** `workdays`: ISO weekdays the shop ships on (1 Monday … 7 Sunday); Monday to Friday if not given. */
export type Calendar = { timezone: string; holidays: readonly string[]; workdays?: readonly number[] };

export const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5] as const;

function isBusinessDay(day: TZDate, calendar: Calendar) {
  return (
    (calendar.workdays ?? MONDAY_TO_FRIDAY).includes(getISODay(day)) &&
    !calendar.holidays.includes(format(day, "yyyy-MM-dd"))
  );
}

/**
 * The end of the `days`-th business day after `from` in the shop's time zone: an order placed on
 * a business day has that day plus `days` more to ship; one placed on a weekend or holiday counts
 * from the next business day. Zero days: by the end of the first business day.
 */
export function addBusinessDays(from: Date, days: number, calendar: Calendar): Date {
  let day = new TZDate(from.getTime(), calendar.timezone);
  while (!isBusinessDay(day, calendar)) day = addDays(day, 1);
  for (let left = days; left > 0;) {
    day = addDays(day, 1);
    if (isBusinessDay(day, calendar)) left--;
  }
  return new Date(endOfDay(day).getTime());
}

/** Business days begun since `deadline` passed, up to `now` (0 when it has not passed). */
export function businessDaysLate(deadline: Date, now: Date, calendar: Calendar): number {
  let late = 0;
  for (
    let day = new TZDate(
      startOfDay(addDays(new TZDate(deadline.getTime(), calendar.timezone), 1)).getTime(),
      calendar.timezone,
    );
    day.getTime() <= now.getTime();
    day = addDays(day, 1)
  ) {
    if (isBusinessDay(day, calendar)) late++;
  }
  return late;
}
