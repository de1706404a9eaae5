// Named Admin GraphQL documents for orders. Validated against the Admin schema by
// tests/sandbox/documents.test.ts.

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

type Amount = { shopMoney: { amount: string } };

export type ReconciledOrder = {
  id: string;
  legacyResourceId: string;
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  cancelledAt: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  tags: string[];
  paymentGatewayNames: string[];
  discountCodes: string[];
  currencyCode: string;
  totalPriceSet: Amount;
  totalOutstandingSet: Amount;
  customer: {
    id: string; legacyResourceId: string; firstName: string | null; lastName: string | null; locale: string;
    defaultEmailAddress: { emailAddress: string | null } | null;
    defaultPhoneNumber: { phoneNumber: string } | null;
  } | null;
  shippingAddress: { phone: string | null } | null;
  billingAddress: { phone: string | null } | null;
  lineItems: {
    nodes: {
      id: string; title: string; variantTitle: string | null; sku: string | null; vendor: string | null;
      quantity: number; unfulfilledQuantity: number; originalUnitPriceSet: Amount;
      variant: { id: string; legacyResourceId: string } | null;
    }[];
  };
  fulfillments: {
    id: string; legacyResourceId: string; name: string; status: string; displayStatus: string | null;
    createdAt: string; updatedAt: string; trackingInfo: { company: string | null; number: string | null; url: string | null }[];
  }[];
};

export type OrdersUpdatedSince = {
  orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: ReconciledOrder[] };
};

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

export type OrderAsReconciled = { order: ReconciledOrder | null };
