// The messages a merchant sends besides an offer, whole: "we are on it", an apology with a code, and
// their own words — subject, every paragraph in order, and the HTML version of the same.
import { describe, expect, it } from "vitest";
import { composeMessage, type MessageInput } from "../../app/domain/notifications/customer-message";

/** Intl puts no-break spaces between amount and currency, and before AM/PM. */
const plain = (s: string) => s.replace(/\u00a0|\u202f/g, " ");
const read = (m: { subject: string; text: string; html: string }) => ({
  subject: m.subject,
  text: plain(m.text),
  html: plain(m.html),
});

// Sunday 15 March 2026, 14:00 in Madrid.
const answerBy = new Date("2026-03-15T13:00:00Z");
const compose = (over: Partial<MessageInput>) =>
  read(
    composeMessage({
      kind: "acknowledge",
      locale: "en",
      shop: "Farmacia Demo",
      order: "#1031",
      type: "stock_mismatch",
      customerName: "Ana",
      answerBy,
      timezone: "Europe/Madrid",
      ...over,
    }),
  );
const code = {
  code: "SORRY-1031-AB2C",
  percentage: null,
  amount: null,
  currency: null,
  endsAt: new Date("2026-06-13T21:59:59Z"),
};

describe("composeMessage", () => {
  it("acknowledges: what was seen, the answer-by moment in the shop's zone, one apology, the sign-off", () => {
    const paragraphs = [
      "Hello Ana,",
      "We have seen that one of the items of your order #1031 cannot be sent as it is. We are working on it and will come back to you with a solution by Sunday, March 15, 2026 at 2:00 PM (Central European Time), without you having to ask.",
      "We are sorry for the trouble, and thank you for your patience.",
      "The Farmacia Demo team",
    ];
    expect(compose({})).toEqual({
      subject: "Farmacia Demo: we are on it — your order #1031",
      text: paragraphs.join("\n\n"),
      html: paragraphs.map((p) => `<p>${p}</p>`).join("\n"),
    });
  });

  it("tells a cash-on-delivery customer both amounts in their money, in Romanian", () => {
    const { subject, text } = compose({
      locale: "ro",
      type: "cod_amount_mismatch",
      cod: { told: "45.00", due: "52.5", currency: "RON" },
    });
    expect(subject).toBe("Farmacia Demo: ne ocupăm deja — comanda dumneavoastră #1031");
    expect(text.split("\n\n")[1]).toBe(
      "Am văzut că curierul v-ar cere 52,50 RON la livrarea comenzii dumneavoastră #1031, nu 45,00 RON cât v-am comunicat; nu veți plăti mai mult de 45,00 RON. Lucrăm la asta și vă vom oferi o soluție până pe duminică, 15 martie 2026 la 14:00 (Ora Europei Centrale), fără să fie nevoie să ne întrebați.",
    );
  });

  it("apologises with a percentage code and, for a late order, the day it leaves", () => {
    const { subject, text } = compose({
      kind: "apology_code",
      type: "late_shipment",
      shipBy: new Date("2026-03-18T12:00:00Z"),
      code: { ...code, percentage: 12.5 },
    });
    expect(subject).toBe("Farmacia Demo: sorry about your order #1031 — a discount for the next one");
    expect(text.split("\n\n")).toEqual([
      "Hello Ana,",
      "We are sorry that your order #1031 has not left us yet. You should not pay for our mistake, so here is 12.5% off your next order, for you only, until Saturday, June 13, 2026.",
      "Your order will leave us by Wednesday, March 18, 2026.",
      "Your code: SORRY-1031-AB2C (type it at checkout).",
      "The Farmacia Demo team",
    ]);
  });

  it("apologises with an amount off, in Spanish, with no ship date for an order that is not late", () => {
    const { text } = compose({
      kind: "apology_code",
      locale: "es",
      shipBy: new Date("2026-03-18T12:00:00Z"),
      code: { ...code, amount: "7.5", currency: "EUR" },
    });
    expect(text.split("\n\n")).toEqual([
      "Hola Ana:",
      "Sentimos que uno de los artículos de tu pedido #1031 no se puede enviar tal cual. No tienes que pagar por nuestro error, así que te damos un 7,50 € de descuento en tu próximo pedido, solo para ti, hasta el sábado, 13 de junio de 2026.",
      "Tu código: SORRY-1031-AB2C (escríbelo al pagar).",
      "El equipo de Farmacia Demo",
    ]);
  });

  it("sends the merchant's own words as paragraphs, escaped in HTML, with their wording of the blocks", () => {
    const message = compose({
      kind: "note",
      customerName: null,
      note: "  Your <b>parcel</b> & the gift:\nboth leave today.\n\n\nSee you soon!  ",
      overrides: { en: { "greeting.anonymous": "Dear customer,", signoff: "Ana, at {shop}" } },
    });
    expect(message).toEqual({
      subject: "Farmacia Demo: about your order #1031",
      text: "Dear customer,\n\nYour <b>parcel</b> & the gift:\nboth leave today.\n\nSee you soon!\n\nAna, at Farmacia Demo",
      html: "<p>Dear customer,</p>\n<p>Your &lt;b&gt;parcel&lt;/b&gt; &amp; the gift:<br>both leave today.</p>\n<p>See you soon!</p>\n<p>Ana, at Farmacia Demo</p>",
    });
  });

  it("refuses an apology without its code and a message without words", () => {
    expect(() => compose({ kind: "apology_code" })).toThrow("an apology with a code needs the code");
    expect(() => compose({ kind: "note", note: " \n\n " })).toThrow("a message needs its text");
  });
});
