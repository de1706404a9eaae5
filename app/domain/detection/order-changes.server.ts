// What an order's new state means for its incidents: detection that needs only the state Shopify
// announced and the snapshots (run inside the transaction that applies the order's webhook).
import type { Tx } from "../../db/types";
import { evidenceOf } from "../../models/incident.server";
import type { OrderData } from "../../models/order.server";
import { orderRef, orderRefFrom } from "../../models/order-ref.server";
import { raiseIncident, resolveIncidents } from "../incidents/incidents.server";
import { recordRedemptions } from "../remedies/redemption.server";
import { getShopSettings } from "../settings/settings.server";
import { slaOf } from "../settings/settings";
import { codAmountChange, type CodOrderState } from "./cod";
import type { Seen } from "./seen";
import { STOCK_CHECK_ORDER } from "./stock-check.server";
import { requestDetection } from "./tasks.server";

/** An order's state as Shopify's order webhooks carry it (the order model's schema), with its id. */
export type OrderState = OrderData & { admin_graphql_api_id: string; name: string };

/** A cash-on-delivery order whose amount due moved away from what the customer was told. */
export async function detectCodChange(
  tx: Tx,
  seen: Seen,
  before: CodOrderState,
  after: CodOrderState & { admin_graphql_api_id: string },
  at: Date,
) {
  const orderId = after.admin_graphql_api_id;
  const open = await tx.incident.findFirst({
    where: { shop: seen.shop, orderId, type: "cod_amount_mismatch", openKey: { not: null } },
  });
  const told = open ? (evidenceOf(open, "cod_amount_mismatch").told ?? null) : null;
  const change = codAmountChange(before, after, told);
  if (!change) return;
  if (change.kind !== "changed") {
    const reason =
      change.kind === "settled"
        ? "cash on delivery collected"
        : `amount due back to the ${change.due} the customer was told`;
    await resolveIncidents(tx, {
      shop: seen.shop,
      orderId,
      types: ["cod_amount_mismatch"],
      reason,
      at,
      actor: "shopify",
      source: seen.source,
    });
    return;
  }
  const settings = await getShopSettings(tx, seen.shop);
  const money = (amount: string) => `${amount}${change.currency ? ` ${change.currency}` : ""}`;
  await raiseIncident(
    tx,
    {
      order: await orderRef(tx, seen.shop, orderId),
      type: "cod_amount_mismatch",
      subject: orderId,
      actor: "shopify",
      observedAt: at,
      source: seen.source,
      summary: `Cash on delivery: the customer was told ${money(change.told)}, the courier will ask ${money(change.due)} (${change.difference})`,
      evidence: {
        told: change.told,
        due: change.due,
        difference: change.difference,
        currency: change.currency,
        gateways: after.payment_gateway_names,
      },
    },
    slaOf(settings),
  );
}

/** What an order's new state means for its incidents. */
export async function detectOnOrder(
  tx: Tx,
  seen: Seen,
  order: OrderState,
  { firstSight, at }: { firstSight: boolean; at: Date },
) {
  const orderId = order.admin_graphql_api_id;
  if (firstSight) {
    // Incidents opened before the order's own webhook was applied (a carrier event that came
    // first) get its name and customer now; later order events find nothing to fill in.
    const { shop: _shop, orderId: _id, ...names } = orderRefFrom(seen.shop, orderId, order);
    await tx.incident.updateMany({ where: { shop: seen.shop, orderId, orderName: "" }, data: names });
    // A new order paid partly with a compensation code closes that remedy's loop.
    await recordRedemptions(tx, seen.shop, orderId, order, at);
  }
  const resolve = (types: Parameters<typeof resolveIncidents>[1]["types"], reason: string) =>
    resolveIncidents(tx, {
      shop: seen.shop,
      orderId,
      types,
      reason,
      at,
      actor: "shopify",
      source: seen.source,
    });

  if (order.cancelled_at) return void (await resolve(undefined, "order cancelled"));
  if (order.fulfillment_status === "fulfilled")
    return void (await resolve(["stock_mismatch", "late_shipment"], "order fulfilled"));
  // Stock is read from Shopify once, when the app first learns of the order (orders/create, or a
  // reconciled order it never received); after the transaction, by the detection worker.
  if (firstSight) {
    await requestDetection(tx, {
      shop: seen.shop,
      kind: STOCK_CHECK_ORDER,
      subject: orderId,
      dueAt: new Date(),
      requestedBy: seen.source,
    });
  }
}

/** An edited order (lines added, removed, quantities changed) is checked against stock again. */
export async function detectOnOrderEdit(tx: Tx, seen: Seen, orderId: string) {
  await requestDetection(tx, {
    shop: seen.shop,
    kind: STOCK_CHECK_ORDER,
    subject: orderId,
    dueAt: new Date(),
    requestedBy: seen.source,
  });
}
