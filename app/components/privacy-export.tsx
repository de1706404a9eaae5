// A customer's data export as the merchant reads it (and passes it on): every field named in words,
// every date in the shop's zone and locale, problems and statuses by their labels, not as stored.
import { BlockStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { dateFormats, readable, type ShopClock } from "../domain/dates";
import type { DataExport } from "../domain/privacy/data-export";
import { labelOf, STATUS_LABEL, TYPE_LABEL } from "./incident-labels";

const LANGUAGE = new Intl.DisplayNames(["en"], { type: "language" });
const language = (code: string) => {
  try {
    return LANGUAGE.of(code) ?? code;
  } catch {
    return code;
  }
};

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** An address on one line, in the order a label is written. */
function addressLine(a: Record<string, unknown> | null) {
  if (!a) return null;
  const text = (key: string) => (typeof a[key] === "string" && a[key] ? (a[key] as string) : null);
  const name = text("name") ?? ([text("first_name"), text("last_name")].filter(Boolean).join(" ") || null);
  const town = [text("zip"), text("city")].filter(Boolean).join(" ") || null;
  const parts = [
    name,
    text("company"),
    text("address1"),
    text("address2"),
    town,
    text("province"),
    text("country"),
    text("phone"),
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : null;
}

/** The customer as the merchant knows them: the name on their orders, else how Shopify named them. */
export function customerName(data: DataExport) {
  return data.orders.find((o) => o.name)?.name ?? data.customer.email ?? data.customer.phone ?? "A customer";
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  if (value == null || value === "") return null;
  return (
    <Text as="p">
      <Text as="span" fontWeight="semibold">
        {label}:
      </Text>{" "}
      {value}
    </Text>
  );
}

function Section({ title, empty, children }: { title: string; empty?: string; children: ReactNode[] }) {
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {title}
      </Text>
      {children.length || !empty ? (
        children
      ) : (
        <Text as="p" tone="subdued">
          {empty}
        </Text>
      )}
    </BlockStack>
  );
}

export function DataExportDetails({ data, clock }: { data: DataExport; clock: ShopClock }) {
  const dates = dateFormats(clock);
  return (
    <BlockStack gap="400">
      <Section title="How Shopify named them" empty="Neither an email nor a phone.">
        {[
          data.customer.email && <Field key="email" label="Email" value={data.customer.email} />,
          data.customer.phone && <Field key="phone" label="Phone" value={data.customer.phone} />,
        ].filter(Boolean)}
      </Section>
      <Section title={`Their orders (${data.orders.length})`} empty="MakeGood holds none of their orders.">
        {data.orders.map((o) => (
          <BlockStack key={o.order} gap="100">
            <Text as="p" fontWeight="semibold">
              Order {o.order}
              {o.placedAt ? `, placed ${dates.at(o.placedAt)}` : ""}
            </Text>
            <Field label="Name" value={o.name} />
            <Field label="Email" value={o.email} />
            <Field label="Phone" value={o.phone} />
            <Field label="Language" value={o.language ? language(o.language) : null} />
            <Field label="Their note" value={o.note} />
            <Field label="Shipping address" value={addressLine(o.shippingAddress)} />
            <Field label="Billing address" value={addressLine(o.billingAddress)} />
          </BlockStack>
        ))}
      </Section>
      <Section title={`Problems with their orders (${data.incidents.length})`} empty="None.">
        {data.incidents.map((i) => (
          <Text as="p" key={`${i.order}-${i.openedAt}`}>
            Order {i.order}: {labelOf(TYPE_LABEL, i.problem)}, found {dates.at(i.openedAt)}. Status:{" "}
            {labelOf(STATUS_LABEL, i.status)}
            {i.closedAt ? `, since ${dates.at(i.closedAt)}` : ""}.
          </Text>
        ))}
      </Section>
      <Section title={`Messages sent to them (${data.messages.length})`} empty="None.">
        {data.messages.map((m) => (
          <Text as="p" key={`${m.order}-${m.sentAt}`}>
            Order {m.order}, {dates.at(m.sentAt)}: {readable(m.what, m.dates ?? {}, clock)}.
          </Text>
        ))}
      </Section>
    </BlockStack>
  );
}
