// Where an open incident stands against its next deadline, read alike from one incident's clock
// (the pages) and as a database filter (the index's SLA filter).
import type { Prisma } from "@prisma/client";

/** Where an open incident stands against its next deadline. */
export type SlaState = "overdue" | "due_soon" | "on_time" | "done";
const DUE_SOON_MS = 4 * 3_600_000;

/** What an incident's service clock reads. */
export type SlaClock = {
  answerBy: Date;
  acknowledgeBy: Date;
  acknowledgedAt: Date | null;
  status: string;
  open: boolean;
};
export type Deadline = { kind: "acknowledge" | "answer"; at: Date };

/** The customer has heard from the shop: told we are on it, sent an offer, or the incident moved on. */
const acknowledged = (i: Pick<SlaClock, "acknowledgedAt" | "status">) =>
  i.acknowledgedAt !== null || i.status !== "open";

/** The deadline that comes next: telling the customer we are on it (at once by default) until
 *  someone has, then answering them. */
export function nextDeadline(i: SlaClock): Deadline {
  return !acknowledged(i) && i.acknowledgeBy < i.answerBy
    ? { kind: "acknowledge", at: i.acknowledgeBy }
    : { kind: "answer", at: i.answerBy };
}

export function slaState(i: SlaClock, now: Date): SlaState {
  if (!i.open) return "done";
  const left = nextDeadline(i).at.getTime() - now.getTime();
  return left < 0 ? "overdue" : left < DUE_SOON_MS ? "due_soon" : "on_time";
}

/** The database's reading of "the next deadline is before `t`", as slaState reads it. */
const dueBefore = (t: Date): Prisma.IncidentWhereInput => ({
  OR: [{ answerBy: { lt: t } }, { status: "open", acknowledgedAt: null, acknowledgeBy: { lt: t } }],
});

/** The incidents in `state` at `now`, as a database filter. */
export function slaWhere(state: Exclude<SlaState, "done">, now: Date): Prisma.IncidentWhereInput {
  const soon = new Date(now.getTime() + DUE_SOON_MS);
  const open = { openKey: { not: null } };
  if (state === "overdue") return { ...open, ...dueBefore(now) };
  if (state === "due_soon") return { ...open, NOT: dueBefore(now), AND: [dueBefore(soon)] };
  return { ...open, NOT: dueBefore(soon) };
}
