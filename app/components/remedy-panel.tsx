// The remedies of an open incident: a compensation code, a refund (previewed, then confirmed), a
// reship for what arrived wrong or broken, cancelling the order (confirmed), or dismissing it.
import { Form } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  Divider,
  InlineStack,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";

export type RefundPreview = {
  amount: string;
  currency: string;
  lines: string;
  maximum: string;
  quantity: number;
  goodwill: string;
  amountText: string;
  maximumText: string;
};

/** Problems a parcel sent again fixes: what arrived was wrong or broken, or never arrived. */
const RESHIPPABLE = new Set(["wrong_item", "damaged_delivery", "delivery_failed"]);

export function RemedyPanel({
  incidentOpen,
  remedied,
  reshipped,
  type,
  maxQuantity,
  lineUnits,
  decisionId,
  busy,
  preview,
  compensation,
  code,
  cancellable,
}: {
  incidentOpen: boolean;
  /** A remedy was given: the incident can be closed, no longer dismissed. */ remedied: boolean;
  reshipped: boolean;
  type: string;
  maxQuantity: number;
  /** Units of the incident's line still to make good (0: the problem is not one line's units, or they were all made good). */ lineUnits: number;
  decisionId: string;
  busy: boolean;
  preview?: RefundPreview;
  compensation: { percentage: number; expiresInDays: number };
  /** The code already given for this incident, if any. */ code: string | null;
  /** Nothing has shipped yet: Shopify cancels only an order that has not been fulfilled. */ cancellable: boolean;
}) {
  const [percentage, setPercentage] = useState(String(compensation.percentage));
  const [days, setDays] = useState(String(compensation.expiresInDays));
  const [reason, setReason] = useState("");
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [confirmReship, setConfirmReship] = useState(false);
  const [another, setAnother] = useState(false);
  if (!incidentOpen) return null;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Remedies
        </Text>
        <Form method="post">
          <input type="hidden" name="intent" value="code" />
          <input type="hidden" name="decisionId" value={`code-${decisionId}`} />
          <BlockStack gap="200">
            <InlineStack gap="200" wrap={false}>
              <TextField
                label="Discount %"
                name="percentage"
                type="number"
                value={percentage}
                onChange={setPercentage}
                autoComplete="off"
              />
              <TextField
                label="Valid for (days)"
                name="expiresInDays"
                type="number"
                value={days}
                onChange={setDays}
                autoComplete="off"
              />
            </InlineStack>
            {code && (
              // One code per incident, unless the merchant means to give a second one.
              <>
                <Text as="p" tone="subdued">
                  The customer already has code {code} for this incident.
                </Text>
                <Checkbox
                  label="Create another code anyway"
                  name="another"
                  value="yes"
                  checked={another}
                  onChange={setAnother}
                />
              </>
            )}
            <Button submit disabled={busy || (code !== null && !another)}>
              Create compensation code
            </Button>
          </BlockStack>
        </Form>
        <Divider />
        <RefundForm
          maxQuantity={Math.min(lineUnits, maxQuantity)}
          decisionId={decisionId}
          busy={busy}
          preview={preview}
        />
        {RESHIPPABLE.has(type) && (
          <>
            <Divider />
            {reshipped ? (
              <Text as="p" tone="subdued">
                A replacement order was sent at your cost: see the timeline.
              </Text>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="reship" />
                <input type="hidden" name="decisionId" value={`reship-${decisionId}`} />
                <input type="hidden" name="quantity" value={String(maxQuantity)} />
                <BlockStack gap="200">
                  {/* A replacement order costs the shop: confirmed, like a refund or a cancel. */}
                  <Checkbox
                    label={`Yes, create a replacement order at our cost, to the order's shipping address${type === "delivery_failed" ? " (check it in Shopify first if the carrier said it was wrong)" : ""}`}
                    name="confirm"
                    value="yes"
                    checked={confirmReship}
                    onChange={setConfirmReship}
                  />
                  <Button submit disabled={busy || !confirmReship}>
                    {type === "delivery_failed"
                      ? "Send the parcel again at our cost"
                      : "Reship this line at our cost"}
                  </Button>
                </BlockStack>
              </Form>
            )}
          </>
        )}
        {cancellable && (
          <>
            <Divider />
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <input type="hidden" name="decisionId" value={`cancel-${decisionId}`} />
              <BlockStack gap="200">
                <Checkbox
                  label="Yes, cancel the whole order and refund it"
                  name="confirm"
                  value="yes"
                  checked={confirmCancel}
                  onChange={setConfirmCancel}
                />
                <Button submit tone="critical" disabled={busy || !confirmCancel}>
                  Cancel order
                </Button>
              </BlockStack>
            </Form>
          </>
        )}
        {!remedied && (
          <>
            <Divider />
            <Form method="post">
              <input type="hidden" name="intent" value="dismiss" />
              <BlockStack gap="200">
                <TextField
                  label="Not a real problem? Why"
                  name="reason"
                  value={reason}
                  onChange={setReason}
                  autoComplete="off"
                />
                <Button submit disabled={busy || reason.trim().length < 3}>
                  Dismiss
                </Button>
              </BlockStack>
            </Form>
          </>
        )}
      </BlockStack>
    </Card>
  );
}

