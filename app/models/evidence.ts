// What an incident saw (Incident.evidence, JSON), one schema per incident type. Read through
// app/models/incident.server.ts, never parsed elsewhere.
//
// Every field is optional: incidents made by hand (tests, an operator) carry "{}", and a field
// added later is missing from older rows. Fields the schemas do not name are kept: the page lists
// every fact, in the order it was written, so the schemas only check (no defaults, no transforms)
// and the evidence is read as stored. A value of another type than declared fails the read,
// naming the incident and the field.
import { z } from "zod";
import type { IncidentType } from "../domain/incidents/types";

const text = z.string().nullish();
const instant = z.string();

/** A line stock cannot honour: seen by the stock check (detection/stock-check.server.ts: reason
 *  oversold | damaged_or_expired, the stock it read) or flagged by a person (incidents/flag.server.ts:
 *  reason expired | damaged | missing, their note); the check adds the fulfillment order to hold,
 *  and `settled` once a remedy made the line whole and only telling the customer is left. */
const StockEvidence = z
  .object({
    reason: z.string(),
    short: z.number(),
    quantity: z.number(),
    sku: text,
    inventoryItemId: z.string(),
    locationId: z.string(),
    note: z.string(),
    flaggedBy: z.string(),
    fulfillmentOrderId: z.string(),
    stock: z
      .object({ available: z.number(), committed: z.number(), onHand: z.number(), damaged: z.number() })
      .partial()
      .passthrough()
      .nullish(),
    requestedBy: text,
    settled: z.boolean(),
  })
  .partial()
  .passthrough();

/** What the customer reports after delivery (wrong item, arrived damaged), flagged by a person. */
const ReportedEvidence = z
  .object({
    reason: z.string(),
    short: z.number(),
    quantity: z.number(),
    sku: text,
    note: z.string(),
    flaggedBy: z.string(),
  })
  .partial()
  .passthrough();

/** The deadline scan's reading (detection/late.ts). */
const LateShipmentEvidence = z
  .object({
    shipBy: instant,
    basis: z.string(),
    businessDaysLate: z.number(),
    processedAt: text,
    handlingDays: z.number(),
    fulfillmentOrders: z.array(
      z.object({ id: z.string(), status: z.string(), fulfillBy: text }).passthrough(),
    ),
  })
  .partial()
  .passthrough();

/** A carrier event (webhooks/handlers/fulfillments.ts): failed or attempted delivery, or a delay. */
const carrierEvent = {
  status: z.string(),
  message: text,
  happenedAt: instant,
};

/** Late delivery: the deadline scan's reading (detection/late.ts), or the carrier's "delayed" event. */
const LateDeliveryEvidence = z
  .object({
    deliverBy: instant,
    basis: z.string(),
    businessDaysLate: z.number(),
    carrier: text,
    trackingNumber: text,
    shippedAt: text,
    displayStatus: text,
    ...carrierEvent,
    fulfillmentId: z.string(),
  })
  .partial()
  .passthrough();

const DeliveryFailedEvidence = z
  .object({ ...carrierEvent, fulfillmentId: z.string() })
  .partial()
  .passthrough();

/** The amount due changed after checkout on a cash-on-delivery order (detection/cod.ts). */
const CodEvidence = z
  .object({
    told: z.string(),
    due: z.string(),
    difference: z.string(),
    currency: text,
    gateways: z.array(z.string()).nullish(),
  })
  .partial()
  .passthrough();

export const EVIDENCE = {
  stock_mismatch: StockEvidence,
  late_shipment: LateShipmentEvidence,
  late_delivery: LateDeliveryEvidence,
  delivery_failed: DeliveryFailedEvidence,
  cod_amount_mismatch: CodEvidence,
  wrong_item: ReportedEvidence,
  damaged_delivery: ReportedEvidence,
} as const satisfies Record<IncidentType, z.ZodTypeAny>;

export type EvidenceOf<T extends IncidentType> = z.infer<(typeof EVIDENCE)[T]>;
/** The evidence of an incident of any type. */
export type Evidence = EvidenceOf<IncidentType>;
