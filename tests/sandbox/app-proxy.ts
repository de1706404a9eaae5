// Shopify's App Proxy, as the sandbox plays it on a shop's storefront domain (store.storefrontUrl).
// As Shopify documents it (shopify.dev, "Authenticate app proxies"): a request for
// https://<shop>/<prefix>/<subpath>/<rest> is forwarded to the app's proxy URL + /<rest>, with the
// client's query and Shopify's own parameters — shop, logged_in_customer_id (empty when no customer
// is logged in), path_prefix, timestamp — and `signature`: the hex HMAC-SHA256, keyed with the app's
// secret, of those parameters sorted by name, each written `name=value` (several values of one name
// joined by commas), joined with no separator. Method and body are forwarded; X-Forwarded-Host
// (the host the client asked for) and X-Forwarded-For are set; the Cookie header is stripped from
// the request and Set-Cookie from the response (proxies do not support cookies).
import { createHmac } from "node:crypto";
import fs from "node:fs";
import type http from "node:http";
import { parse } from "smol-toml";

/** shopify.app.toml's [app_proxy]: `url` absolute (its path is kept) or relative to the app's URL. */
export type AppProxyConfig = { url: string; prefix: string; subpath: string };

export function appProxyFromToml(tomlPath: string): AppProxyConfig | null {
  const toml = parse(fs.readFileSync(tomlPath, "utf8")) as { app_proxy?: Partial<AppProxyConfig> };
  const proxy = toml.app_proxy;
  return proxy?.url && proxy.prefix && proxy.subpath
    ? { url: proxy.url, prefix: proxy.prefix, subpath: proxy.subpath }
    : null;
}

/** Shopify's own parameters: the client cannot choose them (a `shop=` typed in the address is replaced). */
const SHOPIFY_PARAMS = ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"];

/** The signature Shopify puts on a forwarded query (every parameter but `signature` itself). */
export function proxySignature(query: URLSearchParams, secret: string): string {
  const byName = new Map<string, string[]>();
  for (const [name, value] of query)
    if (name !== "signature") byName.set(name, [...(byName.get(name) ?? []), value]);
  const message = [...byName.keys()]
    .sort()
    .map((name) => `${name}=${byName.get(name)!.join(",")}`)
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

// Connection-level headers are the hop's own; the rest is Shopify's stripping of cookies.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "proxy-authorization",
  "proxy-authenticate",
  "host",
  "content-length",
]);
const DROPPED_REQUEST = new Set([
  ...HOP_BY_HOP,
  "cookie",
  "x-forwarded-host",
  "x-forwarded-for",
  "x-forwarded-proto",
]);
// fetch has decoded the body already, so its encoding and length are no longer the body's.
const DROPPED_RESPONSE = new Set([...HOP_BY_HOP, "set-cookie", "content-encoding"]);

/** `now`: Shopify's time in ms — the stage's clock when the app lives on it, else real time. */
export type ProxyTarget = { config: AppProxyConfig; appUrl: string; secret: string; now?: () => number };

/** `/<prefix>/<subpath>` when `pathname` is under the proxy, with the rest of the path; else null. */
export function proxiedPath(
  config: AppProxyConfig,
  pathname: string,
): { pathPrefix: string; rest: string } | null {
  const pathPrefix = `/${config.prefix}/${config.subpath}`;
  if (pathname !== pathPrefix && !pathname.startsWith(`${pathPrefix}/`)) return null;
  return { pathPrefix, rest: pathname.slice(pathPrefix.length) };
}

/** Forwards a storefront request under the proxy's path to the app and relays its answer. */
export async function forwardToApp(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  shop: string,
  target: ProxyTarget,
  body: Buffer,
) {
  const path = proxiedPath(target.config, url.pathname)!;
  const base = new URL(target.config.url, target.appUrl);
  // Only the path of an absolute proxy URL is kept: the app runs at the sandbox's appUrl.
  const forwarded = new URL(`${base.pathname.replace(/\/$/, "")}${path.rest}`, target.appUrl);
  const query = new URLSearchParams(url.search);
  for (const name of SHOPIFY_PARAMS) query.delete(name);
  query.set("shop", shop);
  query.set("logged_in_customer_id", "");
  query.set("path_prefix", path.pathPrefix);
  // The app checks the timestamp against its own clock: Shopify's time as the app sees it (the
  // stage's, once the clock on the sandbox home has moved and the app with it).
  query.set("timestamp", String(Math.floor((target.now ?? Date.now)() / 1000)));
  query.set("signature", proxySignature(query, target.secret));
  forwarded.search = query.toString();

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || DROPPED_REQUEST.has(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  headers.set("x-forwarded-host", req.headers.host ?? new URL(url).host);
  headers.set("x-forwarded-for", req.socket.remoteAddress ?? "127.0.0.1");
  const answer = await fetch(forwarded, {
    method: req.method,
    headers,
    redirect: "manual",
    body: req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(body),
  });
  const relayed: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE.has(name)) relayed[name] = value;
  });
  res.writeHead(answer.status, relayed);
  res.end(Buffer.from(await answer.arrayBuffer()));
}
