// The incident workspace: what happened, the order, the timeline, and the remedies — each one a
// domain function, each money action confirmed first, each result shown as a toast and kept on the
// timeline. Forms carry a decision id made when the page was drawn, so a double submit is one decision.
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge, Banner, BlockStack, Box, Button, Card, Checkbox, Divider, InlineStack, Layout, Link, List, Page, Text, TextField,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useState } from "react";
import { z } from "zod";
import prisma from "../db.server";
import { TYPE_LABEL, words } from "../components/incident-labels";
import { moveIncident } from "../domain/incidents/status.server";
import { incidentWorkspace } from "../domain/incidents/workspace.server";
import { acknowledgeIncident } from "../domain/notifications/acknowledge.server";
import { createOffer } from "../domain/remedies/offers.server";
import { previewRefund } from "../domain/remedies/refund.server";
import { applyRemedy } from "../domain/remedies/remedies.server";
import { findSubstitutes, type Candidates } from "../domain/remedies/substitution.server";
import { getShopSettings } from "../domain/settings/settings.server";
import { withAdmin } from "../shopify/admin.server";
import { shopContext } from "../shopify/shop-context.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  return withAdmin(request, async (admin, session) => {
    const workspace = await incidentWorkspace(prisma, session.shop, params.id!);
    if (!workspace) throw new Response("No such incident in this shop", { status: 404 });
    const shop = await shopContext(admin);
    const { incident } = workspace;
    let candidates: Candidates | null = null;
    let candidatesError: string | null = null;
    if (incident.type === "stock_mismatch" && incident.open) {
      const e = incident.evidence as { short?: number; reason?: string };
      try {
        candidates = await findSubstitutes(admin, incident.orderId, incident.subject, e.short ?? null, e.reason !== "oversold", await getShopSettings(prisma, session.shop));
      } catch (error) {
        candidatesError = error instanceof Error ? error.message : String(error);
      }
    }
    return json({ ...workspace, candidates, candidatesError, shop: { name: shop.shopName, timezone: shop.timezone, currency: shop.currency }, decisionId: randomUUID() });
  });
};

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("acknowledge") }),
  z.object({ intent: z.literal("offer"), variantIds: z.array(z.string()).max(3) }),
  z.object({ intent: z.literal("code"), percentage: z.coerce.number().min(1).max(100), expiresInDays: z.coerce.number().int().min(1).max(365), decisionId: z.string() }),
  z.object({ intent: z.literal("refund_preview"), quantity: z.coerce.number().int().min(1) }),
  z.object({ intent: z.literal("refund"), quantity: z.coerce.number().int().min(1), decisionId: z.string() }),
  z.object({ intent: z.literal("reship"), quantity: z.coerce.number().int().min(1), decisionId: z.string() }),
  z.object({ intent: z.literal("cancel"), confirm: z.literal("yes", { message: "tick the box to confirm" }), decisionId: z.string() }),
  z.object({ intent: z.literal("dismiss"), reason: z.string().trim().min(3, "say why, in a few words") }),
  z.object({ intent: z.literal("close"), reason: z.string().trim().max(300).optional() }),
]);

