// A stock change (inventory_levels/update) that may leave orders short: task kind
// "stock_check_item", subject "<inventory item gid>|<location gid>". Shopify names only the item,
// so its variant is read once; then every open order still holding that variant gets its own
// stock check, oldest first (they are the ones that ship first), which flags the orders that can
// no longer be served and closes incidents whose stock came back.
import type { Tx } from "../../db/types";
import { snapshotsNamingVariant } from "../../models/order.server";
import { InventoryItemVariantQuery } from "../../shopify/documents/stock";
import { STOCK_CHECK_ORDER } from "./stock-check.server";
import { requestDetection, type DetectionKind } from "./tasks.server";

export const STOCK_CHECK_ITEM = "stock_check_item";
export const stockItemSubject = (inventoryItemId: string, locationId: string) =>
  `${inventoryItemId}|${locationId}`;

/** Whether a stock change at this level needs the orders holding it checked: stock went below
 *  zero, or an incident on this item is open and the change may have restored it. */
export async function stockChangeNeedsCheck(
  tx: Tx,
  shop: string,
  inventoryItemId: string,
  available: number,
) {
  if (available < 0) return true;
  const open = await tx.incident.count({
    where: {
      shop,
      type: "stock_mismatch",
      openKey: { not: null },
      evidence: { contains: `"inventoryItemId":"${inventoryItemId}"` },
    },
  });
  return open > 0;
}

/** Open orders holding `variantId` with units still to ship, oldest first (from the snapshots). */
export async function ordersHoldingVariant(tx: Tx, shop: string, variantId: string): Promise<string[]> {
  const legacy = variantId.split("/").pop()!;
  const candidates = await snapshotsNamingVariant(tx, shop, legacy);
  return candidates
    .map((s) => ({ id: s.orderId, data: s.data }))
    .filter(
      ({ data }) =>
        !data.cancelled_at &&
        data.fulfillment_status !== "fulfilled" &&
        (data.line_items ?? []).some(
          (l) => String(l.variant_id) === legacy && (l.fulfillable_quantity ?? 0) > 0,
        ),
    )
    .sort((a, b) => Date.parse(a.data.created_at ?? "") - Date.parse(b.data.created_at ?? ""))
    .map((o) => o.id);
}

export const stockCheckItem: DetectionKind<string | null> = {
  async fetch(admin, task) {
    const [inventoryItemId] = task.subject.split("|");
    const { inventoryItem } = await admin.request(InventoryItemVariantQuery, { id: inventoryItemId });
    return inventoryItem?.variant?.id ?? null;
  },

  async apply(tx, task, variantId, now) {
    if (!variantId) return; // the item no longer stocks a variant: no order can hold it
    const orders = await ordersHoldingVariant(tx, task.shop, variantId);
    // Due a millisecond apart so they run oldest order first.
    for (const [i, orderId] of orders.entries()) {
      await requestDetection(tx, {
        shop: task.shop,
        kind: STOCK_CHECK_ORDER,
        subject: orderId,
        dueAt: new Date(now.getTime() + i),
        requestedBy: `stock-change:${task.subject}`,
      });
    }
  },
};
