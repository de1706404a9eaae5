// Refunds, cancellation, metafields and inventory moves in the sandbox.
import { describe, expect, it } from "vitest";
import { DEMO_SHOP, setupSandboxOnly } from "../helpers/sandbox";
import { openOrders } from "./seed";

const ctx = setupSandboxOnly();

describe("sandbox orders: refunds, cancellation, metafields, inventory moves", () => {
  const paidSingleLineOrder = () =>
    openOrders(ctx.sandbox.store.shop(DEMO_SHOP)).find(
      (o) => o.lineItems.length === 1 && o.financialStatus === "paid",
    )!;
  const orderGid = (id: number) => `gid://shopify/Order/${id}`;
  const REFUND = `mutation Refund($input: RefundInput!, $key: String!) { refundCreate(input: $input) @idempotent(key: $key) {
    refund { id totalRefundedSet { shopMoney { amount } } refundLineItems(first: 5) { nodes { quantity restockType } } }
    order { displayFinancialStatus totalRefundedSet { shopMoney { amount } } netPaymentSet { shopMoney { amount } } }
    userErrors { field message } } }`;

  it("suggests a refund, refunds once per idempotency key, and never more than was paid", async () => {
    const order = paidSingleLineOrder();
    const line = order.lineItems[0];
    const suggestion = await ctx.graphql(
      `query($id: ID!, $lines: [RefundLineItemInput!]) { order(id: $id) {
      suggestedRefund(refundLineItems: $lines, refundShipping: true) { amountSet { shopMoney { amount } } maximumRefundableSet { shopMoney { amount } }
        suggestedTransactions { kind gateway amountSet { shopMoney { amount } } parentTransaction { id } } } } }`,
      { id: orderGid(order.id), lines: [{ lineItemId: `gid://shopify/LineItem/${line.id}`, quantity: 1 }] },
    );
    const suggested = suggestion.body.data.order.suggestedRefund;
    const expected = (Number(line.price) + 4.95).toFixed(2);
    expect(suggested.amountSet.shopMoney.amount).toBe(expected);
    expect(suggested.suggestedTransactions[0]).toMatchObject({
      kind: "SUGGESTED_REFUND",
      gateway: "shopify_payments",
    });

    const input = {
      orderId: orderGid(order.id),
      note: "Expired gift",
      refundLineItems: [
        { lineItemId: `gid://shopify/LineItem/${line.id}`, quantity: 1, restockType: "NO_RESTOCK" },
      ],
      shipping: { fullRefund: true },
      transactions: [
        {
          orderId: orderGid(order.id),
          amount: expected,
          gateway: "shopify_payments",
          kind: "REFUND",
          parentId: suggested.suggestedTransactions[0].parentTransaction.id,
        },
      ],
    };
    const first = (await ctx.graphql(REFUND, { input, key: "incident-7-refund" })).body.data.refundCreate;
    expect(first.userErrors).toEqual([]);
    expect(first.order).toMatchObject({
      displayFinancialStatus: "REFUNDED",
      totalRefundedSet: { shopMoney: { amount: expected } },
      netPaymentSet: { shopMoney: { amount: "0.00" } },
    });
    const repeat = (await ctx.graphql(REFUND, { input, key: "incident-7-refund" })).body.data.refundCreate;
    expect(repeat.refund.id).toBe(first.refund.id);
    expect(order.refunds).toHaveLength(1);

    const more = (
      await ctx.graphql(REFUND, { input: { ...input, refundLineItems: [] }, key: "incident-7-again" })
    ).body.data.refundCreate;
    expect(more.refund).toBeNull();
    expect(more.userErrors[0].message).toBe("Amount cannot be greater than the refundable amount (0.00 EUR)");
  });

  it("requires an idempotency key on refundCreate", async () => {
    const order = paidSingleLineOrder();
    const { body } = await ctx.graphql(
      `mutation($input: RefundInput!) { refundCreate(input: $input) { refund { id } userErrors { message } } }`,
      {
        input: {
          orderId: orderGid(order.id),
          transactions: [
            { orderId: orderGid(order.id), amount: "1.00", gateway: "shopify_payments", kind: "REFUND" },
          ],
        },
      },
    );
    expect(body.errors[0]).toMatchObject({
      message: "The @idempotent directive with a key is required for refundCreate.",
      extensions: { code: "BAD_REQUEST" },
    });
    expect(order.refunds).toHaveLength(0);
  });

  it("cancels with restock and refund, once", async () => {
    const shop = ctx.sandbox.store.shop(DEMO_SHOP);
    const order = openOrders(shop).filter((o) => o.financialStatus === "paid")[1];
    const variant = shop.variants.find((v) => v.id === order.lineItems[0].variantId)!;
    const level = shop.inventoryItems
      .find((i) => i.id === variant.inventoryItemId)!
      .levels.get(shop.locations[0].id)!;
    const availableBefore = level.available;
    const CANCEL = `mutation Cancel($id: ID!) { orderCancel(orderId: $id, reason: INVENTORY, refund: true, restock: true, notifyCustomer: false, staffNote: "Gift expired") {
      job { done } orderCancelUserErrors { field message code } } }`;
    const cancelled = (await ctx.graphql(CANCEL, { id: orderGid(order.id) })).body.data.orderCancel;
    expect(cancelled).toEqual({ job: { done: true }, orderCancelUserErrors: [] });
    expect(level.available).toBe(availableBefore + order.lineItems[0].quantity);
    const after = (
      await ctx.graphql(
        `query($id: ID!) { order(id: $id) { cancelReason cancelledAt displayFinancialStatus
      fulfillmentOrders(first: 1) { nodes { status } } } }`,
        { id: orderGid(order.id) },
      )
    ).body.data.order;
    expect(after).toMatchObject({
      cancelReason: "INVENTORY",
      displayFinancialStatus: "REFUNDED",
      fulfillmentOrders: { nodes: [{ status: "CANCELLED" }] },
    });
    const again = (await ctx.graphql(CANCEL, { id: orderGid(order.id) })).body.data.orderCancel;
    expect(again.orderCancelUserErrors[0].message).toBe(
      "Cannot cancel an order that has already been cancelled",
    );
  });

  it("sets order metafields, requiring a type for a new one", async () => {
    const order = ctx.sandbox.store.shop(DEMO_SHOP).orders[0];
    const SET = `mutation Set($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { namespace key value type } userErrors { field message code } } }`;
    const untyped = (
      await ctx.graphql(SET, {
        m: [{ ownerId: orderGid(order.id), namespace: "makegood", key: "incident", value: "7" }],
      })
    ).body.data.metafieldsSet;
    expect(untyped.userErrors[0]).toMatchObject({ field: ["metafields", "0", "type"], code: "BLANK" });
    const typed = (
      await ctx.graphql(SET, {
        m: [
          {
            ownerId: orderGid(order.id),
            namespace: "makegood",
            key: "incident",
            type: "single_line_text_field",
            value: "7",
          },
        ],
      })
    ).body.data.metafieldsSet;
    expect(typed).toEqual({
      metafields: [{ namespace: "makegood", key: "incident", value: "7", type: "single_line_text_field" }],
      userErrors: [],
    });
    const read = await ctx.graphql(
      `query($id: ID!) { order(id: $id) { metafield(namespace: "makegood", key: "incident") { value } } }`,
      { id: orderGid(order.id) },
    );
    expect(read.body.data.order.metafield).toEqual({ value: "7" });
  });

  it("moves expired units from available to damaged", async () => {
    const shop = ctx.sandbox.store.shop(DEMO_SHOP);
    const item = shop.inventoryItems[0];
    const location = shop.locations[0];
    const level = item.levels.get(location.id)!;
    const before = { ...level };
    const MOVE = `mutation Move($input: InventoryMoveQuantitiesInput!) { inventoryMoveQuantities(input: $input) @idempotent(key: "move-1") {
      inventoryAdjustmentGroup { reason changes { name delta } } userErrors { field message code } } }`;
    const terminal = (name: string) => ({ locationId: `gid://shopify/Location/${location.id}`, name });
    const moved = (
      await ctx.graphql(MOVE, {
        input: {
          reason: "damaged",
          referenceDocumentUri: "makegood://incident/7",
          changes: [
            {
              inventoryItemId: `gid://shopify/InventoryItem/${item.id}`,
              quantity: 2,
              from: terminal("available"),
              to: terminal("damaged"),
            },
          ],
        },
      })
    ).body.data.inventoryMoveQuantities;
    expect(moved).toEqual({
      inventoryAdjustmentGroup: {
        reason: "damaged",
        changes: [
          { name: "available", delta: -2 },
          { name: "damaged", delta: 2 },
        ],
      },
      userErrors: [],
    });
    expect(level).toMatchObject({
      available: before.available - 2,
      damaged: before.damaged + 2,
      on_hand: before.on_hand,
    });
  });
});
