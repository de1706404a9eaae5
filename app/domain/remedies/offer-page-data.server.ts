// What the customer's offer page shows and what its answer does, in the customer's language: the
// shop, what happened to each line, each line's choices with their pictures and values, cancelling
// when allowed, the answer-by date; one answer carried out, confirmed on the page and by email; what
// was chosen whenever the link is opened again. The page itself (its two addresses, its HTTP
// statuses and headers) is the route's: app/http/offer-page.server.ts.
import type { PrismaClient } from "@prisma/client";
import { evidenceOf } from "../../models/incident.server";
import type { AdminClient } from "../../shopify/client.server";
import { shopContext } from "../../shopify/shop-context.server";
import { t, type Locale, type MessageKey } from "../notifications/messages";
import { answerTexts, type AnswerTextsInput } from "../notifications/offer-answer";
import { sendOfferConfirmation } from "../notifications/offer-confirmation.server";
import {
  cancelChoice,
  deadlineText,
  lineChoices,
  lineHeading,
  listOf,
  problemOf,
  problemTexts,
  severalUnits,
  stakeLabel,
  type ChoiceView,
} from "../notifications/offer-message";
import { shipByFrom } from "../notifications/ship-by";
import { getShopSettings } from "../settings/settings.server";
import type { ShopSettings } from "../settings/settings";
import { answeredOf, answerOffer, openLines, type Answer, type LineChoice } from "./offer-answering.server";
import { offerForToken, type OfferView } from "./offer-link.server";

/** Our database, and the Admin client of the offer's shop (for its name and time zone, and to carry out the answer). */
export type PageDeps = { prisma: PrismaClient; adminFor: (shop: string) => Promise<AdminClient> };

/** A line to choose for: its form field is `line-<position>`. */
export type PageLine = { position: number; label: string; choices: ChoiceView[] };

export type OfferPageData = {
  state: "invalid" | "open" | "answered" | "expired" | "failed" | "withdrawn";
  locale: Locale;
  shop: string;
  /** `problems`: what happened (one sentence, or the opening of several lines); `problemLines`: each
   *  line's problem after its name, when there are several. */
  texts: Partial<
    Record<"title" | "proposal" | "deadline" | "submit" | "apology" | "message" | "orCancel", string>
  > & { problems?: string[]; problemLines?: string[] };
  lines: PageLine[];
  /** Cancelling the whole order, when the merchant allowed it. */
  cancel: ChoiceView | null;
  /** Once answered: what was chosen, as the confirmation said it. */
  confirmed?: { title: string; lines: string[] };
};

/** `missing`: the lines still to choose for; `chosen`: what the customer did choose, kept on the page. */
export type OfferAnswerData = {
  outcome: "done" | "unchosen" | "already_answered" | "expired" | "withdrawn" | "failed" | "invalid";
  title?: string;
  lines: string[];
  missing?: number[];
  chosen?: Record<number, string>;
};

type Facts = {
  settings: ShopSettings;
  shopName: string;
  timezone: string;
  locale: Locale;
  say: (key: MessageKey, values?: Record<string, string>) => string;
};

/** The shop's name and time zone as Shopify has them (cached a few minutes per process); should
 *  Shopify not answer, the sender name of the shop's emails, so the customer still gets the page. */
async function pageFacts({ prisma, adminFor }: PageDeps, view: OfferView): Promise<Facts> {
  const { offer, orderName } = view;
  const settings = await getShopSettings(prisma, offer.shop);
  const shop = await adminFor(offer.shop)
    .then(shopContext)
    .catch(() => null);
  const shopName =
    shop?.shopName ??
    settings.fromAddress?.match(/^\s*"?([^"<]+?)"?\s*</)?.[1] ??
    offer.shop.replace(/\.myshopify\.com$/, "");
  const locale = offer.locale as Locale;
  const items = listOf(
    locale,
    offer.lines.map((l) =>
      stakeLabel(
        { locale, overrides: settings.messages },
        { item: l.lineTitle, quantity: l.quantity, ordered: l.ordered },
      ),
    ),
  );
  const say = (key: MessageKey, values: Record<string, string> = {}) =>
    t(locale, key, { order: orderName, item: items, shop: shopName, ...values }, settings.messages);
  return { settings, shopName, timezone: settings.timezone ?? shop?.timezone ?? "UTC", locale, say };
}

