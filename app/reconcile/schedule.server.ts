// The periodic reconciliation: every active shop, from where the last run got to. A shop whose
// run fails (token revoked, Shopify down) is logged and retried at the next run from the same
// point; the others go on.
import type { PrismaClient } from "@prisma/client";
import type { AdminClient } from "../shopify/client.server";
import type { InboxWriter } from "../webhooks/inbox-writer.server";
import { reconcileShop, type ReconcileResult } from "./reconcile.server";

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

export async function reconcileActiveShops({ prisma, inbox, adminFor }: ReconcileDeps, now = new Date()) {
  const shops = await prisma.shop.findMany({ where: { active: true } });
  const results: Record<string, ReconcileResult | { error: string }> = {};
  for (const shop of shops) {
    const since = shop.reconciledThrough ?? new Date(now.getTime() - FIRST_LOOKBACK_MS);
    try {
      results[shop.domain] = await reconcileShop(prisma, await adminFor(shop.domain), inbox, shop.domain, since);
      await prisma.shop.update({ where: { domain: shop.domain }, data: { reconciledThrough: new Date(now.getTime() - OVERLAP_MS) } });
      console.info(JSON.stringify({ event: "reconciled", shop: shop.domain, since: since.toISOString(), ...results[shop.domain] }));
    } catch (error) {
      results[shop.domain] = { error: String(error) };
      console.error(JSON.stringify({ event: "reconcile_failed", shop: shop.domain, error: String(error) }));
    }
  }
  return results;
}

declare global {
  var makegoodReconcileTimer: NodeJS.Timeout | undefined;
}

export function startReconcileSchedule(deps: ReconcileDeps, everyMinutes: number) {
  if (globalThis.makegoodReconcileTimer || everyMinutes <= 0) return;
  let running = false;
  const run = async () => {
    if (running) return; // a slow run is never overlapped by the next
    running = true;
    try {
      await reconcileActiveShops(deps);
    } finally {
      running = false;
    }
  };
  globalThis.makegoodReconcileTimer = setInterval(run, everyMinutes * 60_000);
  globalThis.makegoodReconcileTimer.unref();
}

export function stopReconcileSchedule() {
  clearInterval(globalThis.makegoodReconcileTimer);
  globalThis.makegoodReconcileTimer = undefined;
}
