// An incident's evidence reads through its type's schema (app/models/evidence.ts), once, in the
// incident model: as it was written (the page lists the facts in that order), "{}" for incidents
// made by hand, and after customers/redact; a value of the wrong type fails naming the incident
// and the field. requireIncident finds an incident of the shop, or says NotFound.
import type { Incident } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { INCIDENT_TYPES } from "../../app/domain/incidents/types";
import { redactJson } from "../../app/domain/privacy/personal-data";
import { NotFound, UnreadableRow } from "../../app/models/errors";
import { evidenceOf, findIncident, requireIncident, withEvidence } from "../../app/models/incident.server";
import { useTestDatabase } from "../helpers/test-database";

const SHOP = "evidence.myshopify.com";
const at = new Date("2026-11-20T10:00:00Z");
const incident = (type: string, evidence: unknown): Incident => ({
  id: `i-${type}`,
  shop: SHOP,
  orderId: "gid://shopify/Order/1",
  orderName: "#1",
  customerId: null,
  customerEmail: null,
  customerLocale: null,
  type,
  subject: "gid://shopify/LineItem/1",
  status: "open",
  openKey: null,
  evidence: typeof evidence === "string" ? evidence : JSON.stringify(evidence),
  acknowledgeBy: at,
  answerBy: at,
  acknowledgedAt: null,
  openedAt: at,
  closedAt: null,
  closeReason: null,
  remedyCost: null,
  carrier: null,
  updatedAt: at,
});

/** Evidence as each writer writes it (stock-check, flag, late.ts, the carrier and COD handlers), keys in their order. */
const WRITTEN: [string, Record<string, unknown>][] = [
  [
    "stock_mismatch",
    {
      reason: "damaged_or_expired",
      short: 1,
      quantity: 1,
      sku: "TSW-150",
      inventoryItemId: "gid://shopify/InventoryItem/3",
      locationId: "gid://shopify/Location/1",
      fulfillmentOrderId: "gid://shopify/FulfillmentOrder/4",
      stock: { available: -1, committed: 1, onHand: 1, damaged: 1 },
      requestedBy: "webhook:1",
      settled: true,
    },
  ],
  [
    "stock_mismatch",
    {
      reason: "expired",
      short: 2,
      quantity: 3,
      sku: null,
      note: "batch 2409",
      flaggedBy: "You",
      fulfillmentOrderId: "gid://shopify/FulfillmentOrder/4",
    },
  ],
  [
    "wrong_item",
    { reason: "wrong_item", short: 1, quantity: 1, sku: "SF-50", note: "", flaggedBy: "staff member 1" },
  ],
  [
    "late_shipment",
    {
      shipBy: "2026-11-17T22:59:59.999Z",
      basis: "handling_days",
      businessDaysLate: 1,
      processedAt: "2026-11-13T10:00:00Z",
      handlingDays: 2,
      fulfillmentOrders: [{ id: "gid://shopify/FulfillmentOrder/4", status: "OPEN", fulfillBy: null }],
    },
  ],
  [
    "late_delivery",
    {
      deliverBy: "2026-11-19T22:59:59.999Z",
      basis: "carrier_estimate",
      businessDaysLate: 1,
      carrier: "Fan Courier",
      trackingNumber: "FC1",
      shippedAt: "2026-11-14T10:00:00Z",
      displayStatus: "IN_TRANSIT",
      fulfillmentId: "gid://shopify/Fulfillment/5",
    },
  ],
  [
    "late_delivery",
    {
      status: "delayed",
      message: null,
      happenedAt: "2026-11-18T10:00:00.000Z",
      fulfillmentId: "gid://shopify/Fulfillment/5",
    },
  ],
  [
    "delivery_failed",
    {
      status: "failure",
      message: "Dirección incorrecta",
      happenedAt: "2026-11-18T10:00:00.000Z",
      fulfillmentId: "gid://shopify/Fulfillment/5",
    },
  ],
  [
    "cod_amount_mismatch",
    {
      told: "39.45",
      due: "59.45",
      difference: "+20.00",
      currency: "EUR",
      gateways: ["Cash on Delivery (COD)"],
    },
  ],
  // Written in another order, with a fact no schema names (an older writer's): kept as written.
  ["stock_mismatch", { checkedAt: "2026-11-18T10:00:00.000Z", sku: "TSW-150", short: 1, reason: "oversold" }],
];

