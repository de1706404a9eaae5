// Offers to the customer: a stock problem on a line becomes one message with a choice — a
// substitute (one or more, chosen by the merchant among the valid ones), leaving the line out with
// a refund, or cancelling the order — answered once through a link. The answer is carried out as
// a remedy whose decision is the offer itself, so however many times the page is submitted, one
// thing happens. An offer not answered in time gets the fallback (the line refunded).
import { createHash, randomBytes } from "node:crypto";
import type { Offer, PrismaClient } from "@prisma/client";
import type { AdminClient } from "../../shopify/client.server";
import { customerFirstName } from "../detection/order-ref.server";
import { requestHoldSync } from "../detection/stock-hold.server";
import { addTimeline, resolveIncidents } from "../incidents/incidents.server";
import type { Actor } from "../incidents/types";
import { sendCustomerMail } from "../notifications/mailer.server";
import { localeOf } from "../notifications/messages";
import { offerMessage } from "../notifications/offer-message";
import { getShopSettings } from "../settings/settings.server";
import type { RemedyDecision } from "./decisions";
import { applyRemedy } from "./remedies.server";
import { fromCents, toCents } from "../money";
import { findSubstitutes } from "./substitution.server";
import { leavesNothingToShip, leaveOutDecision } from "./leave-out.server";
import { Refused } from "./outcome";
import type { SubstituteImage } from "./substitutes";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** `image`: the product's picture when the offer was made (offers made before pictures have none). */
export type OfferedSubstitute = { variantId: string; title: string; vendor: string; price: string; image?: SubstituteImage | null };
export type CreateOfferInput = { variantIds: string[]; allowCancel?: boolean; expiresInHours?: number };
/** Who makes the offer, for the message; `offerLinkBase` is where offer links point (…/offers). */
export type Creator = { actor: Actor; name: string; shopName: string; timezone: string; offerLinkBase: string };

export type CreateOfferResult =
  | { ok: true; offerId: string; url: string; emailed: boolean; emailNote: string | null }
  | { ok: false; status: 400 | 404 | 409; error: string };

const REASONS = new Set(["expired", "damaged", "missing", "damaged_or_expired"]);

export async function createOffer(prisma: PrismaClient, admin: AdminClient, shop: string, incidentId: string, input: CreateOfferInput, by: Creator, now = new Date()): Promise<CreateOfferResult> {
  const incident = await prisma.incident.findFirst({ where: { id: incidentId, shop } });
  if (!incident) return { ok: false, status: 404, error: `no incident ${incidentId} in ${shop}` };
  if (incident.type !== "stock_mismatch" || !incident.openKey) return { ok: false, status: 409, error: "offers are for open stock incidents on a line" };
  if (!incident.customerEmail) return { ok: false, status: 409, error: "the order has no email address to send the offer to" };
  // One offer at a time: a second link would let the customer answer twice.
  const waiting = await prisma.offer.findFirst({ where: { shop, incidentId, status: "sent", expiresAt: { gt: now } } });
  if (waiting) return { ok: false, status: 409, error: "an offer is already waiting for the customer's answer: it must be answered or expire first" };
  const evidence = JSON.parse(incident.evidence) as { reason?: string; short?: number };
  const settings = await getShopSettings(prisma, shop);
  const productFailed = evidence.reason !== "oversold";
  const found = await findSubstitutes(admin, incident.orderId, incident.subject, evidence.short ?? null, productFailed, settings);
  const chosen = input.variantIds.map((id) => found.substitutes.find((s) => s.variantId === id));
  const invalid = input.variantIds.filter((_, i) => !chosen[i]);
  if (invalid.length) return { ok: false, status: 400, error: `not a substitute the customer can be offered (cheaper, out of stock or not alike): ${invalid.join(", ")}` };
  const substitutes: OfferedSubstitute[] = chosen.map((s) => ({ variantId: s!.variantId, title: s!.title, vendor: s!.vendor, price: s!.price, image: s!.image }));

  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + (input.expiresInHours ?? settings.offerExpiresInHours) * 3_600_000);
  const locale = localeOf(incident.customerLocale);
  const refundAmount = fromCents(toCents(found.line.paid) * found.line.quantity);
  const offer = await prisma.offer.create({
    data: {
      shop, incidentId, tokenHash: hashToken(token), lineItemId: incident.subject, lineTitle: found.line.title, quantity: found.line.quantity,
      substitutes: JSON.stringify(substitutes), currency: found.line.currency, refundAmount, locale, expiresAt,
    },
  });
  const url = `${by.offerLinkBase.replace(/\/$/, "")}/${token}`;
  const firstName = await customerFirstName(prisma, shop, incident.orderId);
  const message = offerMessage({
    locale, shop: by.shopName, order: incident.orderName, customerName: firstName, item: found.line.title,
    reason: REASONS.has(evidence.reason ?? "") ? (evidence.reason as "expired") : "stock",
    substitutes, refund: { amount: refundAmount, currency: found.line.currency },
    allowCancel: input.allowCancel ?? true, answerBy: expiresAt, timezone: settings.timezone ?? by.timezone, link: url, overrides: settings.messages,
  });
  const sent = await sendCustomerMail(settings, by.shopName, { to: incident.customerEmail, ...message });
  await prisma.$transaction(async (tx) => {
    await addTimeline(tx, incidentId, shop, {
      at: now, actor: by.actor, kind: "offer_sent", source: `offer:${offer.id}`,
      summary: sent.sent
        ? `${by.name}: offer sent to ${incident.customerEmail} (${locale}): ${substitutes.map((s) => s.title).join(" or ") || "no substitute"}, or a refund${input.allowCancel === false ? "" : ", or cancelling"}; answer by ${expiresAt.toISOString()}`
        : `${by.name}: offer ready but not emailed (${sent.reason}); share its link with the customer`,
      detail: { offerId: offer.id, substitutes, locale, expiresAt, emailed: sent.sent },
    });
    await tx.incident.updateMany({ where: { id: incidentId, status: { in: ["open", "customer_contacted"] } }, data: { status: "awaiting_customer", acknowledgedAt: incident.acknowledgedAt ?? now } });
  });
  return { ok: true, offerId: offer.id, url, emailed: sent.sent, emailNote: sent.sent ? null : sent.reason };
}

