// The stage's clock buttons: an hour, a day, or N business days forward. Business days are counted
// in the shop's time zone and skip Saturdays and Sundays; the app's own holidays are its settings,
// which the store does not know, so the app may still count a holiday the stage counted.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type ClockMove = { label: string; ms: number };

function weekday(at: Date, timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone }).format(at);
}

/** How far forward to go for `days` business days to pass, the time of day kept. */
export function businessDaysAhead(now: Date, days: number, timeZone: string) {
  let at = now.getTime();
  for (let counted = 0; counted < days;) {
    at += DAY;
    if (!["Sat", "Sun"].includes(weekday(new Date(at), timeZone))) counted++;
  }
  return at - now.getTime();
}

/** The move a clock form asked for, or why it is refused. */
export function clockMove(
  form: URLSearchParams,
  now: Date,
  timeZone: string,
): ClockMove | { refused: string } {
  switch (form.get("move")) {
    case "hour":
      return { label: "one hour", ms: HOUR };
    case "day":
      return { label: "one day", ms: DAY };
    case "business-days": {
      const days = Number(form.get("days"));
      if (!Number.isInteger(days) || days < 1 || days > 60)
        return { refused: "Business days must be a whole number from 1 to 60." };
      return {
        label: `${days} business day${days === 1 ? "" : "s"}`,
        ms: businessDaysAhead(now, days, timeZone),
      };
    }
    default:
      return { refused: "Choose how far to move the clock: one hour, one day or a number of business days." };
  }
}
