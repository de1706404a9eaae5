// Applies recorded webhooks to the app's state, outside the request that received them.
// Each event is claimed, handled and marked processed in one transaction: a crash mid-event
// leaves it pending, and a second worker on the same database finds it already claimed.
import type { PrismaClient, WebhookEvent } from "@prisma/client";
import type { Tx } from "../db/types";

export type HandledEvent = {
  shop: string;
  topic: string;
  payload: unknown;
  triggeredAt: Date | null;
  eventKey: string;
};

export type WebhookHandler = (tx: Tx, event: HandledEvent) => Promise<void>;

/**
 * What must hold before a topic's handler may run, asked outside the transaction (it may ask
 * Shopify): the reason to refuse the event, or null. A thrown error is a failure to retry.
 */
export type WebhookCheck = (prisma: PrismaClient, event: HandledEvent) => Promise<string | null>;

/** A topic's handler, alone or behind its check (destructive and privacy topics). */
export type TopicHandler = WebhookHandler | { check: WebhookCheck; apply: WebhookHandler };

/** The event can never be handled (its body lacks what the topic promises): dead at once, kept. */
export class PermanentWebhookError extends Error {}

export type ProcessorOptions = {
  maxAttempts?: number;
  /** Retry n waits baseDelayMs × 2^(n−1). */
  baseDelayMs?: number;
  batchSize?: number;
  now?: () => Date;
  /** Only this resource's events (or this one event, when it concerns no resource): a queue job's share. */
  scope?: EventScope;
  /**
   * On PostgreSQL several workers run at once; each event's transaction first takes an advisory
   * lock on its resource, so two events of one order are never applied side by side.
   */
  provider?: "sqlite" | "postgresql";
};

export type EventScope = { shop: string; resourceId: string | null; eventId: string };

/** The inbox rows of a scope: its resource's events, or the one event that concerns no resource. */
export function scopeFilter(scope: EventScope | undefined) {
  if (!scope) return {};
  return scope.resourceId ? { shop: scope.shop, resourceId: scope.resourceId } : { id: scope.eventId };
}

/** One key per piece of work: a shop's resource, or an event without one. */
export const scopeKey = (s: EventScope) => (s.resourceId ? `${s.shop}|${s.resourceId}` : s.eventId);

/** `refused`: a check said no; the event is kept with the reason, never retried on its own. */
export type BatchOutcome = {
  processed: number;
  failed: number;
  dead: number;
  refused: number;
  deferred: number;
};

const resourceKey = (e: Pick<WebhookEvent, "shop" | "resourceId" | "id">) =>
  scopeKey({ shop: e.shop, resourceId: e.resourceId, eventId: e.id });

export async function processInbox(
  prisma: PrismaClient,
  handlers: Record<string, TopicHandler>,
  options: ProcessorOptions = {},
): Promise<BatchOutcome> {
  const {
    maxAttempts = 8,
    baseDelayMs = 1000,
    batchSize = 100,
    now = () => new Date(),
    provider = "sqlite",
  } = options;
  const scoped = scopeFilter(options.scope);
  const outcome: BatchOutcome = { processed: 0, failed: 0, dead: 0, refused: 0, deferred: 0 };
  const at = now();
  // A resource with an event waiting for its retry takes no newer event meanwhile: Shopify's
  // order of events per resource is kept even across failures.
  const waiting = await prisma.webhookEvent.findMany({
    where: { status: "failed", nextAttemptAt: { gt: at }, resourceId: { not: null }, ...scoped },
    select: { id: true, shop: true, resourceId: true },
  });
  const blocked = new Set(waiting.map(resourceKey));
  const due = await prisma.webhookEvent.findMany({
    where: { status: { in: ["pending", "failed"] }, nextAttemptAt: { lte: at }, ...scoped },
    orderBy: [{ triggeredAt: "asc" }, { receivedAt: "asc" }],
    take: batchSize,
  });

  for (const event of due) {
    if (event.resourceId && blocked.has(resourceKey(event))) {
      outcome.deferred++;
      continue;
    }
    const result = await processEvent(prisma, handlers, event, { maxAttempts, baseDelayMs, at, provider });
    if (result === "taken") continue;
    outcome[result]++;
    if (result !== "processed" && result !== "refused" && event.resourceId) blocked.add(resourceKey(event));
  }
  return outcome;
}

