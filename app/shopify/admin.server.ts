import type { Session } from "@shopify/shopify-api";
import { authenticate, sessionStorage, unauthenticated } from "../shopify.server";
import { createAdminClient, ShopifyAdminError, type AdminClient } from "./client.server";

/** The Admin client for a stored session (routes and jobs alike). */
export function adminClientFor(session: Pick<Session, "shop" | "accessToken">): AdminClient {
  if (!session.accessToken)
    throw new Error(`No access token for ${session.shop}: the app must be opened once to install`);
  return createAdminClient({ shop: session.shop, accessToken: session.accessToken });
}

/** The Admin client for a shop's offline session, outside any request (jobs, the CLI); an expired
 *  offline token is refreshed by the library first. */
export async function adminClientForShop(shop: string): Promise<AdminClient> {
  const { session } = await unauthenticated.admin(shop);
  return adminClientFor(session);
}

/**
 * Runs `work` with the Admin client of the merchant's request. A stored token Shopify no longer
 * accepts (the app was reinstalled, the token revoked) is dropped and exchanged anew from the
 * request's session token, once; `work` is retried with the new one.
 */
export async function withAdmin<T>(
  request: Request,
  work: (admin: AdminClient, session: Session) => Promise<T>,
): Promise<T> {
  const { session } = await authenticate.admin(request);
  try {
    return await work(adminClientFor(session), session);
  } catch (error) {
    if (!(error instanceof ShopifyAdminError) || error.status !== 401) throw error;
    await sessionStorage.deleteSession(session.id);
    const { session: renewed } = await authenticate.admin(request);
    return work(adminClientFor(renewed), renewed);
  }
}
