// Named Admin GraphQL documents for the deadline scan. Validated against the Admin schema by
// tests/shopify/documents.test.ts; their types are generated (npm run graphql-codegen).
import type { ResultOf } from "../client.server";

/**
 * Orders of the watch window with what their deadlines need: unshipped fulfillment orders (with
 * Shopify's fulfillBy) and parcels (with the carrier's estimate), and whom to tell (an order
 * placed before the install has no snapshot to say). 50 orders a page keeps a page near 600 of
 * the 1,000 points a query may request.
 */
export const OrdersToWatchQuery = `#graphql
  query OrdersToWatch($query: String!, $after: String) {
    shop { ianaTimezone }
    orders(first: 50, after: $after, query: $query, sortKey: CREATED_AT) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        name
        email
        customer { id locale }
        createdAt
        processedAt
        cancelledAt
        displayFulfillmentStatus
        fulfillmentOrders(first: 5) {
          nodes { id status fulfillBy }
        }
        fulfillments(first: 5) {
          id
          status
          displayStatus
          createdAt
          updatedAt
          inTransitAt
          deliveredAt
          estimatedDeliveryAt
          trackingInfo(first: 1) { company number }
        }
      }
    }
  }
`;

export type WatchedOrder = ResultOf<typeof OrdersToWatchQuery>["orders"]["nodes"][number];
export type WatchedFulfillmentOrder = WatchedOrder["fulfillmentOrders"]["nodes"][number];
export type WatchedFulfillment = WatchedOrder["fulfillments"][number];
