// How the settings page names and marks each field, in one place: next to the field, and in the
// list of what to correct at the top of the page.
import { INCIDENT_TYPES } from "../domain/incidents/types";
import { LOCALES, type Locale } from "../domain/notifications/messages";
import { isMessageKey, MESSAGE_BLOCKS, MESSAGE_GROUPS } from "../domain/settings/message-blocks";
import { TYPE_LABEL } from "./incident-labels";

export const LANGUAGE_NAME: Record<Locale, string> = { en: "English", es: "Español", ro: "Română" };

// In the order of the page.
export const FIELD_LABEL: Record<string, string> = {
  handlingDays: "Handling time (business days)",
  workdays: "The warehouse ships on",
  holidays: "Holidays (one date per line, YYYY-MM-DD)",
  timezone: "Time zone",
  transitDays: "Transit time (business days)",
  carrierTransitDays: "Transit time per carrier (one “Carrier: days” per line)",
  watchDays: "Watch orders of the last (days)",
  holdOnStockMismatch:
    "Hold the fulfillment while stock cannot honour it or the cash-on-delivery amount changed",
  substituteMatch: "A substitute is a product",
  offerExpiresInHours: "Hours the customer has to answer an offer (then the item is refunded)",
  ...Object.fromEntries(
    INCIDENT_TYPES.map((type) => [`compensationPercent.${type}`, `${TYPE_LABEL[type]} (%)`]),
  ),
  compensationValidDays: "Codes can be used for (days)",
  acknowledgeWithinHours: "Acknowledge within (hours)",
  answerWithinHours: "Answer within (hours)",
  fromAddress: "Sender",
  smtpHost: "SMTP server",
  smtpPort: "Port",
  smtpUser: "Login",
  smtpPassword: "New password",
};

/** Fields in the order the page shows them (message texts last), for the list of what to correct. */
export const inPageOrder = (fields: string[]) => {
  const order = Object.keys(FIELD_LABEL);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return [...fields].sort((a, b) => rank(a) - rank(b));
};

/** A message field's language and block: message.es.choice.refundFree → es, choice.refundFree. */
export function messageFieldParts(
  field: string,
): { locale: Locale; key: keyof typeof MESSAGE_BLOCKS } | null {
  const m = field.match(/^message\.(\w+)\.(.+)$/);
  if (!m || !(LOCALES as readonly string[]).includes(m[1]) || !isMessageKey(m[2])) return null;
  return { locale: m[1] as Locale, key: m[2] };
}

/** The words for any field of the form, a message block with its language and email. */
export function labelOf(field: string): string {
  const message = messageFieldParts(field);
  if (!message) return FIELD_LABEL[field] ?? "Settings";
  const block = MESSAGE_BLOCKS[message.key];
  const group = MESSAGE_GROUPS.find((g) => g.id === block.group)!;
  return `${LANGUAGE_NAME[message.locale]} · ${group.title} · ${block.label}`;
}

/** The element id of a field, for the links from the list of what to correct. */
export const fieldId = (field: string) => `settings-${field.replace(/[^\w-]/g, "-")}`;

/** A field's problems, one per line, as Polaris shows an error under the field. */
export function shownError(message: string | undefined) {
  if (!message) return undefined;
  const lines = message.split("\n");
  return lines.length === 1 ? (
    message
  ) : (
    <>
      {lines.map((line) => (
        <span key={line} style={{ display: "block" }}>
          {line}
        </span>
      ))}
    </>
  );
}
