// The durable webhook inbox: a delivery is recorded once per event, whatever Shopify retries.
import type { PrismaClient } from "@prisma/client";
import { isUniqueViolation } from "../db/errors";

export type IncomingWebhook = {
  shop: string;
  topic: string;
  webhookId: string;
  eventId?: string;
  apiVersion: string;
  triggeredAt?: string;
  resourceId?: string | null;
  rawBody: string;
};

export type RecordOutcome = "recorded" | "duplicate";

export async function recordWebhookEvent(
  prisma: PrismaClient,
  event: IncomingWebhook,
): Promise<RecordOutcome> {
  const triggeredAt = event.triggeredAt ? new Date(event.triggeredAt) : null;
  try {
    await prisma.webhookEvent.create({
      data: {
        shop: event.shop,
        topic: event.topic,
        eventKey: event.eventId || event.webhookId,
        webhookId: event.webhookId,
        apiVersion: event.apiVersion,
        triggeredAt: triggeredAt && !Number.isNaN(triggeredAt.getTime()) ? triggeredAt : null,
        payload: event.rawBody,
        resourceId: event.resourceId ?? null,
      },
    });
    return "recorded";
  } catch (error) {
    if (isUniqueViolation(error)) {
      return "duplicate";
    }
    throw error;
  }
}
