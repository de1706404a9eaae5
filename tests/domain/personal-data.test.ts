// What counts as personal in Shopify's bodies, on Shopify's own samples (tests/fixtures/shopify):
// stripping reaches every depth (the order's customer and its default address, fulfillments'
// destination, line properties, a carrier event's location) and keeps the facts.
import { describe, expect, it } from "vitest";
import {
  identifiersIn,
  redactJson,
  redactText,
  REDACTED,
  stripPersonal,
} from "../../app/domain/privacy/personal-data";
import { shopifySample as sample } from "../helpers/shopify-samples";

describe("personal data in Shopify's bodies", () => {
  it.each(["orders/create", "orders/updated", "orders/cancelled", "fulfillments/create"])(
    "%s: no name, email, phone or street is left at any depth",
    (topic) => {
      const body = sample(topic);
      const ids = identifiersIn(body);
      expect(ids.size).toBeGreaterThan(0);
      const stripped = JSON.stringify(stripPersonal(body));
      for (const id of ids) expect(stripped, id).not.toContain(id);
    },
  );

  it("an order keeps its facts: name, money, lines, dates, statuses", () => {
    const order = sample("orders/create");
    order.line_items[0].properties = [{ name: "Engraving", value: "For Zsófia" }];
    order.fulfillments = [
      {
        id: 1,
        destination: { first_name: "Zsófia", address1: "Rue des Tilleuls 42" },
        tracking_company: "SEUR",
      },
    ];
    const stripped = stripPersonal(order);
    expect(stripped).toMatchObject({
      name: order.name,
      total_price: order.total_price,
      financial_status: order.financial_status,
      created_at: order.created_at,
      customer: null,
      shipping_address: null,
      billing_address: null,
      email: null,
      phone: null,
      note: null,
      browser_ip: null,
    });
    expect(stripped.line_items[0]).toMatchObject({
      sku: order.line_items[0].sku,
      price: order.line_items[0].price,
      properties: null,
    });
    expect(stripped.fulfillments[0]).toEqual({ id: 1, destination: null, tracking_company: "SEUR" });
    expect(JSON.stringify(stripped)).not.toMatch(/Zsófia|Tilleuls/);
  });

  it("a carrier event keeps its status and country, not where the parcel stood", () => {
    const event = {
      ...sample("fulfillment_events/create"),
      city: "Lyon",
      zip: "69003",
      address1: "Rue des Tilleuls 42",
      latitude: 45.76,
      longitude: 4.85,
    };
    expect(stripPersonal(event)).toMatchObject({
      status: "in_transit",
      country: "CA",
      city: null,
      zip: null,
      address1: null,
      latitude: null,
      longitude: null,
    });
  });

  it("identifiers are the person's, not the order's: the order name, countries and ids are not among them", () => {
    const ids = identifiersIn(sample("orders/create"));
    expect([...ids]).not.toContain(sample("orders/create").name);
    expect([...ids].some((v) => /^[A-Z]{2}$/.test(v))).toBe(false);
  });

  it("free text loses the identifiers, whole words only, whatever their case", () => {
    const ids = new Set(["Quennell", "zsofia@example.hu", "+36301234567", "36301234567"]);
    expect(
      redactText(
        "QUENNELL not home; call +36301234567 or write Zsofia@Example.hu. Quennellson is someone else.",
        ids,
      ),
    ).toBe(`${REDACTED} not home; call ${REDACTED} or write ${REDACTED}. Quennellson is someone else.`);
    // The app's own JSON keeps its keys; Shopify's loses every personal one.
    expect(
      JSON.parse(redactJson(JSON.stringify({ note: "for Quennell", amount: "12.40" }), ids, { keys: false })),
    ).toEqual({ note: `for ${REDACTED}`, amount: "12.40" });
    expect(JSON.parse(redactJson(JSON.stringify({ note: "for Quennell", amount: "12.40" }), ids))).toEqual({
      note: null,
      amount: "12.40",
    });
  });
});
