import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Card,
  IndexTable,
  InlineGrid,
  InlineStack,
  Layout,
  Link,
  List,
  Page,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import prisma from "../db.server";
import { DeadlineCell, StatusCell, SummaryCell } from "../components/incident-badges";
import { labelOf, STATUS_LABEL, TYPE_LABEL } from "../components/incident-labels";
import type { ShopClock } from "../domain/dates";
import { dashboardFigures } from "../domain/incidents/dashboard.server";
import { incidentRows, IncidentQuery } from "../domain/incidents/incident-rows.server";
import { OPEN_STATUSES } from "../domain/incidents/types";
import { withAdmin } from "../shopify/admin.server";
import { shopContext } from "../shopify/shop-context.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { context, session } = await withAdmin(request, async (admin, session) => ({
    context: await shopContext(admin, { fresh: true }),
    session,
  }));
  // The open incidents due first: the index's own query (one page, no timelines or remedies).
  const open = await incidentRows(
    prisma,
    session.shop,
    IncidentQuery.parse({ statuses: OPEN_STATUSES.join(","), sort: "answer_by" }),
    context.timezone,
  );
  const incidents = open.rows.map(
    ({ id, type, status, setback, orderName, summary, summaryDates, answerBy, deadline, sla }) => ({
      id,
      type,
      status,
      setback,
      orderName,
      summary,
      summaryDates,
      answerBy,
      deadline,
      sla,
    }),
  );
  const figures = await dashboardFigures(prisma, session.shop, context.timezone);
  const clock: ShopClock = { timezone: context.timezone, locale: context.locale };
  return json({
    shop: context.shopName,
    domain: session.shop,
    clock,
    currency: context.currency,
    incidents,
    openTotal: open.total,
    figures,
  });
};

const duration = (minutes: number | null) =>
  minutes === null
    ? "—"
    : minutes < 60
      ? `${minutes} min`
      : minutes < 48 * 60
        ? `${Math.round(minutes / 60)} h`
        : `${Math.round(minutes / 1440)} days`;

function Figures({
  figures,
  currency,
}: {
  figures: ReturnType<typeof useLoaderData<typeof loader>>["figures"];
  currency: string;
}) {
  const tiles: [string, string, string?][] = [
    [
      "In progress",
      String(figures.open),
      `${figures.sla.overdue} overdue · ${figures.sla.due_soon} due soon`,
    ],
    ["New today", String(figures.newToday)],
    ["Remedies this month", `${figures.spentThisMonth} ${currency}`, "on incidents opened this month"],
    ["Codes redeemed", `${figures.codes.redeemed} of ${figures.codes.created}`],
    ["Median time to first contact", duration(figures.medianMinutesToContact)],
    ["Median time to resolution", duration(figures.medianMinutesToResolve)],
  ];
  return (
    <InlineGrid columns={{ xs: 2, md: 3 }} gap="300">
      {tiles.map(([label, value, note]) => (
        <Card key={label}>
          <BlockStack gap="100">
            <Text as="h3" variant="bodySm" tone="subdued">
              {label}
            </Text>
            <Text as="p" variant="headingLg">
              {value}
            </Text>
            {note && (
              <Text
                as="p"
                variant="bodySm"
                tone={label === "In progress" && figures.sla.overdue > 0 ? "critical" : "subdued"}
              >
                {note}
              </Text>
            )}
          </BlockStack>
        </Card>
      ))}
    </InlineGrid>
  );
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** The incidents not closed yet, due first first: each with its status, as the heading counts them. */
function InProgress({
  incidents,
  total,
  byStatus,
  clock,
}: {
  incidents: Data["incidents"];
  total: number;
  byStatus: Record<string, number>;
  clock: ShopClock;
}) {
  const counts = Object.entries(byStatus)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${labelOf(STATUS_LABEL, status).toLowerCase()}`);
  return (
    <Card padding="0">
      <Box padding="400">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              In progress ({total})
            </Text>
            <Text as="p" variant="bodySm" tone="subdued">
              {counts.join(" · ")}
            </Text>
          </BlockStack>
          {total > incidents.length && (
            <Link url="/app/incidents?statuses=open,customer_contacted,awaiting_customer,remedied">
              See all {total}
            </Link>
          )}
        </InlineStack>
      </Box>
      <IndexTable
        resourceName={{ singular: "incident", plural: "incidents" }}
        itemCount={incidents.length}
        selectable={false}
        headings={[
          { title: "Order" },
          { title: "Problem" },
          { title: "Status" },
          { title: "Next deadline" },
          { title: "What was seen" },
        ]}
      >
        {incidents.map((i, index) => (
          <IndexTable.Row id={i.id} key={i.id} position={index}>
            <IndexTable.Cell>
              <Link url={`/app/incidents/${i.id}`} removeUnderline>
                <Text as="span" fontWeight="semibold">
                  {i.orderName}
                </Text>
              </Link>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Badge tone="critical">{labelOf(TYPE_LABEL, i.type)}</Badge>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <StatusCell status={i.status} setback={i.setback} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <DeadlineCell sla={i.sla} deadline={i.deadline} clock={clock} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <SummaryCell summary={i.summary} dates={i.summaryDates} clock={clock} />
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}

export default function Home() {
  const { shop, domain, clock, currency, incidents, openTotal, figures } = useLoaderData<typeof loader>();
  return (
    <Page primaryAction={{ content: "Report a problem", url: "/app/incidents/report" }}>
      <TitleBar title="MakeGood" />
      <Layout>
        <Layout.Section>
          <Figures figures={figures} currency={currency} />
        </Layout.Section>
        {/* The whole width: five columns do not fit beside another card without pushing the table past its own. */}
        <Layout.Section>
          {incidents.length > 0 ? (
            <InProgress incidents={incidents} total={openTotal} byStatus={figures.byStatus} clock={clock} />
          ) : (
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
                        When an order cannot be served as promised, MakeGood opens an incident here so you can
                        tell the customer the problem and the remedy in one message.
                      </Text>
                    </InlineStack>
                  </Box>
                </BlockStack>
              </Box>
            </Card>
          )}
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                What MakeGood watches
              </Text>
              <Text as="p" tone="subdued">
                MakeGood is watching {shop} ({domain}).
              </Text>
              <List>
                <List.Item>
                  Orders that stock cannot honour (oversold, expired or damaged last units)
                </List.Item>
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
