// Named Admin GraphQL documents for the shop itself. Validated against the Admin schema by
// tests/sandbox/documents.test.ts.

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

export type ShopSummary = {
  shop: {
    name: string; myshopifyDomain: string; currencyCode: string; ianaTimezone: string;
    shopAddress: { countryCodeV2: string | null }; primaryDomain: { url: string };
  };
};

/** The cheapest question a token can be asked: whether Shopify still takes it, and the shop's id. */
export const ShopIdentityQuery = `#graphql
  query ShopIdentity {
    shop {
      id
      myshopifyDomain
    }
  }
`;

export type ShopIdentity = { shop: { id: string; myshopifyDomain: string } };
