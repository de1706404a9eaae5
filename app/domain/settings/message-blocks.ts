// The message blocks a merchant may reword, as the settings page names them: which email or page
// each belongs to, what it says, and the {names} it may use — only those its own default uses,
// since only those are filled in when it is sent (any other would reach the customer as typed).
import { defaultText, LOCALES, MESSAGE_KEYS, type MessageKey } from "../notifications/messages";

export const MESSAGE_GROUPS = [
  { id: "offer", title: "Offer email (a substitute, a refund or cancelling)" },
  { id: "ack", title: "“We are on it” email" },
  { id: "code", title: "Apology email with a discount code" },
  { id: "note", title: "Email in your own words" },
  { id: "every", title: "In every email" },
  { id: "page", title: "Choice page (where the customer answers an offer)" },
  { id: "confirm", title: "Confirmation of the customer's choice (page and email)" },
] as const;
type Group = (typeof MESSAGE_GROUPS)[number]["id"];

export const MESSAGE_BLOCKS: Record<MessageKey, { group: Group; label: string }> = {
  subject: { group: "offer", label: "Subject" },
  "problem.expired": { group: "offer", label: "What happened: the item has expired" },
  "problem.damaged": { group: "offer", label: "What happened: the item is damaged" },
  "problem.missing": { group: "offer", label: "What happened: the item is missing" },
  "problem.damaged_or_expired": {
    group: "offer",
    label: "What happened: the last unit is damaged or expired",
  },
  "problem.stock": { group: "offer", label: "What happened: none left in stock" },
  "problem.expiredMany": { group: "offer", label: "What happened: several units of the item have expired" },
  "problem.damagedMany": { group: "offer", label: "What happened: several units of the item are damaged" },
  "problem.damaged_or_expiredMany": {
    group: "offer",
    label: "What happened: the last units are damaged or expired",
  },
  "problem.partial": { group: "offer", label: "What happened: only some of the units ordered can be sent" },
  "problem.several": {
    group: "offer",
    label: "What happened, when several items are affected: the opening, before each item's line",
  },
  "line.expired": { group: "offer", label: "Several items affected, after the item's name: it has expired" },
  "line.expiredMany": {
    group: "offer",
    label: "Several items affected, after the item's name: its units have expired",
  },
  "line.damaged": { group: "offer", label: "Several items affected, after the item's name: it is damaged" },
  "line.damagedMany": {
    group: "offer",
    label: "Several items affected, after the item's name: its units are damaged",
  },
  "line.damaged_or_expired": {
    group: "offer",
    label: "Several items affected, after the item's name: the last unit is damaged or expired",
  },
  "line.damaged_or_expiredMany": {
    group: "offer",
    label: "Several items affected, after the item's name: the last units are damaged or expired",
  },
  "line.missing": { group: "offer", label: "Several items affected, after the item's name: it is missing" },
  "line.stock": {
    group: "offer",
    label: "Several items affected, after the item's name: none left in stock",
  },
  "line.partial": {
    group: "offer",
    label: "Several items affected, after the item's name: only some of the units ordered can be sent",
  },
  "item.missingOne": {
    group: "offer",
    label:
      "The one unit that cannot be sent, when the rest of the item ships (in the choices, the deadline and the confirmation)",
  },
  "item.missingMany": {
    group: "offer",
    label:
      "The units that cannot be sent, when the rest of the item ships (in the choices, the deadline and the confirmation)",
  },
  proposal: { group: "offer", label: "Before the choices" },
  "choice.substitute": { group: "offer", label: "Choice: a substitute instead" },
  "choice.refund": { group: "offer", label: "Choice: leave the item out and refund it" },
  "choice.refundFree": { group: "offer", label: "Choice: leave out an item that was free" },
  "choice.worth": { group: "offer", label: "Choice: what the substitute is worth, free for the customer" },
  "choice.cancel": { group: "offer", label: "Choice: cancel the whole order" },
  deadline: { group: "offer", label: "Answer-by date and what happens after it (one unit)" },
  deadlineFree: {
    group: "offer",
    label: "Answer-by date and what happens after it, for an item that was free",
  },
  deadlineMany: {
    group: "offer",
    label: "Answer-by date and what happens after it, when several units are affected",
  },
  link: { group: "offer", label: "Link to the choice page" },
  "ack.subject": { group: "ack", label: "Subject" },
  "ack.body": { group: "ack", label: "Message" },
  "ack.stock_mismatch": {
    group: "ack",
    label: "What happened: an item cannot be sent as it is (also in the apology email)",
  },
  "ack.late_shipment": {
    group: "ack",
    label: "What happened: the order has not shipped yet (also in the apology email)",
  },
  "ack.late_delivery": {
    group: "ack",
    label: "What happened: the parcel is late (also in the apology email)",
  },
  "ack.delivery_failed": {
    group: "ack",
    label: "What happened: the carrier could not deliver (also in the apology email)",
  },
  "ack.cod_amount_mismatch": {
    group: "ack",
    label: "What happened: the cash-on-delivery amount changed (also in the apology email)",
  },
  "ack.wrong_item": {
    group: "ack",
    label: "What happened: a wrong item arrived (also in the apology email)",
  },
  "ack.damaged_delivery": {
    group: "ack",
    label: "What happened: part of the order arrived damaged (also in the apology email)",
  },
  "code.subject": { group: "code", label: "Subject" },
  "code.body": { group: "code", label: "Message" },
  "code.code": { group: "code", label: "The line with the code" },
  "note.subject": { group: "note", label: "Subject" },
  greeting: { group: "every", label: "Greeting, with the customer's first name" },
  "greeting.anonymous": { group: "every", label: "Greeting, when the order gives no name" },
  shipBy: {
    group: "every",
    label: "The day a late order leaves by (in the “we are on it” and apology emails)",
  },
  apology: { group: "every", label: "Apology" },
  signoff: { group: "every", label: "Sign-off" },
  "page.title": { group: "page", label: "Page title" },
  "page.submit": { group: "page", label: "Confirm button (also the button in the offer email)" },
  "page.invalid": { group: "page", label: "The link is not valid" },
  "page.expired": { group: "page", label: "The offer has expired" },
  "page.pickOne": { group: "page", label: "Sent without choosing" },
  "page.expiredFree": { group: "page", label: "The offer has expired, the free item left out" },
  "page.expiredMany": { group: "page", label: "The offer has expired, several units left out" },
  "page.withdrawn": { group: "page", label: "The offer was replaced by a newer one" },
  "page.orCancel": { group: "page", label: "Before the button that cancels the whole order" },
  "page.answered": { group: "page", label: "Already answered" },
  "page.failed": { group: "page", label: "Something went wrong" },
  "confirm.subject": { group: "confirm", label: "Email subject" },
  "page.confirmed": { group: "confirm", label: "Heading" },
  "page.done.substitute": { group: "confirm", label: "After choosing the substitute" },
  "page.done.refund": { group: "confirm", label: "After choosing the refund" },
  "page.done.refundMany": { group: "confirm", label: "After choosing the refund, for several units" },
  "page.done.refundFree": { group: "confirm", label: "After leaving out an item that was free" },
  "page.done.cancel_order": { group: "confirm", label: "After cancelling the order" },
  "next.refund": { group: "confirm", label: "Where the refund goes" },
  "next.cancel_order": { group: "confirm", label: "Where the cancelled order's refund goes" },
  "page.emailed": { group: "confirm", label: "On the page: also sent by email" },
};

const namesIn = (text: string) => [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);

/** The {names} a block may use: those its default uses in any language. */
export const placeholdersOf = (key: MessageKey) => [
  ...new Set(LOCALES.flatMap((locale) => namesIn(defaultText(locale, key)))),
];

/** What is wrong with the merchant's wording of a block, or null. */
export function placeholderProblem(key: MessageKey, text: string): string | null {
  const allowed = placeholdersOf(key);
  const unknown = [...new Set(namesIn(text).filter((name) => !allowed.includes(name)))];
  if (!unknown.length) return null;
  const given = unknown.map((name) => `{${name}}`).join(", ");
  return allowed.length
    ? `${given} cannot be filled in here; this text can use ${allowed.map((name) => `{${name}}`).join(", ")}.`
    : `${given} cannot be filled in here; this text has nothing to fill in.`;
}

export const isMessageKey = (key: string): key is MessageKey => (MESSAGE_KEYS as string[]).includes(key);
