import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_VERSION } from "../../app/shopify/api-version";
import { projectRoot } from "../helpers/database";
import { appTomlProblems, readRoutes, routePath } from "../helpers/app-toml";

const tomlText = fs.readFileSync(path.join(projectRoot, "shopify.app.toml"), "utf8");
const routes = readRoutes(path.join(projectRoot, "app/routes"));
const requiredTopics = [
  "orders/create",
  "orders/updated",
  "orders/cancelled",
  "orders/edited",
  "fulfillments/create",
  "fulfillments/update",
  "fulfillment_events/create",
  "fulfillment_orders/placed_on_hold",
  "inventory_levels/update",
  "app/uninstalled",
  "app/scopes_update",
];
const requiredComplianceTopics = ["customers/data_request", "customers/redact", "shop/redact"];
const check = (text: string, routeList = routes, apiVersion: string = API_VERSION) =>
  appTomlProblems({
    tomlText: text,
    routes: routeList,
    apiVersion,
    requiredTopics,
    requiredComplianceTopics,
  });

describe("shopify.app.toml", () => {
  it("matches the routes, the topics the app handles and the code's API version", () => {
    expect(check(tomlText)).toEqual([]);
  });

  it("maps route files to the paths Remix serves", () => {
    expect(routePath("webhooks.fulfillment_orders.placed_on_hold.tsx")).toBe(
      "/webhooks/fulfillment_orders/placed_on_hold",
    );
    expect(routePath("auth.login/route.tsx")).toBe("/auth/login");
  });

  it("reports a subscription whose uri has no route", () => {
    const text = tomlText.replace('uri = "/webhooks/orders/edited"', 'uri = "/webhooks/orders/edit"');
    expect(check(text)).toEqual(
      expect.arrayContaining([
        "subscription orders/edited: no route answers /webhooks/orders/edit",
        "route webhooks.orders.edited.tsx answers /webhooks/orders/edited, but no subscription sends to it",
      ]),
    );
  });

  it("reports a webhook route that no subscription feeds, and a missing topic", () => {
    const extra = [...routes, { file: "webhooks.refunds.create.tsx", source: "export const action = 1" }];
    const text = tomlText.replace(
      /\[\[webhooks\.subscriptions\]\]\s*topics = \["orders\/cancelled"\][^\n]*\n[^\n]*\n/,
      "",
    );
    expect(check(text, extra)).toEqual([
      "route webhooks.orders.cancelled.tsx answers /webhooks/orders/cancelled, but no subscription sends to it",
      "route webhooks.refunds.create.tsx answers /webhooks/refunds/create, but no subscription sends to it",
      "topic orders/cancelled is not subscribed",
    ]);
  });

  it("reports an api_version that differs from the code", () => {
    expect(check(tomlText, routes, "2025-10")).toEqual([
      `[webhooks] api_version is ${API_VERSION}, the code uses 2025-10`,
    ]);
  });

  it("reports a webhook route without an action", () => {
    const broken = routes.map((r) =>
      r.file === "webhooks.shop.redact.tsx" ? { ...r, source: "export const loader = () => null;" } : r,
    );
    expect(check(tomlText, broken)).toEqual([
      "subscription shop/redact: route webhooks.shop.redact.tsx has no action for POST",
    ]);
  });
});

describe("webhook handlers", () => {
  it("apply every subscribed topic, and only those", async () => {
    const { parse } = await import("smol-toml");
    const { webhookHandlers } = await import("../../app/webhooks/handlers");
    const toml = parse(tomlText) as {
      webhooks: { subscriptions: { topics?: string[]; compliance_topics?: string[] }[] };
    };
    const subscribed = toml.webhooks.subscriptions
      .flatMap((s) => [...(s.topics ?? []), ...(s.compliance_topics ?? [])])
      .sort();
    expect(Object.keys(webhookHandlers).sort()).toEqual(subscribed);
  });
});
