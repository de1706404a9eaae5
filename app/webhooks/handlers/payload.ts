// Webhook bodies are validated for the fields a handler reads; anything else is kept as sent.
import { z } from "zod";
import { PermanentWebhookError } from "../processor.server";

export function parsePayload<T extends z.ZodTypeAny>(schema: T, payload: unknown, topic: string): z.infer<T> {
  const result = schema.safeParse(payload);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new PermanentWebhookError(`${topic} body: ${issue.path.join(".") || "(root)"} ${issue.message}`);
  }
  return result.data;
}

/** Whether the stored state is newer than what an event brings (equal times: the later event wins). */
export const isStale = (stored: { shopifyUpdatedAt: Date } | null, incoming: Date) =>
  !!stored && stored.shopifyUpdatedAt > incoming;

/** REST payloads carry numeric ids; our tables key on GraphQL ids (strings). */
export const gid = (type: string, id: number | string) => `gid://shopify/${type}/${id}`;

/** A legacy id as webhooks send it (a JSON number) or as reconciliation carries it (the
 *  GraphQL legacyResourceId string, never turned into a JS number). */
export const legacyId = z.union([z.number().int(), z.string().regex(/^\d+$/)]);
