// The deadline scan for every active shop, every SCAN_EVERY_MINUTES in the worker's process and on
// demand from the CLI (`incidents scan`).
import type { PrismaClient } from "@prisma/client";
import { forEachActiveShop } from "../../jobs/periodic.server";
import type { AdminClient } from "../../shopify/client.server";
import { scanShop } from "./scan.server";

export function scanActiveShops(prisma: PrismaClient, adminFor: (shop: string) => Promise<AdminClient>, now = new Date()) {
  return forEachActiveShop(prisma, "scanned", async (shop) => scanShop(prisma, await adminFor(shop.domain), shop.domain, now));
}
