import type { Session } from "@shopify/shopify-api";
import { createAdminClient, type AdminClient } from "./client.server";

/** The Admin client for an authenticated session (routes) or a stored offline session (jobs). */
export function adminClientFor(session: Pick<Session, "shop" | "accessToken">): AdminClient {
  if (!session.accessToken) throw new Error(`No access token for ${session.shop}: the app must be opened once to install`);
  return createAdminClient({ shop: session.shop, accessToken: session.accessToken });
}
