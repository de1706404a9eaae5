// Privacy: the customers' data requests Shopify forwarded, with what the app holds on each
// customer for the merchant to pass on; marking one delivered deletes it (so does 30 days).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { z } from "zod";
import prisma from "../db.server";
import { EXPORT_KEPT_DAYS, listDataExports, markExportDelivered } from "../domain/privacy/data-export.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const rows = await listDataExports(prisma, session.shop);
  return json({ requests: rows.map((r) => ({ id: r.id, receivedAt: r.receivedAt.toISOString(), export: r.export })) });
};

const Delivered = z.object({ intent: z.literal("delivered"), id: z.string().min(1) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = Delivered.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ ok: false, message: "Choose a data request to mark delivered." });
  const done = await markExportDelivered(prisma, session.shop, parsed.data.id);
  return json({ ok: done, message: done ? "Deleted: the customer's data is no longer kept here." : "That export was already deleted." });
};

const day = (iso: string) => new Date(iso).toLocaleDateString("en", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

export default function Privacy() {
  const { requests } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  return (
    <Page title="Privacy requests" subtitle={`A customer asked through you for the data MakeGood holds on them. Send it to them, then mark it delivered: it is deleted then, or after ${EXPORT_KEPT_DAYS} days.`}>
      <TitleBar title="Privacy requests" />
      <Layout>
        <Layout.Section>
          {requests.length === 0 && (
            <Card><Text as="p" tone="subdued">No customer has asked for their data.</Text></Card>
          )}
          <BlockStack gap="400">
            {requests.map((r) => (
              <Card key={r.id}>
                <BlockStack gap="300">
                  <InlineStack gap="200" blockAlign="center">
                    <Text as="h2" variant="headingMd">Request of {day(r.receivedAt)}</Text>
                    {r.export.status === "ready" ? <Badge tone="attention">Waiting to be sent</Badge>
                      : <Badge>{r.export.status === "delivered" ? `Delivered and deleted on ${day(r.export.at)}` : `Deleted after ${EXPORT_KEPT_DAYS} days, on ${day(r.export.at)}`}</Badge>}
                  </InlineStack>
                  {r.export.status === "ready" && (
                    <>
                      <Text as="p">For {r.export.customer.email ?? r.export.customer.phone ?? "a customer"}: {r.export.orders.length} order{r.export.orders.length === 1 ? "" : "s"}, {r.export.incidents.length} problem{r.export.incidents.length === 1 ? "" : "s"}, {r.export.messages.length} message{r.export.messages.length === 1 ? "" : "s"} sent. Deleted on {day(r.export.deleteBy)} at the latest.</Text>
                      <Box padding="200" background="bg-surface-secondary" borderRadius="200">
                        <pre style={{ whiteSpace: "pre-wrap", margin: 0 }} aria-label="The customer's data">{JSON.stringify({ customer: r.export.customer, orders: r.export.orders, incidents: r.export.incidents, messages: r.export.messages }, null, 2)}</pre>
                      </Box>
                      <Form method="post">
                        <input type="hidden" name="intent" value="delivered" />
                        <input type="hidden" name="id" value={r.id} />
                        <Button submit loading={busy}>Sent to the customer — delete it</Button>
                      </Form>
                    </>
                  )}
                  {r.export.status !== "ready" && <Text as="p" tone="subdued">{r.export.orders} order{r.export.orders === 1 ? "" : "s"} were in it; nothing of the customer is kept.</Text>}
                </BlockStack>
              </Card>
            ))}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
