// Order editing in the sandbox.
import { describe, expect, it } from "vitest";
import { DEMO_SHOP, setupSandboxOnly } from "../helpers/sandbox";
import { openOrders } from "./seed";

const ctx = setupSandboxOnly();

describe("sandbox order editing", () => {
  it("swaps an expired gift for a substitute at no extra cost, and stock follows the commit", async () => {
    const { scenarios } = await import("./scenarios");
    const played = scenarios["expired-last-unit"](ctx.sandbox.store, DEMO_SHOP, {});
    const shop = ctx.sandbox.store.shop(DEMO_SHOP);
    const order = shop.orders.find((o) => `gid://shopify/Order/${o.id}` === played.order.id)!;
    const gift = order.lineItems[1];
    const substitute = shop.variants.find((v) => v.sku === "FD-006")!; // Cicalfate+, 11.75, another product of the same kind
    const level = (variantId: number) => {
      const v = shop.variants.find((x) => x.id === variantId)!;
      return shop.inventoryItems.find((i) => i.id === v.inventoryItemId)!.levels.get(shop.locations[0].id)!;
    };
    const substituteBefore = { ...level(substitute.id) };
    const totalBefore = (
      await ctx.graphql(
        `query($id: ID!) { order(id: $id) { currentTotalPriceSet { shopMoney { amount } } } }`,
        { id: played.order.id },
      )
    ).body.data.order.currentTotalPriceSet.shopMoney.amount;

    const begin = (
      await ctx.graphql(
        `mutation($id: ID!) { orderEditBegin(id: $id) { calculatedOrder { id lineItems(first: 5) { nodes { id sku quantity editableQuantity } } } userErrors { message } } }`,
        { id: played.order.id },
      )
    ).body.data.orderEditBegin;
    const calculatedId = begin.calculatedOrder.id;
    const giftLine = begin.calculatedOrder.lineItems.nodes.find((l: { sku: string }) => l.sku === gift.sku);
    expect(giftLine).toMatchObject({
      id: `gid://shopify/CalculatedLineItem/${gift.id}`,
      quantity: 1,
      editableQuantity: 1,
    });

    const added = (
      await ctx.graphql(
        `mutation($id: ID!, $v: ID!) { orderEditAddVariant(id: $id, variantId: $v, quantity: 1) { calculatedLineItem { id originalUnitPriceSet { shopMoney { amount } } } userErrors { message } } }`,
        { id: calculatedId, v: `gid://shopify/ProductVariant/${substitute.id}` },
      )
    ).body.data.orderEditAddVariant;
    expect(added.calculatedLineItem.originalUnitPriceSet.shopMoney.amount).toBe("11.75");
    const removed = (
      await ctx.graphql(
        `mutation($id: ID!, $l: ID!) { orderEditSetQuantity(id: $id, lineItemId: $l, quantity: 0, restock: false) { calculatedLineItem { quantity } userErrors { message } } }`,
        { id: calculatedId, l: giftLine.id },
      )
    ).body.data.orderEditSetQuantity;
    expect(removed).toEqual({ calculatedLineItem: { quantity: 0 }, userErrors: [] });
    const discounted = (
      await ctx.graphql(
        `mutation($id: ID!, $l: ID!) { orderEditAddLineItemDiscount(id: $id, lineItemId: $l, discount: { fixedValue: { amount: "11.75", currencyCode: EUR }, description: "Substitute for the expired gift" }) {
      calculatedOrder { totalPriceSet { shopMoney { amount } } totalOutstandingSet { shopMoney { amount } } } userErrors { message } } }`,
        { id: calculatedId, l: added.calculatedLineItem.id },
      )
    ).body.data.orderEditAddLineItemDiscount;
    expect(discounted.userErrors).toEqual([]);
    expect(discounted.calculatedOrder).toEqual({
      totalPriceSet: { shopMoney: { amount: totalBefore } },
      totalOutstandingSet: { shopMoney: { amount: "0.00" } },
    });

    const committed = (
      await ctx.graphql(
        `mutation($id: ID!) { orderEditCommit(id: $id, notifyCustomer: false, staffNote: "Incident: expired gift") {
      order { currentTotalPriceSet { shopMoney { amount } } lineItems(first: 5) { nodes { sku currentQuantity discountedUnitPriceSet { shopMoney { amount } } } } } userErrors { message } } }`,
        { id: calculatedId },
      )
    ).body.data.orderEditCommit;
    expect(committed.userErrors).toEqual([]);
    expect(committed.order.currentTotalPriceSet.shopMoney.amount).toBe(totalBefore);
    expect(committed.order.lineItems.nodes).toEqual([
      { sku: "FD-012", currentQuantity: 1, discountedUnitPriceSet: { shopMoney: { amount: "31.90" } } },
      { sku: "FD-004", currentQuantity: 0, discountedUnitPriceSet: { shopMoney: { amount: "0.00" } } },
      { sku: "FD-006", currentQuantity: 1, discountedUnitPriceSet: { shopMoney: { amount: "0.00" } } },
    ]);
    expect(level(substitute.id)).toMatchObject({
      available: substituteBefore.available - 1,
      committed: substituteBefore.committed + 1,
    });
    expect(level(gift.variantId!)).toMatchObject({ committed: 0, damaged: 1 });

    const again = (
      await ctx.graphql(`mutation($id: ID!) { orderEditCommit(id: $id) { userErrors { message } } }`, {
        id: calculatedId,
      })
    ).body.data.orderEditCommit;
    expect(again.userErrors[0].message).toBe("The calculated order has already been committed.");
  });

  it("refuses to take fulfilled units off an order", async () => {
    const { createFulfillment } = await import("./store-fulfillment");
    const shop = ctx.sandbox.store.shop(DEMO_SHOP);
    const order = openOrders(shop)[2];
    createFulfillment(
      ctx.sandbox.store,
      DEMO_SHOP,
      shop.fulfillmentOrders.find((f) => f.orderId === order.id)!.id,
    );
    const begin = (
      await ctx.graphql(
        `mutation($id: ID!) { orderEditBegin(id: $id) { calculatedOrder { id lineItems(first: 5) { nodes { id editableQuantity } } } } }`,
        { id: `gid://shopify/Order/${order.id}` },
      )
    ).body.data.orderEditBegin;
    const line = begin.calculatedOrder.lineItems.nodes[0];
    expect(line.editableQuantity).toBe(0);
    const set = (
      await ctx.graphql(
        `mutation($id: ID!, $l: ID!) { orderEditSetQuantity(id: $id, lineItemId: $l, quantity: 0) { userErrors { field message } } }`,
        { id: begin.calculatedOrder.id, l: line.id },
      )
    ).body.data.orderEditSetQuantity;
    expect(set.userErrors[0].field).toEqual(["quantity"]);
  });
});
