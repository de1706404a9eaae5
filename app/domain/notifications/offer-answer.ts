// What the customer is told once their answer to an offer is carried out: the same words on the
// confirmation page and in the confirmation email — what we did, and what happens next (when the
// order leaves, where a refund goes and how long it takes to show).
import { formatDay, formatMoney } from "./format";
import { escapeHtml, greetingFor, t, type Locale, type MessageKey, type Overrides } from "./messages";

export type AnsweredChoice = "substitute" | "refund" | "cancel_order";

export type AnswerTextsInput = {
  locale: Locale;
  choice: AnsweredChoice;
  item: string;
  substitute?: string;
  refund: { amount: string; currency: string };
  /** The day the rest of the order leaves by (the shop's handling time from the answer). */
  shipBy: Date;
  timezone: string;
  overrides?: Overrides;
};

export function answerTexts(m: AnswerTextsInput): { title: string; lines: string[] } {
  const say = (key: MessageKey, values: Record<string, string> = {}) => t(m.locale, key, { item: m.item, substitute: m.substitute ?? "", ...values }, m.overrides);
  const shipBy = say("shipBy", { date: formatDay(m.locale, m.shipBy, m.timezone) });
  const paid = Number(m.refund.amount) > 0;
  const lines = m.choice === "substitute" ? [say("page.done.substitute"), shipBy]
    : m.choice === "cancel_order" ? [say("page.done.cancel_order"), say("next.cancel_order")]
      : paid ? [say("page.done.refund"), say("next.refund", { amount: formatMoney(m.locale, m.refund.amount, m.refund.currency) })]
        : [say("page.done.refundFree"), shipBy]; // a free item left out: the rest of the order goes on
  return { title: say("page.confirmed"), lines };
}

export function confirmationMessage(m: AnswerTextsInput & { shop: string; order: string; customerName: string | null }) {
  const say = (key: MessageKey, values: Record<string, string> = {}) => t(m.locale, key, { shop: m.shop, order: m.order, ...values }, m.overrides);
  const { lines } = answerTexts(m);
  const paragraphs = [greetingFor(m.locale, m.customerName, m.overrides), ...lines, say("signoff")];
  return {
    subject: say("confirm.subject"),
    text: paragraphs.join("\n\n"),
    html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n"),
  };
}
