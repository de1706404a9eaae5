// The durable webhook inbox: a delivery is recorded once per event, whatever Shopify retries.
// The intake writes it through InboxWriter (inbox-writer.server.ts), in batches.
import type { VerifiedWebhook } from "./verify.server";

/** A verified webhook as the inbox keeps it: the raw body, and what it is about. */
export type IncomingWebhook = Omit<VerifiedWebhook, "payload"> & {
  resourceId?: string | null;
  rawBody: string;
};

export type RecordOutcome = "recorded" | "duplicate";
