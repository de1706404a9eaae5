// Named Admin GraphQL documents for orders. Validated against the Admin schema by
// tests/shopify/documents.test.ts; their types are generated (npm run graphql-codegen).
import type { ResultOf } from "../client.server";

/**
 * Orders updated in a time range, oldest change first, with what the webhook handlers keep.
 * Page and connection sizes keep one page's requested cost under Shopify's 1,000 per query.
 */
export const OrdersUpdatedSinceQuery = `#graphql
  query OrdersUpdatedSince($query: String!, $after: String) {
    orders(first: 8, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        legacyResourceId
        name
        email
        phone
        createdAt
        updatedAt
        processedAt
        cancelledAt
        displayFinancialStatus
        displayFulfillmentStatus
        tags
        paymentGatewayNames
        discountCodes
        currencyCode
        totalPriceSet { shopMoney { amount } }
        totalOutstandingSet { shopMoney { amount } }
        customer {
          id
          legacyResourceId
          firstName
          lastName
          locale
          defaultEmailAddress { emailAddress }
          defaultPhoneNumber { phoneNumber }
        }
        shippingAddress { phone }
        billingAddress { phone }
        lineItems(first: 25) {
          nodes {
            id
            title
            variantTitle
            sku
            vendor
            quantity
            unfulfilledQuantity
            originalUnitPriceSet { shopMoney { amount } }
            variant { id legacyResourceId }
          }
        }
        fulfillments(first: 10) {
          id
          legacyResourceId
          name
          status
          displayStatus
          createdAt
          updatedAt
          trackingInfo(first: 1) { company number url }
        }
      }
    }
  }
`;

/** An order as reconciliation reads it (OrderAsReconciled reads the same fields). */
export type ReconciledOrder = ResultOf<typeof OrdersUpdatedSinceQuery>["orders"]["nodes"][number];

/** One order with the same fields as OrdersUpdatedSince's (so the same webhook shape reads it):
 *  the workspace shows an order no webhook told the app of (placed before the install). */
export const OrderAsReconciledQuery = `#graphql
  query OrderAsReconciled($id: ID!) {
    order(id: $id) {
      id
      legacyResourceId
      name
      email
      phone
      createdAt
      updatedAt
      processedAt
      cancelledAt
      displayFinancialStatus
      displayFulfillmentStatus
      tags
      paymentGatewayNames
      discountCodes
      currencyCode
      totalPriceSet { shopMoney { amount } }
      totalOutstandingSet { shopMoney { amount } }
      customer {
        id
        legacyResourceId
        firstName
        lastName
        locale
        defaultEmailAddress { emailAddress }
        defaultPhoneNumber { phoneNumber }
      }
      shippingAddress { phone }
      billingAddress { phone }
      lineItems(first: 25) {
        nodes {
          id
          title
          variantTitle
          sku
          vendor
          quantity
          unfulfilledQuantity
          originalUnitPriceSet { shopMoney { amount } }
          variant { id legacyResourceId }
        }
      }
      fulfillments(first: 10) {
        id
        legacyResourceId
        name
        status
        displayStatus
        createdAt
        updatedAt
        trackingInfo(first: 1) { company number url }
      }
    }
  }
`;
