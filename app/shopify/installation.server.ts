// Whether Shopify still has the app installed on a shop, asked the only way an app can: with the
// shop's offline token. Shopify revokes every token of the app at uninstall, so a 401 to a
// stored (and, if expired, refreshed) token is Shopify's own word that the app is gone; an
// answer is its word that it is installed, with the shop's id. Anything else (5xx, timeouts) is
// thrown: the caller tries again later rather than guess.
import type { PrismaClient } from "@prisma/client";
import { HttpResponseError } from "@shopify/shopify-api";
import { createAdminClient, ShopifyAdminError } from "./client.server";
import { ShopIdentityQuery } from "./documents/shop";
import { shopifyLibrary } from "./library.server";

export type Installation =
  /** Shopify took the token: `shopId` is the shop's legacy id as webhooks carry it ("548380009"). */
  | { state: "installed"; shopId: string }
  /** Shopify refused the token (or its refresh): the app is not installed. */
  | { state: "revoked" }
  /** The app holds no offline token for the shop: nothing to ask Shopify with. */
  | { state: "no-token" };

const REFRESH_MARGIN_MS = 5 * 60_000;

/** `prisma`: the database the caller works on (the session table the library writes). */
export async function probeInstallation(prisma: PrismaClient, shop: string): Promise<Installation> {
  const id = shopifyLibrary.session.getOfflineId(shop);
  const stored = await prisma.session.findUnique({ where: { id } });
  if (!stored?.accessToken) return { state: "no-token" };
  let accessToken = stored.accessToken;
  if (stored.refreshToken && stored.expires && stored.expires.getTime() - REFRESH_MARGIN_MS <= Date.now()) {
    try {
      // The library's refresh, as unauthenticated.admin does it, but with Shopify's answer kept:
      // that one turns a refused refresh into a bare 500.
      const { session } = await shopifyLibrary.auth.refreshToken({ shop, refreshToken: stored.refreshToken });
      await prisma.session.update({
        where: { id },
        data: {
          accessToken: session.accessToken!,
          expires: session.expires ?? null,
          refreshToken: session.refreshToken ?? null,
          refreshTokenExpires: session.refreshTokenExpires ?? null,
        },
      });
      accessToken = session.accessToken!;
    } catch (error) {
      // invalid_grant: Shopify no longer honours the refresh token (revoked with the app).
      if (error instanceof HttpResponseError && (error.response.code === 400 || error.response.code === 401))
        return { state: "revoked" };
      throw error;
    }
  }
  try {
    const admin = createAdminClient({ shop, accessToken, retries: 2 });
    const { shop: identity } = await admin.request(ShopIdentityQuery);
    return { state: "installed", shopId: identity.id.replace(/^gid:\/\/shopify\/Shop\//, "") };
  } catch (error) {
    if (error instanceof ShopifyAdminError && error.status === 401) return { state: "revoked" };
    throw error;
  }
}
