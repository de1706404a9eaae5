// Named Admin GraphQL documents for fulfillment holds. Validated against the Admin schema by
// tests/shopify/documents.test.ts; their types are generated (npm run graphql-codegen).
import type { ResultOf } from "../client.server";

/** The handle of the hold MakeGood places on a fulfillment order stock cannot honour: Shopify
 *  refuses a second hold with the same handle, so a retried request never holds twice. */
export const STOCK_HOLD_HANDLE = "makegood-stock-mismatch";
/** The hold on an order whose cash-on-delivery amount changed, until the merchant decides. */
export const COD_HOLD_HANDLE = "makegood-cod-mismatch";

export const FulfillmentOrderHoldMutation = `#graphql
  mutation FulfillmentOrderHold($id: ID!, $hold: FulfillmentOrderHoldInput!) {
    fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
      fulfillmentHold { id handle }
      fulfillmentOrder { id status }
      userErrors { field message code }
    }
  }
`;

export const FulfillmentOrderHoldsQuery = `#graphql
  query FulfillmentOrderHolds($id: ID!) {
    fulfillmentOrder(id: $id) {
      id
      orderId
      status
      fulfillmentHolds { id handle reason }
    }
  }
`;

export type HeldFulfillmentOrder = NonNullable<
  ResultOf<typeof FulfillmentOrderHoldsQuery>["fulfillmentOrder"]
>;

/** Every fulfillment order of an order with its holds (an order has a few: one per location). */
export const OrderFulfillmentHoldsQuery = `#graphql
  query OrderFulfillmentHolds($id: ID!) {
    order(id: $id) {
      id
      fulfillmentOrders(first: 25) {
        nodes { id orderId status fulfillmentHolds { id handle reason } }
      }
    }
  }
`;

export const FulfillmentOrderReleaseHoldMutation = `#graphql
  mutation FulfillmentOrderReleaseHold($id: ID!, $holdIds: [ID!]) {
    fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
      fulfillmentOrder { id status }
      userErrors { field message code }
    }
  }
`;
