// The sandbox answers as Shopify does, over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { API_VERSION } from "../../app/shopify/api-version";
import { DEMO_SHOP, startSandbox } from "../helpers/sandbox";
import { TEST_API_KEY, TEST_SECRET } from "../helpers/app-server";
import { SandboxAuth } from "./auth";
import { openOrders, seedDemoShop } from "./seed";
import { SHOP_HEADER, type Sandbox } from "./server";

let sandbox: Sandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox("http://127.0.0.1:9"); // no app: webhooks are not under test here
  sandbox.webhooks.resetOptions({ maxAttempts: 1 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await sandbox.reset();
  seedDemoShop(sandbox.store);
  token = sandbox.auth.issueOfflineToken(DEMO_SHOP);
});

async function graphql(query: string, variables?: Record<string, unknown>, accessToken: string | null = token) {
  const res = await fetch(`${sandbox.url}/admin/api/${API_VERSION}/graphql.json`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      [SHOP_HEADER]: DEMO_SHOP,
      ...(accessToken ? { "X-Shopify-Access-Token": accessToken } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json() };
}

describe("sandbox Admin GraphQL", () => {
  it("answers 401 without a valid access token", async () => {
    expect((await graphql("{ shop { name } }", undefined, null)).status).toBe(401);
    const wrong = await graphql("{ shop { name } }", undefined, "shpat_not_issued");
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors).toContain("Invalid API key or access token");
  });

  it("serves the seeded shop with the calculated cost", async () => {
    const { status, body } = await graphql("query { shop { name currencyCode ianaTimezone } }");
    expect(status).toBe(200);
    expect(body.data.shop).toEqual({ name: "Farmacia Demo", currencyCode: "EUR", ianaTimezone: "Europe/Madrid" });
    expect(body.extensions.cost).toMatchObject({
      requestedQueryCost: 1, actualQueryCost: 1,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1999, restoreRate: 100 },
    });
  });

  it("fails a query that does not validate as Shopify does: HTTP 200 with errors", async () => {
    const { status, body } = await graphql("{ shop { nmae } }");
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: "Field 'nmae' doesn't exist on type 'Shop'",
        locations: [{ line: 1, column: 10 }],
        extensions: { code: "undefinedField", typeName: "Shop", fieldName: "nmae" },
      },
    ]);
    const missing = await graphql("{ order { id } }");
    expect(missing.body.errors[0]).toMatchObject({
      message: "Field 'order' is missing required arguments: id",
      extensions: { code: "missingRequiredArguments" },
    });
  });

  it("names the field it does not implement instead of answering null", async () => {
    const { body } = await graphql("{ shop { name billingAddress { city } } }");
    expect(body.errors).toEqual([
      expect.objectContaining({ message: "not implemented in sandbox: Shop.billingAddress", path: ["shop", "billingAddress"] }),
    ]);
  });

  it("reads orders with their stock, and pages with cursors", async () => {
    const page = await graphql(`query { orders(first: 2, sortKey: CREATED_AT) { nodes { name displayFinancialStatus
      lineItems(first: 5) { nodes { sku quantity variant { inventoryItem { inventoryLevels(first: 1) { nodes {
        quantities(names: ["available", "committed", "on_hand"]) { name quantity } } } } } } } }
      pageInfo { hasNextPage endCursor } } }`);
    expect(page.body.errors).toBeUndefined();
    const orders = page.body.data.orders;
    expect(orders.nodes.map((o: { name: string }) => o.name)).toEqual(["#1001", "#1002"]);
    expect(orders.pageInfo.hasNextPage).toBe(true);
    const quantities = orders.nodes[0].lineItems.nodes[0].variant.inventoryItem.inventoryLevels.nodes[0].quantities;
    const byName = Object.fromEntries(quantities.map((q: { name: string; quantity: number }) => [q.name, q.quantity]));
    expect(byName.on_hand).toBe(byName.available + byName.committed);
    const next = await graphql("query($after: String) { orders(first: 2, after: $after, sortKey: CREATED_AT) { nodes { name } } }", {
      after: orders.pageInfo.endCursor,
    });
    expect(next.body.data.orders.nodes.map((o: { name: string }) => o.name)).toEqual(["#1003", "#1004"]);
  });

  it("adjusts inventory, refusing an unknown quantity name with Shopify's userErrors", async () => {
    const shop = sandbox.store.shop(DEMO_SHOP);
    const item = `gid://shopify/InventoryItem/${shop.inventoryItems[3].id}`;
    const location = `gid://shopify/Location/${shop.locations[0].id}`;
    const adjust = (name: string) =>
      graphql(`mutation Adjust($input: InventoryAdjustQuantitiesInput!, $key: String!) { inventoryAdjustQuantities(input: $input) @idempotent(key: $key) {
        inventoryAdjustmentGroup { reason changes { name delta } } userErrors { field message code } } }`, {
        input: { reason: "damaged", name, changes: [{ delta: 1, inventoryItemId: item, locationId: location }] },
        key: `adjust-${name}`,
      });
    const bad = await adjust("expired");
    expect(bad.body.data.inventoryAdjustQuantities.userErrors[0]).toMatchObject({ field: ["input", "name"], code: "INVALID_QUANTITY_NAME" });
    const ok = await adjust("damaged");
    expect(ok.body.data.inventoryAdjustQuantities).toEqual({
      inventoryAdjustmentGroup: { reason: "damaged", changes: [{ name: "damaged", delta: 1 }] },
      userErrors: [],
    });
    expect(shop.inventoryItems[3].levels.get(shop.locations[0].id)!.damaged).toBe(1);
  });

  it("throttles when the bucket cannot pay for the query", async () => {
    sandbox.bucketFor(DEMO_SHOP).drain();
    const { status, body } = await graphql("{ shop { name } }");
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      { message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } },
    ]);
    expect(body.extensions.cost.actualQueryCost).toBeNull();
    expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThan(1);
  });

  it("refuses a query above the single-query maximum", async () => {
    const { body } = await graphql("{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { sku } } } } }");
    expect(body.errors[0].extensions.code).toBe("MAX_COST_EXCEEDED");
  });
});

