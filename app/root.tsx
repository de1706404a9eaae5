import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { errorPageText } from "./components/error-page";
import { localeOfRequest } from "./domain/notifications/messages";

/** The language the browser asks for: the customer's pages speak it when nothing else says theirs
 *  (their offer page's error page). Read once: it does not change while the page is open. */
export const loader = ({ request }: LoaderFunctionArgs) =>
  json({ browserLocale: localeOfRequest(request.headers.get("Accept-Language")) });
export const shouldRevalidate = () => false;

/** An error page's title (the app's pages have none of their own: the admin's title bar names them). */
export const meta: MetaFunction = ({ error }) => (error ? [{ title: errorPageText(error).title }] : []);

const isCustomerPage = (handle: unknown) =>
  (handle as { customerPage?: boolean } | undefined)?.customerPage === true;

/** The page's language: the customer's on their offer page (its loader says which, or else their
 *  browser), else English. */
function usePageLanguage() {
  const matches = useMatches();
  const root = useRouteLoaderData<typeof loader>("root");
  const page = matches.find((m) => (m.data as { locale?: unknown } | undefined)?.locale);
  const locale = (page?.data as { locale?: string } | undefined)?.locale;
  return locale ?? (matches.some((m) => isCustomerPage(m.handle)) ? root?.browserLocale : undefined) ?? "en";
}

/** Pages that are plain HTML load no scripts (the customer's offer page: through Shopify's App
 *  Proxy the app's scripts are not reachable, and it needs none). */
function useScripts() {
  return useMatches().every((m) => (m.handle as { scripts?: boolean } | undefined)?.scripts !== false);
}

/** The document around every page, its error pages too. */
export function Layout({ children }: { children: ReactNode }) {
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
        {children}
        {scripts && <ScrollRestoration />}
        {scripts && <Scripts />}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const box = {
  maxWidth: 560,
  margin: "32px auto",
  padding: "20px 24px",
  fontFamily: "system-ui, sans-serif",
  lineHeight: 1.5,
  color: "#1f1f1f",
} as const;

/** An address nothing answers, or an error no page below caught: said plainly, with the way back. */
export function ErrorBoundary() {
  const page = errorPageText(useRouteError());
  return (
    <main style={box}>
      <h1 style={{ fontSize: 22 }}>{page.title}</h1>
      <p>{page.message}</p>
      {page.link && (
        <p>
          <a href={page.link.url}>{page.link.label}</a>
        </p>
      )}
    </main>
  );
}