export type OfferView = {
  offer: Offer;
  substitutes: OfferedSubstitute[];
  orderName: string;
  state: "open" | "answered" | "expired" | "failed";
};

/** The offer a link opens, and only that: nothing else of the order or the shop. */
export async function offerForToken(prisma: PrismaClient, token: string, now = new Date()): Promise<OfferView | null> {
  if (!/^[\w-]{20,64}$/.test(token)) return null;
  const offer = await prisma.offer.findUnique({ where: { tokenHash: hashToken(token) }, include: { incident: { select: { orderName: true } } } });
  if (!offer) return null;
  const state = offer.status === "answered" || offer.status === "answering" ? "answered"
    : offer.status === "expired" || (offer.status === "sent" && offer.expiresAt <= now) ? "expired"
      : offer.status === "failed" ? "failed" : "open";
  const { incident, ...row } = offer;
  return { offer: row, substitutes: JSON.parse(offer.substitutes) as OfferedSubstitute[], orderName: incident.orderName, state };
}

export type Choice = { choice: "substitute"; variantId: string } | { choice: "refund" } | { choice: "cancel_order" };
/** What became of an answer; `offer` is the offer the link opened (for the page to word it). */
export type AnswerResult = { outcome: "done" | "already_answered" | "expired" | "failed" | "invalid"; choice?: Choice["choice"]; substitute?: string; offer?: OfferView };

async function decisionFor(admin: AdminClient, orderId: string, offer: Offer, choice: Choice, fallback: boolean): Promise<RemedyDecision> {
  if (choice.choice === "substitute") return { kind: "substitution", lineItemId: offer.lineItemId, variantId: choice.variantId, quantity: offer.quantity };
  if (choice.choice === "cancel_order") return { kind: "cancel_order", note: "MakeGood offer: the customer chose to cancel" };
  const why = fallback ? "the offer expired unanswered" : "the customer's choice";
  // Nothing was paid for the line (a free gift): nothing to refund, it is taken off the order.
  if (toCents(offer.refundAmount) === 0) return leaveOutDecision(admin, orderId, offer.lineItemId, offer.quantity, `MakeGood offer: ${offer.lineTitle} left out (${why})`);
  // The order's only line left out: nothing ships, so the shipping is refunded with it.
  const shipping = await leavesNothingToShip(admin, orderId, offer.lineItemId, offer.quantity);
  return { kind: "refund", lineItems: [{ lineItemId: offer.lineItemId, quantity: offer.quantity }], shipping, fullOrder: false, restock: false, note: `MakeGood offer: the line refunded (${why})` };
}

