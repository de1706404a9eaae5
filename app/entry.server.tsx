import { PassThrough } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import prisma from "./db.server";
import { env } from "./env.server";
import { addDocumentResponseHeaders } from "./shopify.server";
import { startReconcileSchedule, stopReconcileSchedule } from "./reconcile/schedule.server";
import { adminClientForShop } from "./shopify/admin.server";
import { startWebhookProcessing, stopWebhookProcessing } from "./webhooks/dispatch.server";
import { inbox } from "./webhooks/receive.server";

// Webhooks recorded while the app was down are applied as soon as it is up again.
startWebhookProcessing(prisma, env).catch((error) => {
  console.error(JSON.stringify({ event: "webhook_worker_start_failed", error: String(error) }));
});
// Missed webhooks are made up for by reading back what changed (the worker's process does it).
if (env.WEBHOOK_WORKER === "inprocess") {
  startReconcileSchedule({ prisma, inbox, adminFor: adminClientForShop }, env.RECONCILE_EVERY_MINUTES);
}

// Graceful shutdown: the server stops taking requests (remix-serve's own handler), the worker
// finishes the event in hand, and the database pool closes, so the process can exit.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    stopReconcileSchedule();
    await stopWebhookProcessing();
    await prisma.$disconnect();
  });
}

const ABORT_DELAY_MS = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
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
    setTimeout(abort, ABORT_DELAY_MS);
  });
}
