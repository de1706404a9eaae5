// The deadline scan for every active shop, every SCAN_EVERY_MINUTES in the worker's process and on
// demand from the CLI (`incidents scan`); unanswered offers past their date get their fallback then too.
import type { PrismaClient } from "@prisma/client";
import { forEachActiveShop } from "../../jobs/periodic.server";
import type { AdminClient } from "../../shopify/client.server";
import { expireOffers } from "../remedies/offers.server";
import { scanShop } from "./scan.server";

export function scanActiveShops(prisma: PrismaClient, adminFor: (shop: string) => Promise<AdminClient>, now = new Date()) {
  return forEachActiveShop(prisma, "scanned", async (shop) => ({
    ...(await scanShop(prisma, await adminFor(shop.domain), shop.domain, now)),
    // Offers past their answer-by date get their fallback on the same beat.
    offers: await expireOffers(prisma, adminFor, shop.domain, now),
  }));
}
