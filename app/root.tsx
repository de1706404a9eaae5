import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches } from "@remix-run/react";

/** The page's language: the customer's on their offer page (its loader says which), else English. */
function usePageLanguage() {
  const page = useMatches().find((m) => (m.data as { locale?: unknown } | undefined)?.locale);
  return (page?.data as { locale?: string } | undefined)?.locale ?? "en";
}

/** Pages that are plain HTML load no scripts (the customer's offer page: through Shopify's App
 *  Proxy the app's scripts are not reachable, and it needs none). */
function useScripts() {
  return useMatches().every((m) => (m.handle as { scripts?: boolean } | undefined)?.scripts !== false);
}

export default function App() {
  const scripts = useScripts();
  return (
    <html lang={usePageLanguage()}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="preconnect" href="https://cdn.shopify.com/" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        {scripts && <ScrollRestoration />}
        {scripts && <Scripts />}
      </body>
    </html>
  );
}
