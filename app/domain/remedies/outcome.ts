// What executing a remedy gives back.

/** What Shopify (or a rule before it) said no to: shown to the merchant as it is, not retried. */
export class Refused extends Error {}

export type Executed = {
  shopifyId: string;
  amount: string | null;
  currency: string | null;
  code?: string;
  summary: string;
  /** Money the shop gives now (a refund); a code costs only when redeemed. */
  costsShop: boolean;
};
