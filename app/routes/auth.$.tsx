import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { env } from "../env.server";
import { exitIframeDestinationAllowed } from "../shopify/exit-iframe";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  // The library answers /auth/exit-iframe with a page that goes wherever `exitIframe` says: only
  // the app, the shop's admin and Shopify's admin are let through (app/shopify/exit-iframe.ts).
  if (
    url.pathname === "/auth/exit-iframe" &&
    !exitIframeDestinationAllowed(
      url.searchParams.get("exitIframe"),
      env.SHOPIFY_APP_URL,
      url.searchParams.get("shop"),
    )
  ) {
    console.warn(
      JSON.stringify({
        event: "exit_iframe_refused",
        destination: url.searchParams.get("exitIframe")?.slice(0, 200) ?? null,
      }),
    );
    throw new Response("This link leads outside the app and Shopify's admin, so it is not followed.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  await authenticate.admin(request);
  return null;
};

export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
