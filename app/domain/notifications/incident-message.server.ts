// Writing to the customer about an incident: the preview the merchant reads and the email that
// goes out are the same composition. Every message sent (or not, and why) lands on the timeline;
// the first one sent is the customer's first contact. An apology tells one code once.
import type { PrismaClient, Remedy } from "@prisma/client";
import type { Tx } from "../../db/types";
import { requireIncident, type IncidentRecord } from "../../models/incident.server";
import { customerFirstName } from "../../models/order-ref.server";
import { addTimeline, resolveIncidents } from "../incidents/incidents.server";
import type { IncidentType } from "../incidents/types";
import type { NotDone } from "../not-done";
import { getShopSettings } from "../settings/settings.server";
import type { ShopSettings } from "../settings/settings";
import type { CompensationCodeDecision } from "../remedies/decisions";
import { unitsLeft } from "../remedies/units-at-stake";
import { composeMessage, type ComposedMessage, type MessageKind } from "./customer-message";
import { sendCustomerMail } from "./mailer.server";
import { localeOf, type Locale } from "./messages";
import { shipByFrom } from "./ship-by";

/** `codeRemedyId`: which code an apology tells; the newest one made when not given. `shipBy`: the new
 *  day a late order leaves by, when the merchant names one; else the shop's handling time from now. */
export type MessageRequest = {
  kind: MessageKind;
  locale?: Locale;
  note?: string;
  codeRemedyId?: string;
  shipBy?: Date;
};
export type Sender = { name: string; shopName: string; timezone: string };
type NotSent = NotDone<"conflict">;
export type Preview = {
  ok: true;
  to: string;
  locale: Locale;
  message: ComposedMessage;
  codeRemedyId: string | null;
};
export type SendResult = { ok: true; emailed: boolean; note: string | null; repeated?: boolean } | NotSent;

/** A compensation code made for the incident. */
async function codeOf(
  prisma: PrismaClient,
  shop: string,
  incidentId: string,
  remedyId?: string,
): Promise<Remedy | null> {
  return prisma.remedy.findFirst({
    where: {
      shop,
      incidentId,
      kind: "compensation_code",
      status: "done",
      ...(remedyId ? { id: remedyId } : {}),
    },
    orderBy: { executedAt: "desc" },
  });
}

function codeToTell(remedy: Remedy) {
  const d = JSON.parse(remedy.params) as CompensationCodeDecision;
  return {
    code: remedy.code!,
    percentage: d.percentage ?? null,
    amount: d.amount ?? null,
    currency: remedy.currency,
    endsAt: new Date(remedy.executedAt!.getTime() + d.expiresInDays * 86_400_000),
  };
}

/** The amounts a COD incident saw, for the customer to read exactly. */
function codAmounts(incident: IncidentRecord) {
  if (incident.type !== "cod_amount_mismatch") return null;
  const { told, due, currency } = incident.evidence;
  return told !== undefined && due !== undefined ? { told, due, currency: currency ?? "EUR" } : null;
}

async function prepare(
  prisma: PrismaClient,
  shop: string,
  incidentId: string,
  request: MessageRequest,
  by: Sender,
): Promise<(Preview & { incident: IncidentRecord; settings: ShopSettings }) | NotSent> {
  const incident = await requireIncident(prisma, shop, incidentId);
  if (!incident.customerEmail)
    return { ok: false, reason: "conflict", error: "the order has no email address" };
  if (request.kind === "acknowledge" && !incident.openKey)
    return { ok: false, reason: "conflict", error: "the incident is closed" };
  const code =
    request.kind === "apology_code" ? await codeOf(prisma, shop, incidentId, request.codeRemedyId) : null;
  if (request.kind === "apology_code" && !code)
    return { ok: false, reason: "conflict", error: "create a compensation code first" };
  if (request.kind === "note" && !request.note?.trim())
    return { ok: false, reason: "conflict", error: "write the message first" };
  const settings = await getShopSettings(prisma, shop);
  const locale = request.locale ?? localeOf(incident.customerLocale);
  const timezone = settings.timezone ?? by.timezone;
  const message = composeMessage({
    kind: request.kind,
    locale,
    shop: by.shopName,
    order: incident.orderName,
    type: incident.type as IncidentType,
    customerName: await customerFirstName(prisma, shop, incident.orderId),
    answerBy: incident.answerBy,
    timezone,
    cod: codAmounts(incident),
    overrides: settings.messages,
    code: code ? codeToTell(code) : undefined,
    note: request.note,
    shipBy:
      incident.type === "late_shipment"
        ? (request.shipBy ?? shipByFrom(settings, timezone, new Date()))
        : null,
  });
  return {
    ok: true,
    to: incident.customerEmail,
    locale,
    message,
    codeRemedyId: code?.id ?? null,
    incident,
    settings,
  };
}

