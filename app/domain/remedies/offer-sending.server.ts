// Sending an offer to the customer (and what the merchant may offer): the lines of one order that
// cannot ship as ordered become ONE message with a choice per line — a substitute (one or more,
// chosen by the merchant among the valid ones) or leaving the line out (refunded when paid for) —
// and, when the merchant allows it, cancelling the whole order; opened through its link
// (offer-link.server.ts) and answered once (offer-answering.server.ts). A new offer for the same
// lines withdraws the one still waiting, so the customer's latest email is the one that counts.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { requireIncident, withEvidenceOf, type IncidentOf } from "../../models/incident.server";
import type { AdminClient } from "../../shopify/client.server";
import { offersCovering, type OfferedSubstitute } from "../../models/offer.server";
import { customerFirstName } from "../../models/order-ref.server";
import { addTimeline } from "../incidents/incidents.server";
import type { Actor } from "../incidents/types";
import { sendCustomerMail } from "../notifications/mailer.server";
import { localeOf } from "../notifications/messages";
import { itemLabel, offerMessage, problemOf, type OfferLineText } from "../notifications/offer-message";
import { getShopSettings } from "../settings/settings.server";
import { fromCents, toCents } from "../money";
import type { NotDone } from "../not-done";
import { hashToken } from "./offer-link.server";
import { findSubstitutes, substitutesToShow, type Candidates } from "./substitution.server";
import { Refused } from "./outcome";

export type { OfferedSubstitute };

// The timeline says the offer went to the customer, in which language, never their address.
const LANGUAGE = new Intl.DisplayNames(["en"], { type: "language" });

/** The substitutes the merchant picked for one incident's line (none: leaving it out only). */
export type OfferLineInput = { incidentId: string; variantIds: string[] };
/** `variantIds`: the substitutes for the incident the offer is made from (the others' in `lines`). */
export type CreateOfferInput = {
  lines?: OfferLineInput[];
  variantIds?: string[];
  allowCancel?: boolean;
  expiresInHours?: number;
};
/** Who makes the offer, for the message; `offerLinkBase` is where offer links point (…/offers). */
export type Creator = {
  actor: Actor;
  name: string;
  shopName: string;
  timezone: string;
  offerLinkBase: string;
};

export type CreateOfferResult =
  | {
      ok: true;
      offerId: string;
      url: string;
      emailed: boolean;
      emailNote: string | null;
      lines: number;
      withdrawn: number;
    }
  | NotDone<"invalid" | "conflict">;

type StockIncident = IncidentOf<"stock_mismatch">;

/** The order's open stock incidents: every line one offer must cover, oldest first. */
export const linesToOffer = async (
  prisma: PrismaClient,
  shop: string,
  orderId: string,
): Promise<StockIncident[]> =>
  (
    await prisma.incident.findMany({
      where: { shop, orderId, type: "stock_mismatch", openKey: { not: null } },
      orderBy: [{ openedAt: "asc" }, { id: "asc" }],
    })
  ).map((row) => withEvidenceOf(row, "stock_mismatch"));

/** A line's candidates as Shopify has them now (stock where the order ships). */
export function candidatesFor(
  admin: AdminClient,
  incident: StockIncident,
  settings: Parameters<typeof findSubstitutes>[5],
): Promise<Candidates> {
  const e = incident.evidence;
  return findSubstitutes(
    admin,
    incident.orderId,
    incident.subject,
    e.short ?? null,
    e.reason !== "oversold",
    settings,
  );
}

/** What the merchant may offer for each line of the order one offer covers (the page's reading:
 *  cached half a minute; sending reads Shopify again). */
export async function offerCandidates(
  prisma: PrismaClient,
  admin: AdminClient,
  shop: string,
  orderId: string,
  settings: Parameters<typeof findSubstitutes>[5],
) {
  const lines = await linesToOffer(prisma, shop, orderId);
  return Promise.all(
    lines.map(async (incident) => {
      const e = incident.evidence;
      return {
        incidentId: incident.id,
        candidates: await substitutesToShow(
          admin,
          incident.orderId,
          incident.subject,
          e.short ?? null,
          e.reason !== "oversold",
          settings,
        ),
      };
    }),
  );
}

