// Group commit for the webhook inbox: the inserts of concurrent requests go to the database as
// one statement, and each request is answered only once the statement holding its row has
// committed. One statement per batch instead of one per webhook is what lets intake keep up with
// a flash sale (see README, Benchmarks); durability is unchanged.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import type { IncomingWebhook, RecordOutcome } from "./inbox.server";

/** An event the inbox took for the first time. */
export type RecordedEvent = { id: string; shop: string; resourceId: string | null };

type Waiting = {
  event: IncomingWebhook;
  resolve(outcome: RecordOutcome): void;
  reject(error: unknown): void;
};

const COLUMNS = [
  "id",
  "shop",
  "topic",
  "eventKey",
  "webhookId",
  "apiVersion",
  "triggeredAt",
  "payload",
  "receivedAt",
  "status",
  "attempts",
  "resourceId",
  "nextAttemptAt",
];
const eventKey = (e: IncomingWebhook) => e.eventId || e.webhookId;

export class InboxWriter {
  private queue: Waiting[] = [];
  private flushing: Promise<void> | null = null;

  /**
   * `provider` picks the placeholder syntax; the SQL is otherwise the same for both.
   * `onRecorded` hears of each batch's new events once they are committed (to hand them to a worker).
   */
  constructor(
    private prisma: PrismaClient,
    private provider: "sqlite" | "postgresql",
    private onRecorded: (events: RecordedEvent[]) => void = () => {},
    private maxBatch = 200,
  ) {}

  record(event: IncomingWebhook): Promise<RecordOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      this.flushSoon();
    });
  }

  private flushSoon() {
    if (this.flushing) return; // the flush under way takes what arrives meanwhile
    this.flushing = (async () => {
      await new Promise((r) => setImmediate(r)); // let the requests of this turn join
      while (this.queue.length) await this.write(this.queue.splice(0, this.maxBatch));
    })().finally(() => {
      this.flushing = null;
      if (this.queue.length) this.flushSoon();
    });
  }

  private async write(batch: Waiting[]) {
    // A redelivery inside the same batch is a duplicate of its first copy.
    const first = new Map<string, Waiting>();
    for (const w of batch) {
      const key = `${w.event.shop}\u0000${eventKey(w.event)}`;
      if (!first.has(key)) first.set(key, w);
    }
    try {
      const rows = await this.insert([...first.values()].map((w) => w.event));
      const inserted = new Set(rows.map((r) => `${r.shop}\u0000${r.eventKey}`));
      if (rows.length) this.onRecorded(rows.map(({ id, shop, resourceId }) => ({ id, shop, resourceId })));
      for (const w of batch) {
        const key = `${w.event.shop}\u0000${eventKey(w.event)}`;
        w.resolve(first.get(key) === w && inserted.has(key) ? "recorded" : "duplicate");
      }
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }

  private async insert(events: IncomingWebhook[]) {
    const now = new Date();
    const values: unknown[] = [];
    const rows = events.map((e) => {
      const triggeredAt = e.triggeredAt ? new Date(e.triggeredAt) : null;
      const row = [
        randomUUID(),
        e.shop,
        e.topic,
        eventKey(e),
        e.webhookId,
        e.apiVersion,
        triggeredAt && !Number.isNaN(triggeredAt.getTime()) ? triggeredAt : null,
        e.rawBody,
        now,
        "pending",
        0,
        e.resourceId ?? null,
        now,
      ];
      const placeholders = row.map((value) => {
        values.push(value);
        return this.provider === "postgresql" ? `$${values.length}` : "?";
      });
      return `(${placeholders.join(", ")})`;
    });
    const sql = `INSERT INTO "WebhookEvent" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${rows.join(", ")}
      ON CONFLICT ("shop", "eventKey") DO NOTHING RETURNING "id", "shop", "eventKey", "resourceId"`;
    return this.prisma.$queryRawUnsafe<(RecordedEvent & { eventKey: string })[]>(sql, ...values);
  }
}
