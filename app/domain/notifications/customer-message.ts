// The messages a merchant sends about an incident, besides an offer: "we are on it", an apology
// with a compensation code, or their own words — each in the customer's language, built the same
// way for the preview the merchant reads and the email the customer gets. Each greets the customer
// (by name when the order gives one), says sorry once, and a late order's tells its new ship date.
import type { IncidentType } from "../incidents/types";
import { formatDateTime, formatDay, formatMoney } from "./format";
import { escapeHtml, greetingFor, t, type Locale, type MessageKey, type Overrides } from "./messages";

export const MESSAGE_KINDS = ["acknowledge", "apology_code", "note"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type CodeToTell = {
  code: string;
  percentage: number | null;
  amount: string | null;
  currency: string | null;
  endsAt: Date;
};

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
  /** The day a late order will leave the shop by (late shipments: told in the acknowledgement and the apology). */
  shipBy?: Date | null;
  /** A cash-on-delivery order: what the customer was told and what the courier would now ask. */
  cod?: { told: string; due: string; currency: string } | null;
};

export type ComposedMessage = { subject: string; text: string; html: string };

export function composeMessage(m: MessageInput): ComposedMessage {
  const values = { shop: m.shop, order: m.order };
  const say = (key: MessageKey, more: Record<string, string> = {}) =>
    t(m.locale, key, { ...values, ...more }, m.overrides);
  const cod: Record<string, string> = m.cod
    ? {
        told: formatMoney(m.locale, m.cod.told, m.cod.currency),
        due: formatMoney(m.locale, m.cod.due, m.cod.currency),
      }
    : {};
  const problem = say(`ack.${m.type}` as MessageKey, cod);
  const greeting = greetingFor(m.locale, m.customerName, m.overrides);
  const newDate =
    m.type === "late_shipment" && m.shipBy
      ? [say("shipBy", { date: formatDay(m.locale, m.shipBy, m.timezone) })]
      : [];
  let subject: string;
  let paragraphs: string[];
  switch (m.kind) {
    case "acknowledge":
      subject = say("ack.subject");
      paragraphs = [
        greeting,
        say("ack.body", { problem, date: formatDateTime(m.locale, m.answerBy, m.timezone) }),
        ...newDate,
        say("apology"),
      ];
      break;
    case "apology_code": {
      if (!m.code) throw new Error("an apology with a code needs the code");
      const discount =
        m.code.percentage !== null
          ? new Intl.NumberFormat(m.locale, { style: "percent", maximumFractionDigits: 2 }).format(
              m.code.percentage / 100,
            )
          : formatMoney(m.locale, m.code.amount ?? 0, m.code.currency ?? "EUR");
      subject = say("code.subject");
      paragraphs = [
        greeting,
        say("code.body", { problem, discount, date: formatDay(m.locale, m.code.endsAt, m.timezone) }),
        ...newDate,
        say("code.code", { code: m.code.code }),
      ];
      break;
    }
    case "note":
      if (!m.note?.trim()) throw new Error("a message needs its text");
      subject = say("note.subject");
      paragraphs = [greeting, ...m.note.trim().split(/\n{2,}/)];
      break;
  }
  paragraphs.push(say("signoff"));
  return {
    subject,
    text: paragraphs.join("\n\n"),
    html: paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("\n"),
  };
}
