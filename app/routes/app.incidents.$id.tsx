// The incident workspace: what happened, the order, the timeline, and the remedies — each one a
// domain function, each money action confirmed first, each result shown as a toast and kept on the
// timeline. Forms carry a decision id made when the page was drawn, so a double submit is one decision.
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { defer, json } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  InlineStack,
  Layout,
  Link,
  List,
  Page,
  Text,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useEffect } from "react";
import { z } from "zod";
import prisma from "../db.server";
import { findIncident } from "../models/incident.server";
import { StatusBadge } from "../components/incident-badges";
import {
  ACTOR_LABEL,
  evidenceFacts,
  labelOf,
  orderStatusLabel,
  parcelStatusLabel,
  REMEDY_LABEL,
  REMEDY_STATUS_LABEL,
  TYPE_LABEL,
  words,
} from "../components/incident-labels";
import { dateTimeFormat, readable } from "../domain/dates";
import { MessagePanel, type MessagePreview } from "../components/message-panel";
import { RemedyPanel, type RefundPreview } from "../components/remedy-panel";
import { moveIncident } from "../domain/incidents/status.server";
import { fullIncident } from "../domain/incidents/full-incident.server";
import { MESSAGE_KINDS } from "../domain/notifications/customer-message";
import { previewIncidentMessage, sendIncidentMessage } from "../domain/notifications/incident-message.server";
import { LOCALES, localeOf } from "../domain/notifications/messages";
import { createOffer, offerCandidates } from "../domain/remedies/offer-sending.server";
import { previewRefund } from "../domain/remedies/refund.server";
import { leaveOutDecision } from "../domain/remedies/leave-out.server";
import { reshipLines } from "../domain/remedies/reship.server";
import { formatMoney } from "../domain/notifications/format";
import { parseDecision, type RemedyDecision } from "../domain/remedies/decisions";
import { Refused } from "../domain/remedies/outcome";
import { invariantResponse } from "../http/invariant.server";
import { YOU } from "../http/merchant.server";
import { HTTP_STATUS, statusOf } from "../http/outcome.server";

/** Money on this page is written in English, the language of the rest of its copy. */
const MERCHANT_LOCALE = "en";
import { applyRemedy } from "../domain/remedies/remedies.server";
import { SubstituteOffer, type SubstituteLookup } from "../components/substitute-offer";
import { getShopSettings } from "../domain/settings/settings.server";
import { compensationFor } from "../domain/settings/settings";
import type { IncidentType } from "../domain/incidents/types";
import { withAdmin } from "../shopify/admin.server";
import { OrderAsReconciledQuery } from "../shopify/documents/orders";
import { orderWebhookBody } from "../reconcile/webhook-shape";
import { shopContext } from "../shopify/shop-context.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  return withAdmin(request, async (admin, session) => {
    const workspace = await fullIncident(prisma, session.shop, params.id!, new Date(), async (orderId) => {
      // Shopify unreachable: the page shows without the order card rather than not at all.
      const read = await admin.request(OrderAsReconciledQuery, { id: orderId }).catch(() => null);
      return read?.order ? orderWebhookBody(read.order) : null;
    });
    invariantResponse(
      workspace,
      {
        message: "There is no such incident in this shop.",
        link: { url: "/app/incidents", label: "See all incidents" },
      },
      { status: 404 },
    );
    const shop = await shopContext(admin);
    const { incident } = workspace;
    const settings = await getShopSettings(prisma, session.shop);
    // Asked of Shopify while the page is already on its way (deferred): the rest is our own data.
    // One offer covers every line of the order that cannot ship: the candidates of each.
    // Once a remedy fixed the line there is nothing left to offer.
    const substitutes: Promise<SubstituteLookup> | null =
      incident.type === "stock_mismatch" && incident.open && incident.status !== "remedied"
        ? offerCandidates(prisma, admin, session.shop, incident.orderId, settings).then(
            (lines) => ({ lines, error: null }),
            (error: unknown) => ({
              lines: null,
              error: error instanceof Error ? error.message : String(error),
            }),
          )
        : null;
    return defer({
      ...workspace,
      substitutes,
      readAt: new Date().toISOString(),
      shop: { name: shop.shopName, timezone: shop.timezone, locale: shop.locale, currency: shop.currency },
      decisionId: randomUUID(),
      customerLanguage: localeOf(incident.customerLocale),
      compensation: compensationFor(settings, incident.type as IncidentType),
    });
  });
};

