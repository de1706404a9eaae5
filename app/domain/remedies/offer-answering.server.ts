// The customer's answer to an offer, carried out once: a choice per line (the substitute sent
// instead, or the line left out — refunded when paid for) or the whole order cancelled. Each line's
// remedy is a decision of its own, keyed by the offer, the line and the choice, so a page submitted
// twice moves money once. An offer not answered in time gets the fallback (every line left out).
// An answer that cannot be carried out for a reason outside the customer's choice (Shopify out of
// reach, no session for the shop) gives the offer back: the customer may answer again and the
// fallback still runs at its date; a claim left by a process that died is swept back the same way.
import type { PrismaClient } from "@prisma/client";
import type { AdminClient } from "../../shopify/client.server";
import { evidenceOf } from "../../models/incident.server";
import { offerById, offersDue, type OfferedLine, type OfferWithLines } from "../../models/offer.server";
import { requestHoldSync } from "../detection/hold-request.server";
import { addTimeline, resolveIncidents } from "../incidents/incidents.server";
import type { Actor } from "../incidents/types";
import type { AnswerTextsInput, AnsweredLine } from "../notifications/offer-answer";
import type { Locale } from "../notifications/messages";
import { sendOfferConfirmation } from "../notifications/offer-confirmation.server";
import { shipByFrom } from "../notifications/ship-by";
import { getShopSettings } from "../settings/settings.server";
import { shopContext } from "../../shopify/shop-context.server";
import { toCents } from "../money";
import type { RemedyDecision } from "./decisions";
import { leavesNothingToShip, leaveOutDecision } from "./leave-out.server";
import { offerForToken, type OfferView } from "./offer-link.server";
import { Refused } from "./outcome";
import { applyRemedy, type RemedyResult } from "./remedies.server";

export type LineChoice =
  { position: number; choice: "substitute"; variantId: string } | { position: number; choice: "refund" };
export type Answer = { kind: "cancel_order" } | { kind: "lines"; lines: LineChoice[] };

/** What became of an answer; `offer` is the offer the link opened (for the page to word it). */
export type AnswerResult = {
  outcome: "done" | "already_answered" | "expired" | "withdrawn" | "failed" | "invalid";
  answered?: AnswerTextsInput["answer"];
  offer?: OfferView;
};

/** An answer taken this long ago and never finished was left by a process that died. */
export const STUCK_ANSWER_MS = 5 * 60_000;

/** The lines still to answer: those a first, interrupted answer did not already carry out. */
export const openLines = (offer: OfferWithLines) => offer.lines.filter((l) => l.status !== "done");

/** Whether `answer` fits the offer: a choice for every open line among those offered, and
 *  cancelling only when the merchant allowed it. */
export function fitsOffer(offer: OfferWithLines, answer: Answer): boolean {
  if (answer.kind === "cancel_order") return offer.allowCancel;
  const open = openLines(offer);
  return (
    open.length > 0 &&
    open.every((line) => {
      const chosen = answer.lines.find((c) => c.position === line.position);
      return (
        chosen !== undefined &&
        (chosen.choice === "refund" || line.substitutes.some((s) => s.variantId === chosen.variantId))
      );
    })
  );
}

/** Carries out the customer's answer, once per offer. */
export async function answerOffer(
  prisma: PrismaClient,
  adminFor: (shop: string) => Promise<AdminClient>,
  token: string,
  answer: Answer,
  now = new Date(),
): Promise<AnswerResult> {
  const view = await offerForToken(prisma, token, now);
  if (!view) return { outcome: "invalid" };
  if (view.state === "expired" || view.state === "withdrawn") return { outcome: view.state, offer: view };
  if (view.state === "open" && !fitsOffer(view.offer, answer)) return { outcome: "invalid", offer: view };
  return {
    ...(await carryOut(
      prisma,
      adminFor,
      view.offer,
      answer,
      { actor: "customer", name: "the customer" },
      now,
    )),
    offer: view,
  };
}

