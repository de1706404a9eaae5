// What the pages and APIs that write to customers need of the shop: its name and time zone (for
// the message and its dates) and where offer links point — the shop's own domain through the App
// Proxy, or the app itself with OFFER_LINKS=direct (the sandbox has no proxy).
import { LRUCache } from "lru-cache";
import { shopLocale } from "../domain/dates";
import { env } from "../env.server";
import type { AdminClient } from "./client.server";
import { ShopSummaryQuery } from "./documents/shop";

/** `locale`: how the shop's region writes dates, in English ("en-ES"): see domain/dates.ts. */
export type ShopContext = {
  shopName: string;
  timezone: string;
  locale: string;
  currency: string;
  offerLinkBase: string;
};

// A shop's name, time zone and currency change rarely; every page drawn need not ask Shopify.
const known = new LRUCache<string, ShopContext>({ max: 10_000, ttl: 5 * 60_000 });

/** `fresh`: ask Shopify even when known — the home page does, so that opening the app checks the
 *  shop's token (a revoked one is exchanged anew by withAdmin) for the background jobs too. */
export async function shopContext(admin: AdminClient, { fresh = false } = {}): Promise<ShopContext> {
  const cached = known.get(admin.shop);
  if (!fresh && cached) return cached;
  const context = await fetchShopContext(admin);
  known.set(admin.shop, context);
  return context;
}

async function fetchShopContext(admin: AdminClient): Promise<ShopContext> {
  const { shop } = await admin.request(ShopSummaryQuery);
  const offerLinkBase =
    env.OFFER_LINKS === "direct"
      ? `${env.SHOPIFY_APP_URL.replace(/\/$/, "")}/offers`
      : `${shop.primaryDomain.url.replace(/\/$/, "")}/apps/makegood/offers`;
  return {
    shopName: shop.name,
    timezone: shop.ianaTimezone,
    locale: shopLocale(shop.shopAddress?.countryCodeV2),
    currency: shop.currencyCode,
    offerLinkBase,
  };
}
