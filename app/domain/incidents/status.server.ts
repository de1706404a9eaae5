// An incident's way through the service: open → customer contacted → awaiting customer →
// remedied → closed, or dismissed with a reason (not a real problem, handled elsewhere). Each move
// lands on the timeline with who made it. Problems that go away on their own are closed by
// resolveIncidents from any open status.
import type { PrismaClient } from "@prisma/client";
import type { Db, Tx } from "../../db/types";
import { requireIncident } from "../../models/incident.server";
import { holdsFulfillment, requestHoldSync } from "../detection/hold-request.server";
import type { NotDone } from "../not-done";
import { addTimeline } from "./incidents.server";
import type { Actor, IncidentStatus } from "./types";

const NEXT: Record<IncidentStatus, readonly IncidentStatus[]> = {
  open: ["customer_contacted", "remedied", "closed", "dismissed"],
  customer_contacted: ["awaiting_customer", "remedied", "closed", "dismissed"],
  awaiting_customer: ["customer_contacted", "remedied", "closed", "dismissed"],
  remedied: ["closed"],
  closed: [],
  dismissed: [],
};

export const allowedMoves = (from: IncidentStatus) => NEXT[from] ?? [];

export type Move = {
  shop: string;
  incidentId: string;
  to: IncidentStatus;
  reason?: string;
  actor: Actor;
  by: string;
  at?: Date;
};
export type MoveResult = { ok: true; status: IncidentStatus } | NotDone<"conflict" | "invalid">;

export async function moveIncident(db: Db, m: Move): Promise<MoveResult> {
  const run = async (tx: Tx): Promise<MoveResult> => {
    const incident = await requireIncident(tx, m.shop, m.incidentId);
    const from = incident.status as IncidentStatus;
    if (from === m.to) return { ok: true, status: from }; // a repeated click changes nothing
    if (!allowedMoves(from).includes(m.to))
      return {
        ok: false,
        reason: "conflict",
        error: `an incident ${from.replace(/_/g, " ")} cannot become ${m.to.replace(/_/g, " ")}`,
      };
    const reason = m.reason?.trim();
    if (m.to === "dismissed" && !reason)
      return { ok: false, reason: "invalid", error: "say why the incident is dismissed" };
    // Dismissing says it was never a real problem: not after the customer was given something for it.
    if (
      m.to === "dismissed" &&
      (await tx.remedy.count({ where: { incidentId: incident.id, shop: m.shop, status: "done" } })) > 0
    ) {
      return { ok: false, reason: "conflict", error: "a remedy was already given for it: close it instead" };
    }
    const at = m.at ?? new Date();
    const ends = m.to === "closed" || m.to === "dismissed";
    // Only the incident still in `from` moves: two people clicking at once make one move.
    const moved = await tx.incident.updateMany({
      where: { id: incident.id, status: from },
      data: { status: m.to, ...(ends ? { openKey: null, closedAt: at, closeReason: reason || m.to } : {}) },
    });
    if (moved.count === 0)
      return { ok: false, reason: "conflict", error: "the incident changed meanwhile: reload it" };
    // An incident the merchant ends (or marks remedied) may no longer hold the warehouse back: the
    // order's holds are looked at again (released when no other open incident needs them).
    if (holdsFulfillment(incident.type))
      await requestHoldSync(tx, m.shop, incident.orderId, `status:${incident.id}:${m.to}`, at);
    await addTimeline(tx, incident.id, m.shop, {
      at,
      actor: m.actor,
      kind: "status",
      summary: `${m.by}: ${from.replace(/_/g, " ")} → ${m.to.replace(/_/g, " ")}${reason ? ` (${reason})` : ""}`,
      detail: { from, to: m.to, reason: reason ?? null, by: m.by },
    });
    return { ok: true, status: m.to };
  };
  return "$transaction" in db ? (db as PrismaClient).$transaction(run) : run(db);
}
