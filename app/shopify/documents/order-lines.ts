// Named Admin GraphQL document for the merchant's "Report a problem": an order found by the name
// the merchant types, with its lines and what happened to each (still to ship, in a parcel on its
// way, received). Validated against the Admin schema by tests/sandbox/documents.test.ts.

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

export type OrderLinesToReportOrder = {
  id: string;
  name: string;
  createdAt: string;
  cancelledAt: string | null;
  displayFulfillmentStatus: string;
  currencyCode: string;
  lineItems: {
    nodes: {
      id: string; title: string; variantTitle: string | null; sku: string | null;
      quantity: number; currentQuantity: number; unfulfilledQuantity: number;
      originalUnitPriceSet: { shopMoney: { amount: string; currencyCode: string } };
    }[];
  };
  fulfillments: {
    id: string; name: string; status: string; displayStatus: string | null; createdAt: string; deliveredAt: string | null;
    fulfillmentLineItems: { nodes: { quantity: number | null; lineItem: { id: string } }[] };
  }[];
};

export type OrderLinesToReport = { orders: { nodes: OrderLinesToReportOrder[] } };
