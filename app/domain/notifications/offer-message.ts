// The one message of an offer: what happened, what we propose (each choice with its picture and
// value), until when, the link, and an apology — in the customer's language. Plain text and a
// simple HTML version of the same. The offer page shows the same problem and choices (offerChoices).
import { formatDateTime, formatMoney } from "./format";
import { escapeHtml as escape, greetingFor, t, type Locale, type MessageKey, type Overrides } from "./messages";

export type OfferProblem = "expired" | "damaged" | "missing" | "damaged_or_expired" | "stock";
const PROBLEMS = new Set<string>(["expired", "damaged", "missing", "damaged_or_expired"]);

/** How the problem is told, from the stock incident's evidence reason (oversold and others: no stock left). */
export const problemOf = (reason: string | undefined | null): OfferProblem => (PROBLEMS.has(reason ?? "") ? (reason as OfferProblem) : "stock");

export type OfferedChoice = { title: string; price: string; variantId?: string; image?: { url: string; alt: string } | null };

export type ChoicesInput = {
  locale: Locale;
  item: string;
  substitutes: OfferedChoice[];
  refund: { amount: string; currency: string };
  allowCancel: boolean;
  overrides?: Overrides;
};

/** A choice as the customer reads it: `value` is what the page's form sends back. */
export type ChoiceView = { value: string; label: string; detail: string | null; image: { url: string; alt: string } | null };

export function offerChoices(m: ChoicesInput): ChoiceView[] {
  const say = (key: MessageKey, values: Record<string, string> = {}) => t(m.locale, key, { item: m.item, ...values }, m.overrides);
  const money = (amount: string) => formatMoney(m.locale, amount, m.refund.currency);
  return [
    ...m.substitutes.map((s) => ({
      value: `substitute:${s.variantId ?? ""}`, label: say("choice.substitute", { substitute: s.title }),
      detail: say("choice.worth", { value: money(s.price) }), image: s.image ?? null,
    })),
    Number(m.refund.amount) > 0
      ? { value: "refund", label: say("choice.refund", { amount: money(m.refund.amount) }), detail: null, image: null }
      : { value: "refund", label: say("choice.refundFree"), detail: null, image: null },
    ...(m.allowCancel ? [{ value: "cancel_order", label: say("choice.cancel"), detail: null, image: null }] : []),
  ];
}

/** "If we have not heard from you by …": the answer-by moment in the shop's zone, named. */
export function deadlineText(m: Pick<ChoicesInput, "locale" | "item" | "refund" | "overrides"> & { answerBy: Date; timezone: string }) {
  const key = Number(m.refund.amount) > 0 ? "deadline" : "deadlineFree";
  return t(m.locale, key, { item: m.item, date: formatDateTime(m.locale, m.answerBy, m.timezone) }, m.overrides);
}

export type OfferMessageInput = ChoicesInput & {
  shop: string;
  order: string;
  customerName: string | null;
  reason: OfferProblem;
  answerBy: Date;
  timezone: string;
  link: string;
};

export function offerMessage(m: OfferMessageInput) {
  const say = (key: MessageKey, values: Record<string, string> = {}) => t(m.locale, key, { shop: m.shop, order: m.order, item: m.item, ...values }, m.overrides);
  const choices = offerChoices(m);
  const line = (c: ChoiceView) => (c.detail ? `${c.label} (${c.detail})` : c.label);
  const paragraphs = [greetingFor(m.locale, m.customerName, m.overrides), say(`problem.${m.reason}`), say("proposal")];
  const deadline = deadlineText(m);
  const after = [deadline, say("link", { link: m.link }), say("apology"), say("signoff")];
  const text = [...paragraphs, choices.map((c) => `  • ${line(c)}`).join("\n"), ...after].join("\n\n");
  const picture = (c: ChoiceView) => (c.image ? `<img src="${escape(c.image.url)}" alt="${escape(c.image.alt)}" width="56" height="56" style="vertical-align:middle;margin-right:8px;border-radius:6px">` : "");
  const html = [
    ...paragraphs.map((p) => `<p>${escape(p)}</p>`),
    `<ul style="list-style:none;padding:0">${choices.map((c) => `<li style="margin:8px 0">${picture(c)}${escape(line(c))}</li>`).join("")}</ul>`,
    `<p>${escape(deadline)}</p>`,
    `<p><a href="${escape(m.link)}" style="display:inline-block;padding:10px 16px;background:#303030;color:#fff;border-radius:8px;text-decoration:none">${escape(say("page.submit"))}</a></p>`,
    `<p>${escape(say("apology"))}</p><p>${escape(say("signoff"))}</p>`,
  ].join("\n");
  return { subject: say("subject"), text, html };
}
