// How many units of an incident's line are still to be made good. An incident is about a number of
// units (the ones that cannot ship, or that arrived wrong): once our own remedies have refunded,
// left out, replaced or shipped again that many, another refund of the line's units would pay for units that are
// fine — the second €59.90 a tester could confirm from a page still showing the refund form.
import type { Remedy } from "@prisma/client";
import type { Evidence } from "../../models/evidence";
import type { RemedyDecision } from "./decisions";

/** An incident as far as its units go: its subject (a line, or not) and the evidence's `short`. */
type UnitsAtStake = { subject: string; evidence: Evidence };

/** The line's units a decision makes good (refunds of a goodwill amount make good none). */
export function unitsOf(decision: RemedyDecision, lineItemId: string): number {
  switch (decision.kind) {
    // A reship sends the line's units again: they are made good as much as refunded ones.
    case "refund":
    case "reship":
      return decision.lineItems
        .filter((l) => l.lineItemId === lineItemId)
        .reduce((sum, l) => sum + l.quantity, 0);
    case "leave_out":
      return decision.lineItemId === lineItemId ? decision.quantity : 0;
    case "substitution":
      return decision.lineItemId === lineItemId ? (decision.quantity ?? 0) : 0;
    default:
      return 0;
  }
}

/** The units at stake (the evidence's `short`) less those our done remedies already made good;
 *  null when the incident is not about a counted number of one line's units. */
export function unitsLeft(
  incident: UnitsAtStake,
  remedies: Pick<Remedy, "status" | "params">[],
): number | null {
  const short = incident.evidence.short;
  if (typeof short !== "number" || !incident.subject.includes("/LineItem/")) return null;
  const settled = remedies
    .filter((r) => r.status === "done")
    .reduce((sum, r) => sum + unitsOf(JSON.parse(r.params) as RemedyDecision, incident.subject), 0);
  return Math.max(short - settled, 0);
}

/** Why a new decision would make good more units than are left, or null. */
export function beyondUnitsLeft(
  incident: UnitsAtStake,
  remedies: Pick<Remedy, "status" | "params">[],
  decision: RemedyDecision,
): string | null {
  const asked = unitsOf(decision, incident.subject);
  const left = unitsLeft(incident, remedies);
  if (asked === 0 || left === null || asked <= left) return null;
  return left === 0
    ? "every unit of this incident was already refunded, left out or replaced: a goodwill amount is still possible"
    : `only ${left} unit${left === 1 ? " is" : "s are"} left to make good on this incident (the others were already refunded, left out or replaced)`;
}
