// The one message of an offer: what happened, what we propose (each choice), until when, the link,
// and an apology — in the customer's language. Plain text and a simple HTML version of the same.
import { escapeHtml as escape, t, type Locale, type Overrides } from "./messages";

export type OfferMessageInput = {
  locale: Locale;
  shop: string;
  order: string;
  customerName: string;
  item: string;
  reason: "expired" | "damaged" | "missing" | "damaged_or_expired" | "stock";
  substitutes: { title: string }[];
  refund: { amount: string; currency: string };
  allowCancel: boolean;
  answerBy: Date;
  timezone: string;
  link: string;
  overrides?: Overrides;
};


export function offerMessage(m: OfferMessageInput) {
  const say = (key: Parameters<typeof t>[1], values: Record<string, string> = {}) => t(m.locale, key, { shop: m.shop, order: m.order, item: m.item, ...values }, m.overrides);
  const date = new Intl.DateTimeFormat(m.locale, { dateStyle: "long", timeStyle: "short", timeZone: m.timezone }).format(m.answerBy);
  const free = Number(m.refund.amount) === 0;
  const choices = [
    ...m.substitutes.map((s) => say("choice.substitute", { substitute: s.title })),
    free ? say("choice.refundFree") : say("choice.refund", { amount: `${m.refund.amount} ${m.refund.currency}` }),
    ...(m.allowCancel ? [say("choice.cancel")] : []),
  ];
  const paragraphs = [say("greeting", { name: m.customerName }), say(`problem.${m.reason}`), say("proposal")];
  const after = [say("deadline", { date }), say("link", { link: m.link }), say("apology"), say("signoff")];
  const text = [...paragraphs, choices.map((c) => `  • ${c}`).join("\n"), ...after].join("\n\n");
  const html = [
    ...paragraphs.map((p) => `<p>${escape(p)}</p>`),
    `<ul>${choices.map((c) => `<li>${escape(c)}</li>`).join("")}</ul>`,
    `<p>${escape(say("deadline", { date }))}</p>`,
    `<p><a href="${escape(m.link)}" style="display:inline-block;padding:10px 16px;background:#303030;color:#fff;border-radius:8px;text-decoration:none">${escape(say("page.submit"))}</a></p>`,
    `<p>${escape(say("apology"))}</p><p>${escape(say("signoff"))}</p>`,
  ].join("\n");
  return { subject: say("subject"), text, html };
}
