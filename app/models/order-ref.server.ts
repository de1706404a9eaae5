// The order an incident is about, from the app's snapshot of it.
import type { Db } from "../db/types";
import type { OrderRef } from "../domain/incidents/types";
import { findOrderData, type OrderData } from "./order.server";

export function orderRefFrom(shop: string, orderId: string, data: OrderData | null): OrderRef {
  return {
    shop,
    orderId,
    orderName: data?.name ?? "",
    customerId: data?.customer?.admin_graphql_api_id ?? null,
    customerEmail: data?.email ?? data?.customer?.email ?? null,
    customerLocale: data?.customer_locale ?? null,
  };
}

/** The snapshot's view, or a bare reference when the order's own webhook has not been applied yet
 *  (the order handler fills the rest in when it is). */
export async function orderRef(db: Db, shop: string, orderId: string): Promise<OrderRef> {
  return orderRefFrom(shop, orderId, await findOrderData(db, shop, orderId));
}

/** How customer messages greet them: the first name the order gives, if any. */
export async function customerFirstName(db: Db, shop: string, orderId: string): Promise<string | null> {
  return (await findOrderData(db, shop, orderId))?.customer?.first_name || null;
}
