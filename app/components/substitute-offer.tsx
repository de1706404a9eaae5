// "Offer the customer a choice": one offer for every line of the order that cannot ship — for each,
// up to three substitutes (from Shopify: in stock where the order ships, never cheaper) besides
// leaving it out — and whether the customer may cancel the whole order instead. The candidates
// arrive after the page (deferred), the skeleton keeps their place. While an offer waits, the card
// says until when, and a new offer replaces it (the old link then says so).
import { Await, Form } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, SkeletonBodyText, Text } from "@shopify/polaris";
import { Suspense, useState } from "react";
import type { Candidates } from "../domain/remedies/substitution.server";

export type SubstituteLookup = {
  lines: { incidentId: string; candidates: Candidates }[] | null;
  error: string | null;
};
type Waiting = { until: string; allowCancel: boolean } | null;

export function SubstituteOffer({
  lookup,
  busy,
  incidentId,
  waiting,
}: {
  lookup: Promise<SubstituteLookup>;
  busy: boolean;
  incidentId: string;
  waiting: Waiting;
}) {
  const [replacing, setReplacing] = useState(false);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {waiting ? "Offer sent" : "Offer the customer a choice"}
        </Text>
        {waiting && (
          <BlockStack gap="200">
            <Text as="p">
              The customer has until {waiting.until} to answer
              {waiting.allowCancel ? "" : " (cancelling the order is not among the choices)"}. A new offer
              would replace it: the customer's earlier link then says so.
            </Text>
            {!replacing && (
              <Button onClick={() => setReplacing(true)} disabled={busy}>
                Replace it with a new offer
              </Button>
            )}
          </BlockStack>
        )}
        {(!waiting || replacing) && (
          <Suspense fallback={<SkeletonBodyText lines={7} />}>
            <Await
              resolve={lookup}
              errorElement={
                <Banner tone="warning">
                  The substitutes could not be read from Shopify: reload the page.
                </Banner>
              }
            >
              {(found) => (
                <>
                  {found.error && <Banner tone="warning">{found.error}</Banner>}
                  {found.lines && (
                    <OfferForm
                      lines={found.lines}
                      busy={busy}
                      incidentId={incidentId}
                      replacing={Boolean(waiting)}
                    />
                  )}
                </>
              )}
            </Await>
          </Suspense>
        )}
      </BlockStack>
    </Card>
  );
}

const pairOf = (incidentId: string, variantId: string) => `${incidentId} ${variantId}`;

function OfferForm({
  lines,
  busy,
  incidentId,
  replacing,
}: {
  lines: NonNullable<SubstituteLookup["lines"]>;
  busy: boolean;
  incidentId: string;
  replacing: boolean;
}) {
  // The best substitute of each line, ticked to start with.
  const [chosen, setChosen] = useState<string[]>(
    lines.flatMap((l) =>
      l.candidates.substitutes[0] ? [pairOf(l.incidentId, l.candidates.substitutes[0].variantId)] : [],
    ),
  );
  const [allowCancel, setAllowCancel] = useState(true);
  const toggle = (line: string, pair: string, on: boolean) =>
    setChosen((c) => {
      if (!on) return c.filter((p) => p !== pair);
      const others = c.filter((p) => !p.startsWith(`${line} `));
      return [...others, ...[...c.filter((p) => p.startsWith(`${line} `)), pair].slice(-3)];
    });
  // This incident's line first, then the order's other lines.
  const ordered = [...lines].sort(
    (a, b) => Number(b.incidentId === incidentId) - Number(a.incidentId === incidentId),
  );
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="offer" />
      <input type="hidden" name="allowCancel" value={allowCancel ? "yes" : "no"} />
      {chosen.map((pair) => (
        <input key={pair} type="hidden" name="substitutes" value={pair} />
      ))}
      <BlockStack gap="300">
        {lines.length > 1 && (
          <Text as="p">
            {lines.length} items of this order cannot ship as ordered: the customer answers for all of them in
            one message.
          </Text>
        )}
        {ordered.map(({ incidentId: line, candidates }) => (
          <BlockStack gap="100" key={line}>
            <Text as="h3" variant="headingSm">
              {candidates.line.title}
              {candidates.line.quantity > 1 ? ` ×${candidates.line.quantity}` : ""} ({candidates.line.value}{" "}
              {candidates.line.currency} each)
            </Text>
            {candidates.substitutes.slice(0, 6).map((s) => {
              const pair = pairOf(line, s.variantId);
              return (
                <Checkbox
                  key={s.variantId}
                  label={`${s.title} — ${s.vendor}, ${s.price} ${candidates.line.currency}${s.available !== null ? `, ${s.available} in stock` : ""}`}
                  checked={chosen.includes(pair)}
                  onChange={(on) => toggle(line, pair, on)}
                />
              );
            })}
            {candidates.substitutes.length === 0 && (
              <Text as="p" tone="subdued">
                No product of the same kind and equal or higher value is in stock: the customer can have it
                left out.
              </Text>
            )}
            <Text as="p" tone="subdued">
              Leaving it out is always a choice
              {Number(candidates.line.paid) > 0 ? " (refunded)" : " (it was free: nothing to refund)"}.
            </Text>
          </BlockStack>
        ))}
        <Checkbox
          label="The customer may cancel the whole order instead (fully refunded)"
          checked={allowCancel}
          onChange={setAllowCancel}
        />
        <Button submit variant="primary" disabled={busy}>
          {replacing ? "Send the new offer" : "Send offer"}
        </Button>
      </BlockStack>
    </Form>
  );
}
