// The deadline scan (app/domain/detection/scan.server.ts) for every active shop, every
// SCAN_EVERY_MINUTES in the worker's process and on demand from the CLI (`incidents scan --all`);
// unanswered offers past their date get their fallback then too.
import type { PrismaClient } from "@prisma/client";
import { forEachActiveShop } from "./periodic.server";
import type { AdminClient } from "../shopify/client.server";
import { expireOffers, sweepStuckOffers } from "../domain/remedies/offer-answering.server";
import { scanShop } from "../domain/detection/scan.server";

export function scanActiveShops(
  prisma: PrismaClient,
  adminFor: (shop: string) => Promise<AdminClient>,
  now = new Date(),
) {
  return forEachActiveShop(prisma, "scanned", async (shop) => ({
    ...(await scanShop(prisma, await adminFor(shop.domain), shop.domain, now)),
    // Answers interrupted mid-way wait again; then offers past their answer-by date get their fallback.
    stuckOffers: await sweepStuckOffers(prisma, shop.domain, now),
    offers: await expireOffers(prisma, adminFor, shop.domain, now),
  }));
}
