// "Sorry, here is a discount": the shop's default compensation code for the kind of problem (or
// the code already made on the incident), emailed in the customer's language. One per incident,
// however often it is asked for: the code is one decision (its key names it) and the email tells
// that code once.
import type { PrismaClient } from "@prisma/client";
import { requireIncident } from "../../models/incident.server";
import type { AdminClient } from "../../shopify/client.server";
import type { IncidentType } from "../incidents/types";
import { sendIncidentMessage, type Sender } from "../notifications/incident-message.server";
import type { NotDone } from "../not-done";
import { getShopSettings } from "../settings/settings.server";
import { compensationFor } from "../settings/settings";
import { applyRemedy } from "./remedies.server";

export type ApologyResult =
  | { ok: true; code: string; emailed: boolean; note: string | null; repeated: boolean }
  | NotDone<"conflict" | "refused" | "unreachable">;

export async function apologizeWithCode(
  prisma: PrismaClient,
  admin: AdminClient,
  shop: string,
  incidentId: string,
  by: Sender,
): Promise<ApologyResult> {
  const incident = await requireIncident(prisma, shop, incidentId);
  if (incident.status === "dismissed")
    return { ok: false, reason: "conflict", error: "the incident was dismissed" };
  // Checked before the code is made: a code nobody can be told about is no apology.
  if (!incident.customerEmail)
    return { ok: false, reason: "conflict", error: "the order has no email address" };
  const { percentage, expiresInDays } = compensationFor(
    await getShopSettings(prisma, shop),
    incident.type as IncidentType,
  );
  // A code the merchant made on the incident already is the apology's code: never a second one.
  const existing = await prisma.remedy.findFirst({
    where: { shop, incidentId, kind: "compensation_code", status: "done" },
    orderBy: { executedAt: "asc" },
  });
  const made = existing
    ? { ok: true as const, remedy: existing }
    : await applyRemedy(
        prisma,
        admin,
        shop,
        incidentId,
        { kind: "compensation_code", percentage, expiresInDays },
        { actor: "merchant", name: by.name },
        { decisionId: "apology", asRecorded: true },
      );
  if (!made.ok) return { ok: false, reason: made.reason, error: made.error };
  if (made.remedy.status !== "done")
    return { ok: false, reason: "conflict", error: "the code is still being made: try again in a moment" };
  const sent = await sendIncidentMessage(
    prisma,
    shop,
    incidentId,
    { kind: "apology_code", codeRemedyId: made.remedy.id },
    by,
  );
  if (!sent.ok) return sent;
  return {
    ok: true,
    code: made.remedy.code!,
    emailed: sent.emailed,
    note: sent.note,
    repeated: !!sent.repeated,
  };
}
