// The units an incident is about are made good once: whatever remedy made them good (refund, leave
// out, substitute, a replacement shipped), a second one for the same units is refused.
import { describe, expect, it } from "vitest";
import { beyondUnitsLeft, unitsLeft } from "../../app/domain/remedies/units-at-stake";
import type { RemedyDecision } from "../../app/domain/remedies/decisions";

const LINE = "gid://shopify/LineItem/11";
const wrongItem = { subject: LINE, evidence: { short: 1 } };
const done = (decision: RemedyDecision) => ({ status: "done", params: JSON.stringify(decision) });
const refundOne: RemedyDecision = {
  kind: "refund",
  lineItems: [{ lineItemId: LINE, quantity: 1 }],
  shipping: false,
  fullOrder: false,
  restock: false,
};

describe("units at stake", () => {
  it("a unit shipped again is not refunded as well", () => {
    const reshipped = [done({ kind: "reship", lineItems: [{ lineItemId: LINE, quantity: 1 }] })];
    expect(unitsLeft(wrongItem, reshipped)).toBe(0);
    expect(beyondUnitsLeft(wrongItem, reshipped, refundOne)).toMatch(
      /^every unit of this incident was already refunded, left out or replaced/,
    );
  });

  it("a reship of another line, a failed one, or a goodwill amount leaves the unit to make good", () => {
    const others = [
      done({ kind: "reship", lineItems: [{ lineItemId: "gid://shopify/LineItem/12", quantity: 1 }] }),
      {
        status: "failed",
        params: JSON.stringify({ kind: "reship", lineItems: [{ lineItemId: LINE, quantity: 1 }] }),
      },
      done({
        kind: "refund",
        lineItems: [],
        amount: "5.00",
        shipping: false,
        fullOrder: false,
        restock: false,
      }),
    ];
    expect(unitsLeft(wrongItem, others)).toBe(1);
    expect(beyondUnitsLeft(wrongItem, others, refundOne)).toBeNull();
  });
});
