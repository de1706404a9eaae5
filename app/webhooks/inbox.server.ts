// The durable webhook inbox: a delivery is recorded once per event, whatever Shopify retries.
import type { PrismaClient } from "@prisma/client";
import { isUniqueViolation } from "../db/errors";
import type { VerifiedWebhook } from "./verify.server";

/** A verified webhook as the inbox keeps it: the raw body, and what it is about. */
export type IncomingWebhook = Omit<VerifiedWebhook, "payload"> & {
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
