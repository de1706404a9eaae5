// The periodic reconciliation (app/reconcile/reconcile.server.ts): every active shop, from where
// the last run got to (a failed shop starts again from the same point next time).
import type { PrismaClient } from "@prisma/client";
import { forEachActiveShop } from "./periodic.server";
import type { AdminClient } from "../shopify/client.server";
import type { InboxWriter } from "../webhooks/inbox-writer.server";
import { reconcileShop } from "../reconcile/reconcile.server";

/** A first run looks back this far. */
const FIRST_LOOKBACK_MS = 24 * 60 * 60 * 1000;
/** Each run re-reads this much of the last one: a change stamped just before the last run's
 *  start but committed after it is not missed (re-reading costs nothing: keys deduplicate). */
const OVERLAP_MS = 5 * 60 * 1000;

export type ReconcileDeps = {
  prisma: PrismaClient;
  inbox: InboxWriter;
  adminFor(shop: string): Promise<AdminClient>;
};

export function reconcileActiveShops({ prisma, inbox, adminFor }: ReconcileDeps, now = new Date()) {
  return forEachActiveShop(prisma, "reconciled", async (shop) => {
    const since = shop.reconciledThrough ?? new Date(now.getTime() - FIRST_LOOKBACK_MS);
    const result = await reconcileShop(prisma, await adminFor(shop.domain), inbox, shop.domain, since);
    await prisma.shop.update({
      where: { domain: shop.domain },
      data: { reconciledThrough: new Date(now.getTime() - OVERLAP_MS) },
    });
    return { since: since.toISOString(), ...result };
  });
}
