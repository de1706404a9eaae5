// How incident types read in the merchant's pages.
export const TYPE_LABEL: Record<string, string> = {
  stock_mismatch: "Stock mismatch", late_shipment: "Late shipment", late_delivery: "Late delivery",
  delivery_failed: "Delivery failed", cod_amount_mismatch: "COD amount changed", wrong_item: "Wrong item",
  damaged_delivery: "Damaged delivery",
};

/** A status or kind as words: "awaiting_customer" → "awaiting customer". */
export const words = (s: string) => s.replace(/_/g, " ");

// Evidence fields that are plumbing (ids, who asked) rather than what the merchant needs to see.
const HIDDEN_EVIDENCE = /(Id|At|requestedBy|source|flaggedBy)$/;

/** What was seen, as label and value pairs: "stock" → "available -1 · committed 1 · damaged 1". */
export function evidenceFacts(evidence: Record<string, unknown>): [string, string][] {
  const facts: [string, string][] = [];
  for (const [key, value] of Object.entries(evidence)) {
    if (value === null || value === undefined || value === "" || HIDDEN_EVIDENCE.test(key)) continue;
    const label = words(key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase());
    if (typeof value === "object") {
      const parts = Object.entries(value as Record<string, unknown>).filter(([, v]) => typeof v !== "object").map(([k, v]) => `${words(k)} ${String(v)}`);
      if (parts.length) facts.push([label, parts.join(" · ")]);
    } else {
      facts.push([label, typeof value === "string" ? words(value) : String(value)]);
    }
  }
  return facts;
}