/**
 * Refund the line's units (or a goodwill amount): previewed with Shopify's own figures, then
 * confirmed. The confirm form carries what was previewed in hidden fields (a disabled field is not
 * submitted), so what is confirmed is exactly what was shown. A line nothing was paid for has no
 * money to refund: its confirm takes the units off the order instead.
 */
function RefundForm({
  maxQuantity,
  decisionId,
  busy,
  preview,
}: {
  maxQuantity: number;
  decisionId: string;
  busy: boolean;
  preview?: RefundPreview;
}) {
  // A stock problem starts from the units still to make good; a problem of the whole order
  // (a late parcel, a cash-on-delivery amount) has no line's units: a goodwill amount only.
  const [quantity, setQuantity] = useState(String(maxQuantity));
  const [goodwill, setGoodwill] = useState("");
  const [dropped, setDropped] = useState<RefundPreview | null>(null);
  const shown = preview && preview !== dropped ? preview : undefined;
  if (!shown) {
    return (
      <Form method="post">
        <input type="hidden" name="intent" value="refund_preview" />
        <BlockStack gap="200">
          {maxQuantity > 0 ? (
            <TextField
              label="Units of this line to refund"
              name="quantity"
              type="number"
              min={1}
              max={maxQuantity}
              value={quantity}
              onChange={setQuantity}
              autoComplete="off"
            />
          ) : (
            <input type="hidden" name="quantity" value="0" />
          )}
          <TextField
            label={maxQuantity > 0 ? "Or a goodwill amount instead (optional)" : "Goodwill amount to refund"}
            name="goodwill"
            inputMode="decimal"
            value={goodwill}
            onChange={setGoodwill}
            autoComplete="off"
            helpText={
              maxQuantity > 0
                ? "Leave empty to refund what the units are worth."
                : "This problem is not about one line's units (or they were all refunded or replaced already): refund an amount for the trouble."
            }
          />
          <Button submit disabled={busy || (maxQuantity === 0 && goodwill.trim() === "")}>
            Preview refund
          </Button>
        </BlockStack>
      </Form>
    );
  }
  const nothingToRefund = !shown.goodwill && Number(shown.amount) === 0;
  if (Number(shown.maximum) === 0 && !nothingToRefund) {
    return (
      <BlockStack gap="200">
        <Banner tone="warning">
          Nothing can be refunded on this order: nothing has been paid yet (or all of it was refunded).
        </Banner>
        <Button onClick={() => setDropped(shown)}>Back</Button>
      </BlockStack>
    );
  }
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={nothingToRefund ? "leave_out" : "refund"} />
      <input type="hidden" name="decisionId" value={`refund-${decisionId}`} />
      <input type="hidden" name="quantity" value={String(shown.quantity)} />
      <input type="hidden" name="goodwill" value={shown.goodwill} />
      <BlockStack gap="200">
        <Banner tone="warning">
          {nothingToRefund
            ? `Nothing was paid for ${shown.lines || "this line"}: there is no money to refund. Take ${shown.quantity} off the order so that it ships without it?`
            : `Refund ${shown.amountText}${shown.goodwill ? " as goodwill" : ` for ${shown.lines || "this line"}`} (up to ${shown.maximumText} refundable)?`}
        </Banner>
        <InlineStack gap="200">
          <Button submit disabled={busy} tone="critical" variant="primary">
            {nothingToRefund
              ? `Take ${shown.quantity} off the order`
              : `Confirm refund of ${shown.amountText}`}
          </Button>
          <Button disabled={busy} onClick={() => setDropped(shown)}>
            Change
          </Button>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}
