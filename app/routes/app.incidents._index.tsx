// All incidents: filter by type, status and SLA, search by order or customer, sort, page through,
// and tell several customers at once that the shop is on it.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { Badge, Card, ChoiceList, Filters, IndexTable, Link, Page, Text, useIndexResourceState } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useState } from "react";
import { z } from "zod";
import prisma from "../db.server";
import { TYPE_LABEL, words } from "../components/incident-labels";
import { incidentInbox, InboxQuery } from "../domain/incidents/inbox.server";
import { acknowledgeIncident } from "../domain/notifications/acknowledge.server";
import { authenticate } from "../shopify.server";
import { withAdmin } from "../shopify/admin.server";
import { shopContext } from "../shopify/shop-context.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const query = InboxQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ query, ...(await incidentInbox(prisma, session.shop, query)) });
};

const Bulk = z.object({ intent: z.literal("acknowledge"), ids: z.array(z.string()).min(1).max(50) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const form = await request.formData();
  const parsed = Bulk.safeParse({ intent: form.get("intent"), ids: form.getAll("ids") });
  if (!parsed.success) return json({ message: "Select the incidents first", ok: false }, { status: 400 });
  return withAdmin(request, async (admin, session) => {
    const by = { name: "You", ...(await shopContext(admin)) };
    let emailed = 0;
    for (const id of parsed.data.ids) {
      const r = await acknowledgeIncident(prisma, session.shop, id, by);
      if (r.ok && r.emailed) emailed++;
    }
    const skipped = parsed.data.ids.length - emailed;
    return json({ ok: emailed > 0, message: `${emailed} customer${emailed === 1 ? "" : "s"} told you are on it${skipped ? `; ${skipped} not (closed, no email, or no SMTP)` : ""}` });
  });
};

const SLA_BADGE = { overdue: ["critical", "Overdue"], due_soon: ["warning", "Due soon"], on_time: ["success", "On time"], done: [undefined, "Done"] } as const;
const STATUSES = ["open", "customer_contacted", "awaiting_customer", "remedied", "closed", "dismissed"];

export default function Incidents() {
  const { query, rows, total, page, pages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params, setParams] = useSearchParams();
  const submit = useSubmit();
  const busy = useNavigation().state !== "idle";
  const shopify = useAppBridge();
  const [search, setSearch] = useState(query.q);
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(rows);
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

  const set = (key: string, value: string[] | string) => {
    const next = new URLSearchParams(params);
    const v = Array.isArray(value) ? value.join(",") : value;
    if (v) next.set(key, v);
    else next.delete(key);
    next.delete("page");
    setParams(next);
  };
  const filters = [
    { key: "types", label: "Problem", filter: <ChoiceList title="Problem" titleHidden allowMultiple choices={Object.entries(TYPE_LABEL).map(([value, label]) => ({ value, label }))} selected={query.types} onChange={(v) => set("types", v)} /> },
    { key: "statuses", label: "Status", filter: <ChoiceList title="Status" titleHidden allowMultiple choices={STATUSES.map((s) => ({ value: s, label: words(s) }))} selected={query.statuses} onChange={(v) => set("statuses", v)} /> },
    { key: "sla", label: "Answer by", filter: <ChoiceList title="Answer by" titleHidden allowMultiple choices={[{ value: "overdue", label: "Overdue" }, { value: "due_soon", label: "Due within 4 hours" }, { value: "on_time", label: "On time" }]} selected={query.sla} onChange={(v) => set("sla", v)} /> },
  ];
  const applied = filters.filter((f) => (query[f.key as "types"] as string[]).length).map((f) => ({
    key: f.key, label: `${f.label}: ${(query[f.key as "types"] as string[]).map((v) => TYPE_LABEL[v] ?? words(v)).join(", ")}`, onRemove: () => set(f.key, ""),
  }));

  return (
    <Page title="Incidents" subtitle={`${total} incident${total === 1 ? "" : "s"}`} backAction={{ content: "Home", url: "/app" }}
      pagination={{ hasPrevious: page > 1, hasNext: page < pages, onPrevious: () => set("page", String(page - 1)), onNext: () => set("page", String(page + 1)) }}>
      <TitleBar title="Incidents" />
      <Card padding="0">
        <Filters queryValue={search} queryPlaceholder="Search by order or customer email" onQueryChange={setSearch}
          onQueryClear={() => { setSearch(""); set("q", ""); }} filters={filters} appliedFilters={applied}
          onClearAll={() => setParams(new URLSearchParams())} />
        <IndexTable
          resourceName={{ singular: "incident", plural: "incidents" }}
          itemCount={rows.length}
          selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
          onSelectionChange={handleSelectionChange}
          loading={busy}
          sortable={[false, false, true, false, false]}
          sortColumnIndex={2}
          sortDirection={query.sort === "newest" ? "descending" : "ascending"}
          onSort={(_, direction) => set("sort", direction === "descending" ? "newest" : "answer_by")}
          promotedBulkActions={[{
            content: "Tell the customers we are on it",
            onAction: () => {
              const form = new FormData();
              form.append("intent", "acknowledge");
              for (const id of selectedResources) form.append("ids", id);
              submit(form, { method: "post" });
            },
          }]}
          headings={[{ title: "Order" }, { title: "Problem" }, { title: "Answer by" }, { title: "Status" }, { title: "What was seen" }]}
        >
          {rows.map((i, index) => (
            <IndexTable.Row id={i.id} key={i.id} position={index} selected={selectedResources.includes(i.id)}>
              <IndexTable.Cell><Link url={`/app/incidents/${i.id}`} removeUnderline dataPrimaryLink><Text as="span" fontWeight="semibold">{i.orderName}</Text></Link></IndexTable.Cell>
              <IndexTable.Cell>{TYPE_LABEL[i.type] ?? words(i.type)}</IndexTable.Cell>
              <IndexTable.Cell><Badge tone={SLA_BADGE[i.sla][0]}>{SLA_BADGE[i.sla][1]}</Badge> {new Date(i.answerBy).toLocaleString("en", { dateStyle: "medium", timeStyle: "short" })}</IndexTable.Cell>
              <IndexTable.Cell>{words(i.status)}</IndexTable.Cell>
              <IndexTable.Cell><Text as="span" truncate>{i.summary}</Text></IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </Card>
    </Page>
  );
}
