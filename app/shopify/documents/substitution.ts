// Named Admin GraphQL documents for substitutions: what the line is, what could replace it, and the
// order edit that swaps them. Validated against the Admin schema by tests/shopify/documents.test.ts;
// their types are generated (npm run graphql-codegen).
import type { ResultOf } from "../client.server";

/** The order's lines with what a substitute is matched on, and where each line ships from. */
export const SubstitutionContextQuery = `#graphql
  query SubstitutionContext($id: ID!) {
    order(id: $id) {
      id
      name
      currencyCode
      lineItems(first: 30) {
        nodes {
          id
          title
          currentQuantity
          originalUnitPriceSet { shopMoney { amount } }
          variant { id price product { id title vendor productType tags } }
        }
      }
      fulfillmentOrders(first: 3) {
        nodes {
          status
          assignedLocation { location { id } }
          lineItems(first: 30) { nodes { lineItem { id } } }
        }
      }
    }
  }
`;

/** Products like the one to replace, with each variant's price and stock at the shipping location,
 *  whether it is a bundle (a pack made of other variants, never offered: see substitutes.ts), and
 *  the product's featured picture (sized for the customer's offer page and email); and the packs
 *  (bundles) that contain the variant to replace, which never replace it. */
export const SubstituteCandidatesQuery = `#graphql
  query SubstituteCandidates($query: String!, $location: ID!, $variant: ID!) {
    productVariant(id: $variant) { id productParents(first: 25) { nodes { id } } }
    products(first: 10, query: $query) {
      nodes {
        id
        title
        vendor
        productType
        tags
        status
        featuredMedia { preview { image { url(transform: { maxWidth: 240, maxHeight: 240 }) altText } } }
        variants(first: 3) {
          nodes {
            id
            title
            sku
            price
            requiresComponents
            productVariantComponents(first: 1) { nodes { id } }
            inventoryItem {
              tracked
              inventoryLevel(locationId: $location) { quantities(names: ["available"]) { name quantity } }
            }
          }
        }
      }
    }
  }
`;

/** A product that could replace the line. `featuredMedia` is null when the product has none (or its
 *  preview is not ready yet); a variant with `requiresComponents` is a bundle's parent, sold as the
 *  components it lists (Shopify's fixed bundles). */
export type CandidateProduct = ResultOf<typeof SubstituteCandidatesQuery>["products"]["nodes"][number];

export const OrderEditBeginMutation = `#graphql
  mutation OrderEditBegin($id: ID!) {
    orderEditBegin(id: $id) {
      calculatedOrder { id }
      userErrors { field message }
    }
  }
`;

export const OrderEditAddVariantMutation = `#graphql
  mutation OrderEditAddVariant($id: ID!, $variantId: ID!, $quantity: Int!) {
    orderEditAddVariant(id: $id, variantId: $variantId, quantity: $quantity, allowDuplicates: true) {
      calculatedLineItem { id title originalUnitPriceSet { shopMoney { amount } } }
      userErrors { field message }
    }
  }
`;

/** Units taken off an unfulfilled line go back to stock: they never left the shelf (or, when
 *  expired, are counted as damaged already), so only the order's commitment on them is released. */
export const OrderEditSetQuantityMutation = `#graphql
  mutation OrderEditSetQuantity($id: ID!, $lineItemId: ID!, $quantity: Int!) {
    orderEditSetQuantity(id: $id, lineItemId: $lineItemId, quantity: $quantity, restock: true) {
      calculatedOrder { id }
      userErrors { field message }
    }
  }
`;

export const OrderEditAddLineItemDiscountMutation = `#graphql
  mutation OrderEditAddLineItemDiscount($id: ID!, $lineItemId: ID!, $discount: OrderEditAppliedDiscountInput!) {
    orderEditAddLineItemDiscount(id: $id, lineItemId: $lineItemId, discount: $discount) {
      calculatedLineItem { id }
      userErrors { field message }
    }
  }
`;

export const OrderEditCommitMutation = `#graphql
  mutation OrderEditCommit($id: ID!, $staffNote: String) {
    orderEditCommit(id: $id, notifyCustomer: false, staffNote: $staffNote) {
      order { id totalOutstandingSet { shopMoney { amount } } }
      userErrors { field message }
    }
  }
`;
