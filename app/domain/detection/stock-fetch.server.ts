// Reading an order's unshipped lines and their stock from Shopify: one OrderStock query sized from
// the order, then only what that page did not reach (more fulfillment orders; levels at a
// location beyond the first three) asked for again. Nothing is guessed: a line whose stock could
// not be read carries no stock and is not judged.
import type { AdminClient, ResultOf } from "../../shopify/client.server";
import { OrderStockQuery, StockAtLocationQuery, orderStockPageSizes } from "../../shopify/documents/stock";
import type { StockQuantities } from "./stock";

type Level = { location: { id: string }; quantities: { name: string; quantity: number }[] };

export type FetchedLine = {
  lineItemId: string;
  title: string;
  sku: string | null;
  quantity: number;
  variantId: string;
  inventoryItemId: string;
  locationId: string;
  fulfillmentOrderId: string;
  stock: StockQuantities | null;
};

export type FetchedOrderStock = {
  id: string;
  createdAt: string;
  cancelledAt: string | null;
  lines: FetchedLine[];
};

const UNSHIPPED = new Set(["OPEN", "IN_PROGRESS", "ON_HOLD", "SCHEDULED"]);

function quantities(level: Pick<Level, "quantities">): StockQuantities {
  const q = (name: string) => level.quantities.find((x) => x.name === name)?.quantity ?? 0;
  return {
    available: q("available"),
    committed: q("committed"),
    onHand: q("on_hand"),
    damaged: q("damaged"),
  };
}

/** The order's unshipped lines with their stock, or null when Shopify no longer has the order. */
export async function fetchOrderStock(
  admin: AdminClient,
  orderId: string,
  lineCount: number,
): Promise<FetchedOrderStock | null> {
  const sizes = orderStockPageSizes(lineCount);
  const lines: FetchedLine[] = [];
  const missing = new Map<string, FetchedLine[]>(); // location → lines whose level was not on the page
  let after: string | null = null;
  let meta: Omit<FetchedOrderStock, "lines"> | null = null;
  do {
    const { order }: ResultOf<typeof OrderStockQuery> = await admin.request(OrderStockQuery, {
      id: orderId,
      ...sizes,
      after,
    });
    if (!order) return null;
    meta = { id: order.id, createdAt: order.createdAt, cancelledAt: order.cancelledAt };
    for (const fo of order.fulfillmentOrders.nodes) {
      const locationId = fo.assignedLocation.location?.id;
      if (!UNSHIPPED.has(fo.status) || !locationId) continue;
      if (fo.lineItems.pageInfo.hasNextPage) {
        throw new Error(
          `${orderId}: fulfillment order ${fo.id} has more than ${sizes.lines} lines, more than one stock check reads`,
        );
      }
      for (const l of fo.lineItems.nodes) {
        if (l.remainingQuantity <= 0 || !l.variant) continue;
        const item = l.variant.inventoryItem;
        const level = item.inventoryLevels.nodes.find((x) => x.location.id === locationId);
        const line: FetchedLine = {
          lineItemId: l.lineItem.id,
          title: l.lineItem.title,
          sku: l.lineItem.sku,
          quantity: l.remainingQuantity,
          variantId: l.variant.id,
          inventoryItemId: item.id,
          locationId,
          fulfillmentOrderId: fo.id,
          stock: item.tracked && level ? quantities(level) : null,
        };
        lines.push(line);
        if (item.tracked && !level && item.inventoryLevels.pageInfo.hasNextPage) {
          missing.set(locationId, [...(missing.get(locationId) ?? []), line]);
        }
      }
    }
    after = order.fulfillmentOrders.pageInfo.hasNextPage ? order.fulfillmentOrders.pageInfo.endCursor : null;
  } while (after);
  for (const [location, waiting] of missing) await fillStockAt(admin, location, waiting);
  return { ...meta!, lines };
}

/** Stock at one location for lines the order's page did not reach, 50 items a query. */
async function fillStockAt(admin: AdminClient, location: string, waiting: FetchedLine[]) {
  for (let i = 0; i < waiting.length; i += 50) {
    const batch = waiting.slice(i, i + 50);
    const items = [...new Set(batch.map((l) => l.inventoryItemId))];
    const { nodes } = await admin.request(StockAtLocationQuery, { items, location });
    for (const line of batch) {
      const level = nodes.find((n) => n?.id === line.inventoryItemId)?.inventoryLevel;
      line.stock = level ? quantities(level) : null;
    }
  }
}
