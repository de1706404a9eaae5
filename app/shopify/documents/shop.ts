// Named Admin GraphQL documents for the shop itself. Validated against the Admin schema by
// tests/shopify/documents.test.ts; their types are generated (npm run graphql-codegen).

export const ShopSummaryQuery = `#graphql
  query ShopSummary {
    shop {
      name
      myshopifyDomain
      currencyCode
      ianaTimezone
      shopAddress {
        countryCodeV2
      }
      primaryDomain {
        url
      }
    }
  }
`;

/** The cheapest question a token can be asked: whether Shopify still takes it, and the shop's id. */
export const ShopIdentityQuery = `#graphql
  query ShopIdentity {
    shop {
      id
      myshopifyDomain
    }
  }
`;
