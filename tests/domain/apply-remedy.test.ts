// Deciding and carrying out a remedy (applyRemedy) against our own database, with Shopify's Admin
// API faked at the edge: money moves once per decision, under the remedy's idempotency key; a
// decision repeated is found, not carried out again; Shopify's no and Shopify out of reach end
// differently; and the key that makes "the same decision" (decisionKeyOf).
import { describe, expect, it } from "vitest";
import { raiseIncident } from "../../app/domain/incidents/incidents.server";
import { decisionKeyOf, type RemedyDecision } from "../../app/domain/remedies/decisions";
import { applyRemedy } from "../../app/domain/remedies/remedies.server";
import { NotFound } from "../../app/models/errors";
import { fakeAdmin } from "../helpers/fake-admin";
import { useTestDatabase } from "../helpers/test-database";

const SHOP = "apply-remedy.myshopify.com";
const ANA = { actor: "merchant" as const, name: "Ana" };
const NOW = new Date("2026-03-10T10:00:00Z");

/** Shopify's preview of a refund of `amount` on one line, paid through a manual gateway. */
const preview = (orderId: string, lineItemId: string, amount: string, maximum = "59.80") => ({
  order: {
    id: orderId,
    name: "#1001",
    currencyCode: "EUR",
    suggestedRefund: {
      amountSet: { shopMoney: { amount, currencyCode: "EUR" } },
      maximumRefundableSet: { shopMoney: { amount: maximum } },
      shipping: { amountSet: { shopMoney: { amount: "0.00" } } },
      refundLineItems: [
        {
          quantity: 2,
          lineItem: { id: lineItemId, title: "Thermal Water" },
          subtotalSet: { shopMoney: { amount } },
        },
      ],
      suggestedTransactions: [
        {
          gateway: "manual",
          kind: "REFUND",
          amountSet: { shopMoney: { amount } },
          parentTransaction: { id: "gid://shopify/OrderTransaction/7" },
        },
      ],
    },
    lineItems: { nodes: [{ id: lineItemId, unfulfilledQuantity: 2 }] },
    transactions: [],
  },
});
const refunded = (amount: string) => ({
  refundCreate: {
    refund: {
      id: "gid://shopify/Refund/1",
      totalRefundedSet: { shopMoney: { amount, currencyCode: "EUR" } },
    },
    userErrors: [],
  },
});
const refusedBy = (message: string) => ({
  refundCreate: { refund: null, userErrors: [{ field: ["transactions"], message }] },
});