/** Carries out the customer's answer, once per offer. */
export async function answerOffer(
  prisma: PrismaClient, adminFor: (shop: string) => Promise<AdminClient>, token: string, choice: Choice, now = new Date(),
): Promise<AnswerResult> {
  const view = await offerForToken(prisma, token, now);
  if (!view) return { outcome: "invalid" };
  if (choice.choice === "substitute" && !view.substitutes.some((s) => s.variantId === choice.variantId)) return { outcome: "invalid", offer: view };
  if (view.state === "expired") return { outcome: "expired", offer: view };
  return { ...(await carryOut(prisma, adminFor, view.offer, view.substitutes, choice, { actor: "customer", name: "the customer" }, now)), offer: view };
}

/** Offers past their answer-by date get the fallback: the line refunded. */
export async function expireOffers(prisma: PrismaClient, adminFor: (shop: string) => Promise<AdminClient>, shop: string, now = new Date()) {
  const due = await prisma.offer.findMany({ where: { shop, status: "sent", expiresAt: { lte: now } } });
  let expired = 0;
  for (const offer of due) {
    const result = await carryOut(prisma, adminFor, offer, [], { choice: "refund" }, { actor: "rule", name: "the offer's fallback" }, now);
    if (result.outcome === "done") expired++;
  }
  return { due: due.length, expired };
}

async function carryOut(
  prisma: PrismaClient, adminFor: (shop: string) => Promise<AdminClient>, offer: Offer, substitutes: OfferedSubstitute[], choice: Choice,
  who: { actor: Actor; name: string }, now: Date,
): Promise<AnswerResult> {
  const fallback = who.actor === "rule";
  // The one answer: the first request moves the offer out of "sent"; the others find it taken.
  const claim = await prisma.offer.updateMany({ where: { id: offer.id, status: "sent" }, data: { status: "answering", choice: choice.choice } });
  if (claim.count === 0) return { outcome: "already_answered" };
  const admin = await adminFor(offer.shop);
  const orderId = (await prisma.incident.findUniqueOrThrow({ where: { id: offer.incidentId }, select: { orderId: true } })).orderId;
  let result: Awaited<ReturnType<typeof applyRemedy>>;
  try {
    result = await applyRemedy(prisma, admin, offer.shop, offer.incidentId, await decisionFor(admin, orderId, offer, choice, fallback), who, { decisionId: `offer-${offer.id}`, asRecorded: true, now });
  } catch (error) {
    // Reading the line to leave out failed: the answer is kept as failed, for the merchant to take over.
    if (!(error instanceof Refused)) throw error;
    result = { ok: false, status: 422, error: error.message };
    await prisma.$transaction((tx) => addTimeline(tx, offer.incidentId, offer.shop, {
      at: now, actor: who.actor, kind: "remedy_failed", source: `offer:${offer.id}:refused`, summary: `Refused: ${choice.choice === "refund" ? "leaving the line out" : choice.choice} — ${error.message}`,
    }));
  }
  const substitute = choice.choice === "substitute" ? substitutes.find((s) => s.variantId === choice.variantId)?.title : undefined;
  await prisma.$transaction(async (tx) => {
    await tx.offer.update({
      where: { id: offer.id },
      data: { status: result.ok ? (fallback ? "expired" : "answered") : "failed", answeredAt: now, remedyId: result.remedy?.id ?? null },
    });
    if (!result.ok) return; // the failure is on the timeline (applyRemedy); the merchant takes it from there
    const reason = choice.choice === "substitute" ? `substituted by ${substitute} (the customer's choice)`
      : choice.choice === "cancel_order" ? "order cancelled (the customer's choice)"
        : toCents(offer.refundAmount) === 0 ? `${offer.lineTitle} left out (${fallback ? "the offer expired unanswered" : "the customer's choice"}; nothing was paid for it)`
          : fallback ? "line refunded: the offer expired unanswered" : "line refunded (the customer's choice)";
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: offer.incidentId } });
    // Any other link to this incident is answered by this one.
    await tx.offer.updateMany({ where: { incidentId: offer.incidentId, id: { not: offer.id }, status: "sent" }, data: { status: "expired" } });
    await resolveIncidents(tx, { shop: offer.shop, orderId: incident.orderId, types: ["stock_mismatch"], subject: offer.lineItemId, reason, at: now, actor: who.actor, source: `offer:${offer.id}:answer` });
    // The fulfillment order held for this line can go now.
    const evidence = JSON.parse(incident.evidence) as { fulfillmentOrderId?: string };
    if (evidence.fulfillmentOrderId) await requestHoldSync(tx, offer.shop, evidence.fulfillmentOrderId, `offer:${offer.id}`, now);
  });
  return { outcome: result.ok ? "done" : "failed", choice: choice.choice, substitute };
}
