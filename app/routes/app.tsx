import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Link,
  Outlet,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css";
import { Button, Card, BlockStack, Page, Text } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import type { ReactNode } from "react";
import { errorPageText, isErrorPageData } from "../components/error-page";
import { authenticate } from "../shopify.server";
import { env } from "../env.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return json({ apiKey: env.SHOPIFY_API_KEY, appBridgeUrl: env.APP_BRIDGE_URL ?? null });
};

type AppData = SerializeFrom<typeof loader>;

/** Polaris and App Bridge around the app's pages, with the admin's navigation. Without the app's
 *  data (its own loader failed), Polaris alone. */
function AppFrame({ app, children }: { app: AppData | undefined; children: ReactNode }) {
  return (
    <AppProvider
      isEmbeddedApp={!!app}
      apiKey={app?.apiKey ?? ""}
      {...(app?.appBridgeUrl ? { __APP_BRIDGE_URL: app.appBridgeUrl } : {})}
    >
      <NavMenu>
        <Link to="/app" rel="home">
          Incidents
        </Link>
        <Link to="/app/incidents">All incidents</Link>
        <Link to="/app/insights">Insights</Link>
        <Link to="/app/settings">Settings</Link>
        <Link to="/app/privacy">Privacy requests</Link>
      </NavMenu>
      {children}
    </AppProvider>
  );
}

export default function AppLayout() {
  return (
    <AppFrame app={useLoaderData<typeof loader>()}>
      <Outlet />
    </AppFrame>
  );
}

/**
 * A page that cannot be shown, as a Polaris page the merchant reads: why, and where to go from there.
 * Shopify's library throws responses of its own while it authenticates (its App Bridge bounce page,
 * a 401 for App Bridge to retry): those go to its `boundary.error`, so they reach the browser as
 * they are; the app's own say so (invariantResponse, app/http/invariant.server.ts).
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const app = useRouteLoaderData<typeof loader>("routes/app");
  if (isRouteErrorResponse(error) && !isErrorPageData(error.data)) return boundary.error(error);
  const page = errorPageText(error);
  return (
    <AppFrame app={app}>
      <Page title={page.title}>
        <Card>
          <BlockStack gap="400" inlineAlign="start">
            <Text as="p">{page.message}</Text>
            <Button url={page.link?.url ?? "/app"} variant="primary">
              {page.link?.label ?? "Back to the incidents"}
            </Button>
          </BlockStack>
        </Card>
      </Page>
    </AppFrame>
  );
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
