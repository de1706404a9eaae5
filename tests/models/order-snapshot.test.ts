// The order snapshot reads through ONE schema (app/models/order.server.ts). Every body the app
// stores today reads: webhook bodies in Shopify's REST shape (the sandbox's, which keep to
// Shopify's samples), reconciled ones (app/reconcile/webhook-shape.ts), and both once their
// personal data is taken out (customers/redact, the retention run). A body that does not fit
// fails naming the snapshot and the field, never as a page that breaks somewhere else.
import type { OrderSnapshot } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { identifiersIn, redactJson, stripPersonalJson } from "../../app/domain/privacy/personal-data";
import { UnreadableRow } from "../../app/models/errors";
import { readSnapshot } from "../../app/models/order.server";
import { orderWebhookBody } from "../../app/reconcile/webhook-shape";
import type { ReconciledOrder } from "../../app/shopify/documents/orders";
import { SandboxClock } from "../sandbox/clock";
import { webhookBody } from "../sandbox/payloads";
import { scenarios } from "../sandbox/scenarios";
import { DEMO_SHOP, seedDemoShop } from "../sandbox/seed";
import { SandboxStore, type StoreEvent } from "../sandbox/store";

const SHOP = "snapshots.myshopify.com";
const row = (data: string, orderId = "gid://shopify/Order/1"): OrderSnapshot => ({
  shop: SHOP,
  orderId,
  name: "#1",
  customerId: null,
  email: null,
  data,
  shopifyUpdatedAt: new Date(),
  updatedAt: new Date(),
});
const read = (body: unknown) => readSnapshot(row(JSON.stringify(body))).data;

/** The order bodies the sandbox sends for a few of SCENARIOS.md's cases (a COD order among them). */
const sent: Record<string, unknown>[] = [];
beforeAll(() => {
  const store = new SandboxStore(new SandboxClock());
  seedDemoShop(store);
  const events: StoreEvent[] = [];
  store.on("event", (e) => events.push(e));
  for (const name of ["expired-last-unit", "wrong-item", "cod-amount-mismatch"])
    scenarios[name](store, DEMO_SHOP, {});
  for (const e of events.filter((e) => e.topic === "orders/create" || e.topic === "orders/updated")) {
    sent.push(
      webhookBody(store.shop(DEMO_SHOP), e.topic, e.payload() as Record<string, unknown>) as Record<
        string,
        unknown
      >,
    );
  }
});

const reconciled: ReconciledOrder = {
  id: "gid://shopify/Order/5001",
  legacyResourceId: "5001",
  name: "#5001",
  email: "ana@example.com",
  phone: null,
  createdAt: "2026-11-02T09:00:00Z",
  updatedAt: "2026-11-03T09:00:00Z",
  processedAt: "2026-11-02T09:00:00Z",
  cancelledAt: null,
  displayFinancialStatus: "PAID",
  displayFulfillmentStatus: "UNFULFILLED",
  tags: ["vip"],
  paymentGatewayNames: ["Cash on Delivery (COD)"],
  discountCodes: ["SORRY-10"],
  currencyCode: "EUR",
  totalPriceSet: { shopMoney: { amount: "49.90" } },
  totalOutstandingSet: { shopMoney: { amount: "49.90" } },
  customer: {
    id: "gid://shopify/Customer/7",
    legacyResourceId: "7",
    firstName: "Ana",
    lastName: "Ruiz",
    locale: "es",
    defaultEmailAddress: { emailAddress: "ana@example.com" },
    defaultPhoneNumber: { phoneNumber: "+34600000001" },
  },
  shippingAddress: { phone: "+34600000002" },
  billingAddress: null,
  lineItems: {
    nodes: [
      {
        id: "gid://shopify/LineItem/9",
        title: "Sun fluid",
        variantTitle: "50 ml",
        sku: "SF-50",
        vendor: "Isdin",
        quantity: 2,
        unfulfilledQuantity: 2,
        originalUnitPriceSet: { shopMoney: { amount: "24.95" } },
        variant: { id: "gid://shopify/ProductVariant/11", legacyResourceId: "11" },
      },
    ],
  },
  fulfillments: [],
};

describe("the order snapshot", () => {
  it("reads Shopify's webhook bodies, keeping every field it does not name", () => {
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const body of sent) {
      const data = read(body);
      expect(data).toEqual(body);
      expect(data.line_items!.length).toBeGreaterThan(0);
      expect(typeof data.line_items![0].variant_id).toBe("number");
    }
  });

  it("reads reconciled bodies: ids as strings, only the fields the app reads", () => {
    const data = read(orderWebhookBody(reconciled));
    expect(data).toMatchObject({
      name: "#5001",
      currency: "EUR",
      total_outstanding: "49.90",
      payment_gateway_names: ["Cash on Delivery (COD)"],
      discount_codes: [{ code: "SORRY-10" }],
      customer: { admin_graphql_api_id: "gid://shopify/Customer/7", first_name: "Ana" },
      shipping_address: { phone: "+34600000002" },
      billing_address: null,
    });
    expect(data.line_items).toEqual([
      expect.objectContaining({ variant_id: "11", quantity: 2, fulfillable_quantity: 2, price: "24.95" }),
    ]);
    expect(read(orderWebhookBody({ ...reconciled, customer: null, shippingAddress: null }))).toMatchObject({
      customer: null,
      shipping_address: null,
    });
  });

  it("reads what customers/redact and the retention run leave: personal fields null, the facts kept", () => {
    for (const body of [...sent, orderWebhookBody(reconciled)]) {
      const json = JSON.stringify(body);
      for (const left of [redactJson(json, identifiersIn(body)), stripPersonalJson(json, new Date())]) {
        const data = readSnapshot(row(left)).data;
        expect(data).toMatchObject({ email: null, customer: null, shipping_address: null, phone: null });
        expect(data.name).toBe((body as { name: string }).name);
        expect(data.line_items!.map((l) => l.quantity)).toEqual(
          (body as { line_items: { quantity: number }[] }).line_items.map((l) => l.quantity),
        );
      }
    }
  });

  it("names the snapshot and the field when a stored body does not fit", () => {
    const body = { ...sent[0], line_items: [{ ...(sent[0].line_items as object[])[0], quantity: "2" }] };
    const fails = (data: string) => {
      try {
        readSnapshot(row(data, "gid://shopify/Order/77"));
      } catch (error) {
        expect(error).toBeInstanceOf(UnreadableRow);
        return (error as Error).message;
      }
      throw new Error("read without a complaint");
    };
    expect(fails(JSON.stringify(body))).toBe(
      `order snapshot gid://shopify/Order/77 of ${SHOP} cannot be read: line_items.0.quantity: Expected number, received string`,
    );
    expect(fails("{ not json")).toBe(
      `order snapshot gid://shopify/Order/77 of ${SHOP} cannot be read: not JSON`,
    );
  });
});
