// All incidents: filter by type, status, SLA, carrier and opening date, search by order or customer,
// sort, page through, and tell several customers at once that the shop is on it — or apologise
// with the shop's default compensation code.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Card,
  ChoiceList,
  Filters,
  IndexTable,
  InlineStack,
  Link,
  Page,
  Text,
  TextField,
  useIndexResourceState,
} from "@shopify/polaris";
import type { IndexTableProps } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useState } from "react";
import { z } from "zod";
import prisma from "../db.server";
import { notFoundAsNotDone } from "../http/outcome.server";
import { DeadlineCell, StatusCell, SummaryCell } from "../components/incident-badges";
import { labelOf, STATUS_LABEL, TYPE_LABEL } from "../components/incident-labels";
import { dateFormats, type ShopClock } from "../domain/dates";
import { incidentRows, IncidentQuery, type IncidentSort } from "../domain/incidents/incident-rows.server";
import { acknowledgeIncident } from "../domain/notifications/incident-message.server";
import { apologizeWithCode } from "../domain/remedies/apology.server";
import { invariantResponse } from "../http/invariant.server";
import { YOU } from "../http/merchant.server";
import { withAdmin } from "../shopify/admin.server";
import { shopContext } from "../shopify/shop-context.server";

/** The filters as the page names them, to say which of an address's the list does not have. */
const FILTER_NAME: Record<string, string> = {
  types: "Problem",
  statuses: "Status",
  sla: "Next deadline",
  carriers: "Carrier",
  q: "Search",
  page: "Page",
};

export const loader = async ({ request }: LoaderFunctionArgs) => {
  return withAdmin(request, async (admin, session) => {
    const read = IncidentQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    // An address the list cannot read (an old bookmark, a link typed by hand) is not the app failing:
    // the merchant is told which filters, with the list unfiltered a click away.
    invariantResponse(read.success, {
      message: `This address asks for filters the list does not have: ${[...new Set(read.error?.issues.map((i) => String(i.path[0])))].map((f) => FILTER_NAME[f] ?? f).join(", ")}.`,
      link: { url: "/app/incidents", label: "Show all incidents" },
    });
    const query = read.data;
    const { timezone, locale } = await shopContext(admin);
    const clock: ShopClock = { timezone, locale };
    return json({ query, clock, ...(await incidentRows(prisma, session.shop, query, timezone)) });
  });
};

const Bulk = z.object({
  intent: z.enum(["acknowledge", "apology_code"]),
  ids: z.array(z.string()).min(1).max(50),
});
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const action = async ({ request }: ActionFunctionArgs) => {
  const form = await request.formData();
  const parsed = Bulk.safeParse({ intent: form.get("intent"), ids: form.getAll("ids") });
  if (!parsed.success) return json({ message: "Select the incidents first", ok: false }, { status: 400 });
  const { intent, ids } = parsed.data;
  return withAdmin(request, async (admin, session) => {
    const by = { name: YOU.name, ...(await shopContext(admin)) };
    let done = 0;
    const notes: string[] = [];
    // One at a time: each apology is a discount created in Shopify, and its cost bucket is shared.
    for (const id of ids) {
      const told =
        intent === "acknowledge"
          ? acknowledgeIncident(prisma, session.shop, id, by, { once: true })
          : apologizeWithCode(prisma, admin, session.shop, id, by);
      const r = await notFoundAsNotDone<Awaited<typeof told>>(told);
      if (r.ok && r.emailed) done++;
      else notes.push(r.ok ? (r.note ?? "not emailed") : r.error);
    }
    const why = [...new Set(notes)].join("; ");
    const message =
      intent === "acknowledge"
        ? `${plural(done, "customer")} told you are on it${notes.length ? `; ${notes.length} not (${why})` : ""}`
        : `${plural(done, "apology", "apologies")} with a code sent${notes.length ? `; ${notes.length} not (${why})` : ""}`;
    return json({ ok: done > 0, message });
  });
};

const OPENED = [
  { value: "1", label: "Today" },
  { value: "7", label: "Last 7 days" },
  { value: "30", label: "Last 30 days" },
  { value: "90", label: "Last 90 days" },
];

/** Opened within a recent period, or between two days. */
function OpenedFilter({
  query,
  set,
}: {
  query: IncidentQuery;
  set: (changes: Record<string, string>) => void;
}) {
  return (
    <BlockStack gap="200">
      <ChoiceList
        title="Opened"
        titleHidden
        choices={OPENED}
        selected={query.opened ? [query.opened] : []}
        onChange={([v]) => set({ opened: v ?? "", from: "", to: "" })}
      />
      <InlineStack gap="200" wrap={false}>
        <TextField
          label="From"
          type="date"
          autoComplete="off"
          value={query.from ?? ""}
          onChange={(v) => set({ from: v, opened: "" })}
        />
        <TextField
          label="To"
          type="date"
          autoComplete="off"
          value={query.to ?? ""}
          onChange={(v) => set({ to: v, opened: "" })}
        />
      </InlineStack>
    </BlockStack>
  );
}

