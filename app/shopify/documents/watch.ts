// Named Admin GraphQL documents for the deadline scan. Validated against the Admin schema by
// tests/sandbox/documents.test.ts.

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

export type WatchedFulfillmentOrder = { id: string; status: string; fulfillBy: string | null };
export type WatchedFulfillment = {
  id: string;
  status: string;
  displayStatus: string | null;
  createdAt: string;
  updatedAt: string;
  inTransitAt: string | null;
  deliveredAt: string | null;
  estimatedDeliveryAt: string | null;
  trackingInfo: { company: string | null; number: string | null }[];
};
export type WatchedOrder = {
  id: string;
  name: string;
  email: string | null;
  customer: { id: string; locale: string | null } | null;
  createdAt: string;
  processedAt: string;
  cancelledAt: string | null;
  displayFulfillmentStatus: string;
  fulfillmentOrders: { nodes: WatchedFulfillmentOrder[] };
  fulfillments: WatchedFulfillment[];
};
export type OrdersToWatch = {
  shop: { ianaTimezone: string };
  orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: WatchedOrder[] };
};
