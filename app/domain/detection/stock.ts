// Stock mismatch: an order that stock cannot honour. Plain functions over quantities.
//
// Shopify's named quantities at a location: on_hand = available + committed + reserved + damaged
// + safety_stock + quality_control. Units that can still ship are the good ones, available +
// committed; they go to the orders holding the item oldest first (those are the ones that ship),
// so when `available` is below zero the newest holders are the ones left short.

export type StockQuantities = { available: number; committed: number; onHand: number; damaged: number };

export type StockLine = {
  lineItemId: string;
  title: string;
  sku: string | null;
  /** Units of this line still to ship. */
  quantity: number;
  /** Units of the same item at the same location held by orders placed after this one. */
  newerHeld: number;
  inventoryItemId: string;
  locationId: string;
  /** null: the item's stock is not tracked, so nothing can be said. */
  stock: StockQuantities | null;
};

export type StockShortfall = {
  lineItemId: string;
  title: string;
  sku: string | null;
  reason: "oversold" | "damaged_or_expired";
  /** Units of the line that cannot ship. */
  short: number;
  quantity: number;
  inventoryItemId: string;
  locationId: string;
  stock: StockQuantities;
};

/**
 * The lines of an order that stock cannot honour. Its units are committed, and so are those of
 * every other unshipped order; orders placed before it are served first. So the good units left
 * for it are available + its quantity + what newer orders hold, and it is short by the rest.
 * The reason is "damaged_or_expired" when damaged units are what is left on hand (the expired
 * last unit of the first scenario), else "oversold".
 */
export function detectStockMismatch(lines: StockLine[]): StockShortfall[] {
  return lines.flatMap((line) => {
    const { stock } = line;
    if (!stock || line.quantity <= 0) return [];
    const short = Math.min(line.quantity, Math.max(0, -(stock.available + line.newerHeld)));
    if (short === 0) return [];
    return [
      {
        lineItemId: line.lineItemId,
        title: line.title,
        sku: line.sku,
        quantity: line.quantity,
        short,
        reason: stock.damaged > 0 ? ("damaged_or_expired" as const) : ("oversold" as const),
        inventoryItemId: line.inventoryItemId,
        locationId: line.locationId,
        stock,
      },
    ];
  });
}
