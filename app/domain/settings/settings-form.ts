// The settings page's form to and from the settings document: lists as one item per line, carrier
// transit days as "Carrier: days" lines, working weekdays as "1,2,3,4,5", message blocks only where they differ from the default.
import { defaultText, MESSAGE_KEYS, type Locale } from "../notifications/messages";
import { INCIDENT_TYPES } from "../incidents/types";
import { compensationFor, type ShopSettings } from "./settings";

export type FormFields = Record<string, string>;

export function settingsToForm(s: ShopSettings): FormFields {
  return {
    handlingDays: String(s.handlingDays), workdays: s.workdays.join(","), holidays: s.holidays.join("\n"), timezone: s.timezone ?? "",
    transitDays: String(s.transitDays), carrierTransitDays: Object.entries(s.carrierTransitDays).map(([c, d]) => `${c}: ${d}`).join("\n"),
    holdOnStockMismatch: s.holdOnStockMismatch ? "on" : "", acknowledgeWithinHours: String(s.acknowledgeWithinHours),
    answerWithinHours: String(s.answerWithinHours), substituteMatch: s.substituteMatch, offerExpiresInHours: String(s.offerExpiresInHours),
    smtpUrl: s.smtpUrl ?? "", fromAddress: s.fromAddress ?? "", watchDays: String(s.watchDays),
    compensationValidDays: String(s.compensationValidDays),
    ...Object.fromEntries(INCIDENT_TYPES.map((type) => [`compensationPercent.${type}`, String(compensationFor(s, type).percentage)])),
  };
}

const lines = (text: string | undefined) => (text ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
const number = (text: string | undefined) => (text === undefined || text.trim() === "" ? Number.NaN : Number(text));

/** The changes a submitted form asks for, or the lines it could not read. */
export function formToChanges(form: FormFields, locale: Locale, current: ShopSettings): { changes: Record<string, unknown>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const carriers: Record<string, number> = {};
  for (const line of lines(form.carrierTransitDays)) {
    const m = line.match(/^(.+?)\s*:\s*(\d+)$/);
    if (m) carriers[m[1].trim()] = Number(m[2]);
    else errors.carrierTransitDays = `"${line}" is not "Carrier: days"`;
  }
  const messages = { ...current.messages };
  const own: Record<string, string> = {};
  for (const key of MESSAGE_KEYS) {
    const text = form[`message.${key}`];
    if (text !== undefined && text.trim() && text.trim() !== defaultText(locale, key)) own[key] = text.trim();
  }
  // Every kind's percentage is kept as shown, so a later change of our defaults does not move it.
  const compensationPercent = Object.fromEntries(INCIDENT_TYPES.filter((type) => form[`compensationPercent.${type}`]?.trim()).map((type) => [type, number(form[`compensationPercent.${type}`])]));
  if (Object.keys(own).length) messages[locale] = own;
  else delete messages[locale];
  return {
    errors,
    changes: {
      handlingDays: number(form.handlingDays), workdays: (form.workdays ?? "").split(",").filter(Boolean).map(Number), holidays: lines(form.holidays), timezone: form.timezone?.trim() || null,
      transitDays: number(form.transitDays), carrierTransitDays: carriers, holdOnStockMismatch: form.holdOnStockMismatch === "on",
      acknowledgeWithinHours: number(form.acknowledgeWithinHours), answerWithinHours: number(form.answerWithinHours),
      substituteMatch: form.substituteMatch, offerExpiresInHours: number(form.offerExpiresInHours),
      smtpUrl: form.smtpUrl?.trim() || null, fromAddress: form.fromAddress?.trim() || null, watchDays: number(form.watchDays), messages,
      compensationPercent, compensationValidDays: number(form.compensationValidDays),
    },
  };
}