const BULK = {
  acknowledge: {
    title: (who: string) => `Tell ${who} you are on it?`,
    confirm: "Send the emails",
    explain:
      "Each gets one email in their language saying you saw the problem and when they will hear from you. A customer already told is not told again.",
  },
  apology_code: {
    title: (who: string) => `Send ${who} an apology with a discount code?`,
    confirm: "Create codes and send",
    explain:
      "Each gets one code for their next order, at the percentage your settings give for the problem, in their language. A customer who already has an apology code for the incident is not sent another.",
  },
} as const;

// The sortable headings are the sort options, both ways; the URL's `sort` says which is in force.
type IndexTableSortDirection = NonNullable<IndexTableProps["sortDirection"]>;
const OPENED_COLUMN = 2;
const DEADLINE_COLUMN = 3;
const SORTABLE = [false, false, true, true, false, false, false];
const SORT_OF: Record<number, Record<IndexTableSortDirection, IncidentSort>> = {
  [OPENED_COLUMN]: { descending: "newest", ascending: "oldest" },
  [DEADLINE_COLUMN]: { ascending: "deadline", descending: "deadline_desc" },
};
const SORTED_BY = Object.fromEntries(
  Object.entries(SORT_OF).flatMap(([column, byDirection]) =>
    Object.entries(byDirection).map(([direction, sort]) => [
      sort,
      { column: Number(column), direction: direction as IndexTableSortDirection },
    ]),
  ),
) as Partial<Record<IncidentSort, { column: number; direction: IndexTableSortDirection }>>;
const SORT_LABELS = {
  [OPENED_COLUMN]: { descending: "Newest first", ascending: "Oldest first" },
  [DEADLINE_COLUMN]: { ascending: "Soonest deadline first", descending: "Latest deadline first" },
};

const SLA_LABEL: Record<string, string> = {
  overdue: "Overdue",
  due_soon: "Due within 4 hours",
  on_time: "On time",
};
const STATUSES = ["open", "customer_contacted", "awaiting_customer", "remedied", "closed", "dismissed"];

