// The customer's offer page, shared by its two addresses: /offers/<token> (the app's own) and
// /proxy/offers/<token> (through the shop's domain by Shopify's App Proxy, signature checked).
// The token is the credential (random, stored only as its hash, single-use, expiring); the page
// shows this offer and nothing else — the shop, what happened, each choice with its picture and
// value, the answer-by date — in the customer's language, takes one answer, confirms it on the
// page and by email. Never stored by a cache: it changes with the answer and holds the credential.
import { json } from "@remix-run/node";
import { z } from "zod";
import prisma from "../../db.server";
import { adminClientForShop } from "../../shopify/admin.server";
import { shopContext } from "../../shopify/shop-context.server";
import { localeOfRequest, t, type Locale, type MessageKey } from "../notifications/messages";
import { answerTexts, type AnswerTextsInput } from "../notifications/offer-answer";
import { sendOfferConfirmation } from "../notifications/offer-confirmation.server";
import { deadlineText, offerChoices, problemOf, type ChoiceView } from "../notifications/offer-message";
import { shipByFrom } from "../notifications/ship-by";
import { getShopSettings } from "../settings/settings.server";
import type { ShopSettings } from "../settings/settings";
import { answerOffer, offerForToken, type OfferView } from "./offers.server";

export const NO_STORE = { "Cache-Control": "no-store" };

export type OfferPageData = {
  state: "invalid" | "open" | "answered" | "expired" | "failed";
  locale: Locale;
  shop: string;
  texts: Partial<Record<"title" | "problem" | "proposal" | "deadline" | "submit" | "apology" | "message", string>>;
  choices: ChoiceView[];
};

export type OfferAnswerData = { outcome: "done" | "unchosen" | "already_answered" | "expired" | "failed" | "invalid"; title?: string; lines: string[] };

const Answer = z.union([
  z.object({ choice: z.literal("refund") }),
  z.object({ choice: z.literal("cancel_order") }),
  z.object({ choice: z.literal("substitute"), variantId: z.string().min(1) }),
]);

type Facts = { settings: ShopSettings; shopName: string; timezone: string; locale: Locale; say: (key: MessageKey, values?: Record<string, string>) => string };

/** The shop's name and time zone as Shopify has them (cached a few minutes per process); should
 *  Shopify not answer, the sender name of the shop's emails, so the customer still gets the page. */
async function pageFacts(view: OfferView): Promise<Facts> {
  const { offer, orderName } = view;
  const settings = await getShopSettings(prisma, offer.shop);
  const shop = await adminClientForShop(offer.shop).then(shopContext).catch(() => null);
  const shopName = shop?.shopName ?? settings.fromAddress?.match(/^\s*"?([^"<]+?)"?\s*</)?.[1] ?? offer.shop.replace(/\.myshopify\.com$/, "");
  const locale = offer.locale as Locale;
  const say = (key: MessageKey, values: Record<string, string> = {}) => t(locale, key, { order: orderName, item: offer.lineTitle, shop: shopName, ...values }, settings.messages);
  return { settings, shopName, timezone: settings.timezone ?? shop?.timezone ?? "UTC", locale, say };
}

const refundOf = (view: OfferView) => ({ amount: view.offer.refundAmount, currency: view.offer.currency });

export async function loadOfferPage(token: string, request: Request) {
  const view = await offerForToken(prisma, token);
  if (!view) {
    const locale = localeOfRequest(request.headers.get("Accept-Language"));
    const data: OfferPageData = { state: "invalid", locale, shop: "", texts: { message: t(locale, "page.invalid") }, choices: [] };
    return json(data, { status: 404, headers: NO_STORE });
  }
  const { offer, substitutes, state } = view;
  const { settings, shopName, timezone, locale, say } = await pageFacts(view);
  const incident = await prisma.incident.findUnique({ where: { id: offer.incidentId }, select: { evidence: true } });
  const reason = (JSON.parse(incident?.evidence ?? "{}") as { reason?: string }).reason;
  const free = Number(offer.refundAmount) === 0;
  const message = state === "expired" ? say(free ? "page.expiredFree" : "page.expired") : state === "failed" ? say("page.failed") : state === "answered" ? say("page.answered") : undefined;
  const data: OfferPageData = {
    state, locale, shop: shopName,
    texts: {
      title: say("page.title"), problem: say(`problem.${problemOf(reason)}`), proposal: say("proposal"), submit: say("page.submit"), apology: say("apology"),
      deadline: deadlineText({ locale, item: offer.lineTitle, refund: refundOf(view), answerBy: offer.expiresAt, timezone, overrides: settings.messages }),
      message,
    },
    choices: state === "open" ? offerChoices({ locale, item: offer.lineTitle, substitutes, refund: refundOf(view), allowCancel: true, overrides: settings.messages }) : [],
  };
  return json(data, { headers: NO_STORE });
}

// Nothing chosen is the page again with a word in red, not a failed request: a 4xx document is
// an error in the browser's console, and the customer did nothing wrong but forget to tick.
const STATUS = { done: 200, unchosen: 200, already_answered: 409, expired: 410, failed: 502, invalid: 404 } as const;
const answered = (data: OfferAnswerData) => json(data, { status: STATUS[data.outcome], headers: NO_STORE });

export async function answerOfferPage(token: string, form: FormData, request: Request) {
  const [choice, variantId] = String(form.get("choice") ?? "").split(/:(.*)/s);
  const parsed = Answer.safeParse({ choice, variantId });
  if (!parsed.success) {
    // Nothing chosen (or a choice the page never offered): the page again, with the reason in the customer's words.
    const view = await offerForToken(prisma, token);
    const locale = (view?.offer.locale as Locale | undefined) ?? localeOfRequest(request.headers.get("Accept-Language"));
    return answered({ outcome: "unchosen", lines: [t(locale, "page.pickOne", {}, view ? (await getShopSettings(prisma, view.offer.shop)).messages : {})] });
  }
  const now = new Date();
  const result = await answerOffer(prisma, adminClientForShop, token, parsed.data, now);
  const view = result.offer;
  if (!view) return answered({ outcome: "invalid", lines: [t(localeOfRequest(request.headers.get("Accept-Language")), "page.invalid")] });
  const facts = await pageFacts(view);
  if (result.outcome !== "done" || !result.choice) {
    const key = result.outcome === "already_answered" ? "page.answered" : result.outcome === "expired" ? (Number(view.offer.refundAmount) === 0 ? "page.expiredFree" : "page.expired")
      : result.outcome === "failed" ? "page.failed" : "page.invalid";
    return answered({ outcome: result.outcome === "done" ? "failed" : result.outcome, lines: [facts.say(key)] });
  }
  const texts: AnswerTextsInput = {
    locale: facts.locale, choice: result.choice, item: view.offer.lineTitle, substitute: result.substitute, refund: refundOf(view),
    shipBy: shipByFrom(facts.settings, facts.timezone, now), timezone: facts.timezone, overrides: facts.settings.messages,
  };
  const { title, lines } = answerTexts(texts);
  // The answer is carried out already: an email that cannot go out is on the timeline, not an error here.
  const emailed = await sendOfferConfirmation(prisma, view.offer, { orderName: view.orderName, shopName: facts.shopName, settings: facts.settings }, texts)
    .catch((error) => {
      console.error(JSON.stringify({ event: "offer_confirmation_failed", offerId: view.offer.id, error: String(error) }));
      return false;
    });
  return answered({ outcome: "done", title, lines: emailed ? [...lines, facts.say("page.emailed")] : lines });
}
