// Field rules of the settings document, each with the words a merchant reads next to the field:
// what is wrong and what would be right, never a parser's message.
import { z } from "zod";
import { readSender } from "./sender";

export const wholeNumber = (min: number, max: number) => {
  const message = `Enter a whole number from ${min} to ${max}.`;
  return z
    .number({ invalid_type_error: message, required_error: message })
    .int(message)
    .min(min, message)
    .max(max, message);
};

export const decimal = (min: number, max: number, what = "a number") => {
  const message = `Enter ${what} from ${min} to ${max}.`;
  return z
    .number({ invalid_type_error: message, required_error: message })
    .min(min, message)
    .max(max, message);
};

/** A day that exists: 2026-02-29 and 2026-13-45 are refused, not rolled over into another day. */
export function isCalendarDate(text: string): boolean {
  const m = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const calendarDate = z.string().refine(isCalendarDate, (text) => ({
  message: `“${text}” is not a day of the calendar: write it as YYYY-MM-DD, e.g. 2026-12-25.`,
}));

/** The zone's IANA name as the time zone database spells it ("europe/madrid" → "Europe/Madrid"),
 *  or null. Offsets such as "+01:00" are refused: they ignore daylight saving. */
export function ianaTimeZone(name: string): string | null {
  if (!/^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(name)) return null;
  try {
    const resolved = new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return null;
  }
}

export const timeZone = z
  .string()
  .trim()
  .transform((name, ctx) => {
    const zone = ianaTimeZone(name);
    if (!zone)
      ctx.addIssue({
        code: "custom",
        message: `“${name}” is not a time zone: use its name, such as Europe/Madrid (blank: the shop's own).`,
      });
    return zone ?? name;
  });

/** An IPv4 or IPv6 address as typed (kept free of node:net: this file runs in the browser too). */
export function isAddressLiteral(text: string): boolean {
  if (/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(text)) return true;
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(":")) return false;
  try {
    return new URL(`http://[${text}]/`).hostname !== "";
  } catch {
    return false;
  }
}

/** The mail server's name as the merchant's provider gives it (smtp.example.com), or its address. */
export function isServerName(text: string): boolean {
  if (isAddressLiteral(text)) return true;
  return (
    text.length <= 253 &&
    /^(?=.*[a-z])[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(text)
  );
}

export const smtpHost = z
  .string()
  .trim()
  .transform((text) => text.replace(/^\[(.*)\]$/, "$1"))
  .refine(isServerName, (text) => ({
    message: `“${text}” is not a server's name: enter only the name your mail provider gives, such as smtp.example.com (no smtp://, login or port).`,
  }));
export const smtpPort = wholeNumber(1, 65535);
export const smtpUser = z
  .string()
  .max(200, "Keep the login under 200 characters.")
  .refine((text) => !/[\p{Cc}]/u.test(text), "The login cannot hold a line break.");

export const senderAddress = z
  .string()
  .trim()
  .max(200, "Keep the sender under 200 characters.")
  .superRefine((text, ctx) => {
    const read = readSender(text);
    if ("problem" in read) ctx.addIssue({ code: "custom", message: read.problem });
  });