/** Offers past their answer-by date get the fallback: every line left out (refunded when paid for). */
export async function expireOffers(
  prisma: PrismaClient,
  adminFor: (shop: string) => Promise<AdminClient>,
  shop: string,
  now = new Date(),
) {
  const due = await offersDue(prisma, shop, now);
  let expired = 0;
  for (const offer of due) {
    const answer: Answer = {
      kind: "lines",
      lines: openLines(offer).map((l) => ({ position: l.position, choice: "refund" as const })),
    };
    const result = await carryOut(
      prisma,
      adminFor,
      offer,
      answer,
      { actor: "rule", name: "the offer's fallback" },
      now,
    );
    if (result.outcome !== "done") continue;
    expired++;
    // The money moved without the customer's word: they are told what was done, as the offer promised.
    if (result.answered) await tellFallback(prisma, adminFor, offer, result.answered, now);
  }
  return { due: due.length, expired };
}

async function tellFallback(
  prisma: PrismaClient,
  adminFor: (shop: string) => Promise<AdminClient>,
  offer: OfferWithLines,
  answered: AnswerTextsInput["answer"],
  now: Date,
) {
  const settings = await getShopSettings(prisma, offer.shop);
  const shop = await adminFor(offer.shop)
    .then(shopContext)
    .catch(() => null);
  const timezone = settings.timezone ?? shop?.timezone ?? "UTC";
  const incident = await prisma.incident.findUniqueOrThrow({
    where: { id: offer.incidentId },
    select: { orderName: true },
  });
  const texts: AnswerTextsInput = {
    locale: offer.locale as Locale,
    answer: answered,
    shipBy: shipByFrom(settings, timezone, now),
    timezone,
    overrides: settings.messages,
    fallback: true,
  };
  await sendOfferConfirmation(
    prisma,
    offer,
    {
      orderName: incident.orderName,
      shopName: shop?.shopName ?? offer.shop.replace(/\.myshopify\.com$/, ""),
      settings,
    },
    texts,
    now,
  ).catch((error) =>
    console.error(
      JSON.stringify({ event: "offer_fallback_email_failed", offerId: offer.id, error: String(error) }),
    ),
  );
}

/** Answers a process took and never finished go back to waiting, told on the timeline. */
export async function sweepStuckOffers(prisma: PrismaClient, shop: string, now = new Date()) {
  const stuck = await prisma.offer.findMany({
    where: { shop, status: "answering", claimedAt: { lt: new Date(now.getTime() - STUCK_ANSWER_MS) } },
    select: { id: true },
  });
  for (const { id } of stuck)
    await giveBack(prisma, shop, id, "the answer was interrupted before it was carried out", now);
  return { stuck: stuck.length };
}

/** The offer waits again (its lines already done stay done), and the merchant reads why. */
async function giveBack(prisma: PrismaClient, shop: string, offerId: string, why: string, now: Date) {
  await prisma.$transaction(async (tx) => {
    const offer = await tx.offer.findFirst({
      where: { id: offerId, shop, status: "answering" },
      include: { lines: true },
    });
    if (!offer) return;
    // Interrupted after its last line was done: it was answered, only the bookkeeping was left.
    if (offer.choice === "lines" && offer.lines.every((l) => l.status === "done")) {
      await tx.offer.update({ where: { id: offerId }, data: { status: "answered", answeredAt: now } });
      return;
    }
    const released = await tx.offer.updateMany({
      where: { id: offerId, status: "answering" },
      data: { status: "sent", claimedAt: null, choice: null },
    });
    if (released.count === 0) return;
    for (const incidentId of new Set(offer.lines.map((l) => l.incidentId))) {
      await addTimeline(tx, incidentId, shop, {
        at: now,
        actor: "makegood",
        kind: "remedy_failed",
        source: `offer:${offerId}:given-back:${now.getTime()}`,
        summary: `The customer's answer could not be carried out (${why}). The offer waits again: the customer may answer again, and if not, it falls back at its answer-by date — or take it over here.`,
      });
    }
  });
}

const choiceKey = (c: LineChoice) => (c.choice === "substitute" ? `substitute:${c.variantId}` : "refund");

