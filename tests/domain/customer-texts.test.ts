// What customers read, in each language: money and dates as their language writes them (Intl),
// dates in the shop's zone with the zone named, a greeting in every message, one apology per
// message, a late order's new ship date, and Romanian in the formal register throughout.
import { describe, expect, it } from "vitest";
import { composeMessage, type MessageInput } from "../../app/domain/notifications/customer-message";
import { formatDateTime, formatDay, formatMoney } from "../../app/domain/notifications/format";
import {
  defaultText,
  localeOfRequest,
  MESSAGE_KEYS,
  t,
  type Locale,
} from "../../app/domain/notifications/messages";
import {
  answerTexts,
  confirmationMessage,
  type AnswerTextsInput,
} from "../../app/domain/notifications/offer-answer";
import { offerMessage, problemOf, type OfferLineText } from "../../app/domain/notifications/offer-message";
import { shipByFrom } from "../../app/domain/notifications/ship-by";

const LOCALES: Locale[] = ["en", "es", "ro"];
const MADRID = "Europe/Madrid";
// Sunday 15 March 2026, 14:00 in Madrid (CET, UTC+1); the shop ships Monday 16 March.
const answerBy = new Date("2026-03-15T13:00:00Z");
const shipBy = new Date("2026-03-16T22:59:59Z");

const expected = {
  en: {
    partial:
      "While preparing your order #1032 we found that we can send only 9 of the 10 Anthelios UVMune 400 Fluid you ordered.",
    leaveOne: "Leave the missing Anthelios UVMune 400 Fluid out and get €26.50 back",
    leaveTwo: "Leave the 2 missing Anthelios UVMune 400 Fluid out and get €53.00 back",
    opening: "While preparing your order #1032 we found that some items cannot be sent as you ordered them:",
    partialLine: "Anthelios UVMune 400 Fluid: we can send only 9 of the 10 you ordered",
    expiredLine: "Thermal Spring Water: it has expired",
    expiredTwo: "Thermal Spring Water ×2: they have expired",
    refundedTwo: "refunded what you paid for them",
    refundedOne: /and refund it\.$/,
    money: "€12.40",
    ron: "RON 59.90",
    when: ["Sunday, March 15, 2026", "2:00 PM", "(Central European Time)"],
    bucharest: "3:00 PM (Eastern European Time)",
    day: "Monday, March 16, 2026",
    hello: "Hello Ana,",
    anonymous: "Hello,",
    sorry: /sorry/gi,
    shipBy: "Your order will leave us by Monday, March 16, 2026.",
  },
  es: {
    partial:
      "Al preparar tu pedido #1032 hemos visto que de Anthelios UVMune 400 Fluid pediste 10, pero solo podemos enviarte 9.",
    leaveOne: "Quitar la unidad que falta de Anthelios UVMune 400 Fluid del pedido y recibir 26,50 €",
    leaveTwo: "Quitar las 2 unidades que faltan de Anthelios UVMune 400 Fluid del pedido y recibir 53,00 €",
    opening:
      "Al preparar tu pedido #1032 hemos visto que algunos artículos no se pueden enviar tal como los pediste:",
    partialLine: "Anthelios UVMune 400 Fluid: pediste 10, pero solo podemos enviarte 9",
    expiredLine: "Thermal Spring Water: está caducado",
    expiredTwo: "Thermal Spring Water ×2: están caducados",
    refundedTwo: "te hemos devuelto lo que pagaste",
    refundedOne: /y te devolveremos su importe\.$/,
    money: "12,40 €",
    ron: "59,90 RON",
    when: ["domingo, 15 de marzo de 2026", "14:00", "(hora de Europa central)"],
    bucharest: "15:00 (hora de Europa oriental)",
    day: "lunes, 16 de marzo de 2026",
    hello: "Hola Ana:",
    anonymous: "Hola:",
    sorry: /sentimos|perdona|lo siento/gi,
    shipBy: "Tu pedido saldrá de nuestro almacén como muy tarde el lunes, 16 de marzo de 2026.",
  },
  ro: {
    partial:
      "Pregătind comanda dumneavoastră #1032, am constatat că din Anthelios UVMune 400 Fluid ați comandat 10, dar vă putem trimite doar 9.",
    leaveOne: "Scoatem bucata lipsă de Anthelios UVMune 400 Fluid din comandă și vă rambursăm 26,50 EUR",
    leaveTwo: "Scoatem bucățile lipsă de Anthelios UVMune 400 Fluid din comandă și vă rambursăm 53,00 EUR",
    opening:
      "Pregătind comanda dumneavoastră #1032, am constatat că unele produse nu pot fi trimise așa cum le-ați comandat:",
    partialLine: "Anthelios UVMune 400 Fluid: ați comandat 10, dar vă putem trimite doar 9",
    expiredLine: "Thermal Spring Water: este expirat",
    expiredTwo: "Thermal Spring Water ×2: sunt expirate",
    refundedTwo: "v-am rambursat suma plătită pentru ele",
    refundedOne: /și vă vom rambursa suma plătită\.$/,
    money: "12,40 EUR",
    ron: "59,90 RON",
    when: ["duminică, 15 martie 2026", "14:00", "(Ora Europei Centrale)"],
    bucharest: "15:00 (Ora Europei de Est)",
    day: "luni, 16 martie 2026",
    hello: "Bună ziua, Ana,",
    anonymous: "Bună ziua,",
    sorry: /ne pare rău|scuze/gi,
    shipBy: "Comanda dumneavoastră va pleca de la noi cel târziu pe luni, 16 martie 2026.",
  },
} satisfies Record<Locale, unknown>;