/** A goodwill amount as typed by the merchant ("5", "5.50" or "5,50"), or nothing; the decision says what an amount may be. */
const Goodwill = z
  .string()
  .trim()
  .optional()
  .transform((v) => v?.replace(",", ".") || undefined);

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("acknowledge") }),
  z.object({
    intent: z.enum(["message_preview", "message_send"]),
    kind: z.enum(MESSAGE_KINDS),
    locale: z.enum(LOCALES),
    note: z.string().max(2000).default(""),
  }),
  z.object({
    intent: z.literal("offer"),
    // "<incident id> <variant id>": a substitute picked for one line of the order.
    substitutes: z.array(
      z.string().regex(/^\S+ gid:\/\/shopify\/ProductVariant\/\d+$/, "Pick substitutes from the list"),
    ),
    allowCancel: z.enum(["yes", "no"]).default("yes"),
  }),
  // The code's numbers as typed: the decision checks them (parseDecision).
  z.object({
    intent: z.literal("code"),
    percentage: z.string().default(""),
    expiresInDays: z.string().default(""),
    another: z.literal("yes").optional(),
    decisionId: z.string(),
  }),
  // Units, or 0 with a goodwill amount (a problem of the whole order has no line's units).
  z.object({
    intent: z.literal("refund_preview"),
    quantity: z.coerce.number().int().min(0),
    goodwill: Goodwill,
  }),
  z.object({
    intent: z.literal("refund"),
    quantity: z.coerce.number().int().min(0),
    goodwill: Goodwill,
    decisionId: z.string(),
  }),
  z.object({
    intent: z.literal("leave_out"),
    quantity: z.coerce.number().int().min(1),
    decisionId: z.string(),
  }),
  z.object({
    intent: z.literal("reship"),
    quantity: z.coerce.number().int().min(1),
    confirm: z.literal("yes", { message: "Tick the box to confirm the replacement order" }),
    decisionId: z.string(),
  }),
  z.object({
    intent: z.literal("cancel"),
    confirm: z.literal("yes", { message: "tick the box to confirm" }),
    decisionId: z.string(),
  }),
  z.object({ intent: z.literal("dismiss"), reason: z.string().trim().min(3, "say why, in a few words") }),
  z.object({ intent: z.literal("close"), reason: z.string().trim().max(300).optional() }),
]);

/** What the domain refused before any decision was recorded, kept to tell the merchant why. */
const orRefused = <T,>(work: Promise<T>): Promise<T | Refused> =>
  work.catch((error: unknown) => {
    if (error instanceof Refused) return error;
    throw error;
  });

type ActionResult = { ok: boolean; message: string; preview?: RefundPreview; email?: MessagePreview };

/** What the merchant must correct: each message once. */
const corrections = (messages: string[]) => [...new Set(messages)].join(". ");

/** The decision as the API checks it (parseDecision, by its kind), or what is wrong with it for the merchant. */
function checked<K extends RemedyDecision["kind"]>(
  decision: { kind: K } & Record<string, unknown>,
): { decision: Extract<RemedyDecision, { kind: K }> } | { refused: ReturnType<typeof json<ActionResult>> } {
  const parsed = parseDecision(decision);
  if (parsed.ok) return { decision: parsed.decision as Extract<RemedyDecision, { kind: K }> };
  // The decision's words are the API's too (lower case, as in its JSON): sentences for the merchant.
  const sentences = Object.values(parsed.errors).map((m) => m.charAt(0).toUpperCase() + m.slice(1));
  return {
    refused: json<ActionResult>(
      { ok: false, message: corrections(sentences) },
      { status: HTTP_STATUS.invalid },
    ),
  };
}