const lineText =
  (view: OfferView, reasons: Map<string, string | undefined>) =>
  (l: OfferView["offer"]["lines"][number]) => ({
    item: l.lineTitle,
    quantity: l.quantity,
    ordered: l.ordered,
    reason: problemOf(reasons.get(l.incidentId)),
    substitutes: l.substitutes,
    refund: { amount: l.refundAmount, currency: view.offer.currency },
  });

/** "As promised, we left … out": the words for an offer whose answer-by date has passed. */
function expiredKey(view: OfferView): MessageKey {
  const paid = view.offer.lines.some((l) => Number(l.refundAmount) > 0);
  return !paid ? "page.expiredFree" : severalUnits(view.offer.lines) ? "page.expiredMany" : "page.expired";
}

async function confirmation(
  view: OfferView,
  facts: Facts,
  answered: AnswerTextsInput["answer"],
  now: Date,
): Promise<AnswerTextsInput> {
  return {
    locale: facts.locale,
    answer: answered,
    shipBy: shipByFrom(facts.settings, facts.timezone, now),
    timezone: facts.timezone,
    overrides: facts.settings.messages,
  };
}

const problemsOf = (p: ReturnType<typeof problemTexts>) => ({
  problems: p.opening,
  ...(p.lines.length ? { problemLines: p.lines } : {}),
});

/** The page of a link that opens no offer, in `locale` (the browser's: no offer says the customer's). */
export const noOfferPage = (locale: Locale): OfferPageData => ({
  state: "invalid",
  locale,
  shop: "",
  texts: { message: t(locale, "page.invalid") },
  lines: [],
  cancel: null,
});

/** An answer sent to a link that opens no offer: nothing is done. */
export const noOfferAnswer = (locale: Locale): OfferAnswerData => ({
  outcome: "invalid",
  lines: [t(locale, "page.invalid")],
});

/** The page `token` opens; null when it opens no offer. */
export async function offerPage(
  deps: PageDeps,
  token: string,
  now = new Date(),
): Promise<OfferPageData | null> {
  const { prisma } = deps;
  const view = await offerForToken(prisma, token, now);
  if (!view) return null;
  const { offer, state } = view;
  const facts = await pageFacts(deps, view);
  const { settings, shopName, timezone, locale, say } = facts;
  const incidents = await prisma.incident.findMany({
    where: { shop: offer.shop, id: { in: offer.lines.map((l) => l.incidentId) } },
    select: { id: true, type: true, evidence: true },
  });
  const reasons = new Map(incidents.map((i) => [i.id, evidenceOf(i, "stock_mismatch").reason]));
  const texts = offer.lines.map(lineText(view, reasons));
  const answered = state === "answered" ? await answeredOf(prisma, offer.shop, offer.id) : undefined;
  const message =
    state === "expired"
      ? say(expiredKey(view))
      : state === "failed"
        ? say("page.failed")
        : state === "withdrawn"
          ? say("page.withdrawn")
          : state === "answered" && !answered
            ? say("page.answered")
            : undefined;
  const open = state === "open" ? openLines(offer) : [];
  const data: OfferPageData = {
    state,
    locale,
    shop: shopName,
    texts: {
      title: say("page.title"),
      ...problemsOf(
        problemTexts({ locale, order: view.orderName, lines: texts, overrides: settings.messages }),
      ),
      proposal: say("proposal"),
      submit: say("page.submit"),
      apology: say("apology"),
      orCancel: say("page.orCancel"),
      deadline: deadlineText({
        locale,
        lines: texts,
        answerBy: offer.expiresAt,
        timezone,
        overrides: settings.messages,
      }),
      message,
    },
    lines: open.map((l) => ({
      position: l.position,
      label: lineHeading({ item: l.lineTitle, quantity: l.quantity, ordered: l.ordered }),
      choices: lineChoices({ locale, line: texts[offer.lines.indexOf(l)], overrides: settings.messages }),
    })),
    cancel:
      state === "open" && offer.allowCancel ? cancelChoice({ locale, overrides: settings.messages }) : null,
    confirmed: answered
      ? answerTexts(await confirmation(view, facts, answered, offer.answeredAt ?? now))
      : undefined,
  };
  return data;
}

