// What a merchant may report on each line, by where its units are (still to ship, on the way,
// received), and the words a refused choice gets.
import { describe, expect, it } from "vitest";
import { checkReportChoice, orderNameOf, reportableLines } from "../../app/domain/incidents/report-choices";
import type { OrderLinesToReportOrder } from "../../app/shopify/documents/order-lines";

const LINE = "gid://shopify/LineItem/11";
const OTHER = "gid://shopify/LineItem/12";

type Parcel = OrderLinesToReportOrder["fulfillments"][number];

function order(
  parcels: {
    status?: Parcel["status"];
    displayStatus: Parcel["displayStatus"];
    deliveredAt?: string;
    lines: [string, number][];
  }[],
  unfulfilled: [number, number],
  cancelledAt: string | null = null,
): OrderLinesToReportOrder {
  const item = (id: string, title: string, toShip: number) => ({
    id,
    title,
    variantTitle: null,
    sku: null,
    quantity: 3,
    currentQuantity: 3,
    unfulfilledQuantity: toShip,
    originalUnitPriceSet: { shopMoney: { amount: "14.50", currencyCode: "EUR" as const } },
  });
  return {
    id: "gid://shopify/Order/1",
    name: "#1038",
    createdAt: "2026-03-01T10:00:00Z",
    cancelledAt,
    displayFulfillmentStatus: "PARTIALLY_FULFILLED",
    currencyCode: "EUR",
    lineItems: { nodes: [item(LINE, "Skin Food", unfulfilled[0]), item(OTHER, "Sun Fluid", unfulfilled[1])] },
    fulfillments: parcels.map((p, i) => ({
      id: `gid://shopify/Fulfillment/${i}`,
      name: `#1038-F${i}`,
      status: p.status ?? "SUCCESS",
      displayStatus: p.displayStatus,
      createdAt: "2026-03-02T10:00:00Z",
      deliveredAt: p.deliveredAt ?? null,
      fulfillmentLineItems: { nodes: p.lines.map(([id, quantity]) => ({ quantity, lineItem: { id } })) },
    })),
  };
}

const reasons = (lines: ReturnType<typeof reportableLines>, id: string) =>
  lines.find((l) => l.id === id)!.problems.map((p) => [p.reason, p.maxQuantity]);

describe("the problems that fit a line", () => {
  it("units still to ship: expired, damaged or missing, up to the units left", () => {
    const lines = reportableLines(order([], [3, 3]), []);
    expect(reasons(lines, LINE)).toEqual([
      ["expired", 3],
      ["damaged", 3],
      ["missing", 3],
    ]);
  });

  it("received units: wrong item or arrived damaged, up to the units received; units on their way fit nothing", () => {
    const lines = reportableLines(
      order(
        [
          { displayStatus: "DELIVERED", deliveredAt: "2026-03-04T10:00:00Z", lines: [[LINE, 2]] },
          {
            displayStatus: "IN_TRANSIT",
            lines: [
              [LINE, 1],
              [OTHER, 3],
            ],
          },
          { status: "CANCELLED", displayStatus: "CANCELED", lines: [[OTHER, 3]] },
        ],
        [0, 0],
      ),
      [],
    );
    expect(reasons(lines, LINE)).toEqual([
      ["wrong_item", 2],
      ["arrived_damaged", 2],
    ]);
    expect(lines.find((l) => l.id === LINE)).toMatchObject({ received: 2, onTheWay: 1, toShip: 0 });
    expect(reasons(lines, OTHER)).toEqual([]);
  });

  it("a parcel marked fulfilled without a carrier counts as received: the customer's report is the news of it", () => {
    const lines = reportableLines(
      order([{ displayStatus: "MARKED_AS_FULFILLED", lines: [[LINE, 1]] }], [2, 3]),
      [],
    );
    expect(reasons(lines, LINE)).toEqual([
      ["expired", 2],
      ["damaged", 2],
      ["missing", 2],
      ["wrong_item", 1],
      ["arrived_damaged", 1],
    ]);
  });

  it("a cancelled order has nothing to ship", () => {
    expect(reasons(reportableLines(order([], [3, 3], "2026-03-02T00:00:00Z"), []), LINE)).toEqual([]);
  });
});

describe("checking the merchant's choice", () => {
  const delivered = order(
    [
      { displayStatus: "DELIVERED", lines: [[LINE, 3]] },
      { displayStatus: "IN_TRANSIT", lines: [[OTHER, 3]] },
    ],
    [0, 0],
  );
  const open = [{ incidentId: "inc-1", type: "wrong_item", subject: LINE }];
  const lines = reportableLines(delivered, open);

  it("accepts a problem that fits, with units in range", () => {
    expect(
      checkReportChoice(delivered, lines, { lineItemId: LINE, reason: "arrived_damaged", quantity: "3" }),
    ).toEqual({});
  });

  it("says in words what is missing or does not fit", () => {
    expect(checkReportChoice(delivered, lines, {})).toEqual({
      lineItemId: "Pick the line the problem is about.",
    });
    expect(checkReportChoice(delivered, lines, { lineItemId: LINE })).toEqual({
      reason: "Pick what is wrong.",
    });
    expect(
      checkReportChoice(delivered, lines, { lineItemId: LINE, reason: "expired", quantity: "1" }),
    ).toEqual({ reason: '"Expired" does not fit Skin Food now: pick one of the problems listed.' });
    expect(
      checkReportChoice(delivered, lines, { lineItemId: OTHER, reason: "wrong_item", quantity: "1" }),
    ).toEqual({
      reason: "Sun Fluid is on its way to the customer: nothing can be reported on it until it is delivered.",
    });
    expect(
      checkReportChoice(delivered, lines, { lineItemId: LINE, reason: "arrived_damaged", quantity: "4" }),
    ).toEqual({ quantity: "Between 1 and 3 units." });
    expect(
      checkReportChoice(delivered, lines, { lineItemId: LINE, reason: "arrived_damaged", quantity: "1.5" }),
    ).toEqual({ quantity: "Between 1 and 3 units." });
    expect(
      checkReportChoice({ ...delivered, cancelledAt: "2026-03-05T00:00:00Z" }, lines, { lineItemId: LINE }),
    ).toEqual({ order: "Order #1038 is cancelled: there is nothing left to report on it." });
  });

  it("refuses a line already reported for the same problem while its incident is open", () => {
    expect(
      checkReportChoice(delivered, lines, { lineItemId: LINE, reason: "wrong_item", quantity: "1" }),
    ).toEqual({
      lineItemId: 'Skin Food is already reported as "wrong item received": its incident is still open.',
    });
  });

  it("reads an order's number as Shopify names it", () => {
    expect([orderNameOf(" 1038 "), orderNameOf("#1038"), orderNameOf("FD-1038")]).toEqual([
      "#1038",
      "#1038",
      "FD-1038",
    ]);
  });
});
