// Named Admin GraphQL document for the merchant's "Report a problem": an order found by the name
// the merchant types, with its lines and what happened to each (still to ship, in a parcel on its
// way, received). Validated against the Admin schema by tests/shopify/documents.test.ts; its types
// are generated (npm run graphql-codegen).
import type { ResultOf } from "../client.server";

/**
 * Orders whose name matches `query` (`name:"#1038"`). Shopify's name search may also match other
 * spellings, so a few come back and the caller keeps the one whose name is the one typed.
 * Sizes keep the requested cost under 1,000: 3 orders × (50 lines + 10 parcels × 50 lines).
 */
export const OrderLinesToReportQuery = `#graphql
  query OrderLinesToReport($query: String!) {
    orders(first: 3, query: $query) {
      nodes {
        id
        name
        createdAt
        cancelledAt
        displayFulfillmentStatus
        currencyCode
        lineItems(first: 50) {
          nodes {
            id
            title
            variantTitle
            sku
            quantity
            currentQuantity
            unfulfilledQuantity
            originalUnitPriceSet { shopMoney { amount currencyCode } }
          }
        }
        fulfillments(first: 10) {
          id
          name
          status
          displayStatus
          createdAt
          deliveredAt
          fulfillmentLineItems(first: 50) {
            nodes {
              quantity
              lineItem { id }
            }
          }
        }
      }
    }
  }
`;

export type OrderLinesToReportOrder = ResultOf<typeof OrderLinesToReportQuery>["orders"]["nodes"][number];
