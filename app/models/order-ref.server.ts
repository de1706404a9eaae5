// The order an incident is about, from the app's snapshot of it.
import type { Db } from "../db/types";
import type { OrderRef } from "../domain/incidents/types";

type OrderData = { name?: string; customer_locale?: string | null; customer?: { admin_graphql_api_id?: string; email?: string | null } | null; email?: string | null };

export function orderRefFrom(shop: string, orderId: string, data: OrderData | null): OrderRef {
  return {
    shop, orderId, orderName: data?.name ?? "",
    customerId: data?.customer?.admin_graphql_api_id ?? null,
    customerEmail: data?.email ?? data?.customer?.email ?? null,
    customerLocale: data?.customer_locale ?? null,
  };
}

/** The snapshot's view, or a bare reference when the order's own webhook has not been applied yet
 *  (the order handler fills the rest in when it is). */
export async function orderRef(tx: Db, shop: string, orderId: string): Promise<OrderRef> {
  const snapshot = await tx.orderSnapshot.findUnique({ where: { shop_orderId: { shop, orderId } } });
  return orderRefFrom(shop, orderId, snapshot ? (JSON.parse(snapshot.data) as OrderData) : null);
}

/** How customer messages greet them: the first name the order gives, if any. */
export async function customerFirstName(db: Db, shop: string, orderId: string): Promise<string | null> {
  const snapshot = await db.orderSnapshot.findUnique({ where: { shop_orderId: { shop, orderId } }, select: { data: true } });
  const customer = snapshot ? (JSON.parse(snapshot.data) as { customer?: { first_name?: string | null } | null }).customer : null;
  return customer?.first_name || null;
}
