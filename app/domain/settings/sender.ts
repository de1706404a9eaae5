// The sender customers see: exactly one mailbox, "Name <address>", "\"Name, S.L.\" <address>" or a
// bare address. Anything else — a list, a group ("x:;"), a comment, an encoded word, a line break
// or an invisible character that could start a header or disguise the name — is refused with
// words. The same check runs when the merchant saves it and when mail goes out, so no mail ever
// leaves without a real From.
import { z } from "zod";

export type Sender = { name: string; address: string };

const emailAddress = z.string().email();
const EXAMPLE = "write it as hola@yourshop.com, or Your Shop <hola@yourshop.com>";
// RFC 5322 specials that end a word of a name unless the name is in double quotes ("." is allowed,
// as in "J. Smith", as mail programs write it).
const SPECIALS = /[()<>[\]:;@\\,"]/;

type Parsed = { sender: Sender } | { problem: string };

function parseName(raw: string): { name: string } | { problem: string } {
  const text = raw.trim();
  if (!text) return { name: "" };
  let name = text;
  if (text.startsWith('"')) {
    const m = text.match(/^"((?:[^"\\]|\\["\\])*)"$/);
    if (!m)
      return {
        problem: "the name's double quotes are not closed, or a quote inside it is not written as \\\"",
      };
    name = m[1].replace(/\\(["\\])/g, "$1");
  } else if (SPECIALS.test(text)) {
    return {
      problem: `put the name in double quotes when it holds any of ( ) < > [ ] : ; @ \\ , " — e.g. "Farmacia, S.L." <hola@yourshop.com>`,
    };
  }
  if (name.includes("@"))
    return {
      problem: "the name before the address cannot hold an address (customers would take it for the sender)",
    };
  if (name.includes("=?"))
    return { problem: "the name cannot hold “=?”, which mail programs read as encoded text" };
  return { name: name.trim() };
}

/** The sender in `text`, or what keeps it from being exactly one mailbox, in words. */
export function readSender(text: string): Parsed {
  const trimmed = text.trim();
  const quoted = `“${trimmed}”`;
  // Line breaks would start a header of their own; invisible and direction marks would disguise it.
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(trimmed))
    return {
      problem: `${quoted} holds a line break or an invisible character: type the sender on one line.`,
    };
  const opens = (trimmed.match(/</g) ?? []).length;
  const closes = (trimmed.match(/>/g) ?? []).length;
  const ats = (trimmed.match(/@/g) ?? []).length;
  if (opens > 1 || closes > 1 || (opens === 0 && ats > 1)) {
    return { problem: `${quoted} holds more than one address: give one sender only.` };
  }
  if (opens === 0 && closes === 0) {
    return emailAddress.safeParse(trimmed).success
      ? { sender: { name: "", address: trimmed } }
      : { problem: `${quoted} is not an email address: ${EXAMPLE}.` };
  }
  const m = trimmed.match(/^([^<>]*)<([^<>]*)>$/);
  if (!m) return { problem: `${quoted} is not an email address: ${EXAMPLE}.` };
  const address = m[2].trim();
  if (!emailAddress.safeParse(address).success)
    return { problem: `${quoted} is not an email address: ${EXAMPLE}.` };
  const name = parseName(m[1]);
  if ("problem" in name) return { problem: `${quoted}: ${name.problem}.` };
  return { sender: { name: name.name, address } };
}

/** The sender in `text`, or null when it is not exactly one mailbox. */
export function parseSender(text: string): Sender | null {
  const read = readSender(text);
  return "sender" in read ? read.sender : null;
}

export const isEmailAddress = (text: string) => emailAddress.safeParse(text).success;
