// Webhook delivery as Shopify does it: to the uri shopify.app.toml declares for the topic, with
// Shopify's headers and an HMAC of the raw body, at least once: a non-2xx answer or one slower
// than 5 s is a failure and is retried with backoff. Switches make delivery duplicate, reorder
// or delay events, the conditions an app must survive.
import { createHmac, randomUUID } from "node:crypto";
import fs from "node:fs";
import { parse } from "smol-toml";

type Subscription = { topics?: string[]; compliance_topics?: string[]; uri: string };

/** topic → uri, from the toml the Shopify CLI would register. */
export function subscriptionsFromToml(tomlPath: string): Map<string, string> {
  const toml = parse(fs.readFileSync(tomlPath, "utf8")) as { webhooks?: { subscriptions?: Subscription[] } };
  const map = new Map<string, string>();
  for (const sub of toml.webhooks?.subscriptions ?? []) {
    for (const topic of [...(sub.topics ?? []), ...(sub.compliance_topics ?? [])]) map.set(topic, sub.uri);
  }
  return map;
}

export type DeliveryOptions = {
  /** Deliver every event twice (same event id, new webhook id per attempt as Shopify does). */
  duplicate: boolean;
  /** Hold events and deliver each batch in reverse order (flush with flushHeld()). */
  outOfOrder: boolean;
  /** Wait before the first attempt. */
  delayMs: number;
  maxAttempts: number;
  /** Backoff before attempt n is backoffMs × 2^(n-1). */
  backoffMs: number;
  timeoutMs: number;
};

export type DeliveryRecord = {
  topic: string;
  shop: string;
  eventId: string;
  webhookId: string;
  attempt: number;
  status: number | "timeout" | "error";
  at: string;
};

const DEFAULT_OPTIONS: DeliveryOptions = {
  duplicate: false,
  outOfOrder: false,
  delayMs: 0,
  maxAttempts: 8,
  backoffMs: 1000,
  timeoutMs: 5000,
};

export class WebhookSender {
  options: DeliveryOptions = { ...DEFAULT_OPTIONS };
  readonly log: DeliveryRecord[] = [];
  private held: (() => Promise<void>)[] = [];
  private inFlight = new Set<Promise<void>>();
  /** Deliveries not finished yet (being sent, retried or held): 0 when the app has heard everything. */
  get pending() {
    return this.inFlight.size + this.held.length;
  }

  constructor(
    private config: {
      appUrl: () => string | undefined;
      secret: () => string | undefined;
      apiVersion: string;
      subscriptions: Map<string, string>;
    },
  ) {}

  /** Queues one event; returns at once, like Shopify. */
  send(shop: string, topic: string, payload: unknown, triggeredAt: Date) {
    const uri = this.config.subscriptions.get(topic);
    if (!uri) return; // the app did not subscribe
    const body = JSON.stringify(payload);
    const eventId = randomUUID();
    const run = async () => {
      if (this.options.delayMs) await sleep(this.options.delayMs);
      const copies = this.options.duplicate ? 2 : 1;
      await Promise.all(
        Array.from({ length: copies }, () => this.deliver(shop, topic, uri, body, eventId, triggeredAt)),
      );
    };
    if (this.options.outOfOrder) this.held.unshift(run);
    else this.track(run());
  }

  /** Shopify's defaults, or `base` (tests shorten the backoff). */
  resetOptions(base: Partial<DeliveryOptions> = this.baseOptions) {
    this.baseOptions = base;
    this.options = { ...DEFAULT_OPTIONS, ...base };
    this.held = [];
  }
  private baseOptions: Partial<DeliveryOptions> = {};

  flushHeld() {
    const batch = this.held;
    this.held = [];
    for (const run of batch) this.track(run());
  }

  /** Resolves when every delivery under way has succeeded or given up. */
  async idle() {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  private track(p: Promise<void>) {
    this.inFlight.add(p);
    p.finally(() => this.inFlight.delete(p));
  }

  private async deliver(
    shop: string,
    topic: string,
    uri: string,
    body: string,
    eventId: string,
    triggeredAt: Date,
  ) {
    const appUrl = this.config.appUrl();
    const secret = this.config.secret();
    if (!appUrl || !secret) return; // no app installed
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      if (attempt > 1) await sleep(this.options.backoffMs * 2 ** (attempt - 2));
      const webhookId = randomUUID();
      let status: DeliveryRecord["status"];
      try {
        const res = await fetch(new URL(uri, appUrl), {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "X-Shopify-Topic": topic,
            "X-Shopify-Shop-Domain": shop,
            "X-Shopify-API-Version": this.config.apiVersion,
            "X-Shopify-Webhook-Id": webhookId,
            "X-Shopify-Event-Id": eventId,
            "X-Shopify-Triggered-At": triggeredAt.toISOString(),
            "X-Shopify-Hmac-Sha256": createHmac("sha256", secret).update(body, "utf8").digest("base64"),
          },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        await res.arrayBuffer();
        status = res.status;
      } catch (error) {
        status = (error as Error).name === "TimeoutError" ? "timeout" : "error";
      }
      this.log.push({ topic, shop, eventId, webhookId, attempt, status, at: new Date().toISOString() });
      if (typeof status === "number" && status >= 200 && status < 300) return;
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
