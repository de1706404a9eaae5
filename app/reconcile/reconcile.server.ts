// Reconciliation: what Shopify says now, for orders changed since `since`, recorded in the inbox
// as the webhooks that were missed would have been, so the same handlers apply it. After downtime
// or a dropped subscription, a missed webhook then changes nothing in the outcome.
//
// Only changes the app has not seen are recorded (no snapshot, or an older one); the event key
// is the resource and its updated_at, so running twice over the same period records nothing new.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { API_VERSION } from "../shopify/api-version";
import type { AdminClient, ResultOf } from "../shopify/client.server";
import { OrdersUpdatedSinceQuery } from "../shopify/documents/orders";
import type { InboxWriter } from "../webhooks/inbox-writer.server";
import { resourceOf } from "../webhooks/resource";
import { fulfillmentWebhookBodies, orderWebhookBody } from "./webhook-shape";

export type ReconcileResult = { pages: number; orders: number; fulfillments: number; recorded: number };

export async function reconcileShop(
  prisma: PrismaClient,
  admin: AdminClient,
  inbox: InboxWriter,
  shop: string,
  since: Date,
): Promise<ReconcileResult> {
  const result: ReconcileResult = { pages: 0, orders: 0, fulfillments: 0, recorded: 0 };
  const query = `updated_at:>='${since.toISOString()}'`;
  let after: string | null = null;
  do {
    const page: ResultOf<typeof OrdersUpdatedSinceQuery> = await admin.request(OrdersUpdatedSinceQuery, {
      query,
      after,
    });
    result.pages++;
    const orders = page.orders.nodes;
    const fulfillments = orders.flatMap((o) => fulfillmentWebhookBodies(o));
    result.orders += orders.length;
    result.fulfillments += fulfillments.length;

    const seenOrders = await prisma.orderSnapshot.findMany({
      where: { shop, orderId: { in: orders.map((o) => o.id) } },
      select: { orderId: true, shopifyUpdatedAt: true },
    });
    const seenParcels = await prisma.fulfillmentSnapshot.findMany({
      where: { shop, fulfillmentId: { in: fulfillments.map((f) => f.admin_graphql_api_id) } },
      select: { fulfillmentId: true, shopifyUpdatedAt: true },
    });
    const orderSeen = new Map(seenOrders.map((s) => [s.orderId, s.shopifyUpdatedAt.getTime()]));
    const parcelSeen = new Map(seenParcels.map((s) => [s.fulfillmentId, s.shopifyUpdatedAt.getTime()]));
    const missed = [
      ...orders
        .map(orderWebhookBody)
        .filter((o) => (orderSeen.get(o.admin_graphql_api_id) ?? -Infinity) < Date.parse(o.updated_at))
        .map((body) => ({ topic: "orders/updated", body })),
      ...fulfillments
        .filter((f) => (parcelSeen.get(f.admin_graphql_api_id) ?? -Infinity) < Date.parse(f.updated_at))
        .map((body) => ({ topic: "fulfillments/update", body })),
    ];
    const outcomes = await Promise.all(
      missed.map(({ topic, body }) =>
        inbox.record({
          shop,
          topic,
          apiVersion: API_VERSION,
          eventId: `reconcile:${body.admin_graphql_api_id}@${body.updated_at}`,
          webhookId: `reconcile-${randomUUID()}`,
          triggeredAt: body.updated_at,
          resourceId: resourceOf(topic, body),
          rawBody: JSON.stringify(body),
        }),
      ),
    );
    result.recorded += outcomes.filter((o) => o === "recorded").length;
    after = page.orders.pageInfo.hasNextPage ? page.orders.pageInfo.endCursor : null;
  } while (after);
  return result;
}