/** Intl separates amount and currency with a no-break space; people read it as a space. */
const plain = (s: string) => s.replace(/\u00a0|\u202f/g, " ");

const message = (locale: Locale, over: Partial<MessageInput> = {}) =>
  composeMessage({
    kind: "acknowledge",
    locale,
    shop: "Farmacia Demo",
    order: "#1031",
    type: "stock_mismatch",
    customerName: "Ana",
    answerBy,
    timezone: MADRID,
    ...over,
  });
const code = { code: "MG-1031-ABCD", percentage: null, amount: "10.00", currency: "EUR", endsAt: shipBy };

describe.each(LOCALES)("customer texts in %s", (locale) => {
  const want = expected[locale];

  it("writes money and dates as the language does, in the shop's zone and naming it", () => {
    expect(plain(formatMoney(locale, "12.40", "EUR"))).toBe(want.money);
    expect(plain(formatMoney(locale, "59.9", "RON"))).toBe(want.ron);
    const when = plain(formatDateTime(locale, answerBy, MADRID));
    for (const part of want.when) expect(when).toContain(part);
    expect(plain(formatDay(locale, shipBy, MADRID))).toBe(want.day);
    // Another zone is another hour, and says so.
    expect(plain(formatDateTime(locale, answerBy, "Europe/Bucharest"))).toContain(want.bucharest);
  });

  it("greets the customer in every message, by name when the order gives one", () => {
    for (const kind of ["acknowledge", "apology_code", "note"] as const) {
      const over = { kind, code, note: "…" };
      expect(message(locale, over).text.startsWith(`${want.hello}\n\n`)).toBe(true);
      expect(message(locale, { ...over, customerName: null }).text.startsWith(`${want.anonymous}\n\n`)).toBe(
        true,
      );
    }
    expect(offer(locale).text.startsWith(`${want.hello}\n\n`)).toBe(true);
    expect(
      confirmationMessage({
        ...answer(locale, "substitute"),
        shop: "Farmacia Demo",
        order: "#1031",
        customerName: null,
      }).text.startsWith(`${want.anonymous}\n\n`),
    ).toBe(true);
  });

  it("says sorry once per message", () => {
    for (const type of ["stock_mismatch", "late_shipment", "cod_amount_mismatch"] as const) {
      expect(message(locale, { type, shipBy }).text.match(want.sorry)).toHaveLength(1);
      expect(
        message(locale, { kind: "apology_code", type, code, shipBy }).text.match(want.sorry),
      ).toHaveLength(1);
    }
    expect(offer(locale).text.match(want.sorry)).toHaveLength(1);
  });

  it("tells a late order's new ship date in the apology and the acknowledgement, and only for a late order", () => {
    expect(
      plain(message(locale, { kind: "apology_code", type: "late_shipment", code, shipBy }).text),
    ).toContain(want.shipBy);
    expect(plain(message(locale, { type: "late_shipment", shipBy }).text)).toContain(want.shipBy);
    expect(
      plain(message(locale, { kind: "apology_code", type: "late_delivery", code, shipBy }).text),
    ).not.toContain(want.shipBy);
  });

  it("gives an offer's choices with the substitute's value and picture, the refund in the customer's money, and the deadline", () => {
    const { text, html } = offer(locale);
    expect(plain(text)).toContain(want.money);
    expect(plain(text)).toContain(plain(formatMoney(locale, "59.90", "EUR")));
    for (const part of want.when) expect(plain(text)).toContain(part);
    expect(html).toContain('<img src="https://cdn.example/sensibio.png?v=1&amp;width=240"');
    expect(text).not.toMatch(/\d\.\d\d EUR/); // never a raw decimal
  });

  it("confirms each answer with what happens next", () => {
    expect(plain(answerTexts(answer(locale, "substitute")).lines.join(" "))).toContain(want.shipBy);
    expect(plain(answerTexts(answer(locale, "refund")).lines.join(" "))).toContain(
      plain(formatMoney(locale, "59.90", "EUR")),
    );
    expect(answerTexts(answer(locale, "cancel_order")).lines).toHaveLength(2);
    // A free item left out: nothing refunded, the rest of the order leaves by its day.
    expect(plain(answerTexts(answer(locale, "refund", "0.00")).lines.join(" "))).toContain(want.shipBy);
  });

  it("covers several lines of one order in one message: each problem, each line's choices under its name, units counted, one deadline", () => {
    const { text } = offerMessage({
      locale,
      shop: "Farmacia Demo",
      order: "#1041",
      customerName: "Ana",
      allowCancel: false,
      answerBy,
      timezone: MADRID,
      link: "https://shop.example/x",
      lines: [
        {
          item: "Thermal Spring Water",
          quantity: 1,
          ordered: 1,
          reason: "expired",
          substitutes: [],
          refund: { amount: "0.00", currency: "EUR" },
        },
        {
          item: "Sun Cream SPF50",
          quantity: 2,
          ordered: 2,
          reason: "stock",
          substitutes: [
            { variantId: "gid://shopify/ProductVariant/2", title: "Sun Fluid SPF50", price: "15.00" },
          ],
          refund: { amount: "29.80", currency: "EUR" },
        },
      ],
    });
    expect(text).toContain("Thermal Spring Water:");
    expect(text).toContain("Sun Cream SPF50 ×2:");
    expect(text).toContain("Sun Fluid SPF50 ×2"); // the substitute replaces both units…
    expect(plain(text)).toContain(plain(formatMoney(locale, "30.00", "EUR"))); // …and is worth both
    expect(text).not.toContain(defaultText(locale, "choice.cancel")); // the merchant did not allow cancelling
    expect(text.match(want.sorry)).toHaveLength(1);
    // Two lines answered: what became of each, the refund's total, and when the rest leaves.
    const both = answerTexts({
      ...answer(locale, "refund"),
      answer: {
        kind: "lines",
        lines: [
          {
            item: "Thermal Spring Water",
            quantity: 1,
            ordered: 1,
            choice: "refund",
            refund: { amount: "0.00", currency: "EUR" },
          },
          {
            item: "Sun Cream SPF50",
            quantity: 2,
            ordered: 2,
            choice: "substitute",
            substitute: "Sun Fluid SPF50",
            refund: { amount: "29.80", currency: "EUR" },
          },
        ],
      },
    }).lines.join(" ");
    expect(both).toContain("Sun Fluid SPF50 ×2");
    expect(plain(both)).toContain(want.shipBy);
  });
});