describe("sandbox OAuth", () => {
  const exchange = async (body: Record<string, string>) => {
    const res = await fetch(`${sandbox.url}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json", [SHOP_HEADER]: DEMO_SHOP },
      body: JSON.stringify({ client_id: TEST_API_KEY, client_secret: TEST_SECRET, ...body }),
    });
    return { status: res.status, body: await res.json() };
  };
  const tokenExchange = async (subject: string) =>
    exchange({
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: subject,
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      expiring: "1",
    });

  it("exchanges a session token for an expiring offline token and refreshes it", async () => {
    const first = await tokenExchange(await sandbox.auth.sessionToken(DEMO_SHOP));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ expires_in: 3600, refresh_token: expect.stringMatching(/^shprt_/) });
    expect((await graphql("{ shop { name } }", undefined, first.body.access_token)).status).toBe(200);

    const refreshed = await exchange({ grant_type: "refresh_token", refresh_token: first.body.refresh_token });
    expect(refreshed.status).toBe(200);
    expect((await graphql("{ shop { name } }", undefined, first.body.access_token)).status).toBe(401);
    expect((await graphql("{ shop { name } }", undefined, refreshed.body.access_token)).status).toBe(200);
    const reused = await exchange({ grant_type: "refresh_token", refresh_token: first.body.refresh_token });
    expect(reused).toEqual({ status: 400, body: expect.objectContaining({ error: "invalid_grant" }) });
  });

  it("refuses a forged session token and wrong client credentials", async () => {
    const otherSigner = new SandboxAuth({ ...sandbox.auth.app, secret: "not-the-app-secret" });
    const forged = await tokenExchange(await otherSigner.sessionToken(DEMO_SHOP));
    expect(forged).toEqual({ status: 400, body: expect.objectContaining({ error: "invalid_subject_token" }) });
    const wrongSecret = await exchange({ client_secret: "nope", grant_type: "refresh_token", refresh_token: "x" });
    expect(wrongSecret.status).toBe(401);
  });
});

describe("sandbox fulfillment", () => {
  const FO_QUERY = `query($id: ID!) { order(id: $id) { displayFulfillmentStatus
    fulfillmentOrders(first: 5) { nodes { id status fulfillBy fulfillmentHolds { reason reasonNotes handle }
      lineItems(first: 5) { nodes { sku remainingQuantity totalQuantity } } } }
    fulfillments(first: 5) { name status displayStatus estimatedDeliveryAt trackingInfo { company number }
      events(first: 5) { nodes { status message } } } } }`;

  it("holds, refuses to ship while held, releases, ships with tracking and reports carrier events", async () => {
    const shop = sandbox.store.shop(DEMO_SHOP);
    const order = openOrders(shop)[0];
    const orderId = `gid://shopify/Order/${order.id}`;
    const before = (await graphql(FO_QUERY, { id: orderId })).body.data.order;
    expect(before.displayFulfillmentStatus).toBe("UNFULFILLED");
    const fo = before.fulfillmentOrders.nodes[0];
    expect(fo.status).toBe("OPEN");

    const HOLD = `mutation Hold($id: ID!, $hold: FulfillmentOrderHoldInput!) { fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
      fulfillmentHold { id reason displayReason } fulfillmentOrder { status } userErrors { field message code } } }`;
    const hold = { reason: "INVENTORY_OUT_OF_STOCK", reasonNotes: "Last unit expired", handle: "makegood-incident-1" };
    const held = (await graphql(HOLD, { id: fo.id, hold })).body.data.fulfillmentOrderHold;
    expect(held).toMatchObject({ fulfillmentHold: { reason: "INVENTORY_OUT_OF_STOCK", displayReason: "Inventory out of stock" }, fulfillmentOrder: { status: "ON_HOLD" }, userErrors: [] });
    const again = (await graphql(HOLD, { id: fo.id, hold })).body.data.fulfillmentOrderHold;
    expect(again.userErrors[0].code).toBe("DUPLICATE_FULFILLMENT_HOLD_HANDLE");

    const SHIP = `mutation Ship($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { name status } userErrors { field message } } }`;
    const ship = { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }], trackingInfo: { company: "Correos Express", number: "CX123" } };
    expect((await graphql(SHIP, { f: ship })).body.data.fulfillmentCreate.userErrors[0].message).toBe("The fulfillment order is on hold.");

    const RELEASE = `mutation Release($id: ID!) { fulfillmentOrderReleaseHold(id: $id) { fulfillmentOrder { status fulfillmentHolds { id } } userErrors { message } } }`;
    expect((await graphql(RELEASE, { id: fo.id })).body.data.fulfillmentOrderReleaseHold).toEqual({ fulfillmentOrder: { status: "OPEN", fulfillmentHolds: [] }, userErrors: [] });

    const variant = shop.variants.find((v) => v.id === order.lineItems[0].variantId)!;
    const level = shop.inventoryItems.find((i) => i.id === variant.inventoryItemId)!.levels.get(shop.locations[0].id)!;
    const committedBefore = level.committed;
    const shipped = (await graphql(SHIP, { f: ship })).body.data.fulfillmentCreate;
    expect(shipped).toEqual({ fulfillment: { name: `${order.name}.1`, status: "SUCCESS" }, userErrors: [] });
    expect(level.committed).toBe(committedBefore - order.lineItems[0].quantity);
    expect(level.on_hand).toBe(level.available + level.committed);

    const { addFulfillmentEvent } = await import("./store-fulfillment");
    const eta = new Date(Date.now() + 2 * 86_400_000);
    const parcel = shop.fulfillments.find((f) => f.orderId === order.id)!;
    addFulfillmentEvent(sandbox.store, DEMO_SHOP, parcel.id, { status: "IN_TRANSIT", message: "Admitido", estimatedDeliveryAt: eta });
    const after = (await graphql(FO_QUERY, { id: orderId })).body.data.order;
    expect(after.displayFulfillmentStatus).toBe("FULFILLED");
    expect(after.fulfillmentOrders.nodes[0].status).toBe("CLOSED");
    expect(after.fulfillmentOrders.nodes[0].lineItems.nodes.map((l: { remainingQuantity: number }) => l.remainingQuantity)).toEqual(
      order.lineItems.map(() => 0),
    );
    expect(after.fulfillments[0]).toEqual({
      name: `${order.name}.1`, status: "SUCCESS", displayStatus: "IN_TRANSIT", estimatedDeliveryAt: eta.toISOString(),
      trackingInfo: [{ company: "Correos Express", number: "CX123" }], events: { nodes: [{ status: "IN_TRANSIT", message: "Admitido" }] },
    });
  });
});

