// What the merchant reads of stored incidents: dates in the shop's zone and locale (from tokens in
// new summaries, from ISO strings in old ones), evidence and statuses in words.
import { describe, expect, it } from "vitest";
import {
  evidenceFacts,
  labelOf,
  orderStatusLabel,
  parcelStatusLabel,
  STATUS_LABEL,
} from "../../app/components/incident-labels";
import { readable, shopLocale, summaryDates } from "../../app/domain/dates";

const MADRID = { timezone: "Europe/Madrid", locale: "en-ES" };
const BUCHAREST_US = { timezone: "Europe/Bucharest", locale: "en-US" };

describe("dates in a summary", () => {
  it("writes a token's instant in the shop's zone and locale, picking only the instants the text names", () => {
    const summary = "Not shipped: due to ship by {shipBy:day}, 1 business day late";
    const detail = {
      shipBy: "2026-11-27T23:30:00.000Z",
      processedAt: "2026-11-20T10:00:00Z",
      basis: "fulfill_by",
    };
    const dates = summaryDates(summary, detail);
    expect(dates).toEqual({ shipBy: "2026-11-27T23:30:00.000Z" });
    // 00:30 on the 28th in Madrid, 01:30 in Bucharest: the day is the shop's.
    expect(readable(summary, dates, MADRID)).toBe(
      "Not shipped: due to ship by 28 Nov 2026, 1 business day late",
    );
    expect(readable("answer promised by {answerBy}", { answerBy: "2026-12-02T14:25:24.922Z" }, MADRID)).toBe(
      "answer promised by 2 Dec 2026, 15:25",
    );
    expect(
      readable("answer promised by {answerBy}", { answerBy: "2026-12-02T14:25:24.922Z" }, BUCHAREST_US),
    ).toMatch(/^answer promised by Dec 2, 2026, 4:25\sPM$/);
  });

  it("reads the ISO strings that summaries written before tokens carry", () => {
    expect(readable("You: offer sent; answer by 2026-12-02T14:25:24.922Z", {}, MADRID)).toBe(
      "You: offer sent; answer by 2 Dec 2026, 15:25",
    );
    // A calendar day is that day wherever the shop is.
    expect(
      readable(
        "Code SORRY-1031-KXPQ: 5% off, until 2027-01-28",
        {},
        { timezone: "America/Los_Angeles", locale: "en" },
      ),
    ).toBe("Code SORRY-1031-KXPQ: 5% off, until Jan 28, 2027");
    expect(readable("nothing dated here (5 items)", {}, MADRID)).toBe("nothing dated here (5 items)");
  });

  it("writes English the way the shop's country writes dates, and plain English when the country is unknown", () => {
    expect(shopLocale("ES")).toBe("en-ES");
    expect(shopLocale("RO")).toBe("en-RO");
    expect(shopLocale(null)).toBe("en");
    expect(shopLocale("not a country")).toBe("en");
  });
});

describe("evidence in words", () => {
  it("labels each fact, writes enums as words and instants in the shop's zone, and hides the plumbing", () => {
    const late = {
      shipBy: "2026-11-27T13:21:55.501Z",
      basis: "handling_days",
      businessDaysLate: 2,
      processedAt: "2026-11-24T10:00:00Z",
      handlingDays: 2,
      fulfillmentOrders: [{ id: "gid://shopify/FulfillmentOrder/1", status: "OPEN", fulfillBy: null }],
    };
    expect(evidenceFacts(late, MADRID)).toEqual([
      ["Ship by", "27 Nov 2026, 14:21"],
      ["Deadline from", "your handling time"],
      ["Business days late", "2"],
      ["Handling time", "2 business days"],
    ]);
    const cod = {
      told: "19.45",
      due: "39.45",
      difference: "+20.00",
      currency: "EUR",
      gateways: ["Cash on Delivery (COD)"],
    };
    expect(evidenceFacts(cod, MADRID)).toEqual([
      ["Customer was told", "19.45 EUR"],
      ["Courier will collect", "39.45 EUR"],
      ["Difference", "+20.00 EUR"],
      ["Payment", "Cash on Delivery (COD)"],
    ]);
    const stock = {
      reason: "damaged_or_expired",
      short: 1,
      quantity: 1,
      sku: "FD-004",
      inventoryItemId: "gid://shopify/InventoryItem/1",
      stock: { available: -1, committed: 1, onHand: 1, damaged: 1 },
      requestedBy: "evt",
      settled: true,
    };
    expect(evidenceFacts(stock, MADRID)).toEqual([
      ["Reason", "the units left are damaged or expired"],
      ["Cannot ship", "1"],
      ["Ordered", "1"],
      ["SKU", "FD-004"],
      ["Stock at the location", "-1 available · 1 committed · 1 on hand · 1 damaged"],
    ]);
    // A key or value added later still reads as words.
    expect(evidenceFacts({ displayStatus: "IN_TRANSIT", newFactName: "some_value" }, MADRID)).toEqual([
      ["Carrier status", "in transit"],
      ["New fact name", "some value"],
    ]);
  });

  it("names statuses with a capital, Shopify's order and parcel states as its admin does", () => {
    expect(Object.keys(STATUS_LABEL).map((s) => labelOf(STATUS_LABEL, s))).toEqual([
      "Open",
      "Customer contacted",
      "Awaiting customer",
      "Remedied",
      "Closed",
      "Dismissed",
    ]);
    expect(labelOf(STATUS_LABEL, "on_hold_somehow")).toBe("On hold somehow");
    expect([
      orderStatusLabel("partially_refunded"),
      orderStatusLabel(null),
      orderStatusLabel("partial"),
    ]).toEqual(["Partially refunded", "Unfulfilled", "Partially fulfilled"]);
    expect([
      parcelStatusLabel("in_transit", "success"),
      parcelStatusLabel(null, "success"),
      parcelStatusLabel("FAILURE", "success"),
    ]).toEqual(["In transit", "Shipped", "Delivery failed"]);
  });
});
