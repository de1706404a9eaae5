// The message blocks every customer text is built from: {names} filled in, the merchant's wording of
// a block first (in its language only), the customer's language read from Shopify or the browser,
// and text made safe for HTML.
import { describe, expect, it } from "vitest";
import {
  defaultText,
  escapeHtml,
  greetingFor,
  localeOf,
  LOCALES,
  MESSAGE_KEYS,
  t,
  type Overrides,
} from "../../app/domain/notifications/messages";

const namesIn = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

describe("message blocks", () => {
  it("fills in the {names} given and leaves any other as written", () => {
    expect(t("en", "subject", { shop: "Farmacia Demo", order: "#1031" })).toBe(
      "Farmacia Demo: about your order #1031",
    );
    expect(t("es", "subject", { shop: "Farmacia Demo" })).toBe("Farmacia Demo: sobre tu pedido {order}");
    expect(t("ro", "choice.refund", { item: "Apă termală", amount: "8,90 EUR", extra: "x" })).toBe(
      "Scoatem Apă termală din comandă și vă rambursăm 8,90 EUR",
    );
  });

  it("takes the merchant's wording of a block, in that language only, and the shipped one elsewhere", () => {
    const overrides: Overrides = { es: { apology: "Perdona, de verdad.", signoff: "Ana, de {shop}" } };
    expect(t("es", "apology", {}, overrides)).toBe("Perdona, de verdad.");
    expect(t("es", "signoff", { shop: "Farmacia Demo" }, overrides)).toBe("Ana, de Farmacia Demo");
    expect(t("es", "proposal", {}, overrides)).toBe(defaultText("es", "proposal"));
    expect(t("en", "apology", {}, overrides)).toBe(
      "We are sorry for the trouble, and thank you for your patience.",
    );
  });

  it("greets by first name, or without one when the order gives none", () => {
    expect(greetingFor("en", "Lucía")).toBe("Hello Lucía,");
    expect(greetingFor("es", "Lucía")).toBe("Hola Lucía:");
    expect(greetingFor("ro", null)).toBe("Bună ziua,");
    expect(greetingFor("es", "Lucía", { es: { greeting: "Querida {name}:" } })).toBe("Querida Lucía:");
    expect(greetingFor("es", null, { es: { greeting: "Querida {name}:" } })).toBe("Hola:");
  });

  it("reads the customer's language from a Shopify locale, else the fallback", () => {
    expect(localeOf("es-ES")).toBe("es");
    expect(localeOf("RO")).toBe("ro");
    expect(localeOf("en-GB")).toBe("en");
    expect(localeOf("pt-BR")).toBe("en");
    expect(localeOf(null)).toBe("en");
    expect(localeOf("de-DE", "es")).toBe("es");
    expect(localeOf(undefined, "ro")).toBe("ro");
  });

  it("escapes what HTML would read as markup", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
    );
    expect(escapeHtml("Apă termală 150 ml")).toBe("Apă termală 150 ml");
  });

  it("writes every block in every language, in its own words, with no {name} English does not fill in", () => {
    for (const key of MESSAGE_KEYS) {
      const english = defaultText("en", key);
      expect(english.trim(), key).not.toBe("");
      for (const locale of LOCALES.filter((l) => l !== "en")) {
        const own = defaultText(locale, key);
        expect(own.trim(), `${locale} ${key}`).not.toBe("");
        expect(own, `${locale} ${key}`).not.toBe(english);
        expect(
          [...namesIn(own)].filter((name) => !namesIn(english).has(name)),
          `${locale} ${key}`,
        ).toEqual([]);
      }
    }
  });
});
