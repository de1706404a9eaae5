// How incident types read in the merchant's pages.
export const TYPE_LABEL: Record<string, string> = {
  stock_mismatch: "Stock mismatch", late_shipment: "Late shipment", late_delivery: "Late delivery",
  delivery_failed: "Delivery failed", cod_amount_mismatch: "COD amount changed", wrong_item: "Wrong item",
  damaged_delivery: "Damaged delivery",
};

/** A status or kind as words: "awaiting_customer" → "awaiting customer". */
export const words = (s: string) => s.replace(/_/g, " ");
