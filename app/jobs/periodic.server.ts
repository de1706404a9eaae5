// Work done for every active shop on a timer (reconciliation, the deadline scan). A shop whose run
// fails (token revoked, Shopify down) is logged and tried again at the next run; the others go on.
import type { PrismaClient } from "@prisma/client";

export type PerShopResults<R> = Record<string, R | { error: string }>;

export async function forEachActiveShop<R extends object>(
  prisma: PrismaClient,
  job: string,
  run: (shop: { domain: string; reconciledThrough: Date | null }) => Promise<R>,
): Promise<PerShopResults<R>> {
  const shops = await prisma.shop.findMany({ where: { active: true } });
  const results: PerShopResults<R> = {};
  for (const shop of shops) {
    try {
      results[shop.domain] = await run(shop);
      console.info(JSON.stringify({ event: job, shop: shop.domain, ...results[shop.domain] }));
    } catch (error) {
      results[shop.domain] = { error: String(error) };
      console.error(JSON.stringify({ event: `${job}_failed`, shop: shop.domain, error: String(error) }));
    }
  }
  return results;
}

declare global {
  var makegoodTimers: Map<string, NodeJS.Timeout> | undefined;
}
const timers = (globalThis.makegoodTimers ??= new Map());

/** Runs `run` every `everyMinutes` (0: never) in this process; a slow run is never overlapped. */
export function startPeriodic(name: string, everyMinutes: number, run: () => Promise<unknown>) {
  if (timers.has(name) || everyMinutes <= 0) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await run();
    } catch (error) {
      console.error(JSON.stringify({ event: `${name}_failed`, error: String(error) }));
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, everyMinutes * 60_000);
  timer.unref();
  timers.set(name, timer);
}

export function stopPeriodic(name?: string) {
  for (const [key, timer] of timers) {
    if (name && key !== name) continue;
    clearInterval(timer);
    timers.delete(key);
  }
}
