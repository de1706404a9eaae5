import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, EmptyState, Layout, List, Page, Text } from "@shopify/polaris";
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
            <EmptyState
              heading="No incidents yet"
              image="/empty-incidents.svg"
            >
              <p>
                MakeGood is watching {shop} ({domain}). When an order cannot be served as promised, it opens
                an incident here so you can tell the customer the problem and the remedy in one
                message.
              </p>
            </EmptyState>
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
