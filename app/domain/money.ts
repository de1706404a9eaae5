// Money as Shopify sends it (decimal strings) worked in whole cents, so sums never drift.
export const toCents = (amount: string | number) => Math.round(Number(amount) * 100);
export const fromCents = (cents: number) => (cents / 100).toFixed(2);
/** a + b, either a decimal string (a may be missing: nothing yet). */
export const addMoney = (a: string | null, b: string) => fromCents(toCents(a ?? 0) + toCents(b));