// A preview changes nothing: the page need not be read again (nor Shopify asked for substitutes).
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent")?.toString().endsWith("_preview") ? false : defaultShouldRevalidate;

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const form = await request.formData();
  const parsed = Intent.safeParse({ ...Object.fromEntries(form), substitutes: form.getAll("substitutes") });
  // The merchant reads what to correct, in words (the fields are named in the messages).
  if (!parsed.success)
    return json<ActionResult>(
      { ok: false, message: corrections(parsed.error.issues.map((i) => i.message)) },
      { status: HTTP_STATUS.invalid },
    );
  const input = parsed.data;
  return withAdmin(request, async (admin, session) => {
    // The incident alone (not the page's timeline, order and parcels): each domain function reads what it needs.
    const incident = await findIncident(prisma, session.shop, params.id!);
    if (!incident)
      return json<ActionResult>({ ok: false, message: "No such incident in this shop" }, { status: 404 });
    // Only the intents that write to the customer need the shop's name and time zone.
    const sender = async () => ({ name: YOU.name, ...(await shopContext(admin)) });
    const lineDecision = (quantity: number) => [{ lineItemId: incident.subject, quantity }];
    // A goodwill amount is money alone; otherwise the line's units, with what Shopify says they are worth.
    const refundDecision = (quantity: number, goodwill?: string) => ({
      kind: "refund" as const,
      lineItems: goodwill ? [] : lineDecision(quantity),
      amount: goodwill,
      shipping: false,
      fullOrder: false,
      restock: false,
    });
    const remedy = async (
      decision: { kind: RemedyDecision["kind"] } & Record<string, unknown>,
      decisionId: string,
      done: string,
    ) => {
      const valid = checked(decision);
      if ("refused" in valid) return valid.refused;
      const result = await applyRemedy(prisma, admin, session.shop, incident.id, valid.decision, YOU, {
        decisionId,
      });
      return json<ActionResult>(
        result.ok
          ? { ok: true, message: result.repeated ? `Already done: ${done}` : done }
          : { ok: false, message: result.error },
        { status: result.ok ? 200 : statusOf(result) },
      );
    };
    // Units are a line's: a problem of the whole order (a late parcel, a COD amount) refunds an amount.
    if (
      (input.intent === "refund_preview" || input.intent === "refund" || input.intent === "leave_out") &&
      !("goodwill" in input && input.goodwill) &&
      (input.quantity < 1 || !incident.subject.includes("/LineItem/"))
    ) {
      return json<ActionResult>(
        {
          ok: false,
          message: incident.subject.includes("/LineItem/")
            ? "Say how many units to refund, or a goodwill amount"
            : "This problem is about the whole order, not one line: refund a goodwill amount instead",
        },
        { status: 400 },
      );
    }
    switch (input.intent) {
      case "acknowledge":
      case "message_send": {
        const request =
          input.intent === "acknowledge"
            ? { kind: "acknowledge" as const }
            : { kind: input.kind, locale: input.locale, note: input.note };
        const r = await sendIncidentMessage(prisma, session.shop, incident.id, request, await sender());
        return json<ActionResult>(
          r.ok
            ? {
                ok: r.emailed,
                message: r.emailed ? `Email sent to ${incident.customerEmail}` : `Not emailed: ${r.note}`,
              }
            : { ok: false, message: r.error },
          { status: r.ok ? 200 : statusOf(r) },
        );
      }
      case "message_preview": {
        const r = await previewIncidentMessage(
          prisma,
          session.shop,
          incident.id,
          { kind: input.kind, locale: input.locale, note: input.note },
          await sender(),
        );
        if (!r.ok) return json<ActionResult>({ ok: false, message: r.error }, { status: statusOf(r) });
        return json<ActionResult>({
          ok: true,
          message: "Preview ready: read it, then send",
          email: {
            kind: input.kind,
            locale: r.locale,
            note: input.note,
            to: r.to,
            subject: r.message.subject,
            text: r.message.text,
          },
        });
      }
      case "offer": {
        const picked = new Map<string, string[]>();
        for (const pair of input.substitutes) {
          const [incidentId, variantId] = pair.split(" ");
          picked.set(incidentId, [...(picked.get(incidentId) ?? []), variantId]);
        }
        const lines = [...picked].map(([incidentId, variantIds]) => ({ incidentId, variantIds }));
        const r = await createOffer(
          prisma,
          admin,
          session.shop,
          incident.id,
          { lines, allowCancel: input.allowCancel === "yes" },
          { ...YOU, ...(await sender()) },
        );
        const sent =
          r.ok &&
          (r.emailed
            ? `Offer sent to the customer${r.lines > 1 ? `, covering ${r.lines} items` : ""}`
            : `Offer ready, not emailed (${r.emailNote}): ${r.url}`);
        return json<ActionResult>(
          r.ok
            ? {
                ok: true,
                message: r.withdrawn ? `${sent}; the earlier offer is withdrawn` : (sent as string),
              }
            : { ok: false, message: r.error },
          { status: r.ok ? 200 : statusOf(r) },
        );
      }
      case "code": {
        // One code per incident, unless the merchant ticked that they mean a second one.
        const given = await prisma.remedy.findFirst({
          where: { shop: session.shop, incidentId: incident.id, kind: "compensation_code", status: "done" },
          select: { code: true },
        });
        if (given && input.another !== "yes")
          return json<ActionResult>(
            {
              ok: false,
              message: `The customer already has code ${given.code ?? ""} for this incident: tick "Create another code anyway" to give a second one`,
            },
            { status: HTTP_STATUS.conflict },
          );
        return remedy(
          {
            kind: "compensation_code",
            percentage: Number(input.percentage),
            expiresInDays: Number(input.expiresInDays),
          },
          input.decisionId,
          "Compensation code created",
        );
      }
      case "refund_preview": {
        const valid = checked(refundDecision(input.quantity, input.goodwill));
        if ("refused" in valid) return valid.refused;
        const p = await previewRefund(admin, incident.orderId, valid.decision);
        const money = (amount: string) => formatMoney(MERCHANT_LOCALE, amount, p.currency);
        return json<ActionResult>({
          ok: true,
          message:
            Number(p.maximum) === 0
              ? "Nothing can be refunded on this order yet"
              : `Refund preview: ${money(p.amount)}`,
          preview: {
            amount: p.amount,
            currency: p.currency,
            lines: p.lines,
            maximum: p.maximum,
            quantity: input.quantity,
            goodwill: input.goodwill ?? "",
            amountText: money(p.amount),
            maximumText: money(p.maximum),
          },
        });
      }
      case "refund":
        return remedy(refundDecision(input.quantity, input.goodwill), input.decisionId, "Refunded");
      case "leave_out": {
        const decision = await orRefused(
          leaveOutDecision(admin, incident.orderId, incident.subject, input.quantity),
        );
        if (decision instanceof Refused)
          return json<ActionResult>(
            { ok: false, message: decision.message },
            { status: HTTP_STATUS.refused },
          );
        return remedy(decision, input.decisionId, "Taken off the order: it ships without it");
      }
      case "reship": {
        const lineItems = await orRefused(
          reshipLines(prisma, session.shop, incident.subject, input.quantity),
        );
        if (lineItems instanceof Refused)
          return json<ActionResult>(
            { ok: false, message: lineItems.message },
            { status: HTTP_STATUS.refused },
          );
        return remedy(
          { kind: "reship", lineItems },
          input.decisionId,
          "Replacement order created at your cost",
        );
      }
      case "cancel":
        return remedy(
          { kind: "cancel_order", note: "MakeGood: cancelled by the shop" },
          input.decisionId,
          "Order cancelled and refunded",
        );
      case "dismiss": {
        const r = await moveIncident(prisma, {
          shop: session.shop,
          incidentId: incident.id,
          to: "dismissed",
          reason: input.reason,
          actor: YOU.actor,
          by: YOU.name,
        });
        return json<ActionResult>(
          r.ok ? { ok: true, message: "Incident dismissed" } : { ok: false, message: r.error },
          { status: r.ok ? 200 : statusOf(r) },
        );
      }
      case "close": {
        const r = await moveIncident(prisma, {
          shop: session.shop,
          incidentId: incident.id,
          to: "closed",
          reason: input.reason || "resolved",
          actor: YOU.actor,
          by: YOU.name,
        });
        return json<ActionResult>(
          r.ok ? { ok: true, message: "Incident closed" } : { ok: false, message: r.error },
          { status: r.ok ? 200 : statusOf(r) },
        );
      }
    }
  });
};

