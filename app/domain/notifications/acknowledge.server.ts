// The immediate acknowledgement: when the shop cannot solve a problem at once, the customer hears
// from it first — what we saw, that we are on it, and by when they will have a solution (the
// incident's answer-by date) — in their language. It starts the service clock's first step.
import type { PrismaClient } from "@prisma/client";
import { addTimeline } from "../incidents/incidents.server";
import { getShopSettings } from "../settings/settings.server";
import { sendCustomerMail } from "./mailer.server";
import { escapeHtml, localeOf, t, type MessageKey } from "./messages";

export type AckResult = { ok: true; emailed: boolean; note: string | null } | { ok: false; status: 404 | 409; error: string };

export async function acknowledgeIncident(
  prisma: PrismaClient, shop: string, incidentId: string, by: { name: string; shopName: string; timezone: string }, now = new Date(),
): Promise<AckResult> {
  const incident = await prisma.incident.findFirst({ where: { id: incidentId, shop } });
  if (!incident) return { ok: false, status: 404, error: `no incident ${incidentId} in ${shop}` };
  if (!incident.openKey) return { ok: false, status: 409, error: "the incident is closed" };
  if (!incident.customerEmail) return { ok: false, status: 409, error: "the order has no email address" };
  const settings = await getShopSettings(prisma, shop);
  const locale = localeOf(incident.customerLocale);
  const values = { shop: by.shopName, order: incident.orderName };
  const problem = t(locale, `ack.${incident.type}` as MessageKey, values, settings.messages);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: settings.timezone ?? by.timezone }).format(incident.answerBy);
  const body = [t(locale, "ack.body", { ...values, problem, date }, settings.messages), t(locale, "apology", values, settings.messages), t(locale, "signoff", values, settings.messages)];
  const sent = await sendCustomerMail(settings, by.shopName, {
    to: incident.customerEmail, subject: t(locale, "ack.subject", values, settings.messages),
    text: body.join("\n\n"), html: body.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n"),
  });
  await prisma.$transaction(async (tx) => {
    await addTimeline(tx, incidentId, shop, {
      at: now, actor: "merchant", kind: "acknowledged", source: `ack:${now.toISOString()}`,
      summary: sent.sent ? `${by.name}: the customer was told we are on it (${locale}), answer promised by ${incident.answerBy.toISOString()}` : `${by.name}: acknowledgement not emailed (${sent.reason})`,
    });
    if (sent.sent) {
      await tx.incident.update({ where: { id: incidentId }, data: { acknowledgedAt: incident.acknowledgedAt ?? now, ...(incident.status === "open" ? { status: "customer_contacted" } : {}) } });
    }
  });
  return { ok: true, emailed: sent.sent, note: sent.sent ? null : sent.reason };
}