/** What the customer would receive, without sending it. */
export async function previewIncidentMessage(
  prisma: PrismaClient,
  shop: string,
  incidentId: string,
  request: MessageRequest,
  by: Sender,
): Promise<Preview | NotSent> {
  const prepared = await prepare(prisma, shop, incidentId, request, by);
  if (!prepared.ok) return prepared;
  const { to, locale, message, codeRemedyId } = prepared;
  return { ok: true, to, locale, message, codeRemedyId };
}

// The summary names the promised date as a token: the page writes it in the shop's zone (app/domain/dates.ts).
// It says which message went and in which language, never its words: they greet the customer by
// name, and a timeline outlives the customer's erasure (SECURITY.md, "Personal data").
const LANGUAGE = new Intl.DisplayNames(["en"], { type: "language" });
const WHAT: Record<MessageKind, string> = {
  acknowledge: "we are on it",
  apology_code: "an apology with the code",
  note: "a message",
};

export async function sendIncidentMessage(
  prisma: PrismaClient,
  shop: string,
  incidentId: string,
  request: MessageRequest,
  by: Sender,
  now = new Date(),
): Promise<SendResult> {
  const prepared = await prepare(prisma, shop, incidentId, request, by);
  if (!prepared.ok) return prepared;
  const { incident, settings, message, locale, codeRemedyId } = prepared;
  // One code, one apology: a repeated bulk action or a double click does not write twice.
  const source = codeRemedyId
    ? `message:code:${codeRemedyId}`
    : `message:${request.kind}:${now.toISOString()}`;
  if (
    codeRemedyId &&
    (await prisma.incidentEvent.findFirst({
      where: { incidentId, kind: "customer_message", source },
      select: { id: true },
    }))
  ) {
    return { ok: true, emailed: false, note: "the customer already has this code", repeated: true };
  }
  const sent = await sendCustomerMail(settings, by.shopName, { to: prepared.to, ...message });
  await prisma.$transaction(async (tx) => {
    await addTimeline(tx, incidentId, shop, {
      at: now,
      actor: "merchant",
      kind: sent.sent ? "customer_message" : "customer_message_failed",
      source: sent.sent ? source : `${source}:failed`,
      summary: sent.sent
        ? `${by.name}: emailed the customer ${WHAT[request.kind]} in ${LANGUAGE.of(locale)}${request.kind === "acknowledge" ? ", answer promised by {answerBy}" : ""}`
        : `${by.name}: ${WHAT[request.kind]} not emailed (${sent.reason})`,
      detail: sent.sent
        ? { kind: request.kind, locale, messageId: sent.messageId, answerBy: incident.answerBy.toISOString() }
        : { kind: request.kind, reason: sent.reason },
    });
    if (sent.sent && incident.openKey) {
      await tx.incident.update({
        where: { id: incidentId },
        data: {
          acknowledgedAt: incident.acknowledgedAt ?? now,
          ...(incident.status === "open" ? { status: "customer_contacted" } : {}),
        },
      });
      // Fixed, and now the customer has heard from the shop: nothing is left to do on it.
      if (await fixedAltogether(tx, incident)) {
        await resolveIncidents(tx, {
          shop,
          orderId: incident.orderId,
          types: [incident.type as IncidentType],
          subject: incident.subject,
          reason: "fixed by the remedy, and the customer was told",
          at: now,
          actor: "merchant",
          source: `${source}:closed`,
        });
      }
    }
  });
  return { ok: true, emailed: sent.sent, note: sent.sent ? null : sent.reason };
}

/** The immediate acknowledgement: what we saw, that we are on it, and by when they hear back. */
export async function acknowledgeIncident(
  prisma: PrismaClient,
  shop: string,
  incidentId: string,
  by: Sender,
  { once = false, now = new Date() } = {},
): Promise<SendResult | NotSent> {
  // Told already (by an acknowledgement, an offer or a message): a bulk "we are on it" skips them.
  if (
    once &&
    (await prisma.incident.findFirst({
      where: { id: incidentId, shop, acknowledgedAt: { not: null } },
      select: { id: true },
    }))
  ) {
    return { ok: true, emailed: false, note: "already told", repeated: true };
  }
  return sendIncidentMessage(prisma, shop, incidentId, { kind: "acknowledge" }, by, now);
}

/** Remedied for good: for a stock line, every unit at stake made good (or the line found whole). */
async function fixedAltogether(tx: Tx, incident: IncidentRecord): Promise<boolean> {
  if (incident.status !== "remedied") return false;
  if (incident.type !== "stock_mismatch") return true;
  if (incident.evidence.settled === true) return true;
  return (
    unitsLeft(
      incident,
      await tx.remedy.findMany({ where: { shop: incident.shop, incidentId: incident.id } }),
    ) === 0
  );
}