async function lineDecision(
  admin: AdminClient,
  orderId: string,
  line: OfferedLine,
  choice: LineChoice,
  why: string,
  shipping: boolean,
): Promise<RemedyDecision> {
  if (choice.choice === "substitute")
    return {
      kind: "substitution",
      lineItemId: line.lineItemId,
      variantId: choice.variantId,
      quantity: line.quantity,
    };
  // Nothing was paid for the line (a free gift): nothing to refund, it is taken off the order.
  if (toCents(line.refundAmount) === 0)
    return leaveOutDecision(
      admin,
      orderId,
      line.lineItemId,
      line.quantity,
      `MakeGood offer: ${line.lineTitle} left out (${why})`,
    );
  return {
    kind: "refund",
    lineItems: [{ lineItemId: line.lineItemId, quantity: line.quantity }],
    shipping,
    fullOrder: false,
    restock: false,
    note: `MakeGood offer: the line refunded (${why})`,
  };
}

const closeReason = (
  line: OfferedLine,
  choice: LineChoice,
  substitute: string | undefined,
  fallback: boolean,
) =>
  choice.choice === "substitute"
    ? `substituted by ${substitute} (the customer's choice)`
    : toCents(line.refundAmount) === 0
      ? `${line.lineTitle} left out (${fallback ? "the offer expired unanswered" : "the customer's choice"}; nothing was paid for it)`
      : fallback
        ? "line refunded: the offer expired unanswered"
        : "line refunded (the customer's choice)";

async function carryOut(
  prisma: PrismaClient,
  adminFor: (shop: string) => Promise<AdminClient>,
  offer: OfferWithLines,
  answer: Answer,
  who: { actor: Actor; name: string },
  now: Date,
): Promise<Omit<AnswerResult, "offer">> {
  const fallback = who.actor === "rule";
  // The one answer: the first request moves the offer out of "sent"; the others find it taken.
  const claim = await prisma.offer.updateMany({
    where: { id: offer.id, status: "sent" },
    data: { status: "answering", choice: answer.kind, claimedAt: now },
  });
  if (claim.count === 0) return { outcome: "already_answered" };
  try {
    const admin = await adminFor(offer.shop);
    const ok =
      answer.kind === "cancel_order"
        ? await cancelOrder(prisma, admin, offer, who, now)
        : await answerLines(prisma, admin, offer, answer.lines, who, fallback, now);
    await prisma.offer.update({
      where: { id: offer.id },
      data: { status: ok ? (fallback ? "expired" : "answered") : "failed", answeredAt: now },
    });
    if (!ok) return { outcome: "failed" };
    // Any other link to these lines is answered by this one.
    await prisma.offer.updateMany({
      where: {
        shop: offer.shop,
        id: { not: offer.id },
        status: "sent",
        lines: { some: { incidentId: { in: offer.lines.map((l) => l.incidentId) } } },
      },
      data: { status: "withdrawn" },
    });
    return { outcome: "done", answered: await answeredOf(prisma, offer.shop, offer.id) };
  } catch (error) {
    console.error(JSON.stringify({ event: "offer_answer_failed", offerId: offer.id, error: String(error) }));
    await giveBack(prisma, offer.shop, offer.id, error instanceof Error ? error.message : String(error), now);
    return { outcome: "failed" };
  }
}

async function cancelOrder(
  prisma: PrismaClient,
  admin: AdminClient,
  offer: OfferWithLines,
  who: { actor: Actor; name: string },
  now: Date,
) {
  const result = await applyRemedy(
    prisma,
    admin,
    offer.shop,
    offer.incidentId,
    { kind: "cancel_order", note: "MakeGood offer: the customer chose to cancel" },
    who,
    { decisionId: `offer-${offer.id}-cancel`, asRecorded: true, now },
  );
  if (!result.ok) return false;
  await prisma.$transaction(async (tx) => {
    await tx.offer.update({ where: { id: offer.id }, data: { remedyId: result.remedy.id } });
    for (const line of offer.lines) {
      await resolveIncidents(tx, {
        shop: offer.shop,
        orderId: offer.orderId,
        types: ["stock_mismatch"],
        subject: line.lineItemId,
        reason: "order cancelled (the customer's choice)",
        at: now,
        actor: who.actor,
        source: `offer:${offer.id}:answer`,
      });
    }
  });
  return true;
}

