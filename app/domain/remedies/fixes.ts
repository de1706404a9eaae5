// When a remedy fixes the problem, and when it only makes up for it. An incident is "remedied"
// when its problem is fixed — the line replaced, refunded or left out, the parcel shipped again,
// the order cancelled — not when the customer was given something for the trouble: a code for a
// late order leaves the order unshipped, so the incident stays open for what is still wrong.
import type { IncidentType } from "../incidents/types";
import type { RemedyDecision } from "./decisions";

export function fixesProblem(type: IncidentType, decision: RemedyDecision): boolean {
  switch (decision.kind) {
    case "compensation_code":
      return false;
    case "cancel_order":
      return true; // nothing left to ship, deliver or collect
    case "refund":
      // What the customer was overcharged on delivery is the problem itself; elsewhere an amount
      // alone is goodwill, and the lines or the whole order are what fix it.
      return type === "cod_amount_mismatch" || decision.fullOrder || decision.lineItems.length > 0;
    case "substitution":
    case "leave_out":
      return type === "stock_mismatch";
    case "reship":
      return type !== "stock_mismatch" && type !== "cod_amount_mismatch";
  }
}