export async function createOffer(
  prisma: PrismaClient,
  admin: AdminClient,
  shop: string,
  incidentId: string,
  input: CreateOfferInput,
  by: Creator,
  now = new Date(),
): Promise<CreateOfferResult> {
  const incident = await requireIncident(prisma, shop, incidentId);
  if (incident.type !== "stock_mismatch" || !incident.openKey)
    return { ok: false, reason: "conflict", error: "offers are for open stock incidents on a line" };
  if (!incident.customerEmail)
    return { ok: false, reason: "conflict", error: "the order has no email address to send the offer to" };

  const covered = await linesToOffer(prisma, shop, incident.orderId);
  const wanted = new Map((input.lines ?? []).map((l) => [l.incidentId, l.variantIds]));
  if (input.variantIds && !wanted.has(incidentId)) wanted.set(incidentId, input.variantIds);
  const strangers = [...wanted.keys()].filter((id) => !covered.some((c) => c.id === id));
  if (strangers.length)
    return {
      ok: false,
      reason: "invalid",
      error: `not an open stock incident of order ${incident.orderName}: ${strangers.join(", ")}`,
    };
  const ids = covered.map((c) => c.id);
  if ((await offersCovering(prisma, shop, ids, ["answering"])).length) {
    return {
      ok: false,
      reason: "conflict",
      error: "the customer is answering the earlier offer right now: look again in a minute",
    };
  }

  const settings = await getShopSettings(prisma, shop);
  const lines: (OfferLineText & {
    incident: StockIncident;
    lineItemId: string;
    picked: OfferedSubstitute[];
  })[] = [];
  for (const line of covered) {
    let found: Candidates;
    try {
      found = await candidatesFor(admin, line, settings);
    } catch (error) {
      if (error instanceof Refused)
        return { ok: false, reason: "conflict", error: `${line.orderName}: ${error.message}` };
      throw error;
    }
    const variantIds = wanted.get(line.id) ?? [];
    const invalid = variantIds.filter((id) => !found.substitutes.some((s) => s.variantId === id));
    if (invalid.length)
      return {
        ok: false,
        reason: "invalid",
        error: `not a substitute the customer can be offered for ${found.line.title} (cheaper, out of stock or not alike): ${invalid.join(", ")}`,
      };
    const picked = variantIds
      .map((id) => found.substitutes.find((s) => s.variantId === id)!)
      .map((s) => ({
        variantId: s.variantId,
        title: s.title,
        vendor: s.vendor,
        price: s.price,
        image: s.image,
      }));
    lines.push({
      incident: line,
      lineItemId: found.line.id,
      picked,
      item: found.line.title,
      quantity: found.line.quantity,
      ordered: found.line.ordered,
      reason: problemOf(line.evidence.reason),
      substitutes: picked,
      refund: {
        amount: fromCents(toCents(found.line.paid) * found.line.quantity),
        currency: found.line.currency,
      },
    });
  }

  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(
    now.getTime() + (input.expiresInHours ?? settings.offerExpiresInHours) * 3_600_000,
  );
  const locale = localeOf(incident.customerLocale);
  const allowCancel = input.allowCancel ?? true;
  const { offer, withdrawn } = await prisma
    .$transaction(async (tx) => {
      // The offer still waiting for these lines is replaced: its link now says so.
      const earlier = await offersCovering(tx, shop, ids, ["sent"]);
      const taken = await tx.offer.updateMany({
        where: { id: { in: earlier.map((o) => o.id) }, status: "sent" },
        data: { status: "withdrawn" },
      });
      if (taken.count !== earlier.length)
        throw new Refused("the customer is answering the earlier offer right now: look again in a minute");
      for (const old of earlier) {
        for (const incidentOfLine of new Set(old.lines.map((l) => l.incidentId))) {
          await addTimeline(tx, incidentOfLine, shop, {
            at: now,
            actor: by.actor,
            kind: "offer_withdrawn",
            source: `offer:${old.id}:withdrawn`,
            summary: `${by.name}: the earlier offer was withdrawn, a new one replaces it`,
          });
        }
      }
      const created = await tx.offer.create({
        data: {
          shop,
          incidentId,
          orderId: incident.orderId,
          tokenHash: hashToken(token),
          currency: lines[0].refund.currency,
          locale,
          allowCancel,
          expiresAt,
          lines: {
            create: lines.map((l, position) => ({
              shop,
              incidentId: l.incident.id,
              position,
              lineItemId: l.lineItemId,
              lineTitle: l.item,
              quantity: l.quantity,
              ordered: l.ordered,
              substitutes: JSON.stringify(l.picked),
              refundAmount: l.refund.amount,
            })),
          },
        },
      });
      return { offer: created, withdrawn: earlier.length };
    })
    .catch((error: unknown) => {
      if (error instanceof Refused) return { offer: null, withdrawn: 0, refused: error.message };
      throw error;
    });
  if (!offer)
    return {
      ok: false,
      reason: "conflict",
      error: "the customer is answering the earlier offer right now: look again in a minute",
    };

  const url = `${by.offerLinkBase.replace(/\/$/, "")}/${token}`;
  const message = offerMessage({
    locale,
    shop: by.shopName,
    order: incident.orderName,
    customerName: await customerFirstName(prisma, shop, incident.orderId),
    lines,
    allowCancel,
    answerBy: expiresAt,
    timezone: settings.timezone ?? by.timezone,
    link: url,
    overrides: settings.messages,
  });
  const sent = await sendCustomerMail(settings, by.shopName, { to: incident.customerEmail, ...message });
  const choices = (l: (typeof lines)[number]) =>
    `${itemLabel(l.item, l.quantity)}${l.ordered > l.quantity ? ` of ${l.ordered}` : ""}: ${[...l.picked.map((s) => s.title), "leaving it out"].join(" or ")}`;
  await prisma.$transaction(async (tx) => {
    for (const l of lines) {
      await addTimeline(tx, l.incident.id, shop, {
        at: now,
        actor: by.actor,
        kind: "offer_sent",
        source: `offer:${offer.id}`,
        summary: sent.sent
          ? `${by.name}: offer emailed to the customer (${LANGUAGE.of(locale)}) — ${lines.map(choices).join("; ")}${allowCancel ? "; or cancelling the order" : ""}; answer by {expiresAt}`
          : `${by.name}: offer ready but not emailed (${sent.reason}); share its link with the customer`,
        detail: {
          offerId: offer.id,
          lines: lines.map((x) => ({
            item: x.item,
            quantity: x.quantity,
            ordered: x.ordered,
            substitutes: x.picked,
          })),
          allowCancel,
          locale,
          expiresAt: expiresAt.toISOString(),
          emailed: sent.sent,
        },
      });
      await tx.incident.updateMany({
        where: { id: l.incident.id, status: { in: ["open", "customer_contacted"] } },
        data: { status: "awaiting_customer", acknowledgedAt: l.incident.acknowledgedAt ?? now },
      });
    }
  });
  return {
    ok: true,
    offerId: offer.id,
    url,
    emailed: sent.sent,
    emailNote: sent.sent ? null : sent.reason,
    lines: lines.length,
    withdrawn,
  };
}