async function processEvent(
  prisma: PrismaClient,
  handlers: Record<string, TopicHandler>,
  event: WebhookEvent,
  {
    maxAttempts,
    baseDelayMs,
    at,
    provider,
  }: { maxAttempts: number; baseDelayMs: number; at: Date; provider: "sqlite" | "postgresql" },
): Promise<"processed" | "failed" | "dead" | "refused" | "taken"> {
  try {
    const entry = handlers[event.topic];
    if (!entry) throw new PermanentWebhookError(`no handler for topic ${event.topic}`);
    const { check, apply: handler } =
      typeof entry === "function" ? { check: undefined, apply: entry } : entry;
    const payload = JSON.parse(event.payload) as unknown;
    const handled: HandledEvent = {
      shop: event.shop,
      topic: event.topic,
      payload,
      triggeredAt: event.triggeredAt,
      eventKey: event.eventKey,
    };
    const refusal = check ? await check(prisma, handled) : null;
    if (refusal) return refuse(prisma, event, refusal, at);
    const taken = await prisma.$transaction(async (tx) => {
      if (provider === "postgresql" && event.resourceId) {
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${resourceKey(event)}))::text`;
      }
      const claim = await tx.webhookEvent.updateMany({
        where: { id: event.id, status: event.status, attempts: event.attempts },
        data: { status: "processed", processedAt: at, attempts: { increment: 1 }, lastError: null },
      });
      if (claim.count === 0) return true; // another worker got there first
      await handler(tx, handled);
      return false;
    });
    return taken ? "taken" : "processed";
  } catch (error) {
    const attempts = event.attempts + 1;
    const dead = error instanceof PermanentWebhookError || attempts >= maxAttempts;
    try {
      await prisma.webhookEvent.update({
        where: { id: event.id },
        data: {
          status: dead ? "dead" : "failed",
          attempts,
          lastError: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          nextAttemptAt: new Date(at.getTime() + baseDelayMs * 2 ** (attempts - 1)),
        },
      });
    } catch (bookkeeping) {
      // The database itself refused the write (unreachable, or locked past its timeout): the event
      // keeps its state and is taken again by the next pass; its resource's later events wait for it.
      console.error(
        JSON.stringify({
          event: "webhook_bookkeeping_failed",
          id: event.id,
          shop: event.shop,
          topic: event.topic,
          error: String(error),
          bookkeeping: String(bookkeeping),
        }),
      );
      return "failed";
    }
    console.error(
      JSON.stringify({
        event: dead ? "webhook_dead" : "webhook_failed",
        id: event.id,
        shop: event.shop,
        topic: event.topic,
        attempts,
        error: String(error),
      }),
    );
    return dead ? "dead" : "failed";
  }
}

/** Keeps the event, not applied, with the reason: `webhooks list --status refused` shows it. */
async function refuse(
  prisma: PrismaClient,
  event: WebhookEvent,
  reason: string,
  at: Date,
): Promise<"refused" | "taken"> {
  const claim = await prisma.webhookEvent.updateMany({
    where: { id: event.id, status: event.status, attempts: event.attempts },
    data: { status: "refused", processedAt: at, attempts: { increment: 1 }, lastError: reason },
  });
  if (claim.count === 0) return "taken";
  console.error(
    JSON.stringify({ event: "webhook_refused", id: event.id, shop: event.shop, topic: event.topic, reason }),
  );
  return "refused";
}

/** Puts events back in line: one by id, or every dead one. Returns how many. */
export async function replayEvents(
  prisma: PrismaClient,
  which: { id: string } | { dead: true },
  now = new Date(),
) {
  const where = "id" in which ? { id: which.id } : { status: "dead" };
  const { count } = await prisma.webhookEvent.updateMany({
    where,
    data: { status: "pending", attempts: 0, nextAttemptAt: now, lastError: null, processedAt: null },
  });
  return count;
}
