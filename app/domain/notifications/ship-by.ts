// The day an order still to ship will leave the shop by, as the customer is told it (a late order's
// new date, an order going on after an offer's answer): the shop's handling time from now, in its
// business days, holidays and time zone — the promise the shop makes for any order.
import { addBusinessDays } from "../detection/deadlines";
import type { ShopSettings } from "../settings/settings";

export const shipByFrom = (
  settings: Pick<ShopSettings, "handlingDays" | "holidays" | "workdays">,
  timezone: string,
  from: Date,
): Date =>
  addBusinessDays(from, settings.handlingDays, {
    timezone,
    holidays: settings.holidays,
    workdays: settings.workdays,
  });
