// What a destructive or privacy webhook must show before it is applied. The HMAC proves Shopify
// wrote the body, not that it was written about the shop in X-Shopify-Shop-Domain, nor that it
// is not an old delivery sent again: so the body must name the header's shop, and an erasure
// must be confirmed by Shopify itself (the shop's offline token no longer works).
import type { PrismaClient } from "@prisma/client";
import type { HandledEvent, WebhookCheck } from "../processor.server";
import type { Installation } from "../../shopify/installation.server";

type Body = Record<string, unknown>;
const bodyOf = (event: HandledEvent) =>
  event.payload && typeof event.payload === "object" ? (event.payload as Body) : {};
const idText = (id: unknown) => (typeof id === "number" || typeof id === "string" ? String(id) : null);

/** Loaded when first needed: `webhooks list` and friends need no Shopify configuration. */
async function probe(prisma: PrismaClient, shop: string): Promise<Installation> {
  const { probeInstallation } = await import("../../shopify/installation.server");
  return probeInstallation(prisma, shop);
}

/**
 * The shop's id as Shopify gave it: asked with the shop's token while it works, else the `id`
 * of the shop's last confirmed app/uninstalled (Shopify's signed shop object naming this shop).
 */
async function knownShopId(
  prisma: PrismaClient,
  shop: string,
  installation: Installation,
): Promise<string | null> {
  if (installation.state === "installed") return installation.shopId;
  const uninstalls = await prisma.webhookEvent.findMany({
    where: { shop, topic: "app/uninstalled", status: "processed" },
    orderBy: { processedAt: "desc" },
    take: 5,
    select: { payload: true },
  });
  for (const { payload } of uninstalls) {
    try {
      const body = JSON.parse(payload) as Body;
      if (body.myshopify_domain === shop && idText(body.id)) return idText(body.id);
    } catch {
      // a row whose body was purged or stripped: look at the next
    }
  }
  return null;
}

/** customers/* and shop/redact bodies carry the shop they are about: it must be the header's. */
function namesOtherShop(event: HandledEvent): string | null {
  const body = bodyOf(event);
  if (typeof body.shop_domain !== "string")
    return `the body names no shop (shop_domain); the delivery says ${event.shop}`;
  if (body.shop_domain !== event.shop)
    return `the body is about ${body.shop_domain}, the delivery says ${event.shop}`;
  if (!idText(body.shop_id)) return `the body has no shop_id`;
  return null;
}

function otherShopId(event: HandledEvent, known: string | null): string | null {
  const claimed = idText(bodyOf(event).shop_id);
  return known && claimed !== known ? `shop_id ${claimed} is not ${event.shop}'s (${known})` : null;
}

/** customers/data_request and customers/redact: about this shop, by its domain and its id. */
export const confirmCustomerRequest: WebhookCheck = async (prisma, event) => {
  const other = namesOtherShop(event);
  if (other) return other;
  return otherShopId(event, await knownShopId(prisma, event.shop, await probe(prisma, event.shop)));
};

/**
 * app/uninstalled: Shopify revoked the shop's tokens when the app was uninstalled. A token it
 * still takes means the delivery is replayed or forged, or the shop installed the app again since.
 */
export const confirmUninstall: WebhookCheck = async (prisma, event) => {
  const named = bodyOf(event).myshopify_domain;
  if (typeof named === "string" && named !== event.shop)
    return `the body is about ${named}, the delivery says ${event.shop}`;
  const installation = await probe(prisma, event.shop);
  if (installation.state === "installed") {
    return "the shop's offline token still works at Shopify, so the app is installed (a replayed or forged uninstall, or a reinstall since): nothing deleted";
  }
  return null;
};

/**
 * shop/redact erases the shop: only once the app saw the uninstall confirmed (app/uninstalled,
 * applied above) and Shopify still refuses the shop's token, for the shop the body names.
 */
export const confirmShopRedact: WebhookCheck = async (prisma, event) => {
  const other = namesOtherShop(event);
  if (other) return other;
  const shop = await prisma.shop.findUnique({ where: { domain: event.shop } });
  if (!shop || shop.active || !shop.uninstalledAt) {
    return "the shop is not uninstalled: the app has not seen a confirmed app/uninstalled for it since its last install";
  }
  const installation = await probe(prisma, event.shop);
  if (installation.state === "installed")
    return "the shop is not uninstalled: its offline token works at Shopify again";
  return otherShopId(event, await knownShopId(prisma, event.shop, installation));
};