describe("sandbox orders: refunds, cancellation, metafields, inventory moves", () => {
  const paidSingleLineOrder = () =>
    openOrders(sandbox.store.shop(DEMO_SHOP)).find((o) => o.lineItems.length === 1 && o.financialStatus === "paid")!;
  const orderGid = (id: number) => `gid://shopify/Order/${id}`;
  const REFUND = `mutation Refund($input: RefundInput!, $key: String!) { refundCreate(input: $input) @idempotent(key: $key) {
    refund { id totalRefundedSet { shopMoney { amount } } refundLineItems(first: 5) { nodes { quantity restockType } } }
    order { displayFinancialStatus totalRefundedSet { shopMoney { amount } } netPaymentSet { shopMoney { amount } } }
    userErrors { field message } } }`;

  it("suggests a refund, refunds once per idempotency key, and never more than was paid", async () => {
    const order = paidSingleLineOrder();
    const line = order.lineItems[0];
    const suggestion = await graphql(`query($id: ID!, $lines: [RefundLineItemInput!]) { order(id: $id) {
      suggestedRefund(refundLineItems: $lines, refundShipping: true) { amountSet { shopMoney { amount } } maximumRefundableSet { shopMoney { amount } }
        suggestedTransactions { kind gateway amountSet { shopMoney { amount } } parentTransaction { id } } } } }`,
      { id: orderGid(order.id), lines: [{ lineItemId: `gid://shopify/LineItem/${line.id}`, quantity: 1 }] });
    const suggested = suggestion.body.data.order.suggestedRefund;
    const expected = (Number(line.price) + 4.95).toFixed(2);
    expect(suggested.amountSet.shopMoney.amount).toBe(expected);
    expect(suggested.suggestedTransactions[0]).toMatchObject({ kind: "SUGGESTED_REFUND", gateway: "shopify_payments" });

    const input = {
      orderId: orderGid(order.id), note: "Expired gift",
      refundLineItems: [{ lineItemId: `gid://shopify/LineItem/${line.id}`, quantity: 1, restockType: "NO_RESTOCK" }],
      shipping: { fullRefund: true },
      transactions: [{ orderId: orderGid(order.id), amount: expected, gateway: "shopify_payments", kind: "REFUND", parentId: suggested.suggestedTransactions[0].parentTransaction.id }],
    };
    const first = (await graphql(REFUND, { input, key: "incident-7-refund" })).body.data.refundCreate;
    expect(first.userErrors).toEqual([]);
    expect(first.order).toMatchObject({ displayFinancialStatus: "REFUNDED", totalRefundedSet: { shopMoney: { amount: expected } }, netPaymentSet: { shopMoney: { amount: "0.00" } } });
    const repeat = (await graphql(REFUND, { input, key: "incident-7-refund" })).body.data.refundCreate;
    expect(repeat.refund.id).toBe(first.refund.id);
    expect(order.refunds).toHaveLength(1);

    const more = (await graphql(REFUND, { input: { ...input, refundLineItems: [] }, key: "incident-7-again" })).body.data.refundCreate;
    expect(more.refund).toBeNull();
    expect(more.userErrors[0].message).toBe("Amount cannot be greater than the refundable amount (0.00 EUR)");
  });

  it("requires an idempotency key on refundCreate", async () => {
    const order = paidSingleLineOrder();
    const { body } = await graphql(`mutation($input: RefundInput!) { refundCreate(input: $input) { refund { id } userErrors { message } } }`, {
      input: { orderId: orderGid(order.id), transactions: [{ orderId: orderGid(order.id), amount: "1.00", gateway: "shopify_payments", kind: "REFUND" }] },
    });
    expect(body.errors[0]).toMatchObject({ message: "The @idempotent directive with a key is required for refundCreate.", extensions: { code: "BAD_REQUEST" } });
    expect(order.refunds).toHaveLength(0);
  });

  it("cancels with restock and refund, once", async () => {
    const shop = sandbox.store.shop(DEMO_SHOP);
    const order = openOrders(shop).filter((o) => o.financialStatus === "paid")[1];
    const variant = shop.variants.find((v) => v.id === order.lineItems[0].variantId)!;
    const level = shop.inventoryItems.find((i) => i.id === variant.inventoryItemId)!.levels.get(shop.locations[0].id)!;
    const availableBefore = level.available;
    const CANCEL = `mutation Cancel($id: ID!) { orderCancel(orderId: $id, reason: INVENTORY, refund: true, restock: true, notifyCustomer: false, staffNote: "Gift expired") {
      job { done } orderCancelUserErrors { field message code } } }`;
    const cancelled = (await graphql(CANCEL, { id: orderGid(order.id) })).body.data.orderCancel;
    expect(cancelled).toEqual({ job: { done: true }, orderCancelUserErrors: [] });
    expect(level.available).toBe(availableBefore + order.lineItems[0].quantity);
    const after = (await graphql(`query($id: ID!) { order(id: $id) { cancelReason cancelledAt displayFinancialStatus
      fulfillmentOrders(first: 1) { nodes { status } } } }`, { id: orderGid(order.id) })).body.data.order;
    expect(after).toMatchObject({ cancelReason: "INVENTORY", displayFinancialStatus: "REFUNDED", fulfillmentOrders: { nodes: [{ status: "CANCELLED" }] } });
    const again = (await graphql(CANCEL, { id: orderGid(order.id) })).body.data.orderCancel;
    expect(again.orderCancelUserErrors[0].message).toBe("Cannot cancel an order that has already been cancelled");
  });

  it("sets order metafields, requiring a type for a new one", async () => {
    const order = sandbox.store.shop(DEMO_SHOP).orders[0];
    const SET = `mutation Set($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { namespace key value type } userErrors { field message code } } }`;
    const untyped = (await graphql(SET, { m: [{ ownerId: orderGid(order.id), namespace: "makegood", key: "incident", value: "7" }] })).body.data.metafieldsSet;
    expect(untyped.userErrors[0]).toMatchObject({ field: ["metafields", "0", "type"], code: "BLANK" });
    const typed = (await graphql(SET, { m: [{ ownerId: orderGid(order.id), namespace: "makegood", key: "incident", type: "single_line_text_field", value: "7" }] })).body.data.metafieldsSet;
    expect(typed).toEqual({ metafields: [{ namespace: "makegood", key: "incident", value: "7", type: "single_line_text_field" }], userErrors: [] });
    const read = await graphql(`query($id: ID!) { order(id: $id) { metafield(namespace: "makegood", key: "incident") { value } } }`, { id: orderGid(order.id) });
    expect(read.body.data.order.metafield).toEqual({ value: "7" });
  });

  it("moves expired units from available to damaged", async () => {
    const shop = sandbox.store.shop(DEMO_SHOP);
    const item = shop.inventoryItems[0];
    const location = shop.locations[0];
    const level = item.levels.get(location.id)!;
    const before = { ...level };
    const MOVE = `mutation Move($input: InventoryMoveQuantitiesInput!) { inventoryMoveQuantities(input: $input) @idempotent(key: "move-1") {
      inventoryAdjustmentGroup { reason changes { name delta } } userErrors { field message code } } }`;
    const terminal = (name: string) => ({ locationId: `gid://shopify/Location/${location.id}`, name });
    const moved = (await graphql(MOVE, { input: {
      reason: "damaged", referenceDocumentUri: "makegood://incident/7",
      changes: [{ inventoryItemId: `gid://shopify/InventoryItem/${item.id}`, quantity: 2, from: terminal("available"), to: terminal("damaged") }],
    } })).body.data.inventoryMoveQuantities;
    expect(moved).toEqual({ inventoryAdjustmentGroup: { reason: "damaged", changes: [{ name: "available", delta: -2 }, { name: "damaged", delta: 2 }] }, userErrors: [] });
    expect(level).toMatchObject({ available: before.available - 2, damaged: before.damaged + 2, on_hand: before.on_hand });
  });
});

