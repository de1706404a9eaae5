// The customer's offer page, shared by its two addresses: /offers/<token> (the app's own) and
// /proxy/offers/<token> (through the shop's domain by Shopify's App Proxy, signature checked).
// The token is the credential (random, stored only as its hash, single-use, expiring); the page
// shows this offer and nothing else, in the customer's language, and takes one answer.
import { json } from "@remix-run/node";
import { z } from "zod";
import prisma from "../../db.server";
import { adminClientForShop } from "../../shopify/admin.server";
import { t, type Locale } from "../notifications/messages";
import { getShopSettings } from "../settings/settings.server";
import { answerOffer, offerForToken, type AnswerResult } from "./offers.server";

const Answer = z.union([
  z.object({ choice: z.literal("refund") }),
  z.object({ choice: z.literal("cancel_order") }),
  z.object({ choice: z.literal("substitute"), variantId: z.string().min(1) }),
]);

export async function loadOfferPage(token: string) {
  const view = await offerForToken(prisma, token);
  if (!view) return json({ state: "invalid" as const, locale: "en" as Locale, texts: {} as Record<string, string>, choices: [] as { value: string; label: string }[] }, { status: 404 });
  const { offer, substitutes, orderName, state } = view;
  const settings = await getShopSettings(prisma, offer.shop);
  const locale = offer.locale as Locale;
  const say = (key: Parameters<typeof t>[1], values: Record<string, string> = {}) => t(locale, key, { order: orderName, item: offer.lineTitle, shop: "", ...values }, settings.messages);
  const choices = [
    ...substitutes.map((s) => ({ value: `substitute:${s.variantId}`, label: say("choice.substitute", { substitute: s.title }) })),
    { value: "refund", label: Number(offer.refundAmount) > 0 ? say("choice.refund", { amount: `${offer.refundAmount} ${offer.currency}` }) : say("choice.refundFree") },
    { value: "cancel_order", label: say("choice.cancel") },
  ];
  const texts = { title: say("page.title"), proposal: say("proposal"), submit: say("page.submit"), apology: say("apology"), answered: say("page.answered"), expired: say("page.expired"), failed: say("page.failed") };
  return json({ state, locale, texts, choices });
}

export async function answerOfferPage(token: string, form: FormData) {
  const [choice, variantId] = String(form.get("choice") ?? "").split(/:(.*)/s);
  const parsed = Answer.safeParse({ choice, variantId });
  if (!parsed.success) return json({ outcome: "invalid" as const, message: "Please pick one of the options." }, { status: 400 });
  const result: AnswerResult = await answerOffer(prisma, adminClientForShop, token, parsed.data);
  const view = result.offer;
  const locale = (view?.offer.locale ?? "en") as Locale;
  const settings = view ? await getShopSettings(prisma, view.offer.shop) : null;
  const values = { item: view?.offer.lineTitle ?? "", substitute: result.substitute ?? "", order: view?.orderName ?? "", shop: "" };
  const key = result.outcome === "done" ? (`page.done.${result.choice ?? "refund"}` as const)
    : result.outcome === "already_answered" ? "page.answered" : result.outcome === "expired" ? "page.expired"
      : result.outcome === "failed" ? "page.failed" : "page.invalid";
  const status = { done: 200, already_answered: 409, expired: 410, failed: 502, invalid: 404 }[result.outcome];
  return json({ outcome: result.outcome, message: t(locale, key, values, settings?.messages) }, { status });
}
