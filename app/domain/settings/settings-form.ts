// The settings page's form to and from the settings document: lists as one item per line, carrier
// transit days as "Carrier: days" lines, working weekdays as "1,2,3,4,5", message blocks of every
// language as `message.<language>.<block>`, kept only where they differ from the default.
import { defaultText, LOCALES, MESSAGE_KEYS, type MessageKey } from "../notifications/messages";
import { INCIDENT_TYPES } from "../incidents/types";
import { isServerName } from "./rules";
import { checkSettings, compensationFor, type ShopSettings } from "./settings";

export type FormFields = Record<string, string>;
/** What is wrong, by the form field it belongs to; several problems on separate lines. */
export type FieldErrors = Record<string, string>;

export const messageField = (locale: string, key: string) => `message.${locale}.${key}`;

export function settingsToForm(s: ShopSettings): FormFields {
  return {
    handlingDays: String(s.handlingDays),
    workdays: s.workdays.join(","),
    holidays: s.holidays.join("\n"),
    timezone: s.timezone ?? "",
    transitDays: String(s.transitDays),
    carrierTransitDays: Object.entries(s.carrierTransitDays)
      .map(([c, d]) => `${c}: ${d}`)
      .join("\n"),
    holdOnStockMismatch: s.holdOnStockMismatch ? "on" : "",
    acknowledgeWithinHours: String(s.acknowledgeWithinHours),
    answerWithinHours: String(s.answerWithinHours),
    substituteMatch: s.substituteMatch,
    offerExpiresInHours: String(s.offerExpiresInHours),
    // The password never goes to the page: only whether one is saved (see smtpPasswordSet).
    smtpHost: s.smtp?.host ?? "",
    smtpPort: s.smtp ? String(s.smtp.port) : "",
    smtpUser: s.smtp?.user ?? "",
    smtpPassword: "",
    smtpPasswordRemove: "",
    fromAddress: s.fromAddress ?? "",
    watchDays: String(s.watchDays),
    compensationValidDays: String(s.compensationValidDays),
    ...Object.fromEntries(
      INCIDENT_TYPES.map((type) => [
        `compensationPercent.${type}`,
        String(compensationFor(s, type).percentage),
      ]),
    ),
    ...Object.fromEntries(
      LOCALES.flatMap((locale) =>
        MESSAGE_KEYS.map((key) => [
          messageField(locale, key),
          s.messages[locale]?.[key] ?? defaultText(locale, key),
        ]),
      ),
    ),
  };
}

// Browsers send a textarea's line breaks as CRLF.
const text = (value: string | undefined) => (value ?? "").replace(/\r\n?/g, "\n").trim();
const lines = (value: string | undefined) =>
  text(value)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
/** A plain decimal number; anything else ("0x10", "1e3", "") is NaN, which the schema refuses in words. */
const number = (value: string | undefined) =>
  /^-?\d+(\.\d+)?$/.test(text(value)) ? Number(text(value)) : Number.NaN;

function carrierLines(value: string | undefined) {
  const carriers: Record<string, number> = {};
  const problems: string[] = [];
  for (const line of lines(value)) {
    const m = line.match(/^(.+?)\s*:\s*(\S+)$/);
    const carrier = m?.[1].trim();
    if (!m || !carrier) problems.push(`“${line}” is not “Carrier: days”, e.g. SEUR: 2.`);
    else if (Object.keys(carriers).some((known) => known.toLowerCase() === carrier.toLowerCase()))
      problems.push(`${carrier} is listed twice.`);
    else carriers[carrier] = number(m[2]);
  }
  return { carriers, problems };
}

export const smtpPasswordSet = (s: ShopSettings) => Boolean(s.smtp?.password);

/** Seals a secret for storage (app/secrets); the form hands the password to it and keeps nothing else. */
export type Seal = (secret: string) => string;

/** The mail server the form asks for: blank server, none; the password kept unless a new one is
 *  typed or its removal ticked. A password is taken as typed, spaces included. */
