// Ship-by and deliver-by dates in the shop's business days, and what is late by them.
import { describe, expect, it } from "vitest";
import { addBusinessDays, businessDaysLate } from "../../app/domain/detection/deadlines";
import { detectLateDeliveries, detectLateShipment } from "../../app/domain/detection/late";
import { DEFAULT_SETTINGS, readSettings, transitDaysFor } from "../../app/domain/settings/settings";
import type { WatchedOrder } from "../../app/shopify/documents/watch";
import { readable, summaryDates } from "../../app/domain/dates";

const madrid = { timezone: "Europe/Madrid", holidays: [] as string[] };
/** A finding's summary as a merchant of a shop in Madrid reads it. */
const shown = (f: { summary: string; evidence: Record<string, unknown> }) =>
  readable(f.summary, summaryDates(f.summary, f.evidence), { timezone: "Europe/Madrid", locale: "en-ES" });
// 2026-11-20 is a Friday.
const FRIDAY_MORNING = new Date("2026-11-20T10:00:00+01:00");

function order(overrides: Partial<WatchedOrder> = {}): WatchedOrder {
  return {
    id: "gid://shopify/Order/1",
    name: "#1001",
    email: null,
    customer: null,
    createdAt: FRIDAY_MORNING.toISOString(),
    processedAt: FRIDAY_MORNING.toISOString(),
    cancelledAt: null,
    displayFulfillmentStatus: "UNFULFILLED",
    fulfillmentOrders: {
      nodes: [{ id: "gid://shopify/FulfillmentOrder/1", status: "OPEN", fulfillBy: null }],
    },
    fulfillments: [],
    ...overrides,
  };
}

describe("business days in the shop's calendar", () => {
  it("skips the weekend: a Friday order with two handling days ships by the end of Tuesday, Madrid time", () => {
    expect(addBusinessDays(FRIDAY_MORNING, 2, madrid).toISOString()).toBe("2026-11-24T22:59:59.999Z");
  });

  it("counts a day in the shop's time zone: 23:30 UTC on Friday is already Saturday in Madrid", () => {
    const lateFriday = new Date("2026-11-20T23:30:00Z");
    expect(addBusinessDays(lateFriday, 0, madrid).toISOString()).toBe("2026-11-23T22:59:59.999Z"); // Monday
    expect(addBusinessDays(lateFriday, 0, { ...madrid, timezone: "America/New_York" }).toISOString()).toBe(
      "2026-11-21T04:59:59.999Z",
    ); // still Friday there
  });

  it("counts the weekdays the shop works: Monday to Saturday, or a shop closed on Mondays", () => {
    // Friday + 2 with Saturdays worked: Saturday, Monday.
    expect(
      addBusinessDays(FRIDAY_MORNING, 2, { ...madrid, workdays: [1, 2, 3, 4, 5, 6] }).toISOString(),
    ).toBe("2026-11-23T22:59:59.999Z");
    // Tuesday to Saturday: Saturday, Tuesday.
    expect(addBusinessDays(FRIDAY_MORNING, 2, { ...madrid, workdays: [2, 3, 4, 5, 6] }).toISOString()).toBe(
      "2026-11-24T22:59:59.999Z",
    );
    expect(
      businessDaysLate(new Date("2026-11-20T22:59:59.999Z"), new Date("2026-11-24T09:00:00+01:00"), {
        ...madrid,
        workdays: [2, 3, 4, 5, 6],
      }),
    ).toBe(2); // Sat, Tue
    expect(readSettings({ workdays: [6, 1, 1, 2] }).workdays).toEqual([1, 2, 6]);
    expect(readSettings({ workdays: [] }).workdays).toEqual([1, 2, 3, 4, 5]); // never no day at all: the default
  });

  it("skips the shop's holidays", () => {
    expect(addBusinessDays(FRIDAY_MORNING, 2, { ...madrid, holidays: ["2026-11-23"] }).toISOString()).toBe(
      "2026-11-25T22:59:59.999Z",
    );
  });

  it("counts business days late, not calendar days", () => {
    const tuesdayEnd = addBusinessDays(FRIDAY_MORNING, 2, madrid);
    expect(businessDaysLate(tuesdayEnd, new Date("2026-11-24T20:00:00Z"), madrid)).toBe(0);
    expect(businessDaysLate(tuesdayEnd, new Date("2026-11-25T09:00:00+01:00"), madrid)).toBe(1);
    expect(businessDaysLate(tuesdayEnd, new Date("2026-11-30T09:00:00+01:00"), madrid)).toBe(4); // Wed Thu Fri Mon
  });
});

