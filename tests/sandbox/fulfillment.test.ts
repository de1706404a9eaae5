// Fulfillment in the sandbox: holds, shipments, carrier events.
import { describe, expect, it } from "vitest";
import { DEMO_SHOP, setupSandboxOnly } from "../helpers/sandbox";
import { openOrders } from "./seed";

const ctx = setupSandboxOnly();

describe("sandbox fulfillment", () => {
  const FO_QUERY = `query($id: ID!) { order(id: $id) { displayFulfillmentStatus
    fulfillmentOrders(first: 5) { nodes { id status fulfillBy fulfillmentHolds { reason reasonNotes handle }
      lineItems(first: 5) { nodes { sku remainingQuantity totalQuantity } } } }
    fulfillments(first: 5) { name status displayStatus estimatedDeliveryAt trackingInfo { company number }
      events(first: 5) { nodes { status message } } } } }`;

  it("holds, refuses to ship while held, releases, ships with tracking and reports carrier events", async () => {
    const shop = ctx.sandbox.store.shop(DEMO_SHOP);
    const order = openOrders(shop)[0];
    const orderId = `gid://shopify/Order/${order.id}`;
    const before = (await ctx.graphql(FO_QUERY, { id: orderId })).body.data.order;
    expect(before.displayFulfillmentStatus).toBe("UNFULFILLED");
    const fo = before.fulfillmentOrders.nodes[0];
    expect(fo.status).toBe("OPEN");

    const HOLD = `mutation Hold($id: ID!, $hold: FulfillmentOrderHoldInput!) { fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
      fulfillmentHold { id reason displayReason } fulfillmentOrder { status } userErrors { field message code } } }`;
    const hold = {
      reason: "INVENTORY_OUT_OF_STOCK",
      reasonNotes: "Last unit expired",
      handle: "makegood-incident-1",
    };
    const held = (await ctx.graphql(HOLD, { id: fo.id, hold })).body.data.fulfillmentOrderHold;
    expect(held).toMatchObject({
      fulfillmentHold: { reason: "INVENTORY_OUT_OF_STOCK", displayReason: "Inventory out of stock" },
      fulfillmentOrder: { status: "ON_HOLD" },
      userErrors: [],
    });
    const again = (await ctx.graphql(HOLD, { id: fo.id, hold })).body.data.fulfillmentOrderHold;
    expect(again.userErrors[0].code).toBe("DUPLICATE_FULFILLMENT_HOLD_HANDLE");

    const SHIP = `mutation Ship($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { name status } userErrors { field message } } }`;
    const ship = {
      lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }],
      trackingInfo: { company: "Correos Express", number: "CX123" },
    };
    expect((await ctx.graphql(SHIP, { f: ship })).body.data.fulfillmentCreate.userErrors[0].message).toBe(
      "The fulfillment order is on hold.",
    );

    const RELEASE = `mutation Release($id: ID!) { fulfillmentOrderReleaseHold(id: $id) { fulfillmentOrder { status fulfillmentHolds { id } } userErrors { message } } }`;
    expect((await ctx.graphql(RELEASE, { id: fo.id })).body.data.fulfillmentOrderReleaseHold).toEqual({
      fulfillmentOrder: { status: "OPEN", fulfillmentHolds: [] },
      userErrors: [],
    });

    const variant = shop.variants.find((v) => v.id === order.lineItems[0].variantId)!;
    const level = shop.inventoryItems
      .find((i) => i.id === variant.inventoryItemId)!
      .levels.get(shop.locations[0].id)!;
    const committedBefore = level.committed;
    const shipped = (await ctx.graphql(SHIP, { f: ship })).body.data.fulfillmentCreate;
    expect(shipped).toEqual({ fulfillment: { name: `${order.name}.1`, status: "SUCCESS" }, userErrors: [] });
    expect(level.committed).toBe(committedBefore - order.lineItems[0].quantity);
    expect(level.on_hand).toBe(level.available + level.committed);

    const { addFulfillmentEvent } = await import("./store-fulfillment");
    const eta = new Date(Date.now() + 2 * 86_400_000);
    const parcel = shop.fulfillments.find((f) => f.orderId === order.id)!;
    addFulfillmentEvent(ctx.sandbox.store, DEMO_SHOP, parcel.id, {
      status: "IN_TRANSIT",
      message: "Admitido",
      estimatedDeliveryAt: eta,
    });
    const after = (await ctx.graphql(FO_QUERY, { id: orderId })).body.data.order;
    expect(after.displayFulfillmentStatus).toBe("FULFILLED");
    expect(after.fulfillmentOrders.nodes[0].status).toBe("CLOSED");
    expect(
      after.fulfillmentOrders.nodes[0].lineItems.nodes.map(
        (l: { remainingQuantity: number }) => l.remainingQuantity,
      ),
    ).toEqual(order.lineItems.map(() => 0));
    expect(after.fulfillments[0]).toEqual({
      name: `${order.name}.1`,
      status: "SUCCESS",
      displayStatus: "IN_TRANSIT",
      estimatedDeliveryAt: eta.toISOString(),
      trackingInfo: [{ company: "Correos Express", number: "CX123" }],
      events: { nodes: [{ status: "IN_TRANSIT", message: "Admitido" }] },
    });
  });
});
