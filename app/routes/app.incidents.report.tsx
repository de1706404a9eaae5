// Report a problem: the merchant names an order (#1038), picks a line, the problem in words and
// how many units, adds a note, and lands on the incident it opened. Only the problems that fit
// where the line's units are (still to ship, or received) are offered; the rules are in
// domain/incidents/report-choices.ts and Shopify is read again on submit.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import {
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Form,
  FormLayout,
  Layout,
  Link,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import prisma from "../db.server";
import { ReportLinesForm } from "../components/report-lines-form";
import type { ShopClock } from "../domain/dates";
import { findOrderToReport, reportProblem, ReportInput } from "../domain/incidents/report.server";
import { issuesByField } from "../http/issues";
import { YOU } from "../http/merchant.server";
import { withAdmin } from "../shopify/admin.server";
import { shopContext } from "../shopify/shop-context.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const typed = new URL(request.url).searchParams.get("order") ?? "";
  return withAdmin(request, async (admin, session) => {
    const { timezone, locale } = await shopContext(admin);
    const clock: ShopClock = { timezone, locale };
    const lookup = typed.trim() ? await findOrderToReport(prisma, admin, session.shop, typed) : null;
    return json({ typed, clock, lookup });
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const form = Object.fromEntries(await request.formData());
  const parsed = ReportInput.safeParse(form);
  // A refused report answers 200 with its reasons: the page stays with everything typed (a 4xx
  // would be logged by the browser as an error, and nothing went wrong).
  if (!parsed.success) {
    return json({ errors: issuesByField(parsed.error), incidentId: undefined as string | undefined });
  }
  return withAdmin(request, async (admin, session) => {
    const result = await reportProblem(prisma, admin, session.shop, parsed.data, YOU);
    if (!result.ok)
      return json({ errors: result.errors as Record<string, string>, incidentId: result.incidentId });
    return redirect(`/app/incidents/${result.incidentId}`);
  });
};

// A refused report changes nothing: the order is not read from Shopify again (the lookup would
// only be cancelled by the merchant's next try).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "errors" in actionResult
    ? false
    : defaultShouldRevalidate;

export default function ReportProblem() {
  const { typed, clock, lookup } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [, setParams] = useSearchParams();
  const navigation = useNavigation();
  const [orderName, setOrderName] = useState(typed);
  const looking =
    navigation.state === "loading" &&
    navigation.location?.pathname === "/app/incidents/report" &&
    navigation.formMethod === undefined;
  const errors = answer?.errors ?? {};
  const found = lookup?.ok ? lookup.order : null;
  return (
    <Page title="Report a problem" backAction={{ content: "Incidents", url: "/app/incidents" }}>
      <TitleBar title="Report a problem" />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {Object.keys(errors).length > 0 && (
              <Banner tone="critical" title="The problem was not reported">
                <BlockStack gap="100">
                  {Object.values(errors).map((message) => (
                    <Text as="p" key={message}>
                      {message}
                    </Text>
                  ))}
                  {answer?.incidentId && (
                    <Link url={`/app/incidents/${answer.incidentId}`}>Open the incident already open</Link>
                  )}
                </BlockStack>
              </Banner>
            )}
            <Card>
              <Form onSubmit={() => setParams({ order: orderName })}>
                <FormLayout>
                  <Text as="p" tone="subdued">
                    A customer wrote that something arrived wrong or broken, or the warehouse found units
                    expired, damaged or missing: name the order and MakeGood opens an incident for it.
                  </Text>
                  <TextField
                    label="Order name or number"
                    value={orderName}
                    onChange={setOrderName}
                    autoComplete="off"
                    placeholder="#1038"
                    helpText="As the order is named in Shopify, such as #1038."
                    error={lookup && !lookup.ok ? lookup.error : errors.order}
                  />
                  <Button submit loading={looking}>
                    Find order
                  </Button>
                </FormLayout>
              </Form>
            </Card>
            {found && <ReportLinesForm key={found.id} order={found} clock={clock} errors={errors} />}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