/** Each open line's choice as its own remedy; true when every line is done. */
async function answerLines(
  prisma: PrismaClient,
  admin: AdminClient,
  offer: OfferWithLines,
  choices: LineChoice[],
  who: { actor: Actor; name: string },
  fallback: boolean,
  now: Date,
): Promise<boolean> {
  const why = fallback ? "the offer expired unanswered" : "the customer's choice";
  const lines = openLines(offer);
  const leftOut = lines.filter((l) => choices.find((c) => c.position === l.position)?.choice === "refund");
  // Everything left on the order left out: nothing ships, so the shipping is refunded with the first paid line.
  const nothingShips =
    leftOut.length === lines.length &&
    (await leavesNothingToShip(
      admin,
      offer.orderId,
      leftOut.map((l) => ({ lineItemId: l.lineItemId, quantity: l.quantity })),
    ));
  const shippingLine = nothingShips ? leftOut.find((l) => toCents(l.refundAmount) > 0)?.position : undefined;
  let allDone = true;
  for (const line of lines) {
    const choice = choices.find((c) => c.position === line.position)!;
    let result: RemedyResult;
    try {
      const decision = await lineDecision(
        admin,
        offer.orderId,
        line,
        choice,
        why,
        line.position === shippingLine,
      );
      result = await applyRemedy(prisma, admin, offer.shop, line.incidentId, decision, who, {
        decisionId: `offer-${offer.id}-${line.position}-${choiceKey(choice)}`,
        asRecorded: true,
        now,
      });
    } catch (error) {
      // Reading the line to leave out was refused: the line is failed, for the merchant to take over.
      if (!(error instanceof Refused)) throw error;
      result = { ok: false, reason: "refused", error: error.message };
      await addTimeline(prisma, line.incidentId, offer.shop, {
        at: now,
        actor: who.actor,
        kind: "remedy_failed",
        source: `offer:${offer.id}:${line.position}:refused`,
        summary: `Refused: leaving ${line.lineTitle} out — ${error.message}`,
      });
    }
    if (!result.ok && result.reason === "unreachable")
      throw new Error(`Shopify could not be reached: ${result.error}`);
    const substitute =
      choice.choice === "substitute"
        ? line.substitutes.find((s) => s.variantId === choice.variantId)?.title
        : undefined;
    await prisma.$transaction(async (tx) => {
      await tx.offerLine.update({
        where: { id: line.id },
        data: {
          status: result.ok ? "done" : "failed",
          choice: choice.choice,
          variantId: choice.choice === "substitute" ? choice.variantId : null,
          remedyId: result.remedy?.id ?? null,
        },
      });
      if (!result.ok) return; // the failure is on the timeline; the merchant takes it from there
      await resolveIncidents(tx, {
        shop: offer.shop,
        orderId: offer.orderId,
        types: ["stock_mismatch"],
        subject: line.lineItemId,
        reason: closeReason(line, choice, substitute, fallback),
        at: now,
        actor: who.actor,
        source: `offer:${offer.id}:answer`,
      });
      // The fulfillment order held for this line can go now.
      const incident = await tx.incident.findUniqueOrThrow({
        where: { id: line.incidentId },
        select: { id: true, type: true, evidence: true },
      });
      const evidence = evidenceOf(incident, "stock_mismatch");
      if (evidence.fulfillmentOrderId)
        await requestHoldSync(tx, offer.shop, evidence.fulfillmentOrderId, `offer:${offer.id}`, now);
    });
    allDone &&= result.ok;
  }
  return allDone;
}

/** What the customer chose, as recorded: for the confirmation and for the link opened again. */
export async function answeredOf(
  prisma: PrismaClient,
  shop: string,
  offerId: string,
): Promise<AnswerTextsInput["answer"] | undefined> {
  const offer = await offerById(prisma, shop, offerId);
  if (!offer) return undefined;
  if (offer.choice === "cancel_order") return { kind: "cancel_order" };
  const lines: AnsweredLine[] = offer.lines
    .filter((l) => l.status === "done" && (l.choice === "substitute" || l.choice === "refund"))
    .map((l) => ({
      item: l.lineTitle,
      quantity: l.quantity,
      ordered: l.ordered,
      choice: l.choice as AnsweredLine["choice"],
      substitute: l.substitutes.find((s) => s.variantId === l.variantId)?.title,
      refund: { amount: l.refundAmount, currency: offer.currency },
    }));
  return lines.length ? { kind: "lines", lines } : undefined;
}