export default function Incidents() {
  const { query, rows, total, page, pages, carriers, clock } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params, setParams] = useSearchParams();
  const submit = useSubmit();
  const busy = useNavigation().state !== "idle";
  const shopify = useAppBridge();
  const [search, setSearch] = useState(query.q);
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(rows);
  // The search applies once typing pauses.
  useEffect(() => {
    if (search === query.q) return;
    const timer = setTimeout(() => set("q", search), 400);
    return () => clearTimeout(timer);
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (result) shopify.toast.show(result.message, { isError: !result.ok });
    clearSelection();
  }, [result, shopify, clearSelection]);

  const setMany = (changes: Record<string, string[] | string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      const v = Array.isArray(value) ? value.join(",") : value;
      if (v) next.set(key, v);
      else next.delete(key);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next);
  };
  const set = (key: string, value: string[] | string) => setMany({ [key]: value });
  const bulk = (intent: string) => () => {
    const form = new FormData();
    form.append("intent", intent);
    for (const id of selectedResources) form.append("ids", id);
    submit(form, { method: "post" });
  };
  const dates = dateFormats(clock);
  // Every bulk action writes to customers (and codes are discounts in Shopify): the merchant says
  // yes to it, counted, before anything is sent.
  const [confirming, setConfirming] = useState<keyof typeof BULK | null>(null);
  const filters = [
    {
      key: "types",
      label: "Problem",
      filter: (
        <ChoiceList
          title="Problem"
          titleHidden
          allowMultiple
          choices={Object.entries(TYPE_LABEL).map(([value, label]) => ({ value, label }))}
          selected={query.types}
          onChange={(v) => set("types", v)}
        />
      ),
    },
    {
      key: "statuses",
      label: "Status",
      filter: (
        <ChoiceList
          title="Status"
          titleHidden
          allowMultiple
          choices={STATUSES.map((s) => ({ value: s, label: labelOf(STATUS_LABEL, s) }))}
          selected={query.statuses}
          onChange={(v) => set("statuses", v)}
        />
      ),
    },
    {
      key: "sla",
      label: "Next deadline",
      filter: (
        <ChoiceList
          title="Next deadline"
          titleHidden
          allowMultiple
          choices={Object.entries(SLA_LABEL).map(([value, label]) => ({ value, label }))}
          selected={query.sla}
          onChange={(v) => set("sla", v)}
        />
      ),
    },
    {
      key: "carriers",
      label: "Carrier",
      filter: carriers.length ? (
        <ChoiceList
          title="Carrier"
          titleHidden
          allowMultiple
          choices={carriers.map((c) => ({ value: c, label: c }))}
          selected={query.carriers}
          onChange={(v) => set("carriers", v)}
        />
      ) : (
        <Text as="p" tone="subdued">
          No incident has a carrier yet.
        </Text>
      ),
    },
  ];
  const applied = filters
    .filter((f) => (query[f.key as "types"] as string[]).length)
    .map((f) => ({
      key: f.key,
      label: `${f.label}: ${(query[f.key as "types"] as string[]).map((v) => (f.key === "carriers" ? v : labelOf(f.key === "types" ? TYPE_LABEL : f.key === "statuses" ? STATUS_LABEL : SLA_LABEL, v))).join(", ")}`,
      onRemove: () => set(f.key, ""),
    }));
  filters.push({ key: "opened", label: "Opened", filter: <OpenedFilter query={query} set={setMany} /> });
  if (query.opened || query.from || query.to) {
    applied.push({
      key: "opened",
      onRemove: () => setMany({ opened: "", from: "", to: "" }),
      label: `Opened: ${query.opened ? OPENED.find((o) => o.value === query.opened)!.label.toLowerCase() : [query.from && `from ${dates.calendarDay(query.from)}`, query.to && `to ${dates.calendarDay(query.to)}`].filter(Boolean).join(" ")}`,
    });
  }

  return (
    <Page
      title="Incidents"
      subtitle={`${total} incident${total === 1 ? "" : "s"}`}
      backAction={{ content: "Home", url: "/app" }}
      primaryAction={{ content: "Report a problem", url: "/app/incidents/report" }}
      pagination={{
        hasPrevious: page > 1,
        hasNext: page < pages,
        onPrevious: () => set("page", String(page - 1)),
        onNext: () => set("page", String(page + 1)),
      }}
    >
      <TitleBar title="Incidents" />
      {confirming && (
        <Box paddingBlockEnd="400">
          <Banner
            tone="warning"
            title={BULK[confirming].title(
              selectedResources.length === 1 ? "1 customer" : `${selectedResources.length} customers`,
            )}
            action={{
              content: BULK[confirming].confirm,
              onAction: () => {
                setConfirming(null);
                bulk(confirming)();
              },
            }}
            secondaryAction={{ content: "Cancel", onAction: () => setConfirming(null) }}
            onDismiss={() => setConfirming(null)}
          >
            {BULK[confirming].explain}
          </Banner>
        </Box>
      )}
      <Card padding="0">
        <Filters
          queryValue={search}
          queryPlaceholder="Search by order or customer email"
          onQueryChange={setSearch}
          onQueryClear={() => {
            setSearch("");
            set("q", "");
          }}
          filters={filters}
          appliedFilters={applied}
          onClearAll={() => setParams(new URLSearchParams())}
        />
        <IndexTable
          resourceName={{ singular: "incident", plural: "incidents" }}
          itemCount={rows.length}
          selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
          onSelectionChange={handleSelectionChange}
          loading={busy}
          sortable={SORTABLE}
          sortColumnIndex={SORTED_BY[query.sort]?.column}
          sortDirection={SORTED_BY[query.sort]?.direction}
          sortToggleLabels={SORT_LABELS}
          onSort={(column, direction) => set("sort", SORT_OF[column]?.[direction] ?? "")}
          promotedBulkActions={[
            { content: "Tell the customers we are on it", onAction: () => setConfirming("acknowledge") },
            { content: "Send apology + code", onAction: () => setConfirming("apology_code") },
          ]}
          headings={[
            { title: "Order" },
            { title: "Problem" },
            { title: "Opened", defaultSortDirection: "descending" },
            { title: "Next deadline", defaultSortDirection: "ascending" },
            { title: "Status" },
            { title: "Carrier" },
            { title: "What was seen" },
          ]}
        >
          {rows.map((i, index) => (
            <IndexTable.Row id={i.id} key={i.id} position={index} selected={selectedResources.includes(i.id)}>
              <IndexTable.Cell>
                <Link url={`/app/incidents/${i.id}`} removeUnderline dataPrimaryLink>
                  <Text as="span" fontWeight="semibold">
                    {i.orderName}
                  </Text>
                </Link>
              </IndexTable.Cell>
              <IndexTable.Cell>{labelOf(TYPE_LABEL, i.type)}</IndexTable.Cell>
              <IndexTable.Cell>{dates.day(i.openedAt)}</IndexTable.Cell>
              <IndexTable.Cell>
                <DeadlineCell sla={i.sla} deadline={i.deadline} clock={clock} />
              </IndexTable.Cell>
              <IndexTable.Cell>
                <StatusCell status={i.status} setback={i.setback} />
              </IndexTable.Cell>
              <IndexTable.Cell>{i.carrier ?? "—"}</IndexTable.Cell>
              <IndexTable.Cell>
                <SummaryCell summary={i.summary} dates={i.summaryDates} clock={clock} />
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </Card>
    </Page>
  );
}
