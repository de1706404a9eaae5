// The one message of an offer: what happened to each line of the order that cannot ship as ordered,
// what we propose for each (a substitute with its picture and value, or leaving it out), cancelling
// the whole order when the merchant allows it, until when, the link, and an apology — in the
// customer's language. Plain text and a simple HTML version of the same. The offer page shows the
// same problems and choices (problemTexts, lineChoices, cancelChoice).
//
// The customer must read how much of each line is at stake: a line of which some units still ship
// says so ("we can send only 9 of the 10 … you ordered") and its choices speak of the missing units
// only; several units take the plural wording (…Many blocks). Phrases put after a name carry no full
// stop of their own, and no sentence is ever joined to another's full stop.
import { formatDateTime, formatMoney } from "./format";
import {
  escapeHtml as escape,
  greetingFor,
  t,
  type Locale,
  type MessageKey,
  type Overrides,
} from "./messages";

export type OfferProblem = "expired" | "damaged" | "missing" | "damaged_or_expired" | "stock";
const PROBLEMS = new Set<string>(["expired", "damaged", "missing", "damaged_or_expired"]);

/** How the problem is told, from the stock incident's evidence reason (oversold and others: no stock left). */
export const problemOf = (reason: string | undefined | null): OfferProblem =>
  PROBLEMS.has(reason ?? "") ? (reason as OfferProblem) : "stock";

export type OfferedChoice = {
  title: string;
  price: string;
  variantId?: string;
  image?: { url: string; alt: string } | null;
};

/** A line the offer covers: `quantity` units at stake of the `ordered` units on the line (the rest
 *  still ships); `refund` is what leaving them out gives back (0.00 for a free gift). */
export type OfferLineText = {
  item: string;
  quantity: number;
  ordered: number;
  reason: OfferProblem;
  substitutes: OfferedChoice[];
  refund: { amount: string; currency: string };
};

/** "Thermal Spring Water ×2": the units at stake, when more than one. */
export const itemLabel = (title: string, quantity: number) =>
  quantity > 1 ? `${title} ×${quantity}` : title;

/** Some units of the line still ship. */
export const isPartial = (l: Pick<OfferLineText, "quantity" | "ordered">) => l.ordered > l.quantity;

type Say = { locale: Locale; overrides?: Overrides };

/** The units at stake as the choices, the deadline and the confirmation name them: the whole line
 *  ("Sun Fluid ×2"), or, when the rest of it ships, only the missing ones ("the missing Sun Fluid"). */
export function stakeLabel(m: Say, l: Pick<OfferLineText, "item" | "quantity" | "ordered">): string {
  if (!isPartial(l)) return itemLabel(l.item, l.quantity);
  return t(
    m.locale,
    l.quantity > 1 ? "item.missingMany" : "item.missingOne",
    { item: l.item, count: String(l.quantity) },
    m.overrides,
  );
}

/** The name a line's choices are grouped under: the units at stake, or the product when some ship. */
export const lineHeading = (l: Pick<OfferLineText, "item" | "quantity" | "ordered">) =>
  isPartial(l) ? l.item : itemLabel(l.item, l.quantity);

/** "A, B and C" in the reader's language. */
export const listOf = (locale: Locale, items: string[]) =>
  new Intl.ListFormat(locale, { type: "conjunction" }).format(items);

/** A choice as the customer reads it: `value` is what the page's form sends back for the line. */
export type ChoiceView = {
  value: string;
  label: string;
  detail: string | null;
  image: { url: string; alt: string } | null;
};

export function lineChoices(m: Say & { line: OfferLineText }): ChoiceView[] {
  const { line } = m;
  const item = stakeLabel(m, line);
  const say = (key: MessageKey, values: Record<string, string> = {}) =>
    t(m.locale, key, { item, ...values }, m.overrides);
  const money = (amount: number | string) => formatMoney(m.locale, amount, line.refund.currency);
  return [
    ...line.substitutes.map((s) => ({
      value: `substitute:${s.variantId ?? ""}`,
      label: say("choice.substitute", { substitute: itemLabel(s.title, line.quantity) }),
      detail: say("choice.worth", { value: money((Number(s.price) * line.quantity).toFixed(2)) }),
      image: s.image ?? null,
    })),
    Number(line.refund.amount) > 0
      ? {
          value: "refund",
          label: say("choice.refund", { amount: money(line.refund.amount) }),
          detail: null,
          image: null,
        }
      : { value: "refund", label: say("choice.refundFree"), detail: null, image: null },
  ];
}

export const cancelChoice = (m: Say): ChoiceView => ({
  value: "cancel_order",
  label: t(m.locale, "choice.cancel", {}, m.overrides),
  detail: null,
  image: null,
});

const PLURAL_PROBLEMS = new Set<OfferProblem>(["expired", "damaged", "damaged_or_expired"]);
/** The block for a problem told of several units, where the language's grammar differs. */
const problemKey = (prefix: "problem" | "line", l: Pick<OfferLineText, "reason" | "quantity">) =>
  `${prefix}.${l.reason}${l.quantity > 1 && PLURAL_PROBLEMS.has(l.reason) ? "Many" : ""}` as MessageKey;

