// A decision's id is the merchant's word that two requests are one decision. Sent again with other
// content (a retried request edited in between, a client that reuses ids), it must not be carried
// out as the first content while the caller believes it asked for the second: 409, naming each
// difference, and no money moves. The same id with the same content stays the safe retry it was.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupSandboxWithApp } from "../helpers/sandbox";
import { scenarioHelpers } from "../helpers/scenario";

const ctx = setupSandboxWithApp();
const { scenario, api } = scenarioHelpers(ctx);
const remedy = (incidentId: string, body: unknown) => api(`/api/incidents/${incidentId}/remedies`, body);

describe("a reused decision id", () => {
  it("with other content is a 409 naming each difference, and moves no money; with the same content it is the same decision", async () => {
    const {
      incidents: [incident],
      sandboxOrder,
    } = await scenario("oversold");
    const refunds = () => sandboxOrder.refunds;

    const decisionId = randomUUID();
    const goodwill = { kind: "refund", amount: "5.00", note: "for the wait", decisionId };
    expect(await remedy(incident.id, goodwill)).toMatchObject({
      status: 201,
      body: { remedy: { status: "done", amount: "5.00" } },
    });
    expect(refunds()).toHaveLength(1);

    const larger = await remedy(incident.id, { ...goodwill, amount: "50.00" });
    expect(larger.status).toBe(409);
    expect(larger.body.error).toContain(`decision ${decisionId} was already made with other content`);
    expect(larger.body.error).toContain('amount: "5.00" → "50.00"');
    const otherKind = await remedy(incident.id, { kind: "cancel_order", decisionId });
    expect(otherKind.status).toBe(409);
    expect(otherKind.body.error).toContain('kind: "refund" → "cancel_order"');
    expect(otherKind.body.error).toContain('amount: "5.00" → (none)');
    expect(refunds()).toHaveLength(1);
    expect(sandboxOrder.cancelledAt).toBeNull();

    // The same content again is the retry it always was: the first remedy, nothing new.
    expect(await remedy(incident.id, goodwill)).toMatchObject({
      status: 200,
      body: { repeated: true, remedy: { amount: "5.00" } },
    });
    expect(refunds()).toHaveLength(1);
    expect(await ctx.db.prisma.remedy.count({ where: { incidentId: incident.id } })).toBe(1);
  });
});
