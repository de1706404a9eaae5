// Sends requests for https://<shop>.myshopify.com/... to a local sandbox. Used only by the
// sandbox launcher (through route-to-sandbox.mjs) and by test setup, never by the app.
let underlying = globalThis.fetch;
let sandbox;

function routeToSandbox(input, init) {
  const isRequest = typeof input === "object" && !(input instanceof URL);
  const url = new URL(isRequest ? input.url : String(input));
  if (!sandbox || url.protocol !== "https:" || !url.hostname.endsWith(".myshopify.com"))
    return underlying(input, init);
  const target = new URL(url.pathname + url.search, sandbox);
  const headers = new Headers(init?.headers ?? (isRequest ? input.headers : undefined));
  headers.set("x-sandbox-shop", url.hostname); // fetch cannot set Host
  if (!isRequest) return underlying(target, { ...init, headers });
  return underlying(target, {
    method: input.method,
    body: input.body,
    duplex: "half",
    signal: input.signal,
    ...init,
    headers,
  });
}

/** Routes Shopify hosts to `sandboxUrl` from now on, whatever fetch is installed later. */
export function routeShopifyTo(sandboxUrl) {
  sandbox = sandboxUrl;
  const current = Object.getOwnPropertyDescriptor(globalThis, "fetch");
  if (current?.get === getFetch) return;
  // Remix's installGlobals() assigns its own fetch after a preload ran; stay in front of it.
  Object.defineProperty(globalThis, "fetch", {
    configurable: true,
    enumerable: true,
    get: getFetch,
    set: setFetch,
  });
}

function getFetch() {
  return routeToSandbox;
}
function setFetch(fetch) {
  underlying = fetch;
}
