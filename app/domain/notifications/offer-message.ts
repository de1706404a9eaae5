// The one message of an offer: what happened to each line of the order that cannot ship as ordered,
// what we propose for each (a substitute with its picture and value, or leaving it out), cancelling
// the whole order when the merchant allows it, until when, the link, and an apology — in the
// customer's language. Plain text and a simple HTML version of the same. The offer page shows the
// same problems and choices (lineChoices, cancelChoice).
import { formatDateTime, formatMoney } from "./format";
import { escapeHtml as escape, greetingFor, t, type Locale, type MessageKey, type Overrides } from "./messages";

export type OfferProblem = "expired" | "damaged" | "missing" | "damaged_or_expired" | "stock";
const PROBLEMS = new Set<string>(["expired", "damaged", "missing", "damaged_or_expired"]);

/** How the problem is told, from the stock incident's evidence reason (oversold and others: no stock left). */
export const problemOf = (reason: string | undefined | null): OfferProblem => (PROBLEMS.has(reason ?? "") ? (reason as OfferProblem) : "stock");

export type OfferedChoice = { title: string; price: string; variantId?: string; image?: { url: string; alt: string } | null };

/** A line the offer covers: `refund` is what leaving it out gives back (0.00 for a free gift). */
export type OfferLineText = { item: string; quantity: number; reason: OfferProblem; substitutes: OfferedChoice[]; refund: { amount: string; currency: string } };

/** "Thermal Spring Water ×2": the units at stake, when more than one. */
export const itemLabel = (title: string, quantity: number) => (quantity > 1 ? `${title} ×${quantity}` : title);

/** "A, B and C" in the reader's language. */
export const listOf = (locale: Locale, items: string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(items);

/** A choice as the customer reads it: `value` is what the page's form sends back for the line. */
export type ChoiceView = { value: string; label: string; detail: string | null; image: { url: string; alt: string } | null };

type Say = { locale: Locale; overrides?: Overrides };

export function lineChoices(m: Say & { line: OfferLineText }): ChoiceView[] {
  const { line } = m;
  const item = itemLabel(line.item, line.quantity);
  const say = (key: MessageKey, values: Record<string, string> = {}) => t(m.locale, key, { item, ...values }, m.overrides);
  const money = (amount: number | string) => formatMoney(m.locale, amount, line.refund.currency);
  return [
    ...line.substitutes.map((s) => ({
      value: `substitute:${s.variantId ?? ""}`, label: say("choice.substitute", { substitute: itemLabel(s.title, line.quantity) }),
      detail: say("choice.worth", { value: money((Number(s.price) * line.quantity).toFixed(2)) }), image: s.image ?? null,
    })),
    Number(line.refund.amount) > 0
      ? { value: "refund", label: say("choice.refund", { amount: money(line.refund.amount) }), detail: null, image: null }
      : { value: "refund", label: say("choice.refundFree"), detail: null, image: null },
  ];
}

export const cancelChoice = (m: Say): ChoiceView => ({ value: "cancel_order", label: t(m.locale, "choice.cancel", {}, m.overrides), detail: null, image: null });

/** What happened, a sentence per line. */
export const problemTexts = (m: Say & { order: string; lines: OfferLineText[] }) =>
  m.lines.map((l) => t(m.locale, `problem.${l.reason}`, { order: m.order, item: itemLabel(l.item, l.quantity) }, m.overrides));

/** "If we have not heard from you by …": the answer-by moment in the shop's zone, named, and what
 *  happens then to every line (left out, and refunded when paid for). */
export function deadlineText(m: Say & { lines: Pick<OfferLineText, "item" | "quantity" | "refund">[]; answerBy: Date; timezone: string }) {
  const paid = m.lines.some((l) => Number(l.refund.amount) > 0);
  const key = !paid ? "deadlineFree" : m.lines.length > 1 ? "deadlineMany" : "deadline";
  const item = listOf(m.locale, m.lines.map((l) => itemLabel(l.item, l.quantity)));
  return t(m.locale, key, { item, date: formatDateTime(m.locale, m.answerBy, m.timezone) }, m.overrides);
}

export type OfferMessageInput = Say & {
  shop: string;
  order: string;
  customerName: string | null;
  lines: OfferLineText[];
  allowCancel: boolean;
  answerBy: Date;
  timezone: string;
  link: string;
};

export function offerMessage(m: OfferMessageInput) {
  const say = (key: MessageKey, values: Record<string, string> = {}) => t(m.locale, key, { shop: m.shop, order: m.order, ...values }, m.overrides);
  // One line: its choices, then cancelling. Several: the choices under each line's name.
  const groups = m.lines.map((line) => ({ heading: m.lines.length > 1 ? itemLabel(line.item, line.quantity) : null, choices: lineChoices({ ...m, line }) }));
  if (m.allowCancel) {
    if (groups.length === 1) groups[0].choices.push(cancelChoice(m));
    else groups.push({ heading: say("page.orCancel"), choices: [cancelChoice(m)] });
  }
  const label = (c: ChoiceView) => (c.detail ? `${c.label} (${c.detail})` : c.label);
  const paragraphs = [greetingFor(m.locale, m.customerName, m.overrides), ...problemTexts(m), say("proposal")];
  const deadline = deadlineText(m);
  const after = [deadline, say("link", { link: m.link }), say("apology"), say("signoff")];
  const text = [...paragraphs, ...groups.map((g) => [...(g.heading ? [`${g.heading}:`] : []), ...g.choices.map((c) => `  • ${label(c)}`)].join("\n")), ...after].join("\n\n");
  const picture = (c: ChoiceView) => (c.image ? `<img src="${escape(c.image.url)}" alt="${escape(c.image.alt)}" width="56" height="56" style="vertical-align:middle;margin-right:8px;border-radius:6px">` : "");
  const html = [
    ...paragraphs.map((p) => `<p>${escape(p)}</p>`),
    ...groups.map((g) => `${g.heading ? `<p style="margin-bottom:0"><strong>${escape(g.heading)}</strong></p>` : ""}<ul style="list-style:none;padding:0">${g.choices.map((c) => `<li style="margin:8px 0">${picture(c)}${escape(label(c))}</li>`).join("")}</ul>`),
    `<p>${escape(deadline)}</p>`,
    `<p><a href="${escape(m.link)}" style="display:inline-block;padding:10px 16px;background:#303030;color:#fff;border-radius:8px;text-decoration:none">${escape(say("page.submit"))}</a></p>`,
    `<p>${escape(say("apology"))}</p><p>${escape(say("signoff"))}</p>`,
  ].join("\n");
  return { subject: say("subject"), text, html };
}
