// What every webhook route does: verify, record, answer. Processing happens later, off the
// request (webhook routes never call the Admin API).
import { InvalidShopError } from "@shopify/shopify-api";
import prisma from "../db.server";
import { env } from "../env.server";
import { resourceOf } from "./resource";
import { startWebhookWorker } from "./worker.server";
import { authenticate } from "../shopify.server";
import { recordWebhookEvent, type IncomingWebhook } from "./inbox.server";

type Verified = Awaited<ReturnType<typeof authenticate.webhook>>;

/** Verifies the request and records it; returns the verified context for topic-specific work. */
export async function receiveWebhook(
  request: Request,
  afterRecord?: (webhook: Verified) => Promise<void>,
): Promise<Response> {
  const rawBody = await request.clone().text();
  let webhook: Verified;
  try {
    // Throws 405 (not POST), 401 (bad HMAC) or 400 (missing headers) as Responses.
    webhook = await authenticate.webhook(request);
  } catch (error) {
    if (error instanceof Response) return error;
    // Signed, so not noise, but unusable: 400 so Shopify does not retry it for hours, and a log
    // line with enough to find it again.
    if (error instanceof SyntaxError) return rejectMalformed(request, rawBody, "Webhook body is not JSON", error);
    if (error instanceof InvalidShopError) return rejectMalformed(request, rawBody, "X-Shopify-Shop-Domain is not a shop domain", error);
    throw error;
  }

  const topic = incomingTopic(request, webhook.topic);
  const incoming: IncomingWebhook = {
    shop: webhook.shop,
    topic,
    webhookId: webhook.webhookId,
    eventId: webhook.eventId,
    apiVersion: webhook.apiVersion,
    triggeredAt: webhook.triggeredAt,
    resourceId: resourceOf(topic, webhook.payload),
    rawBody,
  };
  const outcome = await recordWebhookEvent(prisma, incoming);
  if (outcome === "recorded" && afterRecord) await afterRecord(webhook);
  // Applied off the request: the response does not wait for it.
  if (outcome === "recorded" && env.WEBHOOK_WORKER === "inprocess") startWebhookWorker(prisma).nudge();
  return new Response(null, { status: 200 });
}

function rejectMalformed(request: Request, rawBody: string, answer: string, error: Error): Response {
  console.error(
    JSON.stringify({
      event: "webhook_malformed",
      shop: request.headers.get("x-shopify-shop-domain"),
      topic: request.headers.get("x-shopify-topic"),
      webhookId: request.headers.get("x-shopify-webhook-id"),
      bytes: Buffer.byteLength(rawBody),
      reason: error.message,
    }),
  );
  return new Response(answer, { status: 400 });
}

/** The topic as Shopify sends it (orders/create), the form shopify.app.toml uses; the library's
 * webhook.topic is the enum form (ORDERS_CREATE). */
function incomingTopic(request: Request, libraryTopic: string) {
  return request.headers.get("x-shopify-topic") ?? libraryTopic;
}

/** Webhook routes answer POST only; Remix would answer a GET to an action-only route with 400. */
export function rejectNonPost(): Response {
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}
