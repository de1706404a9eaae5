// A customer checking out with their compensation code: seen on the new order's discount codes,
// it closes the loop on the incident (timeline, and the discount given is what the code cost).
import type { Tx } from "../../db/types";
import { addTimeline } from "../incidents/incidents.server";
import { addMoney } from "../money";

export type OrderDiscounts = {
  name: string;
  currency?: string | null;
  discount_codes?: { code: string; amount?: string | null }[] | null;
};

export async function recordRedemptions(
  tx: Tx,
  shop: string,
  orderId: string,
  order: OrderDiscounts,
  at: Date,
) {
  for (const used of order.discount_codes ?? []) {
    const code = used.code.toUpperCase();
    const remedy = await tx.remedy.findFirst({
      where: { shop, kind: "compensation_code", code, redeemedAt: null },
    });
    if (!remedy) continue;
    const amount = used.amount ?? "0.00";
    await tx.remedy.update({
      where: { id: remedy.id },
      data: { redeemedAt: at, redeemedOrderId: orderId, redeemedAmount: amount },
    });
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: remedy.incidentId } });
    await tx.incident.update({
      where: { id: incident.id },
      data: { remedyCost: addMoney(incident.remedyCost, amount) },
    });
    await addTimeline(tx, incident.id, shop, {
      at,
      actor: "customer",
      kind: "code_redeemed",
      source: `redeemed:${remedy.id}`,
      summary: `The customer came back: ${code} redeemed on ${order.name} (${amount}${order.currency ? ` ${order.currency}` : ""} off)`,
      detail: { remedyId: remedy.id, orderId, amount, currency: order.currency ?? null },
    });
  }
}
