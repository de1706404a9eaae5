// Deciding and carrying out a remedy. Money moves once: the decision is recorded first under a
// unique key (a repeated decision finds the first), one caller claims it to execute, and the money
// itself goes to Shopify with the remedy's id as its idempotency key. Every outcome — done,
// refused with Shopify's words, failed and retryable — lands on the incident's timeline.
import type { PrismaClient, Remedy } from "@prisma/client";
import { isUniqueViolation } from "../../db/errors";
import { requireIncident } from "../../models/incident.server";
import { findOrderData } from "../../models/order.server";
import type { AdminClient } from "../../shopify/client.server";
import { addTimeline } from "../incidents/incidents.server";
import type { NotDone } from "../not-done";
import type { Actor } from "../incidents/types";
import type { IncidentType } from "../incidents/types";
import { executeCompensationCode } from "./code.server";
import { decisionDifferences, decisionKeyOf, type RemedyDecision } from "./decisions";
import { fixesProblem } from "./fixes";
import { executeLeaveOut } from "./leave-out.server";
import { Refused, type Executed } from "./outcome";
import { beyondUnitsLeft } from "./units-at-stake";
import { executeCancelOrder, executeRefund } from "./refund.server";
import { executeReship } from "./reship.server";
import { executeSubstitution } from "./substitution.server";
import { addMoney } from "../money";
import { holdsFulfillment, requestHoldSync } from "../detection/hold-request.server";

export type Decider = { actor: Actor; name: string };

export type RemedyResult =
  | { ok: true; remedy: Remedy; repeated: boolean }
  | (NotDone<"conflict" | "refused" | "unreachable"> & { remedy?: Remedy });

const STALE_CLAIM_MS = 2 * 60_000;

const REMEDY_NAME: Record<RemedyDecision["kind"], string> = {
  refund: "refund",
  compensation_code: "compensation code",
  substitution: "substitute",
  reship: "reship",
  leave_out: "leaving the line out",
  cancel_order: "cancelling the order",
};

