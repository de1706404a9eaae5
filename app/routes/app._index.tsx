import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Box, Card, InlineStack, Layout, List, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { withAdmin } from "../shopify/admin.server";
import { ShopSummaryQuery, type ShopSummary } from "../shopify/documents/shop";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await withAdmin(request, (admin) => admin.request<ShopSummary>(ShopSummaryQuery));
  return json({ shop: shop.name, domain: shop.myshopifyDomain });
};

export default function Home() {
  const { shop, domain } = useLoaderData<typeof loader>();
  return (
    <Page>
      <TitleBar title="MakeGood" />
      <Layout>
        <Layout.Section>
          <Card>
            {/* Not Polaris's EmptyState: it shows its image only after an onLoad that a server-rendered
                image fires before hydration, so the illustration never appeared. */}
            <Box paddingBlock="800">
              <BlockStack gap="400" inlineAlign="center">
                <img src="/empty-incidents.svg" alt="" width={160} height={160} />
                <Text as="h2" variant="headingMd">
                  No incidents yet
                </Text>
                <Box maxWidth="420px">
                  <InlineStack align="center">
                    <Text as="p" alignment="center" tone="subdued">
                      MakeGood is watching {shop} ({domain}). When an order cannot be served as promised, it
                      opens an incident here so you can tell the customer the problem and the remedy in one
                      message.
                    </Text>
                  </InlineStack>
                </Box>
              </BlockStack>
            </Box>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                What MakeGood watches
              </Text>
              <List>
                <List.Item>Orders that stock cannot honour (oversold, expired or damaged last units)</List.Item>
                <List.Item>Orders not shipped by their ship-by date</List.Item>
                <List.Item>Parcels late in transit or failed at delivery</List.Item>
                <List.Item>Cash-on-delivery totals that changed after the customer was told</List.Item>
              </List>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
