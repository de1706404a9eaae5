// Remedies through the app's API against the sandbox: a refund that moves money once however
// often it is asked for, refusals with the reason, and a compensation code the customer redeems.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appSettled, DEMO_SHOP, setupSandboxWithApp } from "../helpers/sandbox";
import { gid, sandboxOrderOf, scenarioHelpers } from "../helpers/scenario";

const ctx = setupSandboxWithApp();
const settled = () => appSettled(ctx);
const { scenario, api } = scenarioHelpers(ctx);
const remedy = (incidentId: string, body: unknown) => api(`/api/incidents/${incidentId}/remedies`, body);

const timelineOf = async (incidentId: string) =>
  (await ctx.db.prisma.incidentEvent.findMany({ where: { incidentId }, orderBy: { at: "asc" } })).map((t) => [
    t.kind,
    t.summary,
  ]);

describe("refunds", () => {
  it("refunds the units that cannot ship exactly once when the same decision is sent 5 times at once", async () => {
    const {
      incidents: [incident],
      sandboxOrder,
    } = await scenario("oversold");
    const short = JSON.parse(incident.evidence).short as number;
    const line = sandboxOrder.lineItems.find((l) => gid("LineItem", l.id) === incident.subject)!;
    const decision = {
      kind: "refund",
      lineItems: [{ lineItemId: incident.subject, quantity: short }],
      note: "Out of stock, sorry",
      decisionId: randomUUID(),
    };

    const answers = await Promise.all(Array.from({ length: 5 }, () => remedy(incident.id, decision)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.remedy.id)).size).toBe(1);
    const expected = (Number(line.price) * short).toFixed(2);
    expect(sandboxOrder.refunds).toHaveLength(1);
    expect(answers.find((a) => a.status === 201)!.body.remedy).toMatchObject({
      kind: "refund",
      status: "done",
      amount: expected,
      currency: "EUR",
    });

    // Sent again later, and again without its id (the same content is the same decision): nothing moves.
    expect(await remedy(incident.id, decision)).toMatchObject({
      status: 200,
      body: { repeated: true, remedy: { status: "done" } },
    });
    // Without its id it would be a new decision — for units already refunded: refused, nothing moves.
    const { decisionId: _id, ...sameContent } = decision;
    expect(await remedy(incident.id, sameContent)).toMatchObject({
      status: 409,
      body: { error: expect.stringContaining("every unit of this incident was already refunded") },
    });
    expect(sandboxOrder.refunds).toHaveLength(1);
    expect(await ctx.db.prisma.remedy.count({ where: { incidentId: incident.id } })).toBe(1);

    // The refunded units leave the order's claim on stock, so the line is whole again — but the
    // customer has not been told: the incident stays open as remedied, for the merchant to tell them.
    await settled();
    const after = await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(after).toMatchObject({ status: "remedied", closedAt: null, remedyCost: expected });
    expect(after.openKey).not.toBeNull();
    expect((await timelineOf(incident.id)).filter(([kind]) => kind === "remedy")).toEqual([
      ["remedy", `staff member 1: Refunded ${expected} EUR (${line.title} ×${short})`],
    ]);
  });

  it("refuses more than is refundable, with the reason, and moves nothing", async () => {
    const {
      incidents: [incident],
      sandboxOrder,
    } = await scenario("oversold");
    const answer = await remedy(incident.id, { kind: "refund", amount: "9999.00" });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatch(/^9999\.00 EUR is more than the [\d.]+ EUR still refundable on #\d+$/);
    expect(answer.body.remedy).toMatchObject({ status: "refused" });
    expect(sandboxOrder.refunds).toHaveLength(0);
    expect((await timelineOf(incident.id)).at(-1)).toEqual([
      "remedy_failed",
      `Refused: refund — ${answer.body.error}`,
    ]);
    expect((await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } })).status).toBe(
      "open",
    );
  });

  it("refunds a goodwill amount alone, through the order's sale, up to what is refundable", async () => {
    const {
      incidents: [incident],
      sandboxOrder,
    } = await scenario("oversold");
    const answer = await remedy(incident.id, { kind: "refund", amount: "5.00", note: "For the wait" });
    expect(answer).toMatchObject({ status: 201, body: { remedy: { status: "done", amount: "5.00" } } });
    expect(sandboxOrder.refunds.map((r) => [r.amount, r.lineItems.length])).toEqual([["5.00", 0]]);
    const sale = sandboxOrder.transactions.find((t) => t.kind === "SALE")!;
    expect(
      sandboxOrder.transactions
        .filter((t) => t.kind === "REFUND")
        .map((t) => [t.amount, t.parentId, t.gateway]),
    ).toEqual([["5.00", sale.id, sale.gateway]]);
    expect((await timelineOf(incident.id)).at(-1)).toEqual([
      "remedy",
      "staff member 1: Refunded 5.00 EUR (goodwill)",
    ]);
    // Money alone makes up for the trouble; the units that cannot ship are still the problem.
    expect((await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } })).status).toBe(
      "open",
    );
  });

  it("says what is wrong with a decision before anything is recorded", async () => {
    const {
      incidents: [incident],
    } = await scenario("oversold");
    expect(await remedy(incident.id, { kind: "refund" })).toMatchObject({
      status: 400,
      body: { errors: { decision: "say what to refund: lines, shipping, an amount or the full order" } },
    });
    expect(await remedy(incident.id, { kind: "gift" })).toMatchObject({
      status: 400,
      body: {
        errors: { kind: "one of refund, compensation_code, substitution, reship, leave_out, cancel_order" },
      },
    });
    expect(
      await remedy(incident.id, { kind: "compensation_code", percentage: 5, amount: "3.00" }),
    ).toMatchObject({ status: 400 });
    expect(await remedy("no-such-incident", { kind: "compensation_code", percentage: 5 })).toMatchObject({
      status: 404,
    });
    expect(await ctx.db.prisma.remedy.count({ where: { incidentId: incident.id } })).toBe(0);
  });
});