/** Records the decision, or finds the same decision made before. */
async function decide(
  prisma: PrismaClient,
  shop: string,
  incidentId: string,
  decision: RemedyDecision,
  who: Decider,
  decisionId?: string,
) {
  const decisionKey = decisionKeyOf(incidentId, decision, decisionId);
  const existing = await prisma.remedy.findUnique({ where: { shop_decisionKey: { shop, decisionKey } } });
  if (existing) return { remedy: existing, repeated: true };
  try {
    const remedy = await prisma.remedy.create({
      data: {
        shop,
        incidentId,
        kind: decision.kind,
        decisionKey,
        params: JSON.stringify(decision),
        decidedBy: who.name,
      },
    });
    return { remedy, repeated: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Made at the same moment by another request: that one is the decision.
    return {
      remedy: await prisma.remedy.findUniqueOrThrow({ where: { shop_decisionKey: { shop, decisionKey } } }),
      repeated: true,
    };
  }
}

/**
 * Decides and, unless already done or under way, executes the remedy through Shopify.
 * `decisionId` names the decision: the same id again is the same decision. An id the caller chose
 * (the merchant's page or API) sent again with other content is a conflict (naming each
 * difference) — never carried out as the first content while the caller believes it asked for the
 * second. `asRecorded`: an id the app names itself for something that happens once (an offer's
 * answer, whose decision is read afresh from the order on a retry; the incident's one apology code)
 * is carried out as first recorded, whatever this call computed.
 */
export async function applyRemedy(
  prisma: PrismaClient,
  admin: AdminClient,
  shop: string,
  incidentId: string,
  requested: RemedyDecision,
  who: Decider,
  {
    decisionId,
    asRecorded = false,
    now = new Date(),
  }: { decisionId?: string; asRecorded?: boolean; now?: Date } = {},
): Promise<RemedyResult> {
  const incident = await requireIncident(prisma, shop, incidentId);
  // A replacement order goes out once per incident: a second one (from a page opened again) is asked
  // for by no one the merchant could see — the first is on the timeline.
  if (requested.kind === "reship" && !decisionId?.startsWith("offer-")) {
    const shipped = await prisma.remedy.findFirst({
      where: { shop, incidentId, kind: "reship", status: "done" },
    });
    if (shipped && shipped.decisionKey !== decisionKeyOf(incidentId, requested, decisionId)) {
      return {
        ok: false,
        reason: "conflict",
        error: `a replacement was already sent for this incident (${shipped.shopifyId ?? "see the timeline"})`,
        remedy: shipped,
      };
    }
  }
  // Units the incident's earlier remedies already made good are not paid for twice (a new decision only).
  const known = await prisma.remedy.findUnique({
    where: { shop_decisionKey: { shop, decisionKey: decisionKeyOf(incidentId, requested, decisionId) } },
  });
  if (!known) {
    const beyond = beyondUnitsLeft(
      incident,
      await prisma.remedy.findMany({ where: { shop, incidentId } }),
      requested,
    );
    if (beyond) return { ok: false, reason: "conflict", error: beyond };
  }
  const decided = await decide(prisma, shop, incidentId, requested, who, decisionId);
  const { remedy, repeated } = decided;
  if (repeated && decisionId && !asRecorded) {
    // Compared as stored: the JSON of the parsed decision, without its unset fields.
    const differences = decisionDifferences(
      JSON.parse(remedy.params) as RemedyDecision,
      JSON.parse(JSON.stringify(requested)) as RemedyDecision,
    );
    if (differences.length) {
      return {
        ok: false,
        reason: "conflict",
        error: `decision ${decisionId} was already made with other content (${differences.join("; ")}): nothing was done — a different decision needs an id of its own`,
        remedy,
      };
    }
  }
  // A decision made before is carried out as it was recorded, whatever this caller asked.
  const decision = repeated ? (JSON.parse(remedy.params) as RemedyDecision) : requested;
  // One caller executes: the claim moves the row out of decided/failed; the others report it.
  // An execution whose process died is taken again after a while — safe, as Shopify sees the same
  // idempotency key (refund) or the same code (compensation code).
  const claim = await prisma.remedy.updateMany({
    where: {
      id: remedy.id,
      OR: [
        { status: { in: ["decided", "failed"] } },
        { status: "executing", claimedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
      ],
    },
    data: { status: "executing", attempts: { increment: 1 }, claimedAt: now },
  });
  if (claim.count === 0) {
    const current = await prisma.remedy.findUniqueOrThrow({ where: { id: remedy.id } });
    if (current.status === "refused")
      return { ok: false, reason: "refused", error: current.error ?? "refused", remedy: current };
    return { ok: true, remedy: current, repeated: true };
  }
  let executed: Executed;
  try {
    const currency = (await findOrderData(prisma, shop, incident.orderId))?.currency ?? null;
    switch (decision.kind) {
      case "refund":
        executed = await executeRefund(admin, remedy.id, incident.orderId, decision);
        break;
      case "compensation_code":
        executed = await executeCompensationCode(
          admin,
          {
            remedyId: remedy.id,
            orderName: incident.orderName,
            customerId: incident.customerId,
            currency,
            now,
          },
          decision,
        );
        break;
      case "substitution":
        executed = await executeSubstitution(admin, incident.orderId, decision);
        break;
      case "reship": {
        // The draft's id is kept on the remedy while it executes (shopifyId: the order once done).
        const draftId = remedy.shopifyId?.startsWith("gid://shopify/DraftOrder/") ? remedy.shopifyId : null;
        const remember = (id: string) =>
          prisma.remedy.update({ where: { id: remedy.id }, data: { shopifyId: id } });
        executed = await executeReship(admin, remedy.id, incident.orderId, incident.customerId, decision, {
          draftId,
          remember,
        });
        break;
      }
      case "leave_out":
        executed = await executeLeaveOut(admin, incident.orderId, decision);
        break;
      case "cancel_order":
        executed = await executeCancelOrder(admin, incident.orderId, incident.orderName, decision.note);
        break;
    }
  } catch (error) {
    const refused = error instanceof Refused;
    const message = error instanceof Error ? error.message : String(error);
    const failed = await prisma.$transaction(async (tx) => {
      const row = await tx.remedy.update({
        where: { id: remedy.id },
        data: { status: refused ? "refused" : "failed", error: message },
      });
      await addTimeline(tx, incidentId, shop, {
        at: now,
        actor: who.actor,
        kind: "remedy_failed",
        source: `remedy:${remedy.id}:failed:${row.attempts}`,
        summary: `${refused ? "Refused" : "Could not reach Shopify"}: ${REMEDY_NAME[decision.kind]} — ${message}`,
        detail: { remedyId: remedy.id, decision, by: who.name },
      });
      return row;
    });
    return { ok: false, reason: refused ? "refused" : "unreachable", error: message, remedy: failed };
  }
  const done = await prisma.$transaction(async (tx) => {
    const row = await tx.remedy.update({
      where: { id: remedy.id },
      data: {
        status: "done",
        error: null,
        shopifyId: executed.shopifyId,
        amount: executed.amount,
        currency: executed.currency,
        code: executed.code ?? null,
        executedAt: now,
      },
    });
    await addTimeline(tx, incidentId, shop, {
      at: now,
      actor: who.actor,
      kind: "remedy",
      source: `remedy:${remedy.id}:done`,
      summary: `${who.name}: ${executed.summary}`,
      detail: {
        remedyId: remedy.id,
        kind: decision.kind,
        amount: executed.amount,
        currency: executed.currency,
        code: executed.code ?? null,
        shopifyId: executed.shopifyId,
      },
    });
    const current = await tx.incident.findUniqueOrThrow({ where: { id: incidentId } });
    // Still open, and this remedy fixed what was wrong (compensation alone does not).
    const fixed =
      !!current.openKey &&
      current.status !== "remedied" &&
      fixesProblem(current.type as IncidentType, decision);
    await tx.incident.update({
      where: { id: incidentId },
      data: {
        ...(executed.costsShop && executed.amount
          ? { remedyCost: addMoney(current.remedyCost, executed.amount) }
          : {}),
        ...(fixed ? { status: "remedied" } : {}),
      },
    });
    // The merchant's decision may free the order (a COD amount settled): its holds are looked at again.
    if (fixed && holdsFulfillment(current.type))
      await requestHoldSync(tx, shop, current.orderId, `remedy:${remedy.id}:done`, now);
    return row;
  });
  return { ok: true, remedy: done, repeated };
}
