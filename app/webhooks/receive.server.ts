// What every webhook route does: verify, record, answer. Processing happens later, off the
// request (webhook routes never call the Admin API).
import prisma from "../db.server";
import { databaseTarget } from "../db/target";
import { env } from "../env.server";
import { BODY_LIMITS, readTextWithin } from "../http/body-limit.server";
import { InboxWriter } from "./inbox-writer.server";
import { resourceOf } from "./resource";
import { verifyWebhook, type VerifiedWebhook } from "./verify.server";
import { dispatcherFor } from "./dispatch.server";

/** The app's inbox writer: webhook routes and reconciliation record through it. */
export const inbox = new InboxWriter(prisma, databaseTarget(env.DATABASE_URL).provider, dispatcherFor(env));

/**
 * Verifies the request to the route of `topic` and records it; `afterRecord` runs once per new
 * event, for work that cannot wait. The body is read up to the webhook cap before the HMAC check.
 */
export async function receiveWebhook(
  request: Request,
  topic: string,
  afterRecord?: (webhook: VerifiedWebhook) => Promise<void>,
): Promise<Response> {
  if (request.method !== "POST") return rejectNonPost();
  const body = await readTextWithin(request, BODY_LIMITS.webhook);
  if (!body.ok) {
    console.error(
      JSON.stringify({
        event: "webhook_too_large",
        topic,
        shop: request.headers.get("x-shopify-shop-domain"),
        declared: request.headers.get("content-length"),
      }),
    );
    return body.response;
  }
  const rawBody = body.value;
  const webhook = await verifyWebhook(request, rawBody, topic);
  if ("reject" in webhook) {
    if (webhook.reason) {
      console.error(
        JSON.stringify({
          event: webhook.event ?? "webhook_malformed",
          shop: request.headers.get("x-shopify-shop-domain"),
          topic: request.headers.get("x-shopify-topic"),
          webhookId: request.headers.get("x-shopify-webhook-id"),
          bytes: Buffer.byteLength(rawBody),
          reason: webhook.reason,
        }),
      );
    }
    return webhook.reject;
  }

  const outcome = await inbox.record({
    ...webhook,
    resourceId: resourceOf(webhook.topic, webhook.payload),
    rawBody,
  });
  // Applied off the request (the inbox writer hands new events to the worker or queue).
  if (outcome === "recorded" && afterRecord) await afterRecord(webhook);
  return new Response(null, { status: 200 });
}

/** Webhook routes answer POST only; Remix would answer a GET to an action-only route with 400. */
export function rejectNonPost(): Response {
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}
