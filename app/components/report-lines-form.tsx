// The second half of "Report a problem": the order's lines with where their units are, the
// problems that fit the picked line, how many units, and a note. Everything picked and typed stays
// while the server answers, and after a refusal.
import { useNavigation, useSubmit } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  ChoiceList,
  Form,
  FormLayout,
  Link,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { dateFormats, type ShopClock } from "../domain/dates";
import { isAfterDelivery, problemWord, type ReportableLine } from "../domain/incidents/report-choices";
import type { FoundOrder } from "../domain/incidents/report.server";

const units = (n: number) => `${n} unit${n === 1 ? "" : "s"}`;

/** Where a line's units are, in words: "1 received · 1 still to ship". */
function whereUnitsAre(line: ReportableLine) {
  const parts = [
    line.received && `${line.received} received`,
    line.onTheWay && `${line.onTheWay} on the way`,
    line.toShip && `${line.toShip} still to ship`,
  ];
  return parts.filter(Boolean).join(" · ") || "nothing left to ship or received";
}

function LineLabel({
  line,
  money,
}: {
  line: ReportableLine;
  money: (amount: string, currency: string) => string;
}) {
  return (
    <BlockStack gap="050">
      <Text as="span" fontWeight="semibold">
        {line.title}
        {line.variantTitle ? ` — ${line.variantTitle}` : ""}
      </Text>
      <Text as="span" tone="subdued">
        {line.quantity} × {money(line.unitPrice, line.currency)}
        {line.sku ? ` · SKU ${line.sku}` : ""} · {whereUnitsAre(line)}
        {line.problems.length === 0 && line.onTheWay > 0 ? " — report it once it is delivered" : ""}
      </Text>
    </BlockStack>
  );
}

export function ReportLinesForm({
  order,
  clock,
  errors,
}: {
  order: FoundOrder;
  clock: ShopClock;
  errors: Record<string, string>;
}) {
  const submit = useSubmit();
  const busy = useNavigation().state === "submitting";
  const [lineItemId, setLineItemId] = useState<string | undefined>();
  const [reason, setReason] = useState<string | undefined>();
  const [quantity, setQuantity] = useState("1");
  const [note, setNote] = useState("");
  const dates = dateFormats(clock);
  const money = (amount: string, currency: string) =>
    new Intl.NumberFormat(clock.locale, { style: "currency", currency }).format(Number(amount));
  const line = order.lines.find((l) => l.id === lineItemId);
  const problem = line?.problems.find((p) => p.reason === reason);
  const placed = `Placed ${dates.at(order.createdAt)}${order.delivered ? ` · delivered ${dates.at(order.delivered)}` : ""}${order.cancelledAt ? ` · cancelled ${dates.at(order.cancelledAt)}` : ""}`;

  const send = () => {
    const form = new FormData();
    form.set("order", order.name);
    if (lineItemId) form.set("lineItemId", lineItemId);
    if (reason) form.set("reason", reason);
    form.set("quantity", quantity);
    form.set("note", note);
    submit(form, { method: "post" });
  };
  const pickLine = (id: string | undefined) => {
    setLineItemId(id);
    // A problem that does not fit the new line is not kept picked behind the merchant's back.
    const next = order.lines.find((l) => l.id === id);
    if (reason && !next?.problems.some((p) => p.reason === reason)) setReason(undefined);
  };

  return (
    <Card>
      {/* The server checks and says what is wrong in words; the browser would stop silently at its own limits. */}
      <Form onSubmit={send} noValidate>
        <FormLayout>
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              Order {order.name}
            </Text>
            <Text as="p" tone="subdued">
              {placed}
            </Text>
          </BlockStack>
          <ChoiceList
            title="Which line?"
            error={errors.lineItemId}
            selected={lineItemId ? [lineItemId] : []}
            onChange={([id]) => pickLine(id)}
            choices={order.lines.map((l) => ({
              value: l.id,
              label: <LineLabel line={l} money={money} />,
              disabled: l.problems.length === 0,
              helpText: l.open.length ? (
                <>
                  Already reported:{" "}
                  {l.open.map((o, i) => (
                    <span key={o.incidentId}>
                      {i ? ", " : ""}
                      <Link url={`/app/incidents/${o.incidentId}`}>{problemWord(o.type)}</Link>
                    </span>
                  ))}{" "}
                  (still open)
                </>
              ) : undefined,
            }))}
          />
          {line && line.problems.length > 0 ? (
            <ChoiceList
              title="What is wrong?"
              error={errors.reason}
              selected={reason ? [reason] : []}
              onChange={([r]) => setReason(r)}
              choices={line.problems.map((p) => ({ value: p.reason, label: p.label }))}
            />
          ) : (
            <BlockStack gap="100">
              <Text as="p" fontWeight="medium">
                What is wrong?
              </Text>
              <Text as="p" tone={errors.reason ? "critical" : "subdued"}>
                {errors.reason ?? "Pick a line first: the problems that fit it show here."}
              </Text>
            </BlockStack>
          )}
          <TextField
            label="Units with the problem"
            type="number"
            min={1}
            max={problem?.maxQuantity}
            value={quantity}
            onChange={setQuantity}
            autoComplete="off"
            error={errors.quantity}
            helpText={
              problem
                ? `Up to ${units(problem.maxQuantity)} ${isAfterDelivery(problem.reason) ? "received" : "still to ship"}.`
                : undefined
            }
          />
          <TextField
            label="Note (optional)"
            value={note}
            onChange={setNote}
            multiline={3}
            maxLength={2000}
            autoComplete="off"
            helpText="What the customer said or the warehouse saw; it goes on the incident's timeline."
            error={errors.note}
          />
          <Button submit variant="primary" loading={busy}>
            Report problem
          </Button>
        </FormLayout>
      </Form>
    </Card>
  );
}
