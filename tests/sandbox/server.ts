// The sandbox store over HTTP: what the app reaches as https://<shop>/admin/... (routed here by
// tests/sandbox/route-to-sandbox.mjs), plus a control API under /sandbox for tests and demos.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { API_VERSION } from "../../app/shopify/api-version";
import { executeAdminRequest, type AdminRequest } from "./admin-api";
import { loadAdminSchema } from "./admin-schema";
import { appProxyFromToml, forwardToApp, proxiedPath } from "./app-proxy";
import { cdnFile } from "./media";
import { SandboxAuth, type InstalledApp } from "./auth";
import { SandboxClock } from "./clock";
import { LeakyBucket } from "./cost";
import { SandboxContext } from "./context";
import { shopPayload, webhookBody } from "./payloads";
import { ScenarioError, scenarios } from "./scenarios";
import { CheckoutRefused } from "./store-discounts";
import { inspectDiscount, inspectOrder, inspectStock } from "./inspect";
import { SandboxStore } from "./store";
import type { CapturedMail } from "./mailbox";
import { mailboxPages } from "./stage/mailbox-page";
import { storefrontPages } from "./stage/storefront";
import { subscriptionsFromToml, WebhookSender } from "./webhooks";
import { handleStage, isStagePath } from "./stage/routes";
import type { StageHooks } from "./stage/deps";

const root = path.resolve(import.meta.dirname, "../..");
/** The header route-to-sandbox.mjs puts the original host in (fetch cannot set Host). */
export const SHOP_HEADER = "x-sandbox-shop";

/** What the control endpoints read from a JSON body; each reads its own fields. */
type ControlBody = {
  ms?: number;
  email?: string;
  gateway?: string;
  discountCodes?: string[];
  lines?: { sku: string; quantity: number }[];
} & Record<string, unknown>;

export type SandboxOptions = {
  port?: number;
  app: InstalledApp;
  bucket?: { maximumAvailable: number; restoreRate: number };
  /** The app lives at the sandbox's time (the launcher loads stage-clock.mjs into it): session and
   *  access tokens are dated by the sandbox's clock too, and the stage's hooks run (stage/deps.ts). */
  stage?: StageHooks & { appOnSandboxClock: boolean };
  /** The mail the app sent (the launcher's SMTP server), shown at /sandbox/mail. */
  mailbox?: { mails: readonly CapturedMail[] };
};

export type Sandbox = Awaited<ReturnType<typeof startSandboxServer>>;

