// Shopify's mandatory privacy requests (app/domain/privacy has the rules): a customer's data
// export for the merchant, a customer's erasure, a shop's erasure. Payloads as Shopify documents
// them: `customer` { id, email, phone }, `orders_requested` / `orders_to_redact` (order ids).
import { z } from "zod";
import type { Tx } from "../../db/types";
import type { HandledEvent } from "../processor.server";
import { redactCustomerData, type CustomerToForget } from "../../domain/privacy/customer-redaction.server";
import { recordDataExport } from "../../domain/privacy/data-export.server";
import { eraseShop } from "../../domain/privacy/shop-erasure.server";
import { gid, legacyId, parsePayload } from "./payload";

const CustomerRequest = z.object({
  shop_domain: z.string(),
  customer: z.object({ id: legacyId.nullish(), email: z.string().nullish(), phone: z.string().nullish() }),
  orders_requested: z.array(legacyId).optional(),
  orders_to_redact: z.array(legacyId).optional(),
  data_request: z.object({ id: legacyId }).optional(),
});

function customerOf(event: HandledEvent): CustomerToForget {
  const request = parsePayload(CustomerRequest, event.payload, event.topic);
  return {
    shop: event.shop,
    customerId: request.customer.id != null ? gid("Customer", request.customer.id) : null,
    email: request.customer.email ?? null,
    phone: request.customer.phone ?? null,
    orderIds: [...(request.orders_requested ?? []), ...(request.orders_to_redact ?? [])].map((id) =>
      gid("Order", id),
    ),
  };
}

export async function answerDataRequest(tx: Tx, event: HandledEvent) {
  const record = await recordDataExport(tx, customerOf(event), new Date());
  console.info(JSON.stringify({ event: "customer_data_request", shop: event.shop, request: record.id }));
}

export async function redactCustomer(tx: Tx, event: HandledEvent) {
  const counts = await redactCustomerData(tx, customerOf(event), new Date());
  // The record of what was done names no one.
  await tx.complianceRequest.create({
    data: { shop: event.shop, topic: event.topic, result: JSON.stringify({ redacted: counts }) },
  });
  console.info(JSON.stringify({ event: "customer_redacted", shop: event.shop, ...counts }));
}

/** 48 hours after uninstall Shopify asks for everything of the shop to go. */
export async function redactShop(tx: Tx, event: HandledEvent) {
  const erased = await eraseShop(tx, event.shop);
  console.info(JSON.stringify({ event: "shop_redacted", shop: event.shop, erased }));
}