type ActionResult = { ok: boolean; message: string; preview?: { amount: string; currency: string; lines: string; maximum: string; quantity: number } };

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const form = await request.formData();
  const parsed = Intent.safeParse({ ...Object.fromEntries(form), variantIds: form.getAll("variantIds") });
  if (!parsed.success) return json<ActionResult>({ ok: false, message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }, { status: 400 });
  const input = parsed.data;
  return withAdmin(request, async (admin, session) => {
    const workspace = await incidentWorkspace(prisma, session.shop, params.id!);
    if (!workspace) return json<ActionResult>({ ok: false, message: "No such incident in this shop" }, { status: 404 });
    const { incident } = workspace;
    const who = { actor: "merchant" as const, name: "You" };
    const lineDecision = (quantity: number) => [{ lineItemId: incident.subject, quantity }];
    const remedy = async (decision: Parameters<typeof applyRemedy>[4], decisionId: string, done: string) => {
      const result = await applyRemedy(prisma, admin, session.shop, incident.id, decision, who, { decisionId });
      return json<ActionResult>(result.ok ? { ok: true, message: result.repeated ? `Already done: ${done}` : done } : { ok: false, message: result.error }, { status: result.ok ? 200 : result.status });
    };
    switch (input.intent) {
      case "acknowledge": {
        const r = await acknowledgeIncident(prisma, session.shop, incident.id, { name: "You", ...(await shopContext(admin)) });
        return json<ActionResult>(r.ok ? { ok: r.emailed, message: r.emailed ? "The customer knows you are on it" : `Not emailed: ${r.note}` } : { ok: false, message: r.error });
      }
      case "offer": {
        const r = await createOffer(prisma, admin, session.shop, incident.id, { variantIds: input.variantIds }, { ...who, ...(await shopContext(admin)) });
        return json<ActionResult>(r.ok ? { ok: true, message: r.emailed ? "Offer sent to the customer" : `Offer ready, not emailed (${r.emailNote}): ${r.url}` } : { ok: false, message: r.error });
      }
      case "code":
        return remedy({ kind: "compensation_code", percentage: input.percentage, expiresInDays: input.expiresInDays }, input.decisionId, "Compensation code created");
      case "refund_preview": {
        const p = await previewRefund(admin, incident.orderId, { kind: "refund", lineItems: lineDecision(input.quantity), shipping: false, fullOrder: false, restock: false });
        return json<ActionResult>({ ok: true, message: `Refund preview: ${p.amount} ${p.currency}`, preview: { amount: p.amount, currency: p.currency, lines: p.lines, maximum: p.maximum, quantity: input.quantity } });
      }
      case "refund":
        return remedy({ kind: "refund", lineItems: lineDecision(input.quantity), shipping: false, fullOrder: false, restock: false }, input.decisionId, "Refunded");
      case "reship":
        return remedy({ kind: "reship", lineItems: lineDecision(input.quantity) }, input.decisionId, "Replacement order created at your cost");
      case "cancel":
        return remedy({ kind: "cancel_order" }, input.decisionId, "Order cancelled and refunded");
      case "dismiss": {
        const r = await moveIncident(prisma, { shop: session.shop, incidentId: incident.id, to: "dismissed", reason: input.reason, actor: "merchant", by: "You" });
        return json<ActionResult>(r.ok ? { ok: true, message: "Incident dismissed" } : { ok: false, message: r.error }, { status: r.ok ? 200 : r.status });
      }
      case "close": {
        const r = await moveIncident(prisma, { shop: session.shop, incidentId: incident.id, to: "closed", reason: input.reason || "resolved", actor: "merchant", by: "You" });
        return json<ActionResult>(r.ok ? { ok: true, message: "Incident closed" } : { ok: false, message: r.error }, { status: r.ok ? 200 : r.status });
      }
    }
  });
};

const STATUS_TONE: Record<string, "info" | "success" | "attention" | "critical" | undefined> = {
  open: "critical", customer_contacted: "attention", awaiting_customer: "attention", remedied: "info", closed: "success", dismissed: undefined,
};