export async function startSandboxServer(options: SandboxOptions) {
  const schema = loadAdminSchema(API_VERSION);
  const clock = new SandboxClock();
  const store = new SandboxStore(clock);
  // Shopify's own time, as the app sees it: the stage's clock when the app lives on it.
  const appNow = options.stage?.appOnSandboxClock ? () => clock.now().getTime() : Date.now;
  const auth = new SandboxAuth(options.app, appNow);
  const buckets = new Map<string, LeakyBucket>();
  const bucketFor = (shop: string) => {
    let bucket = buckets.get(shop);
    if (!bucket) {
      bucket = new LeakyBucket(options.bucket?.maximumAvailable, options.bucket?.restoreRate);
      buckets.set(shop, bucket);
    }
    return bucket;
  };
  /** `lostAnswers`: the request is carried out, then its answer is lost (a 503): what a retry must
   *  cope with. `operation`: the faults hit only requests of that operation (by name), the others pass. */
  const faults: { serverErrors: number; timeouts: number; lostAnswers: number; operation: string | null } = {
    serverErrors: 0,
    timeouts: 0,
    lostAnswers: 0,
    operation: null,
  };
  const context = new SandboxContext(store);
  /** What each Admin GraphQL request was answered, for tests to see retries. */
  const graphqlLog: { status: number; code?: string; operation?: string }[] = [];
  const webhooks = new WebhookSender({
    appUrl: () => auth.app.appUrl,
    secret: () => auth.app.secret,
    apiVersion: API_VERSION,
    subscriptions: subscriptionsFromToml(path.join(root, "shopify.app.toml")),
  });
  const appProxy = appProxyFromToml(path.join(root, "shopify.app.toml"));

  store.on("event", ({ shop, topic, payload }) => {
    webhooks.send(
      shop,
      topic,
      webhookBody(store.shop(shop), topic, payload() as Record<string, unknown>),
      clock.now(),
    );
  });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error("sandbox:", error);
      send(res, 500, { errors: [{ message: `sandbox error: ${(error as Error).message}` }] });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const shop = (req.headers[SHOP_HEADER] as string | undefined) ?? url.searchParams.get("shop") ?? "";
    const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*" };
    // A shop's own domain (its storefront): only the app's proxy is served there, as Shopify forwards it.
    const storefront = store.shopOfStorefront(req.headers.host);
    if (storefront) {
      if (appProxy && proxiedPath(appProxy, url.pathname)) {
        return forwardToApp(
          req,
          res,
          url,
          storefront,
          { config: appProxy, appUrl: auth.app.appUrl, secret: auth.app.secret, now: appNow },
          await readRaw(req),
        );
      }
      // The checkout and the order status page a customer uses (stage/storefront.ts).
      const page = storefrontPages(store, storefront, url, req, res, () => readBody(req));
      if (page !== false) return page === true ? undefined : page;
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      return res.end(
        `not implemented in sandbox: the storefront of ${storefront} serves only /checkout, order status pages and the app's proxy${appProxy ? ` (/${appProxy.prefix}/${appProxy.subpath}/…)` : ""}`,
      );
    }
    if (req.method === "OPTIONS") return send(res, 204, null, cors);

    const graphqlPath = url.pathname.match(/^\/admin\/api\/([\w-]+)\/graphql\.json$/);
    if (graphqlPath && req.method === "POST") {
      if (
        !store.hasShop(shop) ||
        !auth.accepts(shop, (req.headers["x-shopify-access-token"] as string) ?? null)
      ) {
        graphqlLog.push({ status: 401 });
        return send(res, 401, {
          errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
        });
      }
      if (graphqlPath[1] !== API_VERSION) {
        return send(res, 404, {
          errors: `not implemented in sandbox: API version ${graphqlPath[1]} (the sandbox serves ${API_VERSION})`,
        });
      }
      const request = parseJson(await readBody(req)) as AdminRequest | undefined;
      const operation =
        request?.operationName ??
        (typeof request?.query === "string"
          ? request.query.match(/\b(?:query|mutation)\s+(\w+)/)?.[1]
          : undefined);
      const faulted = faults.operation === null || faults.operation === operation;
      if (faulted && faults.timeouts > 0) {
        faults.timeouts--;
        graphqlLog.push({ status: 0, code: "TIMEOUT", operation });
        return; // never answers; the client's timeout must fire
      }
      if (faulted && faults.serverErrors > 0) {
        faults.serverErrors--;
        graphqlLog.push({ status: 503, operation });
        return send(res, 503, { errors: "Service Unavailable" });
      }
      if (request === undefined || typeof request !== "object" || request === null) {
        return send(res, 400, {
          errors: "The request body must be JSON: { query, variables, operationName }",
        });
      }
      const answer = executeAdminRequest({ schema, context, shop, bucket: bucketFor(shop), request });
      if (faulted && faults.lostAnswers > 0) {
        faults.lostAnswers--;
        graphqlLog.push({ status: 503, code: "ANSWER_LOST", operation });
        return send(res, 503, { errors: "Service Unavailable" });
      }
      graphqlLog.push({
        status: 200,
        code: (answer.errors?.[0]?.extensions?.code as string | undefined) ?? undefined,
        operation,
      });
      return send(res, 200, answer);
    }

    if (url.pathname === "/admin/oauth/access_token" && req.method === "POST") {
      const raw = await readBody(req);
      const body = (
        (req.headers["content-type"] ?? "").includes("json")
          ? parseJson(raw)
          : Object.fromEntries(new URLSearchParams(raw))
      ) as Record<string, string> | undefined;
      if (body === undefined)
        return send(res, 400, {
          error: "invalid_request",
          error_description: "The request body is not JSON",
        });
      if (!store.hasShop(shop)) return send(res, 404, { errors: "Not Found" });
      const answer = await auth.accessTokenRequest(shop, body);
      return send(res, answer.status, answer.body);
    }

    if (url.pathname === "/app-bridge.js") {
      res.writeHead(200, {
        "Content-Type": "text/javascript; charset=utf-8",
        "Cache-Control": "no-store",
        ...cors,
      });
      return res.end(fs.readFileSync(path.join(import.meta.dirname, "app-bridge-standin.js")));
    }

    // Shopify's CDN: product images, as the image URLs the Admin API gives point here.
    const file = req.method === "GET" ? cdnFile(url.pathname, url.searchParams) : null;
    if (file) {
      res.writeHead(200, {
        "Content-Type": "image/png",
        "Cache-Control": "public, max-age=31536000, immutable",
        "Access-Control-Allow-Origin": "*",
      });
      return res.end(file);
    }

    if (url.pathname === "/sandbox/session-token") {
      if (!store.hasShop(shop)) return send(res, 404, { error: `no sandbox shop '${shop}'` }, cors);
      return send(res, 200, { token: await auth.sessionToken(shop) }, cors);
    }

    // The merchant opens the app from the (sandbox) Shopify admin.
    if (url.pathname === "/admin/open") {
      if (!store.hasShop(shop)) return send(res, 404, { error: `no sandbox shop '${shop}'` });
      // A deep link into the app (the admin's /apps/<handle>/<path>?<query>), else its home.
      const deep = new URL(url.searchParams.get("path") ?? "/app", auth.app.appUrl);
      const target = new URL(
        /^\/app(\/[\w/-]*)?$/.test(deep.pathname) && deep.origin === new URL(auth.app.appUrl).origin
          ? `${deep.pathname}${deep.search}`
          : "/app",
        auth.app.appUrl,
      );
      target.searchParams.set("embedded", "1");
      target.searchParams.set("shop", shop);
      target.searchParams.set(
        "host",
        Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64url"),
      );
      target.searchParams.set("id_token", await auth.sessionToken(shop));
      res.writeHead(302, { Location: target.toString() });
      return res.end();
    }

    if (isStagePath(url.pathname))
      return handleStage({ store, clock, webhooks, faults, ...options.stage }, url, req, res, () =>
        readBody(req),
      );
    if (options.mailbox && mailboxPages(store, options.mailbox.mails, url, req, res)) return;
    if (url.pathname.startsWith("/sandbox/")) return control(url, req, res, shop);
    send(res, 404, { errors: "Not Found" });
  }

  async function control(url: URL, req: http.IncomingMessage, res: http.ServerResponse, shop: string) {
    const body = (
      req.method === "POST" || req.method === "PUT" ? parseJson((await readBody(req)) || "{}") : {}
    ) as ControlBody | undefined;
    if (body === undefined) return send(res, 400, { error: "the request body is not JSON" });
    const scenario = url.pathname.match(/^\/sandbox\/scenarios\/([\w-]+)$/);
    if (scenario && req.method === "POST") {
      const run = scenarios[scenario[1]];
      if (!run)
        return send(res, 404, {
          error: `unknown scenario '${scenario[1]}'; known: ${Object.keys(scenarios).join(", ")}`,
        });
      if (!store.hasShop(shop))
        return send(res, 404, { error: `no sandbox shop '${shop}': pass ?shop=<domain>` });
      try {
        return send(res, 200, run(store, shop, Object.fromEntries(url.searchParams)));
      } catch (error) {
        if (error instanceof ScenarioError || error instanceof CheckoutRefused)
          return send(res, 409, { error: error.message });
        throw error;
      }
    }
    // Read-only looks at the store, for tests and people: what Shopify's admin would show now.
    const inspect =
      req.method === "GET" && url.pathname.match(/^\/sandbox\/(orders|stock|discounts)\/([^/]+)$/);
    if (inspect) {
      if (!store.hasShop(shop))
        return send(res, 404, { error: `no sandbox shop '${shop}': pass ?shop=<domain>` });
      const key = decodeURIComponent(inspect[2]);
      const found =
        inspect[1] === "orders"
          ? inspectOrder(store, shop, key)
          : inspect[1] === "stock"
            ? inspectStock(store, shop, key)
            : inspectDiscount(store, shop, key);
      return found
        ? send(res, 200, found)
        : send(res, 404, { error: `no ${inspect[1].replace(/s$/, "")} '${key}' in ${shop}` });
    }
    switch (`${req.method} ${url.pathname}`) {
      case "GET /sandbox/health":
        return send(res, 200, { ok: true, apiVersion: API_VERSION });
      case "POST /sandbox/reset":
        await reset();
        return send(res, 200, { ok: true });
      case "POST /sandbox/clock/advance":
        if (!(Number(body.ms) >= 0)) {
          return send(res, 400, {
            error: "ms must be a number of milliseconds ≥ 0: the sandbox clock only moves forward",
          });
        }
        return send(res, 200, { now: clock.advance(Number(body.ms)).toISOString() });
      case "GET /sandbox/webhooks":
        return send(res, 200, { deliveries: webhooks.log, pending: webhooks.pending });
      case "PUT /sandbox/webhooks/options":
        Object.assign(webhooks.options, body);
        return send(res, 200, webhooks.options);
      case "POST /sandbox/faults": {
        const { searchLagMs, ...rest } = body;
        Object.assign(faults, rest);
        if (typeof searchLagMs === "number") store.searchLagMs = searchLagMs;
        return send(res, 200, { ...faults, searchLagMs: store.searchLagMs });
      }
      case "POST /sandbox/orders": {
        // A customer checks out: { email, lines: [{ sku, quantity }], discountCodes?, gateway? }.
        const s = store.shop(shop);
        const customer = s.customers.find((c) => c.email === body.email);
        if (!customer) return send(res, 404, { error: `no customer with email '${body.email}' in ${shop}` });
        const lines = (body.lines ?? []).map((l) => {
          const variant = s.variants.find((v) => v.sku === l.sku);
          if (!variant) throw new CheckoutRefused(`no product with SKU '${l.sku}'`);
          return { variantId: variant.id, quantity: l.quantity };
        });
        try {
          const order = store.createOrder(shop, {
            customerId: customer.id,
            lines,
            discountCodes: body.discountCodes,
            gateway: body.gateway,
          });
          return send(res, 200, {
            id: `gid://shopify/Order/${order.id}`,
            name: order.name,
            discount: order.discountAmount,
          });
        } catch (error) {
          if (error instanceof CheckoutRefused) return send(res, 409, { error: error.message });
          throw error;
        }
      }
      case "POST /sandbox/compliance/customers-data-request":
      case "POST /sandbox/compliance/customers-redact":
      case "POST /sandbox/compliance/shop-redact": {
        // The mandatory privacy requests, as Shopify sends them on a customer's or a shop's behalf.
        const s = store.shop(shop);
        const kind = url.pathname.split("/").pop()!;
        const base = { shop_id: s.id, shop_domain: shop };
        if (kind === "shop-redact") {
          webhooks.send(shop, "shop/redact", base, clock.now());
          return send(res, 200, { topic: "shop/redact" });
        }
        const customer = s.customers.find((c) => c.email === url.searchParams.get("email"));
        if (!customer)
          return send(res, 404, {
            error: `no customer with email '${url.searchParams.get("email")}' in ${shop}: pass ?email=`,
          });
        const orders = s.orders.filter((o) => o.customerId === customer.id).map((o) => o.id);
        const who = { id: customer.id, email: customer.email, phone: customer.phone };
        const topic = kind === "customers-redact" ? "customers/redact" : "customers/data_request";
        const body =
          topic === "customers/redact"
            ? { ...base, customer: who, orders_to_redact: orders }
            : { ...base, customer: who, orders_requested: orders, data_request: { id: store.id() } };
        webhooks.send(shop, topic, body, clock.now());
        return send(res, 200, { topic });
      }
      case "POST /sandbox/uninstall":
        auth.revoke(shop);
        webhooks.send(shop, "app/uninstalled", shopPayload(store.shop(shop)), clock.now());
        return send(res, 200, { ok: true });
      default:
        return send(res, 404, { error: `unknown sandbox control ${req.method} ${url.pathname}` });
    }
  }

  /** Back to an empty store: no shops, real time, full buckets, no faults, default delivery. */
  async function reset() {
    await webhooks.idle();
    store.reset();
    clock.reset();
    buckets.clear();
    context.clear();
    graphqlLog.length = 0;
    webhooks.log.length = 0;
    webhooks.resetOptions();
    Object.assign(faults, { serverErrors: 0, timeouts: 0, lostAnswers: 0, operation: null });
    store.searchLagMs = 0;
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store.cdnOrigin = url;
  store.storefrontPort = (server.address() as AddressInfo).port;
  return {
    url,
    store,
    clock,
    auth,
    webhooks,
    faults,
    graphqlLog,
    bucketFor,
    reset,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The parsed body, or undefined when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

function readRaw(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (body === null) {
    res.writeHead(status, headers);
    return res.end();
  }
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}