const fluid = (quantity: number, ordered: number): OfferLineText => ({
  item: "Anthelios UVMune 400 Fluid",
  quantity,
  ordered,
  reason: "stock",
  substitutes: [],
  refund: { amount: (26.5 * quantity).toFixed(2), currency: "EUR" },
});
const water = (quantity: number): OfferLineText => ({
  item: "Thermal Spring Water",
  quantity,
  ordered: quantity,
  reason: "expired",
  substitutes: [],
  refund: { amount: (8.9 * quantity).toFixed(2), currency: "EUR" },
});
const offerOf = (locale: Locale, lines: OfferLineText[]) =>
  offerMessage({
    locale,
    shop: "Farmacia Demo",
    order: "#1032",
    customerName: "Ana",
    allowCancel: true,
    answerBy,
    timezone: MADRID,
    link: "https://shop.example/x",
    lines,
  });

describe.each(LOCALES)("how much of each line is at stake, in %s", (locale) => {
  const want = expected[locale];

  it("a line of which some units still ship says how many, and its choices leave out only the missing ones", () => {
    const one = plain(offerOf(locale, [fluid(1, 10)]).text);
    expect(one).toContain(want.partial);
    expect(one).toContain(want.leaveOne);
    expect(one).not.toContain(
      plain(t(locale, "problem.stock", { order: "#1032", item: "Anthelios UVMune 400 Fluid" })),
    );
    const two = plain(offerOf(locale, [fluid(2, 10)]).text);
    expect(two).toContain(want.partial.replace("9", "8"));
    expect(two).toContain(want.leaveTwo);
    expect(two).not.toContain("×2");
    // The confirmation names the missing units too.
    const done = answerTexts({
      ...answer(locale, "refund"),
      answer: {
        kind: "lines",
        lines: [
          {
            item: "Anthelios UVMune 400 Fluid",
            quantity: 1,
            ordered: 10,
            choice: "refund",
            refund: { amount: "26.50", currency: "EUR" },
          },
        ],
      },
    });
    expect(done.lines[0]).toContain(t(locale, "item.missingOne", { item: "Anthelios UVMune 400 Fluid" }));
  });

  it("several lines: one opening sentence, then each line's problem after its name", () => {
    const { text, html } = offerOf(locale, [fluid(1, 10), water(1)]);
    expect(text).toContain(`${want.opening}\n\n  - ${want.partialLine}\n  - ${want.expiredLine}\n\n`);
    expect(text.split(want.opening)).toHaveLength(2); // once
    expect(text).not.toContain(
      t(locale, "problem.expired", { order: "#1032", item: "Thermal Spring Water" }),
    );
    expect(html).toContain(`<ul><li>${want.partialLine}</li><li>${want.expiredLine}</li></ul>`);
    // One line keeps its sentence.
    expect(offerOf(locale, [water(1)]).text).toContain(
      t(locale, "problem.expired", { order: "#1032", item: "Thermal Spring Water" }),
    );
  });

  it("more than one unit at stake takes the plural wording: the problem, the deadline and the confirmation", () => {
    const two = offerOf(locale, [water(2)]).text;
    expect(two).toContain(
      t(locale, "problem.expiredMany", { order: "#1032", item: "Thermal Spring Water ×2" }),
    );
    expect(two).toContain(
      t(locale, "deadlineMany", {
        item: "Thermal Spring Water ×2",
        date: formatDateTime(locale, answerBy, MADRID),
      }),
    );
    expect(offerOf(locale, [water(1), fluid(1, 3)]).text).toContain(want.expiredLine);
    expect(offerOf(locale, [water(2), fluid(1, 3)]).text).toContain(want.expiredTwo);
    expect(
      offerOf(locale, [water(1)])
        .text.split("\n\n")
        .find((p) => p.includes("#1032") === false && want.refundedOne.test(p)),
    ).toBeDefined();
    const done = answerTexts({
      ...answer(locale, "refund"),
      answer: {
        kind: "lines",
        lines: [
          {
            item: "Thermal Spring Water",
            quantity: 2,
            ordered: 2,
            choice: "refund",
            refund: { amount: "17.80", currency: "EUR" },
          },
        ],
      },
    });
    expect(done.lines[0]).toContain(want.refundedTwo);
    if (locale === "ro") expect(two).not.toMatch(/vi-l|vi l-am/);
  });

  it('never doubles a full stop or a colon where texts are joined ("Or, instead::" was one)', () => {
    const shapes = [
      [fluid(1, 10)],
      [fluid(2, 2)],
      [water(2)],
      [fluid(1, 10), water(2)],
      [fluid(3, 3), water(1)],
    ];
    for (const lines of shapes) {
      const { text, html } = offerOf(locale, lines);
      expect(text).not.toMatch(/\.\.|::/);
      expect(html).not.toMatch(/\.\.|::/);
    }
  });
});

