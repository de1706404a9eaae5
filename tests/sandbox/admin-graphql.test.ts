// The sandbox answers Admin GraphQL and OAuth as Shopify does, over HTTP.
import { describe, expect, it } from "vitest";
import { DEMO_SHOP, setupSandboxOnly } from "../helpers/sandbox";
import { API_VERSION } from "../../app/shopify/api-version";
import { TEST_API_KEY, TEST_SECRET } from "../helpers/app-server";
import { SandboxAuth } from "./auth";
import { SHOP_HEADER } from "./server";

const ctx = setupSandboxOnly();

describe("sandbox Admin GraphQL", () => {
  it("answers 401 without a valid access token", async () => {
    expect((await ctx.graphql("{ shop { name } }", undefined, null)).status).toBe(401);
    const wrong = await ctx.graphql("{ shop { name } }", undefined, "shpat_not_issued");
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors).toContain("Invalid API key or access token");
    const unknownShop = await fetch(`${ctx.sandbox.url}/admin/api/${API_VERSION}/graphql.json`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        [SHOP_HEADER]: "no-such-shop.myshopify.com",
        "X-Shopify-Access-Token": ctx.token,
      },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    expect(unknownShop.status).toBe(401);
  });

  it("serves the seeded shop with the calculated cost", async () => {
    // The bucket refills 100 points a second: held still, what it shows is this query's cost alone.
    ctx.sandbox.bucketFor(DEMO_SHOP).holdRefill();
    const { status, body } = await ctx.graphql("query { shop { name currencyCode ianaTimezone } }");
    expect(status).toBe(200);
    expect(body.data.shop).toEqual({
      name: "Farmacia Demo",
      currencyCode: "EUR",
      ianaTimezone: "Europe/Madrid",
    });
    expect(body.extensions.cost).toMatchObject({
      requestedQueryCost: 1,
      actualQueryCost: 1,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1999, restoreRate: 100 },
    });
  });

  it("fails a query that does not validate as Shopify does: HTTP 200 with errors", async () => {
    const { status, body } = await ctx.graphql("{ shop { nmae } }");
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: "Field 'nmae' doesn't exist on type 'Shop'",
        locations: [{ line: 1, column: 10 }],
        extensions: { code: "undefinedField", typeName: "Shop", fieldName: "nmae" },
      },
    ]);
    const missing = await ctx.graphql("{ order { id } }");
    expect(missing.body.errors[0]).toMatchObject({
      message: "Field 'order' is missing required arguments: id",
      extensions: { code: "missingRequiredArguments" },
    });
  });

  it("names the field it does not implement instead of answering null", async () => {
    const { body } = await ctx.graphql("{ shop { name billingAddress { city } } }");
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "not implemented in sandbox: Shop.billingAddress",
        path: ["shop", "billingAddress"],
      }),
    ]);
  });

  it("reads orders with their stock, and pages with cursors", async () => {
    const page =
      await ctx.graphql(`query { orders(first: 2, sortKey: CREATED_AT) { nodes { name displayFinancialStatus
      lineItems(first: 5) { nodes { sku quantity variant { inventoryItem { inventoryLevels(first: 1) { nodes {
        quantities(names: ["available", "committed", "on_hand"]) { name quantity } } } } } } } }
      pageInfo { hasNextPage endCursor } } }`);
    expect(page.body.errors).toBeUndefined();
    const orders = page.body.data.orders;
    expect(orders.nodes.map((o: { name: string }) => o.name)).toEqual(["#1001", "#1002"]);
    expect(orders.pageInfo.hasNextPage).toBe(true);
    const quantities =
      orders.nodes[0].lineItems.nodes[0].variant.inventoryItem.inventoryLevels.nodes[0].quantities;
    const byName = Object.fromEntries(
      quantities.map((q: { name: string; quantity: number }) => [q.name, q.quantity]),
    );
    expect(byName.on_hand).toBe(byName.available + byName.committed);
    const next = await ctx.graphql(
      "query($after: String) { orders(first: 2, after: $after, sortKey: CREATED_AT) { nodes { name } } }",
      {
        after: orders.pageInfo.endCursor,
      },
    );
    expect(next.body.data.orders.nodes.map((o: { name: string }) => o.name)).toEqual(["#1003", "#1004"]);
  });

  it("adjusts inventory, refusing an unknown quantity name with Shopify's userErrors", async () => {
    const shop = ctx.sandbox.store.shop(DEMO_SHOP);
    const item = `gid://shopify/InventoryItem/${shop.inventoryItems[3].id}`;
    const location = `gid://shopify/Location/${shop.locations[0].id}`;
    const adjust = (name: string) =>
      ctx.graphql(
        `mutation Adjust($input: InventoryAdjustQuantitiesInput!, $key: String!) { inventoryAdjustQuantities(input: $input) @idempotent(key: $key) {
        inventoryAdjustmentGroup { reason changes { name delta } } userErrors { field message code } } }`,
        {
          input: {
            reason: "damaged",
            name,
            changes: [{ delta: 1, inventoryItemId: item, locationId: location }],
          },
          key: `adjust-${name}`,
        },
      );
    const bad = await adjust("expired");
    expect(bad.body.data.inventoryAdjustQuantities.userErrors[0]).toMatchObject({
      field: ["input", "name"],
      code: "INVALID_QUANTITY_NAME",
    });
    const ok = await adjust("damaged");
    expect(ok.body.data.inventoryAdjustQuantities).toEqual({
      inventoryAdjustmentGroup: { reason: "damaged", changes: [{ name: "damaged", delta: 1 }] },
      userErrors: [],
    });
    expect(shop.inventoryItems[3].levels.get(shop.locations[0].id)!.damaged).toBe(1);
  });

  it("throttles when the bucket cannot pay for the query", async () => {
    const bucket = ctx.sandbox.bucketFor(DEMO_SHOP);
    bucket.holdRefill(); // however slowly the request comes, the bucket has not refilled by then
    bucket.drain();
    const { status, body } = await ctx.graphql("{ shop { name } }");
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      {
        message: "Throttled",
        extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
      },
    ]);
    expect(body.extensions.cost.actualQueryCost).toBeNull();
    expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThan(1);
  });

  it("refuses a query above the single-query maximum", async () => {
    const { body } = await ctx.graphql(
      "{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { sku } } } } }",
    );
    expect(body.errors[0].extensions.code).toBe("MAX_COST_EXCEEDED");
  });
});

