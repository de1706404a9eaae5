// Webhook verification with the Shopify library's own check (HMAC over the raw body with the app
// secret, Shopify's headers, a real shop domain), without what authenticate.webhook adds for
// handlers that call Shopify back: loading the shop's session and building an Admin client.
// Intake never calls Shopify, and that lookup was a database query on every webhook.
import { ApiVersion, shopifyApi, WebhookValidationErrorReason } from "@shopify/shopify-api";
import { env } from "../env.server";
import { API_VERSION } from "../shopify/api-version";

const api = shopifyApi({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION as ApiVersion,
  hostName: new URL(env.SHOPIFY_APP_URL).host,
  hostScheme: new URL(env.SHOPIFY_APP_URL).protocol === "http:" ? "http" : "https",
  isEmbeddedApp: true,
  scopes: env.scopes,
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
  logger: { level: 0 }, // errors only: the app's own shopifyApp() already logs the library's start
});

export type VerifiedWebhook = {
  shop: string;
  topic: string;
  webhookId: string;
  eventId?: string;
  apiVersion: string;
  triggeredAt?: string;
  payload: unknown;
};

/** The verified webhook, or the Response to answer: 405, 401 (bad HMAC) or 400 with its reason. */
export async function verifyWebhook(request: Request, rawBody: string): Promise<VerifiedWebhook | { reject: Response; reason?: string }> {
  if (request.method !== "POST") {
    return { reject: new Response(undefined, { status: 405, headers: { Allow: "POST" } }) };
  }
  const check = await api.webhooks.validate({ rawBody, rawRequest: request });
  if (!check.valid) {
    if (check.reason === WebhookValidationErrorReason.InvalidHmac) return { reject: new Response(undefined, { status: 401 }) };
    return { reject: new Response(undefined, { status: 400 }) };
  }
  // Signed, so not noise, but unusable: the caller logs these with what identifies them.
  const shop = api.utils.sanitizeShop(check.domain);
  if (!shop) return { reject: new Response("X-Shopify-Shop-Domain is not a shop domain", { status: 400 }), reason: `shop domain '${check.domain}'` };
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch (error) {
    return { reject: new Response("Webhook body is not JSON", { status: 400 }), reason: (error as Error).message };
  }
  return {
    shop,
    // As Shopify sends it (orders/create), the form shopify.app.toml uses.
    topic: request.headers.get("x-shopify-topic") ?? check.topic,
    webhookId: check.webhookId,
    eventId: "eventId" in check ? check.eventId : undefined,
    apiVersion: check.apiVersion,
    triggeredAt: "triggeredAt" in check ? check.triggeredAt : undefined,
    payload,
  };
}
