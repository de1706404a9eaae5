// Shopify's published sample webhook payloads, kept in tests/fixtures (source and licence in its
// README). Plain Node: the benchmarks read them too.
import fs from "node:fs";
import path from "node:path";

export const SAMPLES_DIR = path.resolve(import.meta.dirname, "../fixtures/shopify/webhooks/2026-01");

const sampleFile = (topic: string) => path.join(SAMPLES_DIR, `${topic}.json`);

export const hasSample = (topic: string) => fs.existsSync(sampleFile(topic));

/**
 * The body Shopify sends for `topic`, as its sample has it; `shop` replaces the privacy samples'
 * "{shop}.myshopify.com".
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a sample is read as the test needs it
export function shopifySample(topic: string, shop = "{shop}.myshopify.com"): Record<string, any> {
  const text = fs.readFileSync(sampleFile(topic), "utf8").replaceAll("{shop}.myshopify.com", shop);
  return (JSON.parse(text) as { response: Record<string, any> }).response; // eslint-disable-line @typescript-eslint/no-explicit-any
}