function smtpChanges(form: FormFields, current: ShopSettings, seal: Seal, errors: FieldErrors) {
  const host = text(form.smtpHost);
  if (!host) return null;
  const typed = (form.smtpPassword ?? "").replace(/[\r\n]/g, "");
  const kept = form.smtpPasswordRemove === "on" ? null : (current.smtp?.password ?? null);
  // The saved password goes only to the server it was saved for: another server needs it typed.
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  if (
    !typed &&
    kept &&
    current.smtp &&
    isServerName(bare) &&
    current.smtp.host.toLowerCase() !== bare.toLowerCase()
  ) {
    errors.smtpPassword = `The saved password is for ${current.smtp.host}: type the password for ${host}, or tick “Remove the saved password”.`;
  }
  const password = typed ? seal(typed) : kept;
  return { host, port: number(form.smtpPort), user: text(form.smtpUser) || null, password };
}

/** The changes a submitted form asks for, and the lines it could not read. */
export function formToChanges(
  form: FormFields,
  current: ShopSettings,
  seal: Seal,
): { changes: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const { carriers, problems } = carrierLines(form.carrierTransitDays);
  if (problems.length) errors.carrierTransitDays = problems.join("\n");
  const messages = { ...current.messages };
  for (const locale of LOCALES) {
    if (!MESSAGE_KEYS.some((key) => form[messageField(locale, key)] !== undefined)) continue; // not on the form: kept as is
    const own: Partial<Record<MessageKey, string>> = {};
    for (const key of MESSAGE_KEYS) {
      const wording = text(form[messageField(locale, key)]);
      if (wording && wording !== defaultText(locale, key)) own[key] = wording; // blank: back to ours
    }
    if (Object.keys(own).length) messages[locale] = own;
    else delete messages[locale];
  }
  // Every kind's percentage is kept as shown, so a later change of our defaults does not move it.
  const compensationPercent = Object.fromEntries(
    INCIDENT_TYPES.filter((type) => text(form[`compensationPercent.${type}`])).map((type) => [
      type,
      number(form[`compensationPercent.${type}`]),
    ]),
  );
  return {
    errors,
    changes: {
      handlingDays: number(form.handlingDays),
      workdays: text(form.workdays).split(",").filter(Boolean).map(number),
      holidays: lines(form.holidays),
      timezone: text(form.timezone) || null,
      transitDays: number(form.transitDays),
      carrierTransitDays: carriers,
      holdOnStockMismatch: form.holdOnStockMismatch === "on",
      acknowledgeWithinHours: number(form.acknowledgeWithinHours),
      answerWithinHours: number(form.answerWithinHours),
      substituteMatch: form.substituteMatch,
      offerExpiresInHours: number(form.offerExpiresInHours),
      smtp: smtpChanges(form, current, seal, errors),
      fromAddress: text(form.fromAddress) || null,
      watchDays: number(form.watchDays),
      messages,
      compensationPercent,
      compensationValidDays: number(form.compensationValidDays),
    },
  };
}

/** The form field a settings path belongs to, and what names the item within it. */
export function fieldOfPath(path: string): { field: string; item?: string } {
  const [top, ...rest] = path.split(".");
  if (top === "messages" && rest.length >= 2)
    return { field: messageField(rest[0], rest.slice(1).join(".")) };
  if (top === "carrierTransitDays" && rest.length) return { field: top, item: rest.join(".") };
  if (top === "compensationPercent" && rest.length) return { field: `${top}.${rest.join(".")}` };
  if (top === "smtp")
    return { field: rest[0] ? `smtp${rest[0][0].toUpperCase()}${rest[0].slice(1)}` : "smtpHost" };
  return { field: top }; // a list's item: its message quotes the value
}

/** Settings-path errors as form-field errors ("carrierTransitDays.GLS" → carrierTransitDays, "GLS: …"). */
export function fieldErrors(errors: Record<string, string>, into: FieldErrors = {}): FieldErrors {
  for (const [path, message] of Object.entries(errors)) {
    const { field, item } = fieldOfPath(path);
    const worded = item
      ? message
          .split("\n")
          .map((m) => `${item}: ${m}`)
          .join("\n")
      : message;
    into[field] = into[field] ? `${into[field]}\n${worded}` : worded;
  }
  return into;
}

/** The submitted form checked whole: the changes to save, or every problem at once, by field. */
export function checkSettingsForm(
  form: FormFields,
  current: ShopSettings,
  seal: Seal,
): { ok: true; changes: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
  const { changes, errors } = formToChanges(form, current, seal);
  const checked = checkSettings({ ...current, ...changes });
  if (!checked.ok) fieldErrors(checked.errors, errors);
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, changes };
}
