// Money arithmetic in whole cents: decimal strings never meet floating point.
export type Money = string; // decimal string in shop currency, as Shopify's MoneyV2.amount

export const toCents = (amount: Money | number) => Math.round(Number(amount) * 100);
export const fromCents = (cents: number): Money => (cents / 100).toFixed(2);