describe("sandbox discount codes", () => {
  const CREATE = `mutation Create($d: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $d) {
    codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { title status usageLimit appliesOncePerCustomer
      codes(first: 1) { nodes { code } } customerGets { value { ... on DiscountPercentage { percentage } } }
      context { ... on DiscountCustomers { customers { id } } } } } }
    userErrors { field message code } } }`;
  const BY_CODE = `query($code: String!) { codeDiscountNodeByCode(code: $code) { codeDiscount { ... on DiscountCodeBasic { status asyncUsageCount } } } }`;
  const checkout = (email: string, code: string) =>
    fetch(`${sandbox.url}/sandbox/orders?shop=${DEMO_SHOP}`, {
      method: "POST",
      body: JSON.stringify({ email, lines: [{ sku: "FD-005", quantity: 2 }], discountCodes: [code] }),
    });

  it("creates a single-use code for one customer, and checkout honours its limits", async () => {
    const shop = sandbox.store.shop(DEMO_SHOP);
    const [lucia, javier] = shop.customers;
    const input = {
      title: "Sorry for the delay #1004", code: "SORRY-1004-XK2P", usageLimit: 1, appliesOncePerCustomer: true,
      context: { customers: { add: [`gid://shopify/Customer/${lucia.id}`] } },
      customerGets: { value: { percentage: 0.05 }, items: { all: true } },
    };
    const created = (await graphql(CREATE, { d: input })).body.data.discountCodeBasicCreate;
    expect(created.userErrors).toEqual([]);
    expect(created.codeDiscountNode.codeDiscount).toMatchObject({
      status: "ACTIVE", usageLimit: 1, appliesOncePerCustomer: true, codes: { nodes: [{ code: "SORRY-1004-XK2P" }] },
      customerGets: { value: { percentage: 0.05 } }, context: { customers: [{ id: `gid://shopify/Customer/${lucia.id}` }] },
    });
    const taken = (await graphql(CREATE, { d: input })).body.data.discountCodeBasicCreate;
    expect(taken.userErrors).toEqual([{ field: ["basicCodeDiscount", "code"], message: "Code must be unique. Please try a different code.", code: "TAKEN" }]);

    const stranger = await checkout(javier.email, "SORRY-1004-XK2P");
    expect(stranger.status).toBe(409);
    expect((await stranger.json()).error).toContain("isn't available to you");

    const redeemed = await checkout(lucia.email, "sorry-1004-xk2p");
    expect(redeemed.status).toBe(200);
    expect((await redeemed.json()).discount).toBe("1.24"); // 5 % of 2 × 12.40
    const after = (await graphql(BY_CODE, { code: "SORRY-1004-XK2P" })).body.data.codeDiscountNodeByCode.codeDiscount;
    expect(after).toEqual({ status: "EXPIRED", asyncUsageCount: 1 });
    expect((await checkout(lucia.email, "SORRY-1004-XK2P")).status).toBe(409);
  });

  it("refuses dates in the wrong order and an empty value", async () => {
    const bad = (await graphql(CREATE, { d: {
      title: "x", code: "BAD-DATES", startsAt: "2026-12-01T00:00:00Z", endsAt: "2026-11-01T00:00:00Z",
      customerGets: { value: { percentage: 1.5 }, items: { all: true } }, context: { all: "ALL" },
    } })).body.data.discountCodeBasicCreate;
    expect(bad.userErrors.map((e: { code: string }) => e.code)).toEqual(["END_DATE_BEFORE_START_DATE", "VALUE_OUTSIDE_RANGE"]);
  });
});