export default function IncidentWorkspace() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const shopify = useAppBridge();
  useEffect(() => {
    if (result) shopify.toast.show(result.message, { isError: !result.ok });
  }, [result, shopify]);
  const { incident, order, timeline, remedies, parcels, candidates, candidatesError, shop, decisionId } = data;
  const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: shop.timezone });
  const line = order?.lines.find((l) => l.id === incident.subject);
  const [chosen, setChosen] = useState<string[]>(candidates?.substitutes[0] ? [candidates.substitutes[0].variantId] : []);
  const orderLegacyId = incident.orderId.split("/").pop();
  const overdue = incident.open && new Date(incident.answerBy) < new Date();

  return (
    <Page backAction={{ content: "Incidents", url: "/app" }} title={`${TYPE_LABEL[incident.type] ?? words(incident.type)} · ${incident.orderName}`}
      titleMetadata={<Badge tone={STATUS_TONE[incident.status]}>{words(incident.status)}</Badge>}>
      <TitleBar title={`Incident ${incident.orderName}`} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result && !result.ok && <Banner tone="critical" title="Not done">{result.message}</Banner>}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">What happened</Text>
                <Text as="p">{timeline[0]?.summary}</Text>
                <Text as="p" tone={overdue ? "critical" : "subdued"}>
                  {incident.open ? `Answer the customer by ${when.format(new Date(incident.answerBy))}${overdue ? " — overdue" : ""}` : `Closed ${incident.closedAt ? when.format(new Date(incident.closedAt)) : ""}: ${incident.closeReason ?? ""}`}
                </Text>
                {incident.remedyCost && <Text as="p">Remedies have cost {incident.remedyCost} {shop.currency}</Text>}
              </BlockStack>
            </Card>
            {order && (
              <Card>
                <BlockStack gap="200">
                  <InlineStack align="space-between">
                    <Text as="h2" variant="headingMd">Order {order.name}</Text>
                    <Link url={`shopify://admin/orders/${orderLegacyId}`} target="_top">Open in Shopify admin</Link>
                  </InlineStack>
                  <Text as="p" tone="subdued">{[order.customer, order.email, order.total && `${order.total} ${order.currency}`, order.financialStatus, order.fulfillmentStatus ?? "unfulfilled"].filter(Boolean).join(" · ")}</Text>
                  <List>
                    {order.lines.map((l) => (
                      <List.Item key={l.id}>
                        <Text as="span" fontWeight={l.id === incident.subject ? "bold" : "regular"}>{l.title}{l.variant && !l.variant.startsWith("Default") ? ` — ${l.variant}` : ""}</Text> ×{l.quantity} at {l.price} {order.currency}{l.id === incident.subject ? " (this incident)" : ""}
                      </List.Item>
                    ))}
                  </List>
                  {parcels.map((p) => <Text key={p.id} as="p" tone="subdued">Parcel: {p.carrier ?? "carrier unknown"} {p.tracking ?? ""} — {words(p.shipmentStatus ?? p.status)}</Text>)}
                </BlockStack>
              </Card>
            )}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">Timeline</Text>
                {timeline.map((e) => (
                  <Box key={e.id}>
                    <Text as="p" variant="bodySm" tone="subdued">{when.format(new Date(e.at))} · {e.actor}</Text>
                    <Text as="p">{e.summary}</Text>
                  </Box>
                ))}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            {incident.open && (
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">Tell the customer</Text>
                  <Form method="post">
                    <input type="hidden" name="intent" value="acknowledge" />
                    <Button submit disabled={busy || !incident.customerEmail}>We are on it (email)</Button>
                  </Form>
                </BlockStack>
              </Card>
            )}
            {incident.open && incident.type === "stock_mismatch" && (
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">Offer a substitute</Text>
                  {candidatesError && <Banner tone="warning">{candidatesError}</Banner>}
                  {candidates && (
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
                  )}
                </BlockStack>
              </Card>
            )}
            <RemedyPanel incidentOpen={incident.open} status={incident.status} type={incident.type} maxQuantity={line?.quantity ?? 1} decisionId={decisionId} busy={busy} preview={result?.preview} />
            {incident.open && (
              <Card>
                <Form method="post">
                  <input type="hidden" name="intent" value="close" />
                  <BlockStack gap="200">
                    <Text as="p" tone="subdued">{incident.status === "remedied" ? "Remedied: close it once the customer is happy." : "Solved another way? Close it."}</Text>
                    <Button submit disabled={busy}>Close incident</Button>
                  </BlockStack>
                </Form>
              </Card>
            )}
            {remedies.length > 0 && (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">Remedies</Text>
                  {remedies.map((r) => (
                    <Text key={r.id} as="p">{words(r.kind)}: {r.status}{r.amount ? ` · ${r.amount} ${r.currency ?? ""}` : ""}{r.code ? ` · ${r.code}` : ""}{r.redeemedAt ? " · redeemed" : ""}{r.error ? ` · ${r.error}` : ""}</Text>
                  ))}
                </BlockStack>
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function RemedyPanel({ incidentOpen, status, type, maxQuantity, decisionId, busy, preview }: {
  incidentOpen: boolean; status: string; type: string; maxQuantity: number; decisionId: string; busy: boolean;
  preview?: { amount: string; currency: string; lines: string; maximum: string; quantity: number };
}) {
  const [percentage, setPercentage] = useState("5");
  const [days, setDays] = useState("90");
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
