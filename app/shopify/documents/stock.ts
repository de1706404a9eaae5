// Named Admin GraphQL documents for stock. Validated against the Admin schema by
// tests/sandbox/documents.test.ts.

/** An order's unshipped lines with the stock of each at the location that fulfils it: one query per order. */
export const OrderStockQuery = `#graphql
  query OrderStock($id: ID!) {
    order(id: $id) {
      id
      createdAt
      cancelledAt
      fulfillmentOrders(first: 3) {
        nodes {
          id
          status
          assignedLocation { location { id } }
          lineItems(first: 20) {
            nodes {
              remainingQuantity
              lineItem { id title sku }
              variant {
                id
                inventoryItem {
                  id
                  tracked
                  inventoryLevels(first: 3) {
                    nodes {
                      location { id }
                      quantities(names: ["available", "committed", "on_hand", "damaged"]) { name quantity }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

export type OrderStock = {
  order: {
    id: string;
    createdAt: string;
    cancelledAt: string | null;
    fulfillmentOrders: {
      nodes: {
        id: string;
        status: string;
        assignedLocation: { location: { id: string } | null };
        lineItems: {
          nodes: {
            remainingQuantity: number;
            lineItem: { id: string; title: string; sku: string | null };
            variant: {
              id: string;
              inventoryItem: {
                id: string;
                tracked: boolean;
                inventoryLevels: { nodes: { location: { id: string }; quantities: { name: string; quantity: number }[] }[] };
              };
            } | null;
          }[];
        };
      }[];
    };
  } | null;
};
