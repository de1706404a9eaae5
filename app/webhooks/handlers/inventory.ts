// Stock per item and location, as the newest inventory_levels/update left it.
import { z } from "zod";
import type { Tx } from "../../db/types";
import type { HandledEvent } from "../processor.server";
import { requestDetection } from "../../domain/detection/tasks.server";
import {
  STOCK_CHECK_ITEM,
  stockChangeNeedsCheck,
  stockItemSubject,
} from "../../domain/detection/stock-item.server";
import { gid, isStale, parsePayload } from "./payload";

const InventoryLevelBody = z
  .object({
    inventory_item_id: z.number(),
    location_id: z.number(),
    available: z.number().int().nullable(),
    updated_at: z.string().datetime({ offset: true }),
  })
  .passthrough();

export async function applyInventoryLevel(tx: Tx, event: HandledEvent) {
  const level = parsePayload(InventoryLevelBody, event.payload, event.topic);
  const updatedAt = new Date(level.updated_at);
  const ids = {
    shop: event.shop,
    inventoryItemId: gid("InventoryItem", level.inventory_item_id),
    locationId: gid("Location", level.location_id),
  };
  const key = { shop_inventoryItemId_locationId: ids };
  if (isStale(await tx.inventoryLevelSnapshot.findUnique({ where: key }), updatedAt)) return;
  // available is null for untracked items: nothing to watch.
  const fields = { available: level.available ?? 0, shopifyUpdatedAt: updatedAt };
  await tx.inventoryLevelSnapshot.upsert({ where: key, create: { ...ids, ...fields }, update: fields });
  // Stock gone below zero (oversold, or units moved to damaged) leaves the newest holders short;
  // stock coming back may close their incidents. Both are judged per order, after this transaction.
  if (
    level.available !== null &&
    (await stockChangeNeedsCheck(tx, event.shop, ids.inventoryItemId, level.available))
  ) {
    await requestDetection(tx, {
      shop: event.shop,
      kind: STOCK_CHECK_ITEM,
      subject: stockItemSubject(ids.inventoryItemId, ids.locationId),
      dueAt: new Date(),
      requestedBy: event.eventKey,
    });
  }
}
