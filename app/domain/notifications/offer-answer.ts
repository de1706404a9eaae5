// What the customer is told once their answer to an offer is carried out: the same words on the
// confirmation page, in the confirmation email, and on the page whenever the link is opened again —
// what we did with each line, and what happens next (when the order leaves, where a refund goes and
// how long it takes to show).
import { formatDay, formatMoney } from "./format";
import { escapeHtml, greetingFor, t, type Locale, type MessageKey, type Overrides } from "./messages";
import { itemLabel, listOf, stakeLabel } from "./offer-message";
import { fromCents, toCents } from "../money";

/** What became of one line (`quantity` units of the `ordered` on it): the substitute sent instead,
 *  or the units left out (refunded when paid). */
export type AnsweredLine = {
  item: string;
  quantity: number;
  ordered: number;
  choice: "substitute" | "refund";
  substitute?: string;
  refund: { amount: string; currency: string };
};

export type AnswerTextsInput = {
  locale: Locale;
  /** The whole order cancelled, or a choice per line. */
  answer: { kind: "cancel_order" } | { kind: "lines"; lines: AnsweredLine[] };
  /** The day the rest of the order leaves by (the shop's handling time from the answer). */
  shipBy: Date;
  timezone: string;
  overrides?: Overrides;
  /** The offer expired unanswered and its fallback was carried out (every line left out). */
  fallback?: boolean;
};

export function answerTexts(m: AnswerTextsInput): { title: string; lines: string[] } {
  const say = (key: MessageKey, values: Record<string, string> = {}) => t(m.locale, key, values, m.overrides);
  const title = say("page.confirmed");
  if (m.answer.kind === "cancel_order")
    return { title, lines: [say("page.done.cancel_order"), say("next.cancel_order")] };
  const lines = m.answer.lines;
  // Unanswered: one sentence for what the fallback did, as the offer promised.
  const paid = lines.some((l) => Number(l.refund.amount) > 0);
  const expired = say(
    !paid
      ? "page.expiredFree"
      : lines.length > 1 || lines.some((l) => l.quantity > 1)
        ? "page.expiredMany"
        : "page.expired",
    {
      item: listOf(
        m.locale,
        lines.map((l) => stakeLabel(m, l)),
      ),
    },
  );
  const done = m.fallback
    ? [expired]
    : lines.map((l) => {
        const item = stakeLabel(m, l);
        if (l.choice === "substitute")
          return say("page.done.substitute", { item, substitute: itemLabel(l.substitute ?? "", l.quantity) });
        return say(
          Number(l.refund.amount) === 0
            ? "page.done.refundFree"
            : l.quantity > 1
              ? "page.done.refundMany"
              : "page.done.refund",
          { item },
        );
      });
  const refunded = lines
    .filter((l) => l.choice === "refund")
    .reduce((sum, l) => sum + toCents(l.refund.amount), 0);
  // Something still leaves us (a substitute, or the rest of the order after a free item): when.
  const ships = lines.some((l) => l.choice === "substitute" || Number(l.refund.amount) === 0);
  const currency = lines[0]?.refund.currency ?? "EUR";
  return {
    title,
    lines: [
      ...done,
      ...(refunded > 0
        ? [say("next.refund", { amount: formatMoney(m.locale, fromCents(refunded), currency) })]
        : []),
      ...(ships ? [say("shipBy", { date: formatDay(m.locale, m.shipBy, m.timezone) })] : []),
    ],
  };
}

export function confirmationMessage(
  m: AnswerTextsInput & { shop: string; order: string; customerName: string | null },
) {
  const say = (key: MessageKey, values: Record<string, string> = {}) =>
    t(m.locale, key, { shop: m.shop, order: m.order, ...values }, m.overrides);
  const { lines } = answerTexts(m);
  const paragraphs = [greetingFor(m.locale, m.customerName, m.overrides), ...lines, say("signoff")];
  return {
    subject: say(m.fallback ? "subject" : "confirm.subject"),
    text: paragraphs.join("\n\n"),
    html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n"),
  };
}