describe("sandbox OAuth", () => {
  const exchange = async (body: Record<string, string>) => {
    const res = await fetch(`${ctx.sandbox.url}/admin/oauth/access_token`, {
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
    const first = await tokenExchange(await ctx.sandbox.auth.sessionToken(DEMO_SHOP));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ expires_in: 3600, refresh_token: expect.stringMatching(/^shprt_/) });
    expect((await ctx.graphql("{ shop { name } }", undefined, first.body.access_token)).status).toBe(200);

    const refreshed = await exchange({
      grant_type: "refresh_token",
      refresh_token: first.body.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect((await ctx.graphql("{ shop { name } }", undefined, first.body.access_token)).status).toBe(401);
    expect((await ctx.graphql("{ shop { name } }", undefined, refreshed.body.access_token)).status).toBe(200);
    const reused = await exchange({ grant_type: "refresh_token", refresh_token: first.body.refresh_token });
    expect(reused).toEqual({ status: 400, body: expect.objectContaining({ error: "invalid_grant" }) });
  });

  it("refuses a forged session token and wrong client credentials", async () => {
    const otherSigner = new SandboxAuth({ ...ctx.sandbox.auth.app, secret: "not-the-app-secret" });
    const forged = await tokenExchange(await otherSigner.sessionToken(DEMO_SHOP));
    expect(forged).toEqual({
      status: 400,
      body: expect.objectContaining({ error: "invalid_subject_token" }),
    });
    const wrongSecret = await exchange({
      client_secret: "nope",
      grant_type: "refresh_token",
      refresh_token: "x",
    });
    expect(wrongSecret.status).toBe(401);
  });
});

describe("sandbox bad input", () => {
  it("answers 400 with the reason to bodies that are not JSON, and names unknown controls", async () => {
    const gql = await fetch(`${ctx.sandbox.url}/admin/api/${API_VERSION}/graphql.json`, {
      method: "POST",
      headers: { [SHOP_HEADER]: DEMO_SHOP, "X-Shopify-Access-Token": ctx.token },
      body: "{not json",
    });
    expect(gql.status).toBe(400);
    const control = await fetch(`${ctx.sandbox.url}/sandbox/faults`, { method: "POST", body: "nope" });
    expect(control.status).toBe(400);
    const unknown = await fetch(`${ctx.sandbox.url}/sandbox/teleport`, { method: "POST" });
    expect(await unknown.json()).toEqual({ error: "unknown sandbox control POST /sandbox/teleport" });
    const otherVersion = await fetch(`${ctx.sandbox.url}/admin/api/2025-10/graphql.json`, {
      method: "POST",
      headers: { [SHOP_HEADER]: DEMO_SHOP, "X-Shopify-Access-Token": ctx.token },
      body: "{}",
    });
    expect(otherVersion.status).toBe(404);
  });
});
