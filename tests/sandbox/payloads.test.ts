// The sandbox's webhook bodies keep to Shopify's published samples: no invented field, and the
// fields the app reads are there.
import { beforeAll, describe, expect, it } from "vitest";
import { shopifySample } from "../helpers/shopify-samples";
import { SandboxClock } from "./clock";
import { webhookBody } from "./payloads";
import { scenarios } from "./scenarios";
import { DEMO_SHOP, seedDemoShop } from "./seed";
import { SandboxStore, type StoreEvent } from "./store";
import { holdFulfillmentOrder } from "./store-fulfillment";

/** Dotted paths of every key in `value`, arrays flattened to their items. */
function keyPaths(value: unknown, prefix = ""): Set<string> {
  const paths = new Set<string>();
  const visit = (v: unknown, p: string) => {
    if (Array.isArray(v)) return v.forEach((item) => visit(item, p));
    if (v && typeof v === "object") {
      for (const [k, child] of Object.entries(v)) {
        const next = p ? `${p}.${k}` : k;
        paths.add(next);
        visit(child, next);
      }
    }
  };
  visit(value, prefix);
  return paths;
}

const events: StoreEvent[] = [];
let store: SandboxStore;
beforeAll(() => {
  store = new SandboxStore(new SandboxClock());
  seedDemoShop(store);
  store.on("event", (e) => events.push(e));
  for (const name of ["expired-last-unit", "delivery-failed", "cod-amount-mismatch"])
    scenarios[name](store, DEMO_SHOP, {});
  holdFulfillmentOrder(
    store,
    DEMO_SHOP,
    store.shop(DEMO_SHOP).fulfillmentOrders.find((f) => f.status === "OPEN")!.id,
    { reason: "INVENTORY_OUT_OF_STOCK", handle: "h" },
  );
});

const body = (topic: string) => {
  const event = events.find((e) => e.topic === topic);
  if (!event) throw new Error(`no ${topic} event was emitted`);
  return webhookBody(store.shop(DEMO_SHOP), topic, event.payload() as Record<string, unknown>);
};

describe("webhook bodies against Shopify's samples", () => {
  it.each([
    "orders/create",
    "orders/updated",
    "fulfillments/create",
    "fulfillments/update",
    "fulfillment_events/create",
    "fulfillment_orders/placed_on_hold",
  ])("%s invents no field", (topic) => {
    const allowed = keyPaths(shopifySample(topic));
    const invented = [...keyPaths(body(topic))].filter((p) => !allowed.has(p));
    expect(invented).toEqual([]);
  });

  it("orders/create carries what the app keys on", () => {
    const order = body("orders/create") as Record<string, unknown>;
    for (const key of [
      "admin_graphql_api_id",
      "name",
      "email",
      "created_at",
      "line_items",
      "customer",
      "discount_codes",
      "payment_gateway_names",
      "total_outstanding",
      "location_id",
    ]) {
      expect(order, key).toHaveProperty(key);
    }
    expect(typeof order.admin_graphql_api_id).toBe("string");
  });
});
