// Asking for an order's fulfillment holds to be looked at again. Detection runs where there is no
// Admin access (webhook handlers, inside the inbox transaction), so a change that may call for a
// hold or its release only requests the task "sync_fulfillment_hold"; the worker does it after
// the transaction (fulfillment-hold.server). A request repeated while pending is one task.
import type { Tx } from "../../db/types";
import type { IncidentType } from "../incidents/types";
import { requestDetection } from "./tasks.server";

export const SYNC_FULFILLMENT_HOLD = "sync_fulfillment_hold";
/** The kind's name before cash on delivery held orders too: tasks stored under it still run. */
export const SYNC_STOCK_HOLD = "sync_stock_hold";

/** The kinds of incident that hold an order's fulfillment while they are open. */
export const HOLDING_TYPES: readonly IncidentType[] = ["stock_mismatch", "cod_amount_mismatch"];
export const holdsFulfillment = (type: string) => (HOLDING_TYPES as readonly string[]).includes(type);

/** `subject`: the order (all its fulfillment orders) or one fulfillment order of it. */
export async function requestHoldSync(tx: Tx, shop: string, subject: string, requestedBy: string, now: Date) {
  await requestDetection(tx, { shop, kind: SYNC_FULFILLMENT_HOLD, subject, dueAt: now, requestedBy });
}
