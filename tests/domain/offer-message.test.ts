// The offer email, whole and in its parts: what happened to each line, the choices per line (a
// substitute's value for the units at stake, a refund or a free item left out), cancelling when the
// merchant allows it, the deadline, the link — and the HTML version escaping what it shows.
import { describe, expect, it } from "vitest";
import {
  cancelChoice,
  deadlineText,
  itemLabel,
  lineChoices,
  lineHeading,
  listOf,
  offerMessage,
  problemOf,
  problemTexts,
  severalUnits,
  stakeLabel,
  type OfferLineText,
  type OfferMessageInput,
} from "../../app/domain/notifications/offer-message";

const plain = (s: string) => s.replace(/\u00a0|\u202f/g, " ");
// Sunday 15 March 2026, 14:00 in Madrid.
const answerBy = new Date("2026-03-15T13:00:00Z");
const DEADLINE = "Sunday, March 15, 2026 at 2:00 PM (Central European Time)";

const freeGift: OfferLineText = {
  item: "Thermal Spring Water",
  quantity: 1,
  ordered: 1,
  reason: "expired",
  substitutes: [],
  refund: { amount: "0.00", currency: "EUR" },
};
const sunCream: OfferLineText = {
  item: "Sun Cream SPF50",
  quantity: 2,
  ordered: 5,
  reason: "stock",
  refund: { amount: "29.80", currency: "EUR" },
  substitutes: [
    {
      variantId: "gid://shopify/ProductVariant/2",
      title: "Sun Fluid SPF50",
      price: "15.00",
      image: { url: "https://cdn.example/fluid.png?v=1&w=2", alt: 'Sun "Fluid"' },
    },
  ],
};
const offer = (over: Partial<OfferMessageInput> = {}) => {
  const m = offerMessage({
    locale: "en",
    shop: "Farmacia Demo",
    order: "#1041",
    customerName: "Ana",
    allowCancel: true,
    answerBy,
    timezone: "Europe/Madrid",
    link: "https://shop.example/apps/makegood/offers/t?x=1&y=2",
    lines: [freeGift, sunCream],
    ...over,
  });
  return { subject: m.subject, text: plain(m.text), html: plain(m.html) };
};

describe("the parts of an offer", () => {
  it("tells the problem from the stock evidence's reason, anything else as no stock left", () => {
    expect(
      ["expired", "damaged", "missing", "damaged_or_expired", "oversold", undefined, null].map(problemOf),
    ).toEqual(["expired", "damaged", "missing", "damaged_or_expired", "stock", "stock", "stock"]);
  });

  it("names the units at stake: the line when all of it, the missing units when the rest ships", () => {
    expect(itemLabel("Sun Cream SPF50", 1)).toBe("Sun Cream SPF50");
    expect(itemLabel("Sun Cream SPF50", 3)).toBe("Sun Cream SPF50 ×3");
    expect(stakeLabel({ locale: "en" }, { item: "Sun Cream SPF50", quantity: 2, ordered: 2 })).toBe(
      "Sun Cream SPF50 ×2",
    );
    expect(stakeLabel({ locale: "en" }, sunCream)).toBe("the 2 missing Sun Cream SPF50");
    expect(stakeLabel({ locale: "es" }, { ...sunCream, quantity: 1 })).toBe(
      "la unidad que falta de Sun Cream SPF50",
    );
    expect(
      stakeLabel(
        { locale: "en", overrides: { en: { "item.missingMany": "{count} × {item} (missing)" } } },
        sunCream,
      ),
    ).toBe("2 × Sun Cream SPF50 (missing)");
    expect(lineHeading(sunCream)).toBe("Sun Cream SPF50");
    expect(lineHeading({ ...sunCream, ordered: 2 })).toBe("Sun Cream SPF50 ×2");
    expect(listOf("en", ["A", "B", "C"])).toBe("A, B, and C");
    expect(listOf("es", ["A", "B"])).toBe("A y B");
  });

  it("offers each substitute for the units at stake, worth their price times the units, then the refund", () => {
    expect(
      lineChoices({ locale: "en", line: sunCream }).map((c) => ({
        ...c,
        detail: c.detail && plain(c.detail),
      })),
    ).toEqual([
      {
        value: "substitute:gid://shopify/ProductVariant/2",
        label: "Receive Sun Fluid SPF50 ×2 instead",
        detail: "worth €30.00, free for you",
        image: sunCream.substitutes[0].image,
      },
      {
        value: "refund",
        label: plain("Leave the 2 missing Sun Cream SPF50 out and get €29.80 back"),
        detail: null,
        image: null,
      },
    ]);
    expect(lineChoices({ locale: "en", line: freeGift })).toEqual([
      {
        value: "refund",
        label: "Leave Thermal Spring Water out (it was free, so nothing is charged)",
        detail: null,
        image: null,
      },
    ]);
    expect(cancelChoice({ locale: "ro" })).toEqual({
      value: "cancel_order",
      label: "Anulăm toată comanda și vă rambursăm integral",
      detail: null,
      image: null,
    });
  });

  it("says what happened: one line in a sentence, several after one opening", () => {
    expect(
      problemTexts({ locale: "en", order: "#1041", lines: [{ ...freeGift, quantity: 2, ordered: 2 }] }),
    ).toEqual({
      opening: [
        "While preparing your order #1041 we found that Thermal Spring Water ×2 have expired, so we will not send them.",
      ],
      lines: [],
    });
    expect(problemTexts({ locale: "en", order: "#1041", lines: [sunCream] })).toEqual({
      opening: [
        "While preparing your order #1041 we found that we can send only 3 of the 5 Sun Cream SPF50 you ordered.",
      ],
      lines: [],
    });
    expect(problemTexts({ locale: "en", order: "#1041", lines: [freeGift, sunCream] })).toEqual({
      opening: [
        "While preparing your order #1041 we found that some items cannot be sent as you ordered them:",
      ],
      lines: [
        "Thermal Spring Water: it has expired",
        "Sun Cream SPF50: we can send only 3 of the 5 you ordered",
      ],
    });
  });

  it("words the deadline for what was paid and how many units are at stake", () => {
    const deadline = (lines: OfferLineText[]) =>
      plain(deadlineText({ locale: "en", lines, answerBy, timezone: "Europe/Madrid" }));
    expect(deadline([freeGift])).toBe(
      `If we have not heard from you by ${DEADLINE}, we will leave Thermal Spring Water out.`,
    );
    expect(deadline([{ ...sunCream, quantity: 1 }])).toBe(
      `If we have not heard from you by ${DEADLINE}, we will leave the missing Sun Cream SPF50 out and refund it.`,
    );
    expect(deadline([freeGift, sunCream])).toBe(
      `If we have not heard from you by ${DEADLINE}, we will leave Thermal Spring Water and the 2 missing Sun Cream SPF50 out and refund what you paid for them.`,
    );
    expect([severalUnits([freeGift]), severalUnits([freeGift, { ...sunCream, quantity: 1 }])]).toEqual([
      false,
      true,
    ]);
  });
});