describe("sandbox order editing", () => {
  it("swaps an expired gift for a substitute at no extra cost, and stock follows the commit", async () => {
    const { scenarios } = await import("./scenarios");
    const played = scenarios["expired-last-unit"](sandbox.store, DEMO_SHOP, {});
    const shop = sandbox.store.shop(DEMO_SHOP);
    const order = shop.orders.find((o) => `gid://shopify/Order/${o.id}` === played.order.id)!;
    const gift = order.lineItems[1];
    const substitute = shop.variants.find((v) => v.sku === "FD-006")!; // Cicalfate+, 11.75, another product of the same kind
    const level = (variantId: number) => {
      const v = shop.variants.find((x) => x.id === variantId)!;
      return shop.inventoryItems.find((i) => i.id === v.inventoryItemId)!.levels.get(shop.locations[0].id)!;
    };
    const substituteBefore = { ...level(substitute.id) };
    const totalBefore = (await graphql(`query($id: ID!) { order(id: $id) { currentTotalPriceSet { shopMoney { amount } } } }`, { id: played.order.id })).body.data.order.currentTotalPriceSet.shopMoney.amount;

    const begin = (await graphql(`mutation($id: ID!) { orderEditBegin(id: $id) { calculatedOrder { id lineItems(first: 5) { nodes { id sku quantity editableQuantity } } } userErrors { message } } }`, { id: played.order.id })).body.data.orderEditBegin;
    const calculatedId = begin.calculatedOrder.id;
    const giftLine = begin.calculatedOrder.lineItems.nodes.find((l: { sku: string }) => l.sku === gift.sku);
    expect(giftLine).toMatchObject({ id: `gid://shopify/CalculatedLineItem/${gift.id}`, quantity: 1, editableQuantity: 1 });

    const added = (await graphql(`mutation($id: ID!, $v: ID!) { orderEditAddVariant(id: $id, variantId: $v, quantity: 1) { calculatedLineItem { id originalUnitPriceSet { shopMoney { amount } } } userErrors { message } } }`,
      { id: calculatedId, v: `gid://shopify/ProductVariant/${substitute.id}` })).body.data.orderEditAddVariant;
    expect(added.calculatedLineItem.originalUnitPriceSet.shopMoney.amount).toBe("11.75");
    const removed = (await graphql(`mutation($id: ID!, $l: ID!) { orderEditSetQuantity(id: $id, lineItemId: $l, quantity: 0, restock: false) { calculatedLineItem { quantity } userErrors { message } } }`,
      { id: calculatedId, l: giftLine.id })).body.data.orderEditSetQuantity;
    expect(removed).toEqual({ calculatedLineItem: { quantity: 0 }, userErrors: [] });
    const discounted = (await graphql(`mutation($id: ID!, $l: ID!) { orderEditAddLineItemDiscount(id: $id, lineItemId: $l, discount: { fixedValue: { amount: "11.75", currencyCode: EUR }, description: "Substitute for the expired gift" }) {
      calculatedOrder { totalPriceSet { shopMoney { amount } } totalOutstandingSet { shopMoney { amount } } } userErrors { message } } }`,
      { id: calculatedId, l: added.calculatedLineItem.id })).body.data.orderEditAddLineItemDiscount;
    expect(discounted.userErrors).toEqual([]);
    expect(discounted.calculatedOrder).toEqual({ totalPriceSet: { shopMoney: { amount: totalBefore } }, totalOutstandingSet: { shopMoney: { amount: "0.00" } } });

    const committed = (await graphql(`mutation($id: ID!) { orderEditCommit(id: $id, notifyCustomer: false, staffNote: "Incident: expired gift") {
      order { currentTotalPriceSet { shopMoney { amount } } lineItems(first: 5) { nodes { sku currentQuantity discountedUnitPriceSet { shopMoney { amount } } } } } userErrors { message } } }`,
      { id: calculatedId })).body.data.orderEditCommit;
    expect(committed.userErrors).toEqual([]);
    expect(committed.order.currentTotalPriceSet.shopMoney.amount).toBe(totalBefore);
    expect(committed.order.lineItems.nodes).toEqual([
      { sku: "FD-012", currentQuantity: 1, discountedUnitPriceSet: { shopMoney: { amount: "31.90" } } },
      { sku: "FD-004", currentQuantity: 0, discountedUnitPriceSet: { shopMoney: { amount: "0.00" } } },
      { sku: "FD-006", currentQuantity: 1, discountedUnitPriceSet: { shopMoney: { amount: "0.00" } } },
    ]);
    expect(level(substitute.id)).toMatchObject({ available: substituteBefore.available - 1, committed: substituteBefore.committed + 1 });
    expect(level(gift.variantId!)).toMatchObject({ committed: 0, damaged: 1 });

    const again = (await graphql(`mutation($id: ID!) { orderEditCommit(id: $id) { userErrors { message } } }`, { id: calculatedId })).body.data.orderEditCommit;
    expect(again.userErrors[0].message).toBe("The calculated order has already been committed.");
  });

  it("refuses to take fulfilled units off an order", async () => {
    const { createFulfillment } = await import("./store-fulfillment");
    const shop = sandbox.store.shop(DEMO_SHOP);
    const order = openOrders(shop)[2];
    createFulfillment(sandbox.store, DEMO_SHOP, shop.fulfillmentOrders.find((f) => f.orderId === order.id)!.id);
    const begin = (await graphql(`mutation($id: ID!) { orderEditBegin(id: $id) { calculatedOrder { id lineItems(first: 5) { nodes { id editableQuantity } } } } }`, { id: `gid://shopify/Order/${order.id}` })).body.data.orderEditBegin;
    const line = begin.calculatedOrder.lineItems.nodes[0];
    expect(line.editableQuantity).toBe(0);
    const set = (await graphql(`mutation($id: ID!, $l: ID!) { orderEditSetQuantity(id: $id, lineItemId: $l, quantity: 0) { userErrors { field message } } }`, { id: begin.calculatedOrder.id, l: line.id })).body.data.orderEditSetQuantity;
    expect(set.userErrors[0].field).toEqual(["quantity"]);
  });
});

describe("sandbox bad input", () => {
  it("answers 400 with the reason to bodies that are not JSON, and names unknown controls", async () => {
    const gql = await fetch(`${sandbox.url}/admin/api/${API_VERSION}/graphql.json`, {
      method: "POST", headers: { [SHOP_HEADER]: DEMO_SHOP, "X-Shopify-Access-Token": token }, body: "{not json",
    });
    expect(gql.status).toBe(400);
    const control = await fetch(`${sandbox.url}/sandbox/faults`, { method: "POST", body: "nope" });
    expect(control.status).toBe(400);
    const unknown = await fetch(`${sandbox.url}/sandbox/teleport`, { method: "POST" });
    expect(await unknown.json()).toEqual({ error: "unknown sandbox control POST /sandbox/teleport" });
    const otherVersion = await fetch(`${sandbox.url}/admin/api/2025-10/graphql.json`, {
      method: "POST", headers: { [SHOP_HEADER]: DEMO_SHOP, "X-Shopify-Access-Token": token }, body: "{}",
    });
    expect(otherVersion.status).toBe(404);
  });
});
