// Bodies are capped per route family before anything reads them whole: a webhook route reads at
// most 5 MB before its HMAC check, the JSON API and the offer page's form 64 KB, and the API
// authenticates before it reads a byte. Each request streams its body and stops sending once the
// app answers, so "the app stopped reading" shows as the bytes sent staying far below the total.
import http from "node:http";
import { describe, expect, it } from "vitest";
import { BROWSER_UA, signWebhook } from "../helpers/app-server";
import { DEMO_SHOP, installApp, setupSandboxWithApp } from "../helpers/sandbox";
import { headers as merchantHeaders } from "../helpers/scenario";

const ctx = setupSandboxWithApp();
const MB = 1024 * 1024;

/** `reset`: the app closed the connection before its answer reached us (a 413 with Connection:
 *  close, while we were still writing): it read no more either way. */
type Sent = { status: number; reset: boolean; bytesSent: number };

/** The app refused the body without reading it: 413 (or the reset that follows one), well before its end. */
const refusedUnread = (sent: Sent) => (sent.status === 413 || sent.reset) && sent.bytesSent < 50 * MB;

/**
 * POSTs `total` bytes in 64 KB chunks, writing the next only once the socket took the last, and
 * stops as soon as an answer comes. `declareLength`: send Content-Length (else the body is chunked).
 */
function postStream(
  path: string,
  headers: Record<string, string>,
  total: number,
  declareLength: boolean,
  fill = "x",
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, ctx.app.url);
    const req = http.request(url, {
      method: "POST",
      headers: { ...headers, ...(declareLength ? { "Content-Length": String(total) } : {}) },
    });
    let bytesSent = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, fill);
    req.on("response", (res) => {
      answered = true;
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode!, reset: false, bytesSent }));
    });
    // The app may close the connection after answering while we still write: not a failure.
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (answered) return;
      if (error.code === "EPIPE" || error.code === "ECONNRESET")
        return resolve({ status: 0, reset: true, bytesSent });
      reject(error);
    });
    const writeMore = () => {
      while (!answered && bytesSent < total) {
        const part = chunk.subarray(0, Math.min(chunk.length, total - bytesSent));
        bytesSent += part.length;
        if (!req.write(part)) return void req.once("drain", writeMore);
      }
      if (!answered) req.end();
    };
    writeMore();
  });
}

const webhookHeaders = {
  "Content-Type": "application/json",
  "X-Shopify-Topic": "orders/create",
  "X-Shopify-Shop-Domain": DEMO_SHOP,
  "X-Shopify-API-Version": "2026-07",
  "X-Shopify-Webhook-Id": "big-webhook",
  "X-Shopify-Hmac-Sha256": signWebhook("{}"),
};

describe("request bodies are capped before they are read", () => {
  it("answers 413 to a 100 MB webhook that declares its length, without reading it", async () => {
    const sent = await postStream("/webhooks/orders/create", webhookHeaders, 100 * MB, true);
    expect(sent).toSatisfy(refusedUnread);
    expect(await ctx.db.prisma.webhookEvent.count()).toBe(0);
  });

  it("answers 413 to a chunked webhook body once it passes 5 MB, and stops reading", async () => {
    const sent = await postStream("/webhooks/orders/create", webhookHeaders, 100 * MB, false);
    expect(sent).toSatisfy(refusedUnread);
  });

  it("takes a webhook as large as Shopify's largest orders (4 MB)", async () => {
    const order = JSON.stringify({ admin_graphql_api_id: "gid://shopify/Order/1", note: "x".repeat(4 * MB) });
    const res = await fetch(`${ctx.app.url}/webhooks/orders/create`, {
      method: "POST",
      headers: {
        ...webhookHeaders,
        "X-Shopify-Webhook-Id": "large-order",
        "X-Shopify-Hmac-Sha256": signWebhook(order),
      },
      body: order,
    });
    expect(res.status).toBe(200);
  });

  it("authenticates an API request before reading its body: 100 MB without a session token is refused unread", async () => {
    for (const path of ["/api/incidents/x/remedies", "/api/incidents/x/offers", "/api/incidents/flag"]) {
      const sent = await postStream(
        path,
        { "Content-Type": "application/json", "User-Agent": BROWSER_UA },
        100 * MB,
        false,
      );
      // The library's refusal: to the login page (302) or 401, as it answers requests without a session.
      expect({ path, refused: [302, 401].includes(sent.status), unread: sent.bytesSent < 50 * MB }).toEqual({
        path,
        refused: true,
        unread: true,
      });
    }
  });

  it("answers 413 to an authenticated API request past 64 KB", async () => {
    await installApp(ctx);
    for (const path of ["/api/incidents/x/remedies", "/api/incidents/x/offers", "/api/incidents/flag"]) {
      const headers = { "Content-Type": "application/json", ...(await merchantHeaders(ctx)) };
      const sent = await postStream(path, headers, 100 * MB, false);
      expect({ path, sent }).toEqual({ path, sent: expect.toSatisfy(refusedUnread) });
    }
  });

  it("answers 413 to an offer page's form past 64 KB", async () => {
    const sent = await postStream(
      "/offers/not-a-token",
      { "Content-Type": "application/x-www-form-urlencoded", "User-Agent": BROWSER_UA },
      100 * MB,
      true,
      "a",
    );
    expect(sent).toSatisfy(refusedUnread);
  });
});