describe("applyRemedy", () => {
  const ctx = useTestDatabase("sqlite");
  let n = 0;

  /** A stock incident on one line: 2 units that cannot ship. */
  async function stockIncident() {
    n++;
    const order = {
      shop: SHOP,
      orderId: `gid://shopify/Order/${n}`,
      orderName: `#${1000 + n}`,
      customerId: null,
      customerEmail: null,
      customerLocale: null,
    };
    const lineItemId = `gid://shopify/LineItem/${100 + n}`;
    const { incidentId } = await ctx.db.prisma.$transaction((tx) =>
      raiseIncident(tx, {
        order,
        type: "stock_mismatch",
        subject: lineItemId,
        summary: "2 units expired",
        evidence: { reason: "expired", short: 2 },
        observedAt: NOW,
        source: `test:${n}`,
        actor: "makegood",
      }),
    );
    const shopify = fakeAdmin(SHOP, {
      RefundPreview: () => preview(order.orderId, lineItemId, "59.80"),
      RefundCreate: () => refunded("59.80"),
    });
    const refund: RemedyDecision = {
      kind: "refund",
      lineItems: [{ lineItemId, quantity: 2 }],
      shipping: false,
      fullOrder: false,
      restock: false,
    };
    return { incidentId, lineItemId, orderId: order.orderId, shopify, refund };
  }
  const remedies = (incidentId: string) => ctx.db.prisma.remedy.findMany({ where: { incidentId } });
  const timeline = async (incidentId: string) =>
    (
      await ctx.db.prisma.incidentEvent.findMany({
        where: { incidentId },
        orderBy: [{ at: "asc" }, { id: "asc" }],
      })
    ).map((e) => [e.kind, e.summary]);

  it("refunds through Shopify under the remedy's key, and the incident reads it: on the timeline, in its cost, remedied", async () => {
    const { incidentId, shopify, refund } = await stockIncident();
    const result = await applyRemedy(ctx.db.prisma, shopify.client, SHOP, incidentId, refund, ANA, {
      now: NOW,
    });
    expect(result).toMatchObject({
      ok: true,
      repeated: false,
      remedy: {
        status: "done",
        amount: "59.80",
        currency: "EUR",
        shopifyId: "gid://shopify/Refund/1",
        decidedBy: "Ana",
        attempts: 1,
      },
    });
    const [remedy] = await remedies(incidentId);
    expect(shopify.operations()).toEqual(["RefundPreview", "RefundCreate"]);
    expect(shopify.calls[1].variables).toMatchObject({
      key: `makegood-refund-${remedy.id}`,
      input: {
        transactions: [{ amount: "59.80", parentId: "gid://shopify/OrderTransaction/7", kind: "REFUND" }],
      },
    });
    expect(await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } })).toMatchObject({
      status: "remedied",
      remedyCost: "59.80",
    });
    expect((await timeline(incidentId)).at(-1)).toEqual([
      "remedy",
      "Ana: Refunded 59.80 EUR (Thermal Water ×2)",
    ]);
  });

  it("finds the same decision made again and does not carry it out twice; named by the caller, other content is a conflict", async () => {
    const { incidentId, shopify, refund } = await stockIncident();
    const first = await applyRemedy(ctx.db.prisma, shopify.client, SHOP, incidentId, refund, ANA, {
      decisionId: "form-1",
      now: NOW,
    });
    const again = await applyRemedy(ctx.db.prisma, shopify.client, SHOP, incidentId, refund, ANA, {
      decisionId: "form-1",
      now: NOW,
    });
    expect(again).toMatchObject({
      ok: true,
      repeated: true,
      remedy: { id: first.ok && first.remedy.id, status: "done" },
    });
    const other = await applyRemedy(
      ctx.db.prisma,
      shopify.client,
      SHOP,
      incidentId,
      { ...refund, amount: "5.00" },
      ANA,
      { decisionId: "form-1", now: NOW },
    );
    expect(other).toMatchObject({
      ok: false,
      reason: "conflict",
      error: expect.stringContaining(
        'decision form-1 was already made with other content (amount: (none) → "5.00")',
      ),
    });
    // Shopify was asked once; one remedy, one refund on the timeline.
    expect(shopify.operations()).toEqual(["RefundPreview", "RefundCreate"]);
    expect(await remedies(incidentId)).toHaveLength(1);
    expect((await timeline(incidentId)).filter(([kind]) => kind === "remedy")).toHaveLength(1);
  });

  it("carries out an id the app names itself as first recorded, whatever the call computed", async () => {
    const { incidentId, shopify, refund } = await stockIncident();
    shopify.answer("RefundCreate", () => {
      throw new Error("fetch failed: ECONNRESET");
    });
    const first = await applyRemedy(ctx.db.prisma, shopify.client, SHOP, incidentId, refund, ANA, {
      decisionId: "offer-1-0-refund",
      asRecorded: true,
      now: NOW,
    });
    expect(first).toMatchObject({ ok: false, reason: "unreachable" });
    // Read afresh on the retry, the decision came out otherwise: the one recorded is carried out.
    shopify.answer("RefundCreate", () => refunded("59.80"));
    const retried = await applyRemedy(
      ctx.db.prisma,
      shopify.client,
      SHOP,
      incidentId,
      { ...refund, amount: "5.00" },
      ANA,
      { decisionId: "offer-1-0-refund", asRecorded: true, now: NOW },
    );
    expect(retried).toMatchObject({
      ok: true,
      repeated: true,
      remedy: { status: "done", amount: "59.80", params: JSON.stringify(refund) },
    });
    expect(shopify.calls.at(-1)!.variables).toMatchObject({ input: { transactions: [{ amount: "59.80" }] } });
  });

  it("pays no unit twice: once the incident's units are refunded, another refund of the line is a conflict", async () => {
    const { incidentId, lineItemId, shopify, refund } = await stockIncident();
    await applyRemedy(ctx.db.prisma, shopify.client, SHOP, incidentId, refund, ANA, { now: NOW });
    const more = await applyRemedy(
      ctx.db.prisma,
      shopify.client,
      SHOP,
      incidentId,
      { ...refund, lineItems: [{ lineItemId, quantity: 1 }] },
      ANA,
      { now: NOW },
    );
    expect(more).toMatchObject({
      ok: false,
      reason: "conflict",
      error:
        "every unit of this incident was already refunded, left out or replaced: a goodwill amount is still possible",
    });
    expect(await remedies(incidentId)).toHaveLength(1);
    expect(shopify.operations()).toEqual(["RefundPreview", "RefundCreate"]);
  });

  it("keeps Shopify's no: the remedy is refused in its words, on the timeline, and not asked again", async () => {
    const { incidentId, shopify, refund } = await stockIncident();
    shopify.answer("RefundCreate", () => refusedBy("The refund amount exceeds the refundable amount"));
    const result = await applyRemedy(ctx.db.prisma, shopify.client, SHOP, incidentId, refund, ANA, {
      now: NOW,
    });
    expect(result).toMatchObject({
      ok: false,
      reason: "refused",
      error: "The refund amount exceeds the refundable amount",
      remedy: { status: "refused" },
    });
    expect((await timeline(incidentId)).at(-1)).toEqual([
      "remedy_failed",
      "Refused: refund — The refund amount exceeds the refundable amount",
    ]);
    const again = await applyRemedy(ctx.db.prisma, shopify.client, SHOP, incidentId, refund, ANA, {
      now: NOW,
    });
    expect(again).toMatchObject({
      ok: false,
      reason: "refused",
      error: "The refund amount exceeds the refundable amount",
    });
    expect(shopify.operations()).toEqual(["RefundPreview", "RefundCreate"]);
    expect(await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } })).toMatchObject({
      status: "open",
      remedyCost: null,
    });
  });

  it("tells Shopify out of reach apart: the remedy failed, and the same decision again is carried out under the same key", async () => {
    const { incidentId, shopify, refund } = await stockIncident();
    shopify.answer("RefundCreate", () => {
      throw new Error("fetch failed: ECONNRESET");
    });
    const result = await applyRemedy(ctx.db.prisma, shopify.client, SHOP, incidentId, refund, ANA, {
      now: NOW,
    });
    expect(result).toMatchObject({
      ok: false,
      reason: "unreachable",
      error: "fetch failed: ECONNRESET",
      remedy: { status: "failed", attempts: 1 },
    });
    expect((await timeline(incidentId)).at(-1)).toEqual([
      "remedy_failed",
      "Could not reach Shopify: refund — fetch failed: ECONNRESET",
    ]);
    shopify.answer("RefundCreate", () => refunded("59.80"));
    const retried = await applyRemedy(ctx.db.prisma, shopify.client, SHOP, incidentId, refund, ANA, {
      now: NOW,
    });
    expect(retried).toMatchObject({
      ok: true,
      repeated: true,
      remedy: { status: "done", attempts: 2, error: null },
    });
    const keys = shopify.calls.filter((c) => c.operation === "RefundCreate").map((c) => c.variables.key);
    expect(keys).toEqual([keys[0], keys[0]]);
  });

  it("leaves a remedy another request is carrying out alone, until its claim is stale", async () => {
    const { incidentId, shopify, refund } = await stockIncident();
    const remedy = await ctx.db.prisma.remedy.create({
      data: {
        shop: SHOP,
        incidentId,
        kind: "refund",
        decisionKey: decisionKeyOf(incidentId, refund, "form-2"),
        params: JSON.stringify(refund),
        decidedBy: "Ana",
        status: "executing",
        claimedAt: NOW,
        attempts: 1,
      },
    });
    const meanwhile = await applyRemedy(ctx.db.prisma, shopify.client, SHOP, incidentId, refund, ANA, {
      decisionId: "form-2",
      now: new Date(NOW.getTime() + 60_000),
    });
    expect(meanwhile).toMatchObject({
      ok: true,
      repeated: true,
      remedy: { id: remedy.id, status: "executing" },
    });
    expect(shopify.calls).toEqual([]);
    // Its process died: two minutes on, the claim is taken again (Shopify sees the same key).
    const taken = await applyRemedy(ctx.db.prisma, shopify.client, SHOP, incidentId, refund, ANA, {
      decisionId: "form-2",
      now: new Date(NOW.getTime() + 3 * 60_000),
    });
    expect(taken).toMatchObject({ ok: true, remedy: { id: remedy.id, status: "done", attempts: 2 } });
    expect(shopify.calls.at(-1)!.variables).toMatchObject({ key: `makegood-refund-${remedy.id}` });
  });

  it("sends one replacement per incident, and finds no incident of another shop", async () => {
    const { incidentId, lineItemId, shopify } = await stockIncident();
    await ctx.db.prisma.remedy.create({
      data: {
        shop: SHOP,
        incidentId,
        kind: "reship",
        decisionKey: `${incidentId}:earlier`,
        params: "{}",
        decidedBy: "Ana",
        status: "done",
        shopifyId: "gid://shopify/Order/900",
      },
    });
    const reship: RemedyDecision = { kind: "reship", lineItems: [{ lineItemId, quantity: 1 }] };
    expect(
      await applyRemedy(ctx.db.prisma, shopify.client, SHOP, incidentId, reship, ANA, {
        decisionId: "form-3",
        now: NOW,
      }),
    ).toMatchObject({
      ok: false,
      reason: "conflict",
      error: "a replacement was already sent for this incident (gid://shopify/Order/900)",
    });
    // The models throw NotFound for an incident of another shop; the route edge answers it 404.
    await expect(
      applyRemedy(ctx.db.prisma, shopify.client, "other.myshopify.com", incidentId, reship, ANA, {
        now: NOW,
      }),
    ).rejects.toThrow(new NotFound("incident", incidentId, "other.myshopify.com"));
    expect(shopify.calls).toEqual([]);
    expect(await remedies(incidentId)).toHaveLength(1);
  });
});

