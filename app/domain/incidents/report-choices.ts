// What a merchant may report on each line of an order, given where its units are: units still to
// ship can be found expired, damaged in the warehouse or missing; units the customer received can
// be the wrong item or arrive damaged. Units in a parcel still on its way fit neither: the carrier
// scan watches those. Pure (no server code): the report page reads the same rules.
import type { OrderLinesToReportOrder } from "../../shopify/documents/order-lines";
import type { IncidentType } from "./types";

export const FLAG_REASONS = ["expired", "damaged", "missing", "wrong_item", "arrived_damaged"] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

type Phase = "before_shipping" | "after_delivery";

/** Each problem in the merchant's words, when it can happen, and the incident it opens. */
export const PROBLEMS: Record<FlagReason, { label: string; phase: Phase; type: IncidentType }> = {
  wrong_item: { label: "Wrong item received", phase: "after_delivery", type: "wrong_item" },
  arrived_damaged: { label: "Arrived damaged", phase: "after_delivery", type: "damaged_delivery" },
  expired: { label: "Expired", phase: "before_shipping", type: "stock_mismatch" },
  damaged: { label: "Damaged in the warehouse", phase: "before_shipping", type: "stock_mismatch" },
  missing: { label: "Missing", phase: "before_shipping", type: "stock_mismatch" },
};

export const incidentTypeOf = (reason: FlagReason): IncidentType => PROBLEMS[reason].type;
export const isAfterDelivery = (reason: FlagReason) => PROBLEMS[reason].phase === "after_delivery";

// A parcel counts as received when the carrier says delivered or picked up, or when there is no
// carrier to say anything (marked fulfilled, no tracking): then the customer's own report is the
// only news of it. Every other status means the parcel is still on its way, or lost on it.
const RECEIVED = new Set(["DELIVERED", "PICKED_UP", "FULFILLED", "MARKED_AS_FULFILLED"]);
const isReceived = (parcel: OrderLinesToReportOrder["fulfillments"][number]) =>
  parcel.status === "SUCCESS" && (parcel.deliveredAt !== null || RECEIVED.has(parcel.displayStatus ?? ""));

export type OpenReport = { incidentId: string; type: string; subject: string };

export type ReportableLine = {
  id: string;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  unitPrice: string;
  currency: string;
  /** Units still to ship, received by the customer, and on their way. */
  toShip: number;
  received: number;
  onTheWay: number;
  /** The problems that fit the line now, with how many units each may be about. */
  problems: { reason: FlagReason; label: string; maxQuantity: number }[];
  /** Problems already reported on the line and not closed: their incidents. */
  open: OpenReport[];
};

/** Each line of the order with where its units are and the problems that fit it. */
export function reportableLines(order: OrderLinesToReportOrder, open: OpenReport[]): ReportableLine[] {
  return order.lineItems.nodes.map((line) => {
    const shipped = (received: boolean) =>
      order.fulfillments
        .filter((parcel) => parcel.status === "SUCCESS" && isReceived(parcel) === received)
        .flatMap((parcel) => parcel.fulfillmentLineItems.nodes)
        .filter((item) => item.lineItem.id === line.id)
        .reduce((sum, item) => sum + (item.quantity ?? 0), 0);
    const toShip = order.cancelledAt ? 0 : line.unfulfilledQuantity;
    const received = shipped(true);
    const most: Record<Phase, number> = { before_shipping: toShip, after_delivery: received };
    const problems = FLAG_REASONS.filter((reason) => most[PROBLEMS[reason].phase] > 0).map((reason) => ({
      reason,
      label: PROBLEMS[reason].label,
      maxQuantity: most[PROBLEMS[reason].phase],
    }));
    return {
      id: line.id,
      title: line.title,
      variantTitle: line.variantTitle,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: line.originalUnitPriceSet.shopMoney.amount,
      currency: line.originalUnitPriceSet.shopMoney.currencyCode,
      toShip,
      received,
      onTheWay: shipped(false),
      problems,
      open: open.filter((o) => o.subject === line.id),
    };
  });
}

export type ReportChoice = { lineItemId?: string; reason?: string; quantity?: string };
export type ReportErrors = Partial<Record<"order" | "lineItemId" | "reason" | "quantity", string>>;

/** What is wrong with the merchant's choice, field by field, in words; empty when it can be reported. */
export function checkReportChoice(
  order: Pick<OrderLinesToReportOrder, "name" | "cancelledAt">,
  lines: ReportableLine[],
  choice: ReportChoice,
): ReportErrors {
  if (order.cancelledAt)
    return { order: `Order ${order.name} is cancelled: there is nothing left to report on it.` };
  const line = lines.find((l) => l.id === choice.lineItemId);
  if (!line) return { lineItemId: "Pick the line the problem is about." };
  const problem = line.problems.find((p) => p.reason === choice.reason);
  if (!problem) {
    return {
      reason:
        line.problems.length === 0
          ? `${line.title} is on its way to the customer: nothing can be reported on it until it is delivered.`
          : choice.reason
            ? `"${PROBLEMS[choice.reason as FlagReason]?.label ?? choice.reason}" does not fit ${line.title} now: pick one of the problems listed.`
            : "Pick what is wrong.",
    };
  }
  const already = alreadyReported(lines, choice);
  if (already)
    return {
      lineItemId: `${line.title} is already reported as "${problemWord(already.type)}": its incident is still open.`,
    };
  const quantity = Number(choice.quantity);
  if (!/^\s*\d+\s*$/.test(choice.quantity ?? "") || quantity < 1 || quantity > problem.maxQuantity) {
    return {
      quantity:
        problem.maxQuantity === 1
          ? "Only 1 unit can be reported."
          : `Between 1 and ${problem.maxQuantity} units.`,
    };
  }
  return {};
}

/** The open incident the chosen line already has for the chosen problem, if any. */
export function alreadyReported(lines: ReportableLine[], choice: ReportChoice): OpenReport | undefined {
  const line = lines.find((l) => l.id === choice.lineItemId);
  const reason = FLAG_REASONS.find((r) => r === choice.reason);
  return line && reason ? line.open.find((o) => o.type === incidentTypeOf(reason)) : undefined;
}

const TYPE_WORDS: Partial<Record<string, string>> = {
  stock_mismatch: "expired, damaged or missing",
  wrong_item: "wrong item received",
  damaged_delivery: "arrived damaged",
};
/** The problem an open incident of the line is about, in the merchant's words. */
export const problemWord = (type: string) => TYPE_WORDS[type] ?? type.replaceAll("_", " ");

/** The order name the merchant typed, as Shopify writes it: "1038" and " #1038 " are "#1038". */
export function orderNameOf(typed: string): string {
  const name = typed.trim();
  return /^\d+$/.test(name) ? `#${name}` : name;
}
