// Requests Shopify's App Proxy forwards from a shop's own domain (https://<shop>/apps/makegood/…
// → /proxy/…). Shopify signs the query, not the body nor the headers: the library checks the
// signature (and its timestamp) first, and only then are `shop` and `path_prefix` facts.
import { z } from "zod";
import { authenticate } from "../shopify.server";

/** Where the customer's browser is: the merchant may pick another prefix (apps, a, community,
 *  tools) or subpath than shopify.app.toml's, so links are built from what Shopify says. */
const ProxyQuery = z.object({
  shop: z.string().regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/i),
  pathPrefix: z.string().regex(/^\/(apps|a|community|tools)\/[\w-]{1,30}$/),
});
export type ProxiedRequest = z.infer<typeof ProxyQuery>;

/** The shop and path prefix of a request Shopify's App Proxy signed; a 400 for anything else. */
export async function proxiedRequest(request: Request): Promise<ProxiedRequest> {
  await authenticate.public.appProxy(request); // a missing or wrong signature: 400, nothing read
  const query = new URL(request.url).searchParams;
  const parsed = ProxyQuery.safeParse({ shop: query.get("shop"), pathPrefix: query.get("path_prefix") });
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  return parsed.data;
}