describe("compensation codes", () => {
  it("creates a code only the customer can use, once; their next order redeems it and the incident shows it", async () => {
    const {
      incidents: [incident],
      order,
    } = await scenario("cod-amount-mismatch");
    const created = await remedy(incident.id, {
      kind: "compensation_code",
      percentage: 10,
      expiresInDays: 30,
    });
    expect(created.status).toBe(201);
    const { code } = created.body.remedy as { code: string };
    expect(code).toMatch(new RegExp(`^SORRY-${order.name.slice(1)}-[A-HJKMNP-Z2-9]{4}$`));

    const discount = ctx.sandbox.store.shop(DEMO_SHOP).discounts.find((d) => d.code === code)!;
    const sandboxOrder = sandboxOrderOf(ctx, order.id);
    expect(discount).toMatchObject({
      usageLimit: 1,
      appliesOncePerCustomer: true,
      customerIds: [sandboxOrder.customerId],
      value: { percentage: 0.1 },
    });
    expect(Math.round((discount.endsAt!.getTime() - Date.now()) / 86_400_000)).toBe(30);

    const redeemed = await scenario("customer-redeems-code", { code });
    const remedyRow = await ctx.db.prisma.remedy.findFirstOrThrow({ where: { code } });
    expect(remedyRow).toMatchObject({ redeemedOrderId: redeemed.order.id });
    const discountAmount = redeemed.sandboxOrder.discountAmount;
    expect(Number(discountAmount)).toBeGreaterThan(0);
    expect((await timelineOf(incident.id)).at(-1)).toEqual([
      "code_redeemed",
      `The customer came back: ${code} redeemed on ${redeemed.order.name} (${discountAmount} EUR off)`,
    ]);
    expect((await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } })).remedyCost).toBe(
      Number(discountAmount).toFixed(2),
    );
  });
});

describe("reships", () => {
  it("wrong-item: the merchant flags the line the customer reports, and reships it at the shop's cost once", async () => {
    const { order, sandboxOrder } = await scenario("wrong-item");
    const line = sandboxOrder.lineItems[0];
    const flag = await api("/api/incidents/flag", {
      orderId: order.id,
      lineItemId: gid("LineItem", line.id),
      reason: "wrong_item",
      note: "received a hand cream instead",
    });
    expect(flag.status).toBe(201);
    const { incidentId } = flag.body as { incidentId: string };
    expect(await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } })).toMatchObject({
      type: "wrong_item",
      status: "open",
    });

    const decision = {
      kind: "reship",
      lineItems: [{ lineItemId: gid("LineItem", line.id), quantity: 1 }],
      decisionId: randomUUID(),
    };
    const [first, second] = await Promise.all([remedy(incidentId, decision), remedy(incidentId, decision)]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    await settled();
    const reships = ctx.sandbox.store
      .shop(DEMO_SHOP)
      .orders.filter((o) => o.tags.some((t) => t.startsWith("makegood-remedy-")));
    expect(reships).toHaveLength(1);
    expect(reships[0]).toMatchObject({
      customerId: sandboxOrder.customerId,
      shippingLines: [expect.objectContaining({ price: "0.00" })],
    });
    expect(reships[0].lineItems).toEqual([
      expect.objectContaining({ variantId: line.variantId, quantity: 1, price: "0.00" }),
    ]);
    const after = await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } });
    expect(after).toMatchObject({ status: "remedied", remedyCost: line.price });
    expect((await timelineOf(incidentId)).at(-1)![1]).toMatch(
      new RegExp(`Reshipped ${line.title} ×1 at the shop's cost as order #\\d+ \\(${line.price} EUR\\)$`),
    );

    // The page opened again offers another decision: no second replacement goes out.
    const again = await remedy(incidentId, { ...decision, decisionId: randomUUID() });
    expect(again).toMatchObject({
      status: 409,
      body: { error: expect.stringMatching(/^a replacement was already sent for this incident/) },
    });
    await settled();
    expect(
      ctx.sandbox.store
        .shop(DEMO_SHOP)
        .orders.filter((o) => o.tags.some((t) => t.startsWith("makegood-remedy-"))),
    ).toHaveLength(1);
  });
});