describe("an incident's evidence", () => {
  it("reads as each writer wrote it, facts in their order", () => {
    for (const [type, evidence] of WRITTEN) {
      const read = withEvidence(incident(type, evidence));
      expect(read.type).toBe(type);
      expect(read.evidence).toEqual(evidence);
      expect(Object.keys(read.evidence)).toEqual(Object.keys(evidence));
    }
    // Flagged first, then the stock check told it which fulfillment order holds the line.
    const flagged = evidenceOf(incident("stock_mismatch", WRITTEN[1][1]), "stock_mismatch");
    expect(flagged).toMatchObject({
      short: 2,
      flaggedBy: "You",
      fulfillmentOrderId: "gid://shopify/FulfillmentOrder/4",
    });
  });

  it('reads "{}" for every type (incidents made by hand) and what customers/redact leaves', () => {
    for (const type of INCIDENT_TYPES) expect(withEvidence(incident(type, "{}")).evidence).toEqual({});
    const [, carrier] = WRITTEN[6];
    const redacted = redactJson(JSON.stringify(carrier), ["Dirección incorrecta"], { keys: false });
    expect(evidenceOf(incident("delivery_failed", redacted), "delivery_failed")).toMatchObject({
      message: "[redacted]",
      status: "failure",
    });
  });

  it("fails naming the incident and the field when a value is not what its type writes", () => {
    const message = (read: () => unknown) => {
      try {
        read();
      } catch (error) {
        expect(error).toBeInstanceOf(UnreadableRow);
        return (error as Error).message;
      }
      throw new Error("read without a complaint");
    };
    expect(message(() => withEvidence(incident("stock_mismatch", { short: "2" })))).toBe(
      "the evidence of incident i-stock_mismatch (stock_mismatch) cannot be read: short: Expected number, received string",
    );
    expect(message(() => withEvidence(incident("cod_amount_mismatch", "[1, 2]")))).toBe(
      "the evidence of incident i-cod_amount_mismatch (cod_amount_mismatch) cannot be read: the whole value: Expected object, received array",
    );
    expect(message(() => withEvidence(incident("lost_parcel", {})))).toBe(
      'incident i-lost_parcel cannot be read: unknown type "lost_parcel"',
    );
    expect(message(() => evidenceOf(incident("late_shipment", {}), "stock_mismatch"))).toBe(
      "incident i-late_shipment cannot be read: a late_shipment read as stock_mismatch",
    );
  });
});

describe("requireIncident", () => {
  const ctx = useTestDatabase("sqlite");

  it("finds the shop's incident with its evidence read, and says NotFound for another shop's", async () => {
    const { id: _id, ...data } = incident("cod_amount_mismatch", WRITTEN[7][1]);
    const { id } = await ctx.db.prisma.incident.create({ data });
    const found = await requireIncident(ctx.db.prisma, SHOP, id);
    expect(found).toMatchObject({
      id,
      type: "cod_amount_mismatch",
      evidence: { told: "39.45", due: "59.45" },
    });
    expect(await findIncident(ctx.db.prisma, "other.myshopify.com", id)).toBeNull();
    const elsewhere = await requireIncident(ctx.db.prisma, "other.myshopify.com", id).catch(
      (error: unknown) => error,
    );
    expect(elsewhere).toBeInstanceOf(NotFound);
    expect((elsewhere as Error).message).toBe(`no incident ${id} in other.myshopify.com`);
  });
});
