// "Offer a substitute": the candidates come from Shopify (stock where the order ships), so the
// page shows at once and the card fills in when they arrive; the skeleton keeps its place.
import { Await, Form } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, SkeletonBodyText, Text } from "@shopify/polaris";
import { Suspense, useState } from "react";
import type { Candidates } from "../domain/remedies/substitution.server";

export type SubstituteLookup = { candidates: Candidates | null; error: string | null };

export function SubstituteOffer({ lookup, busy }: { lookup: Promise<SubstituteLookup>; busy: boolean }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Offer a substitute</Text>
        <Suspense fallback={<SkeletonBodyText lines={7} />}>
          <Await resolve={lookup} errorElement={<Banner tone="warning">The substitutes could not be read from Shopify: reload the page.</Banner>}>
            {(found) => (
              <>
                {found.error && <Banner tone="warning">{found.error}</Banner>}
                {found.candidates && <SubstituteForm candidates={found.candidates} busy={busy} />}
              </>
            )}
          </Await>
        </Suspense>
      </BlockStack>
    </Card>
  );
}

function SubstituteForm({ candidates, busy }: { candidates: Candidates; busy: boolean }) {
  const [chosen, setChosen] = useState<string[]>(candidates.substitutes[0] ? [candidates.substitutes[0].variantId] : []);
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="offer" />
      <BlockStack gap="200">
        <Text as="p" tone="subdued">For {candidates.line.title} ({candidates.line.value} {candidates.line.currency}), in stock where the order ships. The customer can also choose a refund or to cancel.</Text>
        {candidates.substitutes.slice(0, 6).map((s) => (
          <Checkbox key={s.variantId} label={`${s.title} — ${s.vendor}, ${s.price} ${candidates.line.currency}${s.available !== null ? `, ${s.available} in stock` : ""}`}
            checked={chosen.includes(s.variantId)} onChange={(on) => setChosen((c) => (on ? [...c, s.variantId].slice(-3) : c.filter((v) => v !== s.variantId)))} />
        ))}
        {candidates.substitutes.length === 0 && <Text as="p">No product of equal or higher value is in stock: offer a refund or cancelling.</Text>}
        {chosen.map((v) => <input key={v} type="hidden" name="variantIds" value={v} />)}
        <Button submit variant="primary" disabled={busy}>Send offer</Button>
      </BlockStack>
    </Form>
  );
}