/** Why the order waits in Shopify, and until when. */
const HOLD_TEXT: Record<string, string> = {
  cod_amount_mismatch:
    "On hold in Shopify: the order does not ship until you decide — remedy, dismiss or close this incident.",
  stock_mismatch: "On hold in Shopify: the order does not ship until every unit left on it can.",
  default: "On hold in Shopify until this incident is settled.",
};

const PENDING: Record<string, string> = {
  message_send: "Sending the email",
  acknowledge: "Telling the customer",
  offer: "Sending the offer",
  code: "Creating the compensation code",
  refund: "Refunding",
  leave_out: "Taking the line off the order",
  reship: "Creating the replacement order",
  cancel: "Cancelling the order",
  dismiss: "Dismissing",
  close: "Closing",
};
const pendingStep = (form: FormData | undefined) =>
  form ? (PENDING[String(form.get("intent"))] ?? null) : null;

export default function IncidentWorkspace() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const pending = pendingStep(navigation.formData);
  const shopify = useAppBridge();
  useEffect(() => {
    if (result) shopify.toast.show(result.message, { isError: !result.ok });
  }, [result, shopify]);
  const { incident, order, timeline, remedies, parcels, shop, decisionId } = data;
  // Read by the server (the offer's status): one offer at a time, so no second link goes out.
  const waitingOffer = incident.open
    ? data.offers.find((o) => o.status === "sent" && o.expiresAt > data.readAt)
    : undefined;
  const when = dateTimeFormat(shop);
  const line = order?.lines.find((l) => l.id === incident.subject);
  const orderLegacyId = incident.orderId.split("/").pop();
  const facts = evidenceFacts(incident.evidence, shop);
  // Judged by the server when the page was read (incident.sla): the browser's render must draw the same page.
  const overdue = incident.open && incident.sla === "overdue";

  return (
    <Page
      backAction={{ content: "Incidents", url: "/app" }}
      title={`${TYPE_LABEL[incident.type] ?? words(incident.type)} · ${incident.orderName}`}
      titleMetadata={<StatusBadge status={incident.status} />}
    >
      <TitleBar title={`Incident ${incident.orderName}`} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result && !result.ok && (
              <Banner tone="critical" title="Not done">
                {result.message}
              </Banner>
            )}
            {/* Fixed by a remedy, but the customer has not heard a word: the incident waits for that (it is not closed behind their back). */}
            {incident.open && incident.status === "remedied" && !incident.acknowledgedAt && (
              <Banner tone="info" title="Fixed — now tell the customer">
                The problem is solved on the order. Tell the customer what was done (Tell the customer, on the
                right), then close the incident.
              </Banner>
            )}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  What happened
                </Text>
                <Text as="p">
                  {timeline[0] && readable(timeline[0].summary, timeline[0].summaryDates, shop)}
                </Text>
                {facts.length > 0 && (
                  <InlineStack gap="300">
                    {facts.map(([label, value]) => (
                      <Text key={label} as="span" variant="bodySm" tone="subdued">
                        {label}:{" "}
                        <Text as="span" variant="bodySm" fontWeight="semibold">
                          {value}
                        </Text>
                      </Text>
                    ))}
                  </InlineStack>
                )}
                <Text as="p" tone={overdue ? "critical" : "subdued"}>
                  {incident.open
                    ? `${incident.deadline.kind === "acknowledge" ? "Tell the customer you are on it by" : "Answer the customer by"} ${when.format(new Date(incident.deadline.at))}${overdue ? " — overdue" : ""}`
                    : `Closed ${incident.closedAt ? when.format(new Date(incident.closedAt)) : ""}: ${incident.closeReason ?? ""}`}
                </Text>
                {incident.onHold && (
                  <Text as="p" fontWeight="semibold">
                    {HOLD_TEXT[incident.type] ?? HOLD_TEXT.default}
                  </Text>
                )}
                {incident.remedyCost && (
                  <Text as="p">
                    Remedies have cost {incident.remedyCost} {shop.currency}
                  </Text>
                )}
              </BlockStack>
            </Card>
            {order && (
              <Card>
                <BlockStack gap="200">
                  <InlineStack align="space-between">
                    <Text as="h2" variant="headingMd">
                      Order {order.name}
                    </Text>
                    <Link url={`shopify://admin/orders/${orderLegacyId}`} target="_top">
                      Open in Shopify admin
                    </Link>
                  </InlineStack>
                  <Text as="p" tone="subdued">
                    {[
                      order.customer,
                      order.email ?? "no email on the order",
                      order.total && `${order.total} ${order.currency}`,
                      order.financialStatus && orderStatusLabel(order.financialStatus),
                      orderStatusLabel(order.fulfillmentStatus),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                  {order.phone && (
                    <Text as="p">
                      Phone:{" "}
                      <Link url={`tel:${order.phone.replace(/[^\d+]/g, "")}`} target="_top">
                        {order.phone}
                      </Link>
                    </Text>
                  )}
                  <List>
                    {order.lines.map((l) => (
                      <List.Item key={l.id}>
                        <Text as="span" fontWeight={l.id === incident.subject ? "bold" : "regular"}>
                          {l.title}
                          {l.variant && !l.variant.startsWith("Default") ? ` — ${l.variant}` : ""}
                        </Text>{" "}
                        ×{l.quantity} at {l.price} {order.currency}
                        {l.paysEach !== null && l.paysEach !== l.price
                          ? `, the customer pays ${l.paysEach} ${order.currency}`
                          : ""}
                        {l.id === incident.subject ? " (this incident)" : ""}
                      </List.Item>
                    ))}
                  </List>
                  {parcels.map((p) => (
                    <Text key={p.id} as="p" tone="subdued">
                      Parcel: {p.carrier ?? "carrier unknown"} {p.tracking ?? ""} —{" "}
                      {parcelStatusLabel(p.shipmentStatus, p.status)}
                    </Text>
                  ))}
                </BlockStack>
              </Card>
            )}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Timeline
                </Text>
                {timeline.map((e) => (
                  <Box key={e.id}>
                    <Text as="p" variant="bodySm" tone="subdued">
                      {when.format(new Date(e.at))} · {labelOf(ACTOR_LABEL, e.actor)}
                    </Text>
                    <Text as="p">{readable(e.summary, e.summaryDates, shop)}</Text>
                  </Box>
                ))}
                {/* Optimistic: the step shows at once, and is replaced by what Shopify and the mail server answered. */}
                {pending && (
                  <Box>
                    <Text as="p" variant="bodySm" tone="subdued">
                      now · {ACTOR_LABEL.merchant}
                    </Text>
                    <Text as="p" tone="subdued">
                      {pending}…
                    </Text>
                  </Box>
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            {incident.status !== "dismissed" && (
              <MessagePanel
                key={timeline.length}
                email={incident.customerEmail}
                locale={data.customerLanguage}
                open={incident.open}
                busy={busy}
                preview={result?.email}
                code={
                  [...remedies].reverse().find((r) => r.kind === "compensation_code" && r.status === "done")
                    ?.code ?? null
                }
              />
            )}
            {data.substitutes && (
              // Keyed by the waiting offer: once a new one is sent, the replace form closes.
              <SubstituteOffer
                key={waitingOffer?.id ?? "none"}
                lookup={data.substitutes}
                busy={busy}
                incidentId={incident.id}
                waiting={
                  waitingOffer
                    ? {
                        until: when.format(new Date(waitingOffer.expiresAt)),
                        allowCancel: waitingOffer.allowCancel,
                      }
                    : null
                }
              />
            )}
            <RemedyPanel
              incidentOpen={incident.open}
              remedied={remedies.some((r) => r.status === "done")}
              reshipped={remedies.some((r) => r.kind === "reship" && r.status === "done")}
              type={incident.type}
              maxQuantity={line?.quantity ?? 1}
              lineUnits={line ? (incident.unitsLeft ?? line.quantity) : 0}
              decisionId={decisionId}
              busy={busy}
              preview={result?.preview}
              compensation={data.compensation}
              code={
                [...remedies].reverse().find((r) => r.kind === "compensation_code" && r.status === "done")
                  ?.code ?? null
              }
              cancellable={
                !order || !/^(fulfilled|partial|partially_fulfilled)$/i.test(order.fulfillmentStatus ?? "")
              }
            />
            {incident.open && (
              <Card>
                <Form method="post">
                  <input type="hidden" name="intent" value="close" />
                  <BlockStack gap="200">
                    <Text as="p" tone="subdued">
                      {incident.status === "remedied"
                        ? "Remedied: close it once the customer is happy."
                        : "Solved another way? Close it."}
                    </Text>
                    <Button submit disabled={busy}>
                      Close incident
                    </Button>
                  </BlockStack>
                </Form>
              </Card>
            )}
            {remedies.length > 0 && (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    Remedies
                  </Text>
                  {remedies.map((r) => (
                    <Text key={r.id} as="p">
                      {labelOf(REMEDY_LABEL, r.kind)}: {labelOf(REMEDY_STATUS_LABEL, r.status)}
                      {r.amount ? ` · ${r.amount} ${r.currency ?? ""}` : ""}
                      {r.code ? ` · ${r.code}` : ""}
                      {r.redeemedAt ? " · redeemed" : ""}
                      {r.error ? ` · ${r.error}` : ""}
                    </Text>
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
