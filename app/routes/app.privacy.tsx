// Privacy: the customers' data requests Shopify forwarded, with what the app holds on each
// customer for the merchant to pass on; marking one sent deletes it (so does 30 days).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useEffect } from "react";
import { z } from "zod";
import prisma from "../db.server";
import { customerName, DataExportDetails, plural } from "../components/privacy-export";
import { dateFormats, type ShopClock } from "../domain/dates";
import { EXPORT_KEPT_DAYS, type ExportRow } from "../domain/privacy/data-export";
import { listDataExports, markExportDelivered } from "../domain/privacy/data-export.server";
import { withAdmin } from "../shopify/admin.server";
import { shopContext } from "../shopify/shop-context.server";

export const loader = async ({ request }: LoaderFunctionArgs) =>
  withAdmin(request, async (admin, session) => {
    const { timezone, locale } = await shopContext(admin);
    const clock: ShopClock = { timezone, locale };
    const rows = await listDataExports(prisma, session.shop);
    return json({
      clock,
      requests: rows.map((r) => ({ id: r.id, receivedAt: r.receivedAt.toISOString(), export: r.export })),
    });
  });

const Delivered = z.object({ intent: z.literal("delivered"), id: z.string().min(1) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const form = Object.fromEntries(await request.formData());
  return withAdmin(request, async (_admin, session) => {
    const parsed = Delivered.safeParse(form);
    if (!parsed.success)
      return json({ ok: false, message: "Choose a data request to mark sent." }, { status: 400 });
    const done = await markExportDelivered(prisma, session.shop, parsed.data.id);
    return json({
      ok: done,
      message: done
        ? "Deleted: MakeGood no longer keeps the customer's data"
        : "That data was already deleted",
    });
  });
};

type PrivacyRequest = Omit<ExportRow, "receivedAt"> & { receivedAt: string };

function RequestCard({
  request,
  clock,
  deleting,
}: {
  request: PrivacyRequest;
  clock: ShopClock;
  deleting: boolean;
}) {
  const dates = dateFormats(clock);
  const data = request.export;
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {data.status === "ready"
              ? `${customerName(data)} asked for their data`
              : "A customer asked for their data"}
          </Text>
          {data.status === "ready" ? (
            <Badge tone="attention">Waiting to be sent</Badge>
          ) : (
            <Badge tone="success">Answered</Badge>
          )}
        </InlineStack>
        <Text as="p" tone="subdued">
          Received {dates.at(request.receivedAt)}.
        </Text>
        {data.status === "ready" ? (
          <>
            <Text as="p">
              Send them what MakeGood holds on them, below — {plural(data.orders.length, "order")},{" "}
              {plural(data.incidents.length, "problem")} and {plural(data.messages.length, "message")} sent —
              then mark it sent. It is deleted on {dates.day(data.deleteBy)} at the latest, sent or not.
            </Text>
            <DataExportDetails data={data} clock={clock} />
            <Form method="post">
              <input type="hidden" name="intent" value="delivered" />
              <input type="hidden" name="id" value={request.id} />
              <Button submit variant="primary" tone="critical" loading={deleting}>
                Sent to the customer — delete it
              </Button>
            </Form>
          </>
        ) : (
          <Text as="p">
            {data.status === "delivered"
              ? `Sent to the customer and deleted on ${dates.day(data.at)}`
              : `Deleted after ${EXPORT_KEPT_DAYS} days, on ${dates.day(data.at)}`}
            : {plural(data.orders, "order was", "orders were")} in it; nothing of the customer is kept here.
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

export default function Privacy() {
  const { requests, clock } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const shopify = useAppBridge();
  useEffect(() => {
    if (result) shopify.toast.show(result.message, { isError: !result.ok });
  }, [result, shopify]);
  const deletingId = navigation.state !== "idle" ? navigation.formData?.get("id") : null;
  return (
    <Page title="Privacy requests">
      <TitleBar title="Privacy requests" />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p">
              When a customer asks your shop for the data it holds on them, Shopify passes the request on to
              MakeGood and it shows here with what MakeGood holds. Send it to the customer, then mark it sent:
              it is deleted then, or after {EXPORT_KEPT_DAYS} days.
            </Text>
            {requests.length === 0 ? (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    No requests
                  </Text>
                  <Text as="p" tone="subdued">
                    No customer has asked for their data.
                  </Text>
                </BlockStack>
              </Card>
            ) : (
              requests.map((r) => (
                <RequestCard key={r.id} request={r} clock={clock} deleting={deletingId === r.id} />
              ))
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
