// How an incident's state reads in lists and on its page: its status, what went wrong on the way
// to a remedy, and where it stands against its next deadline — in words, dates in the shop's zone.
import { Badge, BlockStack, Text } from "@shopify/polaris";
import { dateFormats, readable, type ShopClock } from "../domain/dates";
import { labelOf, STATUS_LABEL, STATUS_TONE } from "./incident-labels";

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONE[status]}>{labelOf(STATUS_LABEL, status)}</Badge>;
}

const SETBACK: Record<string, string> = {
  offer_failed: "Offer failed",
  remedy_failed: "Remedy failed",
  remedy_refused: "Remedy refused",
};

/** The status, and beside it what failed last (an offer the customer's answer could not carry out). */
export function StatusCell({ status, setback }: { status: string; setback: string | null }) {
  return (
    <BlockStack gap="100" inlineAlign="start">
      <StatusBadge status={status} />
      {setback && <Badge tone="critical">{SETBACK[setback] ?? labelOf({}, setback)}</Badge>}
    </BlockStack>
  );
}

const SLA_BADGE = {
  overdue: ["critical", "Overdue"],
  due_soon: ["warning", "Due soon"],
  on_time: ["success", "On time"],
  done: [undefined, "Done"],
} as const;
export type SlaState = keyof typeof SLA_BADGE;

/** Where the incident stands against its next deadline: acknowledging the customer, then answering. */
export function DeadlineCell({
  sla,
  deadline,
  clock,
}: {
  sla: SlaState;
  deadline: { kind: string; at: string };
  clock: ShopClock;
}) {
  const [tone, label] = SLA_BADGE[sla];
  return (
    <BlockStack gap="100" inlineAlign="start">
      <Badge tone={tone}>{label}</Badge>
      {sla !== "done" && (
        <Text as="span" variant="bodySm" tone="subdued">
          {deadline.kind === "acknowledge" ? "Acknowledge by" : "Answer by"}{" "}
          {dateFormats(clock).at(deadline.at)}
        </Text>
      )}
    </BlockStack>
  );
}

/** What was seen, wrapping inside its cell: a table cell does not wrap, and would push the table past its card. */
export function SummaryCell({
  summary,
  dates,
  clock,
}: {
  summary: string;
  dates: Record<string, string>;
  clock: ShopClock;
}) {
  return (
    <div style={{ whiteSpace: "normal", minWidth: "14rem" }}>
      <Text as="span">{readable(summary, dates, clock)}</Text>
    </div>
  );
}