function offer(locale: Locale) {
  return offerMessage({
    locale,
    shop: "Farmacia Demo",
    order: "#1031",
    customerName: "Ana",
    allowCancel: true,
    answerBy,
    timezone: MADRID,
    link: "https://shop.example/apps/makegood/offers/abc",
    lines: [
      {
        item: "Thermal Spring Water",
        quantity: 1,
        ordered: 1,
        reason: problemOf("damaged_or_expired"),
        refund: { amount: "59.90", currency: "EUR" },
        substitutes: [
          {
            variantId: "gid://shopify/ProductVariant/1",
            title: "Sensibio H2O",
            price: "12.40",
            image: { url: "https://cdn.example/sensibio.png?v=1&width=240", alt: "Sensibio H2O" },
          },
        ],
      },
    ],
  });
}

function answer(
  locale: Locale,
  choice: "substitute" | "refund" | "cancel_order",
  paid = "59.90",
): AnswerTextsInput {
  const line = {
    item: "Thermal Spring Water",
    quantity: 1,
    ordered: 1,
    substitute: "Sensibio H2O",
    refund: { amount: paid, currency: "EUR" },
  };
  return {
    locale,
    shipBy: new Date("2026-03-16T12:00:00Z"),
    timezone: MADRID,
    answer:
      choice === "cancel_order" ? { kind: "cancel_order" } : { kind: "lines", lines: [{ ...line, choice }] },
  };
}