describe("late shipment", () => {
  const at = (iso: string) => detectLateShipment(order(), new Date(iso), DEFAULT_SETTINGS, madrid);

  it("is not late across the weekend and on the last handling day, and is late the next business day", () => {
    expect(at("2026-11-21T12:00:00+01:00")).toBeNull();
    expect(at("2026-11-23T12:00:00+01:00")).toBeNull();
    expect(at("2026-11-24T23:00:00+01:00")).toBeNull();
    const late = at("2026-11-25T08:00:00+01:00")!;
    expect(late).toMatchObject({
      type: "late_shipment",
      subject: "gid://shopify/Order/1",
      basis: "handling_days",
      businessDaysLate: 1,
      summary: "Not shipped: due to ship by {shipBy:day}, 1 business day late",
    });
    // The page writes the deadline's day in the shop's zone.
    expect(shown(late)).toBe("Not shipped: due to ship by 24 Nov 2026, 1 business day late");
  });

  it("goes by Shopify's fulfillBy when there is one, and not by a shipped or cancelled order", () => {
    const due = order({
      fulfillmentOrders: { nodes: [{ id: "fo", status: "OPEN", fulfillBy: "2026-11-21T12:00:00Z" }] },
    });
    expect(detectLateShipment(due, new Date("2026-11-22T12:00:00Z"), DEFAULT_SETTINGS, madrid)).toMatchObject(
      { basis: "fulfill_by" },
    );
    const shipped = order({
      fulfillmentOrders: { nodes: [{ id: "fo", status: "CLOSED", fulfillBy: null }] },
    });
    expect(
      detectLateShipment(shipped, new Date("2026-12-20T12:00:00Z"), DEFAULT_SETTINGS, madrid),
    ).toBeNull();
    expect(
      detectLateShipment(
        order({ cancelledAt: "2026-11-20T12:00:00Z" }),
        new Date("2026-12-20T12:00:00Z"),
        DEFAULT_SETTINGS,
        madrid,
      ),
    ).toBeNull();
  });
});

describe("late delivery", () => {
  const parcel = (o: Partial<WatchedOrder["fulfillments"][number]>) =>
    order({
      fulfillmentOrders: { nodes: [] },
      fulfillments: [
        {
          id: "gid://shopify/Fulfillment/9",
          status: "SUCCESS",
          displayStatus: "IN_TRANSIT",
          createdAt: FRIDAY_MORNING.toISOString(),
          updatedAt: FRIDAY_MORNING.toISOString(),
          inTransitAt: FRIDAY_MORNING.toISOString(),
          deliveredAt: null,
          estimatedDeliveryAt: null,
          trackingInfo: [{ company: "Fan Courier", number: "FC1" }],
          ...o,
        },
      ],
    });

  it("goes by the carrier's estimate first", () => {
    const p = parcel({ estimatedDeliveryAt: "2026-11-23T18:00:00Z" });
    expect(detectLateDeliveries(p, new Date("2026-11-23T17:00:00Z"), DEFAULT_SETTINGS, madrid)).toEqual([]);
    expect(detectLateDeliveries(p, new Date("2026-11-24T09:00:00Z"), DEFAULT_SETTINGS, madrid)).toEqual([
      expect.objectContaining({
        type: "late_delivery",
        subject: "gid://shopify/Fulfillment/9",
        basis: "carrier_estimate",
      }),
    ]);
  });

  it("else the carrier's transit days from the shop's settings, else the shop's default", () => {
    const settings = readSettings({ carrierTransitDays: { "fan courier": 2 } });
    expect(transitDaysFor(settings, "Fan Courier")).toBe(2);
    expect(transitDaysFor(settings, "SEUR")).toBe(DEFAULT_SETTINGS.transitDays);
    expect(detectLateDeliveries(parcel({}), new Date("2026-11-24T20:00:00Z"), settings, madrid)).toEqual([]);
    expect(detectLateDeliveries(parcel({}), new Date("2026-11-25T08:00:00+01:00"), settings, madrid)).toEqual(
      [expect.objectContaining({ basis: "transit_days" })],
    );
  });

  it("is late at once when the carrier says the parcel is delayed", () => {
    const p = parcel({ displayStatus: "DELAYED", estimatedDeliveryAt: "2026-11-27T18:00:00Z" });
    const [delayed, ...more] = detectLateDeliveries(
      p,
      new Date("2026-11-23T09:00:00Z"),
      DEFAULT_SETTINGS,
      madrid,
    );
    expect(more).toEqual([]);
    expect(delayed).toMatchObject({
      basis: "carrier_delayed",
      summary: "Fan Courier reports the parcel delayed (expected by {deliverBy:day})",
    });
    expect(shown(delayed)).toBe("Fan Courier reports the parcel delayed (expected by 27 Nov 2026)");
  });

  it("is not judged once the journey is over", () => {
    const now = new Date("2026-12-20T12:00:00Z");
    expect(
      detectLateDeliveries(
        parcel({ deliveredAt: "2026-11-24T12:00:00Z", displayStatus: "DELIVERED" }),
        now,
        DEFAULT_SETTINGS,
        madrid,
      ),
    ).toEqual([]);
    expect(detectLateDeliveries(parcel({ displayStatus: "FAILURE" }), now, DEFAULT_SETTINGS, madrid)).toEqual(
      [],
    );
  });
});

describe("settings", () => {
  it("fills in defaults and keeps the valid part of a stored document that is partly invalid", () => {
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ handlingDays: 4, timezone: "Mars/Olympus", holidays: ["2026-12-25"] })).toEqual({
      ...DEFAULT_SETTINGS,
      handlingDays: 4,
      holidays: ["2026-12-25"],
    });
  });
});
