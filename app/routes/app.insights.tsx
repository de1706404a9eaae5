// Insights: the carrier scorecard (shipments, late and failed shares, median transit) and what
// remedies cost over time, for the last 30, 90 or 365 days.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import {
  BlockStack,
  Card,
  DataTable,
  InlineStack,
  Layout,
  Page,
  Select,
  SkeletonBodyText,
  Text,
} from "@shopify/polaris";
import vizStyles from "@shopify/polaris-viz/build/esm/styles.css";
import { TitleBar } from "@shopify/app-bridge-react";
import { lazy, Suspense, useEffect, useState } from "react";
import prisma from "../db.server";
import { addMoney } from "../domain/money";
import { InsightsQuery, shopInsights } from "../domain/insights/insights.server";
import { withAdmin } from "../shopify/admin.server";
import { shopContext } from "../shopify/shop-context.server";

const CarrierChart = lazy(() =>
  import("../components/insights-charts.client").then((m) => ({ default: m.CarrierChart })),
);
const CostChart = lazy(() =>
  import("../components/insights-charts.client").then((m) => ({ default: m.CostChart })),
);

export const links: LinksFunction = () => [{ rel: "stylesheet", href: vizStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) =>
  withAdmin(request, async (admin, session) => {
    const query = InsightsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { timezone, currency } = await shopContext(admin);
    return json({ currency, ...(await shopInsights(prisma, session.shop, query, timezone)) });
  });

/** Charts measure the page: drawn once the browser has it. */
function useInBrowser() {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return ready;
}

const PERIODS = [
  { label: "Last 30 days", value: "30" },
  { label: "Last 90 days", value: "90" },
  { label: "Last 12 months", value: "365" },
];

export default function Insights() {
  const { carriers, costs, currency, days, totalCost } = useLoaderData<typeof loader>();
  const [, setParams] = useSearchParams();
  const loading = useNavigation().state === "loading";
  const browser = useInBrowser();
  const chart = (node: React.ReactNode) =>
    browser ? (
      <Suspense fallback={<SkeletonBodyText lines={6} />}>{node}</Suspense>
    ) : (
      <SkeletonBodyText lines={6} />
    );
  return (
    <Page title="Insights" subtitle="How carriers treat your parcels, and what putting things right costs">
      <TitleBar title="Insights" />
      <Layout>
        <Layout.Section>
          <InlineStack align="end">
            <div style={{ minWidth: "12rem" }}>
              <Select
                label="Period"
                labelInline
                options={PERIODS}
                value={String(days)}
                onChange={(v) => setParams({ days: v })}
                disabled={loading}
              />
            </div>
          </InlineStack>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Carrier scorecard
              </Text>
              {carriers.length === 0 ? (
                <Text as="p" tone="subdued">
                  No parcel left in this period. Each carrier&apos;s shipments, late and failed deliveries and
                  transit times show here once orders ship with tracking.
                </Text>
              ) : (
                <>
                  {chart(<CarrierChart carriers={carriers} />)}
                  <DataTable
                    columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric"]}
                    headings={["Carrier", "Shipments", "Late", "Failed", "Median transit"]}
                    rows={carriers.map((c) => [
                      c.carrier,
                      c.shipments,
                      `${c.latePercent}% (${c.late})`,
                      `${c.failedPercent}% (${c.failed})`,
                      c.medianTransitDays === null
                        ? "—"
                        : `${c.medianTransitDays} days (${c.delivered} delivered)`,
                    ])}
                  />
                </>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between">
                <Text as="h2" variant="headingMd">
                  Remedies cost
                </Text>
                <Text as="p" variant="headingMd">
                  {totalCost} {currency}
                </Text>
              </InlineStack>
              <Text as="p" tone="subdued">
                Refunds, replacement orders and substitutes when made; a compensation code when the customer
                uses it.
              </Text>
              {chart(<CostChart costs={costs} currency={currency} />)}
              <DataTable
                columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric"]}
                headings={[
                  days > 90 ? "Month" : "Week of",
                  "Refunds and cancellations",
                  "Replacements",
                  "Substitutes",
                  "Codes used",
                  "Total",
                ]}
                rows={costs
                  .filter((b) => Number(b.total) > 0)
                  .map((b) => [
                    b.label,
                    addMoney(b.refund, b.cancel_order),
                    b.reship,
                    b.substitution,
                    b.compensation_code,
                    b.total,
                  ])}
                footerContent={
                  costs.some((b) => Number(b.total) > 0)
                    ? undefined
                    : "Nothing spent on remedies in this period."
                }
              />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