describe("decisionKeyOf", () => {
  const line = (id: number, quantity: number) => ({ lineItemId: `gid://shopify/LineItem/${id}`, quantity });
  const refund = (over: Partial<Extract<RemedyDecision, { kind: "refund" }>> = {}): RemedyDecision => ({
    kind: "refund",
    lineItems: [line(1, 2)],
    shipping: false,
    fullOrder: false,
    restock: false,
    ...over,
  });

  it("is the same for the same decision, whatever order its fields came in (a double click, a retried request)", () => {
    const reordered = JSON.parse(
      `{"restock":false,"fullOrder":false,"lineItems":[{"quantity":2,"lineItemId":"gid://shopify/LineItem/1"}],"shipping":false,"kind":"refund"}`,
    ) as RemedyDecision;
    expect(decisionKeyOf("inc-1", reordered)).toBe(decisionKeyOf("inc-1", refund()));
    expect(decisionKeyOf("inc-1", refund())).toBe(
      `inc-1:{"fullOrder":false,"kind":"refund","lineItems":[{"lineItemId":"gid://shopify/LineItem/1","quantity":2}],"restock":false,"shipping":false}`,
    );
  });

  it("differs for another incident or other content", () => {
    const keys = [
      decisionKeyOf("inc-1", refund()),
      decisionKeyOf("inc-2", refund()),
      decisionKeyOf("inc-1", refund({ lineItems: [line(1, 1)] })),
      decisionKeyOf("inc-1", refund({ amount: "5.00" })),
      decisionKeyOf("inc-1", { kind: "cancel_order" }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("is the caller's id when it names the decision, whatever the content", () => {
    expect(decisionKeyOf("inc-1", refund(), "form-1")).toBe("inc-1:form-1");
    expect(decisionKeyOf("inc-1", { kind: "cancel_order" }, "form-1")).toBe("inc-1:form-1");
    expect(decisionKeyOf("inc-2", refund(), "form-1")).toBe("inc-2:form-1");
  });
});