describe("Romanian register", () => {
  // Words of the informal "tu" a shop does not use with a customer; the formal forms are "dumneavoastră", "vă", "ați".
  const INFORMAL = new Set([
    "tu",
    "ta",
    "tău",
    "tale",
    "tine",
    "ți",
    "îți",
    "te",
    "ai",
    "alege",
    "plătești",
    "primești",
    "introdu-l",
    "ți-l",
  ]);
  it.each(MESSAGE_KEYS)("%s is formal", (key) => {
    const words = defaultText("ro", key)
      .toLowerCase()
      .split(/[^\p{L}-]+/u);
    expect(words.filter((w) => INFORMAL.has(w))).toEqual([]);
  });
});

describe("the reader's language and the shop's next ship day", () => {
  it("reads the browser's languages in order of preference, falling back to English", () => {
    expect(localeOfRequest("ro-RO,ro;q=0.9,en;q=0.5")).toBe("ro");
    expect(localeOfRequest("de-DE,es;q=0.8,en;q=0.9")).toBe("en");
    expect(localeOfRequest("fr, de;q=0.5")).toBe("en");
    expect(localeOfRequest(null)).toBe("en");
  });

  it("counts the handling time in the shop's business days from the answer", () => {
    const settings = { handlingDays: 2, holidays: ["2026-03-17"], workdays: [1, 2, 3, 4, 5] };
    // Friday evening in Madrid: Monday, then Wednesday (Tuesday is a holiday).
    expect(formatDay("en", shipByFrom(settings, MADRID, new Date("2026-03-13T19:00:00Z")), MADRID)).toBe(
      "Wednesday, March 18, 2026",
    );
  });
});