/** The answer the form sends: `choice=cancel_order`, or `line-<position>` = "substitute:<variant>" |
 *  "refund" for every line (`choice` stands for the line when only one is left to answer). */
export function answerFromForm(
  form: Pick<FormData, "get">,
  positions: number[],
): { answer: Answer } | { missing: number[]; chosen: Record<number, string> } {
  if (form.get("choice") === "cancel_order") return { answer: { kind: "cancel_order" } };
  const lines: LineChoice[] = [];
  const missing: number[] = [];
  const chosen: Record<number, string> = {};
  for (const position of positions) {
    const raw = String(
      form.get(`line-${position}`) ?? (positions.length === 1 ? (form.get("choice") ?? "") : ""),
    );
    const [choice, variantId] = raw.split(/:(.*)/s);
    if (choice === "refund") lines.push({ position, choice: "refund" });
    else if (choice === "substitute" && variantId) lines.push({ position, choice: "substitute", variantId });
    else missing.push(position);
    if (!missing.includes(position)) chosen[position] = raw;
  }
  return missing.length ? { missing, chosen } : { answer: { kind: "lines", lines } };
}

/** The customer's answer from the page's form, carried out and worded for the page; `browserLocale`
 *  words the answer to a link that opens no offer. */
export async function answerOnPage(
  deps: PageDeps,
  token: string,
  form: Pick<FormData, "get">,
  browserLocale: Locale,
  now = new Date(),
): Promise<OfferAnswerData> {
  const { prisma, adminFor } = deps;
  const before = await offerForToken(prisma, token, now);
  if (!before) return noOfferAnswer(browserLocale);
  const parsed = answerFromForm(
    form,
    openLines(before.offer).map((l) => l.position),
  );
  if ("missing" in parsed && before.state === "open") {
    // Nothing chosen for a line: the page again, with the reason in the customer's words.
    const settings = await getShopSettings(prisma, before.offer.shop);
    return {
      outcome: "unchosen",
      lines: [t(before.offer.locale as Locale, "page.pickOne", {}, settings.messages)],
      missing: parsed.missing,
      chosen: parsed.chosen,
    };
  }
  const result =
    "answer" in parsed
      ? await answerOffer(prisma, adminFor, token, parsed.answer, now)
      : { outcome: "already_answered" as const, offer: before };
  const view = result.offer ?? before;
  const facts = await pageFacts(deps, view);
  if (result.outcome !== "done" || !result.answered) {
    const key: MessageKey =
      result.outcome === "already_answered"
        ? "page.answered"
        : result.outcome === "expired"
          ? expiredKey(view)
          : result.outcome === "withdrawn"
            ? "page.withdrawn"
            : result.outcome === "failed"
              ? "page.failed"
              : "page.invalid";
    return { outcome: result.outcome === "done" ? "failed" : result.outcome, lines: [facts.say(key)] };
  }
  const texts = await confirmation(view, facts, result.answered, now);
  const { title, lines } = answerTexts(texts);
  // The answer is carried out already: an email that cannot go out is on the timeline, not an error here.
  const emailed = await sendOfferConfirmation(
    prisma,
    view.offer,
    { orderName: view.orderName, shopName: facts.shopName, settings: facts.settings },
    texts,
  ).catch((error) => {
    console.error(
      JSON.stringify({ event: "offer_confirmation_failed", offerId: view.offer.id, error: String(error) }),
    );
    return false;
  });
  return { outcome: "done", title, lines: emailed ? [...lines, facts.say("page.emailed")] : lines };
}
