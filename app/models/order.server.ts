// Orders as the app keeps them: the newest webhook body Shopify sent for each (OrderSnapshot.data,
// never overwritten by an older one), read here through ONE schema, so no caller parses raw text.
//
// The schema names only the fields the app reads and lets every other field through unchanged. It
// accepts each body stored today: Shopify's REST webhook bodies (ids as numbers), reconciled ones
// (app/reconcile/webhook-shape.ts: ids as strings, only the fields the app reads), and snapshots
// after customers/redact, whose personal fields are null at any depth (app/domain/privacy). So
// every field may be missing or null; a value of another type is a stored body we never wrote,
// and reading it fails naming the snapshot and the field (UnreadableRow).
import type { OrderSnapshot } from "@prisma/client";
import { z } from "zod";
import type { Db } from "../db/types";
import { readStoredJson } from "./errors";

const text = z.string().nullish();
/** Shopify's REST bodies carry ids as numbers; reconciled ones as strings (never JS-rounded). */
const legacyId = z.union([z.number(), z.string()]).nullish();

export const OrderCustomer = z
  .object({
    admin_graphql_api_id: text,
    email: text,
    first_name: text,
    last_name: text,
    phone: text,
  })
  .passthrough();

/** The one field of an address the app reads (to call the customer); the data export takes the rest as it is. */
const OrderAddress = z.object({ phone: text }).passthrough();

const OrderLine = z
  .object({
    admin_graphql_api_id: text,
    variant_id: legacyId,
    title: text,
    variant_title: text,
    sku: text,
    quantity: z.number().nullish(),
    /** What the order holds now: an edit or a refund lowers it, not `quantity`. */
    current_quantity: z.number().nullish(),
    fulfillable_quantity: z.number().nullish(),
    price: text,
    total_discount: text,
  })
  .passthrough();

export const OrderData = z
  .object({
    admin_graphql_api_id: text,
    name: text,
    email: text,
    contact_email: text,
    phone: text,
    note: text,
    customer_locale: text,
    created_at: text,
    updated_at: text,
    cancelled_at: text,
    financial_status: text,
    fulfillment_status: text,
    currency: text,
    total_price: text,
    total_outstanding: text,
    payment_gateway_names: z.array(z.string()).nullish(),
    discount_codes: z.array(z.object({ code: z.string(), amount: text }).passthrough()).nullish(),
    customer: OrderCustomer.nullish(),
    shipping_address: OrderAddress.nullish(),
    billing_address: OrderAddress.nullish(),
    line_items: z.array(OrderLine).nullish(),
  })
  .passthrough();

/** An order in Shopify's webhook shape, as the snapshots keep it. */
export type OrderData = z.infer<typeof OrderData>;
export type OrderLine = z.infer<typeof OrderLine>;

/** A snapshot row with its body read. */
export type OrderSnapshotRead = Omit<OrderSnapshot, "data"> & { data: OrderData };

export const readSnapshot = (row: OrderSnapshot): OrderSnapshotRead => ({
  ...row,
  data: readStoredJson(OrderData, row.data, `order snapshot ${row.orderId} of ${row.shop}`),
});

const key = (shop: string, orderId: string) => ({ shop_orderId: { shop, orderId } });

export async function findOrderSnapshot(
  db: Db,
  shop: string,
  orderId: string,
): Promise<OrderSnapshotRead | null> {
  const row = await db.orderSnapshot.findUnique({ where: key(shop, orderId) });
  return row && readSnapshot(row);
}

/** The order's body, or null when no webhook told the app of it. */
export async function findOrderData(db: Db, shop: string, orderId: string): Promise<OrderData | null> {
  return (await findOrderSnapshot(db, shop, orderId))?.data ?? null;
}

/** Snapshots Shopify updated at or after `since`, but `orderId`'s (orders that may be newer than it). */
export async function snapshotsUpdatedSince(
  db: Db,
  shop: string,
  since: Date,
  orderId: string,
): Promise<OrderSnapshotRead[]> {
  const rows = await db.orderSnapshot.findMany({
    where: { shop, shopifyUpdatedAt: { gte: since }, orderId: { not: orderId } },
  });
  return rows.map(readSnapshot);
}

/** Snapshots whose lines may name the variant (by its legacy id): a text search, so callers check the lines. */
export async function snapshotsNamingVariant(
  db: Db,
  shop: string,
  legacyVariantId: string,
): Promise<OrderSnapshotRead[]> {
  // Webhook bodies carry the id as a number, reconciled ones as a string.
  const rows = await db.orderSnapshot.findMany({
    where: {
      shop,
      OR: [
        { data: { contains: `"variant_id":${legacyVariantId},` } },
        { data: { contains: `"variant_id":${legacyVariantId}}` } },
        { data: { contains: `"variant_id":"${legacyVariantId}"` } },
      ],
    },
  });
  return rows.map(readSnapshot);
}
