// The sender customers see: "Name <address>" or a bare address. The same check runs when the
// merchant saves it and when mail goes out, so no mail ever leaves without a real From.
import { z } from "zod";

export type Sender = { name: string; address: string };

const emailAddress = z.string().email();

/** The sender in `text`, or null when it holds no email address (or a name that could break the header). */
export function parseSender(text: string): Sender | null {
  const trimmed = text.trim();
  const bracketed = trimmed.match(/^(?:"?([^"<>]*?)"?\s*)?<([^<>]+)>$/);
  const name = (bracketed?.[1] ?? "").trim();
  const address = (bracketed ? bracketed[2] : trimmed).trim();
  // A line break in the name would start a new mail header.
  if (/[\p{Cc}]/u.test(name)) return null;
  return emailAddress.safeParse(address).success ? { name, address } : null;
}

export const isEmailAddress = (text: string) => emailAddress.safeParse(text).success;
