// The app's Admin client against the sandbox: Shopify's failure modes are retried or shown,
// never swallowed.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createAdminClient, ShopifyAdminError, type AdminDocument } from "../../app/shopify/client.server";
import { ShopSummaryQuery } from "../../app/shopify/documents/shop";
import { OrderEditBeginMutation } from "../../app/shopify/documents/substitution";
import { DEMO_SHOP, startSandbox } from "../helpers/sandbox";
import { until } from "../helpers/wait";
import { seedDemoShop } from "../sandbox/seed";
import { routeShopifyTo } from "../sandbox/routing.mjs";
import type { Sandbox } from "../sandbox/server";

let sandbox: Sandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox("http://127.0.0.1:9");
  routeShopifyTo(sandbox.url);
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await sandbox.reset();
  seedDemoShop(sandbox.store);
  token = sandbox.auth.issueOfflineToken(DEMO_SHOP);
});

const client = (overrides: Partial<Parameters<typeof createAdminClient>[0]> = {}) =>
  createAdminClient({ shop: DEMO_SHOP, accessToken: token, minTimeoutMs: 10, ...overrides });

describe("Admin client", () => {
  it("sends a named document and returns its data", async () => {
    const data = await client().request(ShopSummaryQuery);
    expect(data.shop).toMatchObject({
      name: "Farmacia Demo",
      myshopifyDomain: DEMO_SHOP,
      currencyCode: "EUR",
    });
  });

  it("waits out THROTTLED for as long as the bucket needs, then succeeds", async () => {
    const bucket = sandbox.bucketFor(DEMO_SHOP);
    bucket.restoreRate = 50;
    // The first request is refused however slowly it arrives; then time runs again for the bucket.
    const release = bucket.holdRefill();
    bucket.drain();
    const request = client().request(ShopSummaryQuery);
    await until(
      "the first request refused",
      async () => sandbox.graphqlLog.length,
      (n) => n > 0,
      5,
    );
    release();
    const data = await request;
    expect(data.shop.name).toBe("Farmacia Demo");
    // One refusal, then a retry sent only once the bucket could pay for it.
    expect(sandbox.graphqlLog.map((r) => r.code ?? r.status)).toEqual(["THROTTLED", 200]);
  });

  it("retries 5xx answers and timeouts with backoff", async () => {
    sandbox.faults.serverErrors = 2;
    expect((await client().request(ShopSummaryQuery)).shop.name).toBe("Farmacia Demo");
    expect(sandbox.graphqlLog.map((r) => r.status)).toEqual([503, 503, 200]);

    sandbox.graphqlLog.length = 0;
    // The sandbox never answers the first request; the retry's answer comes well within the limit,
    // even on a loaded machine.
    sandbox.faults.timeouts = 1;
    expect((await client({ timeoutMs: 2_000 }).request(ShopSummaryQuery)).shop.name).toBe("Farmacia Demo");
    expect(sandbox.graphqlLog.map((r) => r.code ?? r.status)).toEqual(["TIMEOUT", 200]);
  });

  it("gives up after its retries with the status, instead of hanging", async () => {
    sandbox.faults.serverErrors = 10;
    const error = await client({ retries: 2 })
      .request(ShopSummaryQuery)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ShopifyAdminError);
    expect(error).toMatchObject({ status: 503, operation: "ShopSummary" });
    expect(sandbox.graphqlLog).toHaveLength(3);
  });

  it("shows Shopify's GraphQL errors verbatim and does not retry them", async () => {
    // No app document is broken (their check fails first): this one is cast to be sent at all.
    const broken = "query Broken { shop { nmae } }" as AdminDocument;
    const error = (await client()
      .request(broken)
      .catch((e) => e)) as ShopifyAdminError;
    expect(error).toBeInstanceOf(ShopifyAdminError);
    expect(error.message).toBe("Broken: Field 'nmae' doesn't exist on type 'Shop'");
    expect(error.errors[0].extensions?.code).toBe("undefinedField");
    expect(sandbox.graphqlLog).toHaveLength(1);
  });

  it("refuses a mutation answered with a null payload and no error, instead of reading it as done", async () => {
    // Shopify never answers so (a payload is null only beside errors), so no sandbox does either.
    vi.stubGlobal("fetch", async () => Response.json({ data: { orderEditBegin: null } }));
    try {
      const error = await client()
        .request(OrderEditBeginMutation, { id: "gid://shopify/Order/1" })
        .catch((e) => e);
      expect(error).toBeInstanceOf(ShopifyAdminError);
      expect(error.message).toBe("OrderEditBegin: Shopify answered no orderEditBegin and no error");
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("does not retry a revoked token", async () => {
    sandbox.auth.revoke(DEMO_SHOP);
    const error = await client()
      .request(ShopSummaryQuery)
      .catch((e) => e);
    expect(error).toMatchObject({ name: "ShopifyAdminError", status: 401 });
    expect(sandbox.graphqlLog).toHaveLength(1);
  });
});
