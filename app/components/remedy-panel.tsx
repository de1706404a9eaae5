// The remedies of an open incident: a compensation code, a refund (previewed, then confirmed), a
// reship for what arrived wrong or broken, cancelling the order (confirmed), or dismissing it.
import { Form } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, Divider, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

export type RefundPreview = { amount: string; currency: string; lines: string; maximum: string; quantity: number };

export function RemedyPanel({ incidentOpen, status, type, maxQuantity, decisionId, busy, preview, compensation }: {
  incidentOpen: boolean; status: string; type: string; maxQuantity: number; decisionId: string; busy: boolean;
  preview?: RefundPreview; compensation: { percentage: number; expiresInDays: number };
}) {
  const [percentage, setPercentage] = useState(String(compensation.percentage));
  const [days, setDays] = useState(String(compensation.expiresInDays));
  const [quantity, setQuantity] = useState(String(maxQuantity));
  const [reason, setReason] = useState("");
  const [confirmCancel, setConfirmCancel] = useState(false);
  if (!incidentOpen) return null;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">Remedies</Text>
        <Form method="post">
          <input type="hidden" name="intent" value="code" />
          <input type="hidden" name="decisionId" value={`code-${decisionId}`} />
          <BlockStack gap="200">
            <InlineStack gap="200" wrap={false}>
              <TextField label="Discount %" name="percentage" type="number" value={percentage} onChange={setPercentage} autoComplete="off" />
              <TextField label="Valid for (days)" name="expiresInDays" type="number" value={days} onChange={setDays} autoComplete="off" />
            </InlineStack>
            <Button submit disabled={busy}>Create compensation code</Button>
          </BlockStack>
        </Form>
        <Divider />
        <Form method="post">
          <input type="hidden" name="intent" value={preview ? "refund" : "refund_preview"} />
          <input type="hidden" name="decisionId" value={`refund-${decisionId}`} />
          <BlockStack gap="200">
            <TextField label="Units of this line to refund" name="quantity" type="number" min={1} max={maxQuantity} value={preview ? String(preview.quantity) : quantity} onChange={setQuantity} autoComplete="off" disabled={!!preview} />
            {preview && <Banner tone="warning">Refund {preview.amount} {preview.currency} for {preview.lines || "this line"} (up to {preview.maximum} refundable)?</Banner>}
            <Button submit disabled={busy} tone={preview ? "critical" : undefined}>{preview ? `Confirm refund of ${preview.amount} ${preview.currency}` : "Preview refund"}</Button>
          </BlockStack>
        </Form>
        {(type === "wrong_item" || type === "damaged_delivery") && (
          <>
            <Divider />
            <Form method="post">
              <input type="hidden" name="intent" value="reship" />
              <input type="hidden" name="decisionId" value={`reship-${decisionId}`} />
              <input type="hidden" name="quantity" value={quantity} />
              <Button submit disabled={busy}>Reship this line at our cost</Button>
            </Form>
          </>
        )}
        <Divider />
        <Form method="post">
          <input type="hidden" name="intent" value="cancel" />
          <input type="hidden" name="decisionId" value={`cancel-${decisionId}`} />
          <BlockStack gap="200">
            <Checkbox label="Yes, cancel the whole order and refund it" name="confirm" value="yes" checked={confirmCancel} onChange={setConfirmCancel} />
            <Button submit tone="critical" disabled={busy || !confirmCancel}>Cancel order</Button>
          </BlockStack>
        </Form>
        {status !== "remedied" && (<>
        <Divider />
        <Form method="post">
          <input type="hidden" name="intent" value="dismiss" />
          <BlockStack gap="200">
            <TextField label="Not a real problem? Why" name="reason" value={reason} onChange={setReason} autoComplete="off" />
            <Button submit disabled={busy || reason.trim().length < 3}>Dismiss</Button>
          </BlockStack>
        </Form>
        </>)}
      </BlockStack>
    </Card>
  );
}
