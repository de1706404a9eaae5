// Webhook bodies are validated for the fields a handler reads; anything else is kept as sent.
import { STRIPPED_MARK } from "../../domain/privacy/personal-data";
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
/** Whether an incoming body is older than the stored one. A snapshot whose customer was erased
 *  (customers/redact) also refuses a body of the same moment: that is a replay of what was erased. */
export const isStale = (stored: { shopifyUpdatedAt: Date; data?: string } | null, incoming: Date) =>
  !!stored &&
  (stored.shopifyUpdatedAt > incoming ||
    (stored.shopifyUpdatedAt.getTime() === incoming.getTime() &&
      !!stored.data?.includes(`"${STRIPPED_MARK}"`)));

/** REST payloads carry numeric ids; our tables key on GraphQL ids (strings). */
export const gid = (type: string, id: number | string) => `gid://shopify/${type}/${id}`;

/** A legacy id as webhooks send it (a JSON number) or as reconciliation carries it (the
 *  GraphQL legacyResourceId string, never turned into a JS number). */
export const legacyId = z.union([z.number().int(), z.string().regex(/^\d+$/)]);
