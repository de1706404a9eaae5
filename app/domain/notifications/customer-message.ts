// The messages a merchant sends about an incident, besides an offer: "we are on it", an apology
// with a compensation code, or their own words — each in the customer's language, built the same
// way for the preview the merchant reads and the email the customer gets.
import type { IncidentType } from "../incidents/types";
import { escapeHtml, t, type Locale, type MessageKey, type Overrides } from "./messages";

export const MESSAGE_KINDS = ["acknowledge", "apology_code", "note"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type CodeToTell = { code: string; percentage: number | null; amount: string | null; currency: string | null; endsAt: Date };

export type MessageInput = {
  kind: MessageKind;
  locale: Locale;
  shop: string;
  order: string;
  type: IncidentType;
  customerName: string | null;
  answerBy: Date;
  timezone: string;
  overrides?: Overrides;
  code?: CodeToTell;
  note?: string;
};

export type ComposedMessage = { subject: string; text: string; html: string };

export function composeMessage(m: MessageInput): ComposedMessage {
  const values = { shop: m.shop, order: m.order };
  const say = (key: MessageKey, more: Record<string, string> = {}) => t(m.locale, key, { ...values, ...more }, m.overrides);
  const date = (d: Date, timeStyle?: "short") => new Intl.DateTimeFormat(m.locale, { dateStyle: "long", timeStyle, timeZone: m.timezone }).format(d);
  const problem = say(`ack.${m.type}` as MessageKey);
  const greeting = m.customerName ? [say("greeting", { name: m.customerName })] : [];
  let subject: string;
  let paragraphs: string[];
  switch (m.kind) {
    case "acknowledge":
      subject = say("ack.subject");
      paragraphs = [say("ack.body", { problem, date: date(m.answerBy, "short") }), say("apology")];
      break;
    case "apology_code": {
      if (!m.code) throw new Error("an apology with a code needs the code");
      const discount = m.code.percentage !== null
        ? new Intl.NumberFormat(m.locale, { style: "percent", maximumFractionDigits: 2 }).format(m.code.percentage / 100)
        : new Intl.NumberFormat(m.locale, { style: "currency", currency: m.code.currency ?? "EUR" }).format(Number(m.code.amount));
      subject = say("code.subject");
      paragraphs = [...greeting, say("code.body", { problem, discount, date: date(m.code.endsAt) }), say("code.code", { code: m.code.code })];
      break;
    }
    case "note":
      if (!m.note?.trim()) throw new Error("a message needs its text");
      subject = say("note.subject");
      paragraphs = [...greeting, ...m.note.trim().split(/\n{2,}/)];
      break;
  }
  paragraphs.push(say("signoff"));
  return {
    subject,
    text: paragraphs.join("\n\n"),
    html: paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("\n"),
  };
}
