// Webhook verification with the Shopify library's own check (HMAC over the raw body with the app
// secret, Shopify's headers, a real shop domain), without what authenticate.webhook adds for
// handlers that call Shopify back: loading the shop's session and building an Admin client.
// Intake never calls Shopify, and that lookup was a database query on every webhook.
import { WebhookValidationErrorReason } from "@shopify/shopify-api";
import { shopifyLibrary as api } from "../shopify/library.server";

export type VerifiedWebhook = {
  shop: string;
  topic: string;
  webhookId: string;
  eventId?: string;
  apiVersion: string;
  triggeredAt?: string;
  payload: unknown;
};

/**
 * The verified webhook, or the Response to answer: 405, 401 (bad HMAC) or 400 with its reason.
 * `topic` is the route's: Shopify's HMAC covers the body only, so X-Shopify-Topic is a claim, and
 * one that disagrees with the route is refused (a captured orders body must not become shop/redact).
 */
export async function verifyWebhook(
  request: Request,
  rawBody: string,
  topic: string,
): Promise<VerifiedWebhook | { reject: Response; reason?: string; event?: string }> {
  if (request.method !== "POST") {
    return { reject: new Response(undefined, { status: 405, headers: { Allow: "POST" } }) };
  }
  const check = await api.webhooks.validate({ rawBody, rawRequest: request });
  if (!check.valid) {
    if (check.reason === WebhookValidationErrorReason.InvalidHmac)
      return { reject: new Response(undefined, { status: 401 }) };
    return { reject: new Response(undefined, { status: 400 }) };
  }
  // Signed, so not noise, but unusable: the caller logs these with what identifies them.
  const claimed = request.headers.get("x-shopify-topic");
  if (claimed !== topic) {
    return {
      reject: new Response("X-Shopify-Topic is not this address's topic", { status: 400 }),
      reason: `X-Shopify-Topic '${claimed}' sent to the ${topic} route`,
      event: "webhook_topic_mismatch",
    };
  }
  const shop = api.utils.sanitizeShop(check.domain);
  if (!shop)
    return {
      reject: new Response("X-Shopify-Shop-Domain is not a shop domain", { status: 400 }),
      reason: `shop domain '${check.domain}'`,
    };
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch (error) {
    return {
      reject: new Response("Webhook body is not JSON", { status: 400 }),
      reason: (error as Error).message,
    };
  }
  return {
    shop,
    topic,
    webhookId: check.webhookId,
    eventId: "eventId" in check ? check.eventId : undefined,
    apiVersion: check.apiVersion,
    triggeredAt: "triggeredAt" in check ? check.triggeredAt : undefined,
    payload,
  };
}
