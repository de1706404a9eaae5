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
