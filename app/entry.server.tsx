import { PassThrough } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { env } from "./env.server";
import { addDocumentResponseHeaders } from "./shopify.server";

// The app's background work (webhook worker, timers) is started by the server build's main module
// (server.ts), not here: this module renders documents.

const ABORT_DELAY_MS = 5_000;

const isCustomerPage = (context: EntryContext) =>
  context.staticHandlerContext.matches.some(
    (m) =>
      (context.routeModules[m.route.id]?.handle as { customerPage?: boolean } | undefined)?.customerPage ===
      true,
  );

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // A customer's page (the offer page, on the shop's domain through the App Proxy, whose query
  // names the shop) is no admin page: the admin's frame-ancestors and App Bridge's preload would be
  // wrong there. It sets its own policies (components/offer-page.tsx).
  if (!isCustomerPage(remixContext)) {
    addDocumentResponseHeaders(request, responseHeaders);
    // The library preloads App Bridge from Shopify's CDN even when APP_BRIDGE_URL moves it (its
    // override reaches the script tag and the bounce page, not this header): preload what runs.
    if (env.APP_BRIDGE_URL && responseHeaders.has("Link"))
      responseHeaders.set("Link", `<${env.APP_BRIDGE_URL}>; rel="preload"; as="script";`);
  }
  // Bots get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} />,
      {
        [readyEvent]: () => {
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError: reject,
        onError(error) {
          responseStatusCode = 500;
          console.error(error);
        },
      },
    );
    // Unref'd: a render that finished must not hold a stopping server open for the rest of the delay.
    setTimeout(abort, ABORT_DELAY_MS).unref();
  });
}
