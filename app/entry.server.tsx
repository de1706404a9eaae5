import { PassThrough } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import prisma from "./db.server";
import { env } from "./env.server";
import { addDocumentResponseHeaders } from "./shopify.server";
import { reconcileActiveShops } from "./reconcile/schedule.server";
import { scanActiveShops } from "./domain/detection/scan-schedule.server";
import { startPeriodic, stopPeriodic } from "./jobs/periodic.server";
import { startRetention } from "./jobs/retention.server";
import { adminClientForShop } from "./shopify/admin.server";
import { startWebhookProcessing, stopWebhookProcessing } from "./webhooks/dispatch.server";
import { inbox } from "./webhooks/receive.server";

// Webhooks recorded while the app was down are applied as soon as it is up again.
startWebhookProcessing(prisma, env).catch((error) => {
  console.error(JSON.stringify({ event: "webhook_worker_start_failed", error: String(error) }));
});
// Missed webhooks are made up for by reading back what changed, and deadlines that pass with no
// webhook at all are caught by the scan (the worker's process does both).
if (env.WEBHOOK_WORKER === "inprocess") {
  startPeriodic("reconcile", env.RECONCILE_EVERY_MINUTES, () => reconcileActiveShops({ prisma, inbox, adminFor: adminClientForShop }));
  startPeriodic("scan", env.SCAN_EVERY_MINUTES, () => scanActiveShops(prisma, adminClientForShop));
  // Old inbox bodies lose their personal fields, old data exports go (SECURITY.md, personal data).
  startRetention(prisma, env.PERSONAL_DATA_RETENTION_DAYS);
}

// Graceful shutdown: the server stops taking requests (remix-serve's own handler), the worker
// finishes the event in hand, and the database pool closes, so the process can exit.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    stopPeriodic();
    await stopWebhookProcessing();
    await prisma.$disconnect();
  });
}

const ABORT_DELAY_MS = 5_000;

const isCustomerPage = (context: EntryContext) => context.staticHandlerContext.matches.some(
  (m) => (context.routeModules[m.route.id]?.handle as { customerPage?: boolean } | undefined)?.customerPage === true,
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
    if (env.APP_BRIDGE_URL && responseHeaders.has("Link")) responseHeaders.set("Link", `<${env.APP_BRIDGE_URL}>; rel="preload"; as="script";`);
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