describe("offerMessage", () => {
  it("one line: its choices with cancelling last, the deadline, the link, one apology", () => {
    const { subject, text } = offer({ lines: [sunCream] });
    expect(subject).toBe("Farmacia Demo: about your order #1041");
    expect(text.split("\n\n")).toEqual([
      "Hello Ana,",
      "While preparing your order #1041 we found that we can send only 3 of the 5 Sun Cream SPF50 you ordered.",
      "You should not pay for our mistake. Please choose what suits you best:",
      "  • Receive Sun Fluid SPF50 ×2 instead (worth €30.00, free for you)\n  • Leave the 2 missing Sun Cream SPF50 out and get €29.80 back\n  • Cancel the whole order with a full refund",
      `If we have not heard from you by ${DEADLINE}, we will leave the 2 missing Sun Cream SPF50 out and refund what you paid for them.`,
      "Choose here: https://shop.example/apps/makegood/offers/t?x=1&y=2",
      "We are sorry for the trouble, and thank you for your patience.",
      "The Farmacia Demo team",
    ]);
  });

  it("several lines: the problems listed, each line's choices under its name, cancelling apart", () => {
    const { text } = offer();
    expect(text.split("\n\n").slice(1, 7)).toEqual([
      "While preparing your order #1041 we found that some items cannot be sent as you ordered them:",
      "  - Thermal Spring Water: it has expired\n  - Sun Cream SPF50: we can send only 3 of the 5 you ordered",
      "You should not pay for our mistake. Please choose what suits you best:",
      "Thermal Spring Water:\n  • Leave Thermal Spring Water out (it was free, so nothing is charged)",
      "Sun Cream SPF50:\n  • Receive Sun Fluid SPF50 ×2 instead (worth €30.00, free for you)\n  • Leave the 2 missing Sun Cream SPF50 out and get €29.80 back",
      "Or, instead:\n  • Cancel the whole order with a full refund",
    ]);
  });

  it("leaves cancelling out when the merchant does not allow it", () => {
    const { text, html } = offer({ allowCancel: false });
    expect(text).not.toContain("Cancel the whole order");
    expect(text).not.toContain("Or, instead:");
    expect(html).not.toContain("Cancel the whole order");
  });

  it("in HTML: the same words escaped, the substitute's picture, and the link as the confirm button", () => {
    const { html } = offer();
    expect(html).toContain(
      "<ul><li>Thermal Spring Water: it has expired</li><li>Sun Cream SPF50: we can send only 3 of the 5 you ordered</li></ul>",
    );
    expect(html).toContain(
      '<img src="https://cdn.example/fluid.png?v=1&amp;w=2" alt="Sun &quot;Fluid&quot;" width="56" height="56"',
    );
    expect(html.match(/<img /g)).toHaveLength(1); // the free gift's refund has no picture
    expect(html).toContain('<a href="https://shop.example/apps/makegood/offers/t?x=1&amp;y=2"');
    expect(html).toMatch(/>Confirm my choice<\/a><\/p>/);
    expect(html).toContain("<strong>Or, instead:</strong>");
    expect(html).not.toMatch(/&(?!amp;|quot;|lt;|gt;|#39;)/); // every ampersand escaped
  });
});