/** What happened. One line: today's sentence (or, when some units still ship, how many). Several:
 *  one opening sentence, then each line's problem in a short phrase after its name. */
export function problemTexts(m: Say & { order: string; lines: OfferLineText[] }): {
  opening: string[];
  lines: string[];
} {
  const say = (key: MessageKey, values: Record<string, string>) =>
    t(m.locale, key, { order: m.order, ...values }, m.overrides);
  const counts = (l: OfferLineText) => ({ ordered: String(l.ordered), left: String(l.ordered - l.quantity) });
  if (m.lines.length === 1) {
    const [l] = m.lines;
    return {
      opening: [
        isPartial(l)
          ? say("problem.partial", { item: l.item, ...counts(l) })
          : say(problemKey("problem", l), { item: itemLabel(l.item, l.quantity) }),
      ],
      lines: [],
    };
  }
  return {
    opening: [say("problem.several", {})],
    lines: m.lines.map(
      (l) =>
        `${lineHeading(l)}: ${isPartial(l) ? say("line.partial", counts(l)) : say(problemKey("line", l), {})}`,
    ),
  };
}

/** More than one unit at stake, over all lines: the plural wording. */
export const severalUnits = (lines: Pick<OfferLineText, "quantity">[]) =>
  lines.reduce((sum, l) => sum + l.quantity, 0) > 1;

/** "If we have not heard from you by …": the answer-by moment in the shop's zone, named, and what
 *  happens then to every line (left out, and refunded when paid for). */
export function deadlineText(
  m: Say & {
    lines: Pick<OfferLineText, "item" | "quantity" | "ordered" | "refund">[];
    answerBy: Date;
    timezone: string;
  },
) {
  const paid = m.lines.some((l) => Number(l.refund.amount) > 0);
  const key = !paid ? "deadlineFree" : severalUnits(m.lines) ? "deadlineMany" : "deadline";
  const item = listOf(
    m.locale,
    m.lines.map((l) => stakeLabel(m, l)),
  );
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
  const say = (key: MessageKey, values: Record<string, string> = {}) =>
    t(m.locale, key, { shop: m.shop, order: m.order, ...values }, m.overrides);
  // One line: its choices, then cancelling. Several: the choices under each line's name.
  const groups = m.lines.map((line) => ({
    heading: m.lines.length > 1 ? lineHeading(line) : null,
    choices: lineChoices({ ...m, line }),
  }));
  if (m.allowCancel) {
    if (groups.length === 1) groups[0].choices.push(cancelChoice(m));
    else groups.push({ heading: say("page.orCancel"), choices: [cancelChoice(m)] });
  }
  const label = (c: ChoiceView) => (c.detail ? `${c.label} (${c.detail})` : c.label);
  const problems = problemTexts(m);
  const greeting = greetingFor(m.locale, m.customerName, m.overrides);
  const deadline = deadlineText(m);
  const after = [deadline, say("link", { link: m.link }), say("apology"), say("signoff")];
  const problemList = problems.lines.length ? [problems.lines.map((p) => `  - ${p}`).join("\n")] : [];
  // A heading ends in a colon, unless its block already ends in punctuation ("Or, instead:").
  const headed = (h: string) => (/[:.!?…]$/.test(h) ? h : `${h}:`);
  const text = [
    greeting,
    ...problems.opening,
    ...problemList,
    say("proposal"),
    ...groups.map((g) =>
      [...(g.heading ? [headed(g.heading)] : []), ...g.choices.map((c) => `  • ${label(c)}`)].join("\n"),
    ),
    ...after,
  ].join("\n\n");
  const picture = (c: ChoiceView) =>
    c.image
      ? `<img src="${escape(c.image.url)}" alt="${escape(c.image.alt)}" width="56" height="56" style="vertical-align:middle;margin-right:8px;border-radius:6px">`
      : "";
  const html = [
    ...[greeting, ...problems.opening].map((p) => `<p>${escape(p)}</p>`),
    ...(problems.lines.length
      ? [`<ul>${problems.lines.map((p) => `<li>${escape(p)}</li>`).join("")}</ul>`]
      : []),
    `<p>${escape(say("proposal"))}</p>`,
    ...groups.map(
      (g) =>
        `${g.heading ? `<p style="margin-bottom:0"><strong>${escape(g.heading)}</strong></p>` : ""}<ul style="list-style:none;padding:0">${g.choices.map((c) => `<li style="margin:8px 0">${picture(c)}${escape(label(c))}</li>`).join("")}</ul>`,
    ),
    `<p>${escape(deadline)}</p>`,
    `<p><a href="${escape(m.link)}" style="display:inline-block;padding:10px 16px;background:#303030;color:#fff;border-radius:8px;text-decoration:none">${escape(say("page.submit"))}</a></p>`,
    `<p>${escape(say("apology"))}</p><p>${escape(say("signoff"))}</p>`,
  ].join("\n");
  return { subject: say("subject"), text, html };
}
