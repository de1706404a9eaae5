// Discount codes in the sandbox, from creation to redemption at checkout.
import { describe, expect, it } from "vitest";
import { DEMO_SHOP, setupSandboxOnly } from "../helpers/sandbox";

const ctx = setupSandboxOnly();

describe("sandbox discount codes", () => {
  const CREATE = `mutation Create($d: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $d) {
    codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { title status usageLimit appliesOncePerCustomer
      codes(first: 1) { nodes { code } } customerGets { value { ... on DiscountPercentage { percentage } } }
      context { ... on DiscountCustomers { customers { id } } } } } }
    userErrors { field message code } } }`;
  const BY_CODE = `query($code: String!) { codeDiscountNodeByCode(code: $code) { codeDiscount { ... on DiscountCodeBasic { status asyncUsageCount } } } }`;
  const checkout = (email: string, code: string) =>
    fetch(`${ctx.sandbox.url}/sandbox/orders?shop=${DEMO_SHOP}`, {
      method: "POST",
      body: JSON.stringify({ email, lines: [{ sku: "FD-005", quantity: 2 }], discountCodes: [code] }),
    });

  it("creates a single-use code for one customer, and checkout honours its limits", async () => {
    const shop = ctx.sandbox.store.shop(DEMO_SHOP);
    const [lucia, javier] = shop.customers;
    const input = {
      title: "Sorry for the delay #1004",
      code: "SORRY-1004-XK2P",
      usageLimit: 1,
      appliesOncePerCustomer: true,
      context: { customers: { add: [`gid://shopify/Customer/${lucia.id}`] } },
      customerGets: { value: { percentage: 0.05 }, items: { all: true } },
    };
    const created = (await ctx.graphql(CREATE, { d: input })).body.data.discountCodeBasicCreate;
    expect(created.userErrors).toEqual([]);
    expect(created.codeDiscountNode.codeDiscount).toMatchObject({
      status: "ACTIVE",
      usageLimit: 1,
      appliesOncePerCustomer: true,
      codes: { nodes: [{ code: "SORRY-1004-XK2P" }] },
      customerGets: { value: { percentage: 0.05 } },
      context: { customers: [{ id: `gid://shopify/Customer/${lucia.id}` }] },
    });
    const taken = (await ctx.graphql(CREATE, { d: input })).body.data.discountCodeBasicCreate;
    expect(taken.userErrors).toEqual([
      {
        field: ["basicCodeDiscount", "code"],
        message: "Code must be unique. Please try a different code.",
        code: "TAKEN",
      },
    ]);

    const stranger = await checkout(javier.email, "SORRY-1004-XK2P");
    expect(stranger.status).toBe(409);
    expect((await stranger.json()).error).toContain("Discount code isn’t available to you right now");

    const redeemed = await checkout(lucia.email, "sorry-1004-xk2p");
    expect(redeemed.status).toBe(200);
    expect((await redeemed.json()).discount).toBe("1.24"); // 5 % of 2 × 12.40
    const after = (await ctx.graphql(BY_CODE, { code: "SORRY-1004-XK2P" })).body.data.codeDiscountNodeByCode
      .codeDiscount;
    expect(after).toEqual({ status: "EXPIRED", asyncUsageCount: 1 });
    expect((await checkout(lucia.email, "SORRY-1004-XK2P")).status).toBe(409);
  });

  it("refuses dates in the wrong order and an empty value", async () => {
    const bad = (
      await ctx.graphql(CREATE, {
        d: {
          title: "x",
          code: "BAD-DATES",
          startsAt: "2026-12-01T00:00:00Z",
          endsAt: "2026-11-01T00:00:00Z",
          customerGets: { value: { percentage: 1.5 }, items: { all: true } },
          context: { all: "ALL" },
        },
      })
    ).body.data.discountCodeBasicCreate;
    expect(bad.userErrors.map((e: { code: string }) => e.code)).toEqual([
      "END_DATE_BEFORE_START_DATE",
      "VALUE_OUTSIDE_RANGE",
    ]);
  });
});
