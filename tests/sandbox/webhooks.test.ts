// Delivery as Shopify does it: signed, retried after a non-2xx or a too-slow answer.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { API_VERSION } from "../../app/shopify/api-version";
import { WebhookSender } from "./webhooks";

const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let answers: ("slow" | 500 | 200)[] = [];
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      const answer = answers.shift() ?? 200;
      if (answer === "slow") return; // never answers: the sender gives up and drops the connection
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

it("signs each delivery and retries after a slow answer and a 500, keeping the event id", async () => {
  const sender = new WebhookSender({
    appUrl: () => url,
    secret: () => "s3cret",
    apiVersion: API_VERSION,
    subscriptions: new Map([["orders/create", "/webhooks/orders/create"]]),
  });
  // Long enough for a prompt answer on a loaded machine; the slow one never comes in time at all.
  sender.resetOptions({ backoffMs: 10, timeoutMs: 2_000 });
  answers = ["slow", 500, 200];
  sender.send(
    "demo.myshopify.com",
    "orders/create",
    { id: 1, admin_graphql_api_id: "gid://shopify/Order/1" },
    new Date("2026-11-23T10:00:00Z"),
  );
  sender.send("demo.myshopify.com", "refunds/create", { id: 2 }, new Date()); // not subscribed: never sent
  await sender.idle();

  expect(sender.log.map((d) => d.status)).toEqual(["timeout", 500, 200]);
  expect(new Set(sender.log.map((d) => d.eventId)).size).toBe(1);
  expect(new Set(sender.log.map((d) => d.webhookId)).size).toBe(3);
  expect(received).toHaveLength(3);
  const { headers, body } = received[2];
  expect(headers).toMatchObject({
    "x-shopify-topic": "orders/create",
    "x-shopify-shop-domain": "demo.myshopify.com",
    "x-shopify-api-version": API_VERSION,
    "x-shopify-triggered-at": "2026-11-23T10:00:00.000Z",
    "x-shopify-event-id": sender.log[0].eventId,
    "x-shopify-hmac-sha256": createHmac("sha256", "s3cret").update(body).digest("base64"),
  });
  expect(received[0].headers["x-shopify-event-id"]).toBe(sender.log[0].eventId);
});

it("gives up after its attempts", async () => {
  const sender = new WebhookSender({
    appUrl: () => url,
    secret: () => "s3cret",
    apiVersion: API_VERSION,
    subscriptions: new Map([["app/uninstalled", "/webhooks/app/uninstalled"]]),
  });
  sender.resetOptions({ backoffMs: 5, maxAttempts: 3 });
  answers = [500, 500, 500, 500];
  sender.send("demo.myshopify.com", "app/uninstalled", {}, new Date());
  await sender.idle();
  expect(sender.log.map((d) => d.status)).toEqual([500, 500, 500]);
});
