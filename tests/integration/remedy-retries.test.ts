// Remedies retried after Shopify did the work but its answer was lost: a cancel asks the order's
// state first (already cancelled: recorded as done, no second cancel), and a reship finds the draft
// order it made by the id recorded at once — not by a tag search, which Shopify's index may not
// answer yet — so no second replacement goes out.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appSettled, DEMO_SHOP, setupSandboxWithApp } from "../helpers/sandbox";
import { gid, scenarioHelpers } from "../helpers/scenario";

const ctx = setupSandboxWithApp();
const { scenario, api: post } = scenarioHelpers(ctx);

/** Shopify carries out the first `operation` request and loses its answer; the client's own retries fail too. */
async function loseAnswersOf(operation: string) {
  const res = await fetch(`${ctx.sandbox.url}/sandbox/faults`, {
    method: "POST",
    body: JSON.stringify({ operation, lostAnswers: 1, serverErrors: 5 }),
  });
  expect(res.status).toBe(200);
}
const requestsOf = (operation: string) =>
  ctx.sandbox.graphqlLog.filter((r) => r.operation === operation).length;

describe("remedies retried after a lost answer", () => {
  it("cancel: the retry finds the order cancelled and records it done, without cancelling again", async () => {
    const {
      incidents: [incident],
      sandboxOrder,
    } = await scenario("oversold");
    const decision = { kind: "cancel_order", decisionId: randomUUID() };

    await loseAnswersOf("OrderCancel");
    expect((await post(`/api/incidents/${incident.id}/remedies`, decision)).status).toBe(502);
    expect(sandboxOrder.cancelledAt).not.toBeNull(); // Shopify did it; the app could not know
    const cancels = requestsOf("OrderCancel");

    const retried = await post(`/api/incidents/${incident.id}/remedies`, decision);
    expect(retried).toMatchObject({
      status: 200,
      body: { remedy: { kind: "cancel_order", status: "done" } },
    });
    expect(requestsOf("OrderCancel")).toBe(cancels);
    const timeline = await ctx.db.prisma.incidentEvent.findMany({
      where: { incidentId: incident.id, kind: "remedy" },
    });
    expect(timeline.map((t) => t.summary)).toEqual([
      expect.stringMatching(/was already cancelled in Shopify/),
    ]);
  });

  it("reship: the retry completes the draft it made, found by its id while Shopify's search does not list it yet", async () => {
    const { order, sandboxOrder } = await scenario("wrong-item");
    const line = sandboxOrder.lineItems[0];
    const flagged = await post("/api/incidents/flag", {
      orderId: order.id,
      lineItemId: gid("LineItem", line.id),
      reason: "wrong_item",
    });
    expect(flagged.status).toBe(201);
    const decision = {
      kind: "reship",
      lineItems: [{ lineItemId: gid("LineItem", line.id), quantity: 1 }],
      decisionId: randomUUID(),
    };
    const drafts = () => ctx.sandbox.store.shop(DEMO_SHOP).draftOrders;

    await loseAnswersOf("DraftOrderComplete");
    expect((await post(`/api/incidents/${flagged.body.incidentId}/remedies`, decision)).status).toBe(502);
    expect(drafts()).toHaveLength(1);
    // The draft was completed into an order (the answer was lost), and the search index trails.
    await fetch(`${ctx.sandbox.url}/sandbox/faults`, {
      method: "POST",
      body: JSON.stringify({ searchLagMs: 3_600_000 }),
    });

    const retried = await post(`/api/incidents/${flagged.body.incidentId}/remedies`, decision);
    expect(retried).toMatchObject({ status: 200, body: { remedy: { kind: "reship", status: "done" } } });
    expect(drafts()).toHaveLength(1);
    await appSettled(ctx);
    expect(
      ctx.sandbox.store
        .shop(DEMO_SHOP)
        .orders.filter((o) => o.tags.some((t) => t.startsWith("makegood-remedy-"))),
    ).toHaveLength(1);
  });
});
