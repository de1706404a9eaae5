// Named Admin GraphQL documents for stock. Validated against the Admin schema by
// tests/shopify/documents.test.ts; their types are generated (npm run graphql-codegen).

/**
 * An order's unshipped lines with the stock of each at the location that fulfils it: one query
 * per order, its page sizes taken from the order (orderStockPageSizes) so its cost follows the
 * order's size. What a page leaves out is asked for again, never guessed (stock-check.server).
 */
export const OrderStockQuery = `#graphql
  query OrderStock($id: ID!, $fulfillmentOrders: Int!, $lines: Int!, $levels: Int!, $after: String) {
    order(id: $id) {
      id
      createdAt
      cancelledAt
      fulfillmentOrders(first: $fulfillmentOrders, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          status
          assignedLocation { location { id } }
          lineItems(first: $lines) {
            pageInfo { hasNextPage }
            nodes {
              remainingQuantity
              lineItem { id title sku }
              variant {
                id
                inventoryItem {
                  id
                  tracked
                  inventoryLevels(first: $levels) {
                    pageInfo { hasNextPage }
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

/** Stock of some items at one location: what an OrderStock page did not reach. */
export const StockAtLocationQuery = `#graphql
  query StockAtLocation($items: [ID!]!, $location: ID!) {
    nodes(ids: $items) {
      ... on InventoryItem {
        id
        tracked
        inventoryLevel(locationId: $location) {
          location { id }
          quantities(names: ["available", "committed", "on_hand", "damaged"]) { name quantity }
        }
      }
    }
  }
`;

/** Which variant an inventory item stocks: an inventory_levels/update names only the item. */
export const InventoryItemVariantQuery = `#graphql
  query InventoryItemVariant($id: ID!) {
    inventoryItem(id: $id) {
      id
      variant { id }
    }
  }
`;

/**
 * Page sizes for an order of `lineCount` lines: a fulfillment order holds at most every line, and
 * most orders ship from one or two locations; levels cover the shops with up to three locations
 * in one query (larger shops get their level asked for apart). Capped so one query stays under
 * Shopify's 1,000 requested points.
 */
export function orderStockPageSizes(lineCount: number) {
  const lines = Math.min(Math.max(lineCount, 1), 30);
  return { fulfillmentOrders: Math.min(lines, 2), lines, levels: 3 };
}
