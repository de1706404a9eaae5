// Ranking substitutes: never cheaper than the original's value, never short of stock, another
// brand first when the product itself failed.
import { describe, expect, it } from "vitest";
import { candidateQuery, rankSubstitutes, type OriginalLine } from "../../app/domain/remedies/substitutes";
import type { CandidateProduct } from "../../app/shopify/documents/substitution";

const product = (id: number, title: string, vendor: string, type: string, tags: string[], price: string, available: number | null, status = "ACTIVE"): CandidateProduct => ({
  id: `gid://shopify/Product/${id}`, title, vendor, productType: type, tags, status,
  variants: { nodes: [{ id: `gid://shopify/ProductVariant/${id}0`, title: "Default", sku: null, price, inventoryItem: available === null
    ? { tracked: false, inventoryLevel: null }
    : { tracked: true, inventoryLevel: { quantities: [{ name: "available", quantity: available }] } } }] },
});

const gift: OriginalLine = { variantId: "gid://shopify/ProductVariant/10", productId: "gid://shopify/Product/1", vendor: "Avène", productType: "Face care", tags: ["gift"], value: "8.90", quantity: 1, productFailed: true };
const catalogue = [
  product(1, "Thermal Spring Water", "Avène", "Face care", ["gift"], "8.90", 0), // the original itself
  product(2, "Cicalfate+", "Avène", "Face care", ["repair"], "11.75", 12),
  product(3, "Sensibio H2O", "Bioderma", "Face care", ["cleanser"], "12.40", 30),
  product(4, "Cicaplast", "La Roche-Posay", "Face care", ["repair"], "13.20", 18),
  product(5, "Cheap Mist", "Uriage", "Face care", ["gift"], "5.00", 40), // cheaper
  product(6, "Gift Lip Balm", "Nuxe", "Lip care", ["gift"], "9.50", 3), // another type, shared tag
  product(7, "Sold Out Serum", "Vichy", "Face care", [], "15.00", 0), // no stock
  product(8, "Old Toner", "Vichy", "Face care", [], "10.00", 5, "ARCHIVED"),
  product(9, "Untracked Cream", "Weleda", "Face care", [], "9.00", null), // not tracked: always available
];

describe("substitutes", () => {
  it("ranks another brand of the same kind first, closest in value, and never offers less", () => {
    expect(rankSubstitutes(gift, catalogue).map((s) => s.title)).toEqual(["Untracked Cream", "Sensibio H2O", "Cicaplast", "Gift Lip Balm", "Cicalfate+"]);
  });

  it("keeps the same brand in line when the product did not fail (oversold)", () => {
    expect(rankSubstitutes({ ...gift, productFailed: false }, catalogue).map((s) => s.title).slice(0, 3)).toEqual(["Untracked Cream", "Cicalfate+", "Sensibio H2O"]);
  });

  it("needs stock for the whole quantity", () => {
    expect(rankSubstitutes({ ...gift, quantity: 13 }, catalogue).map((s) => s.title)).toEqual(["Untracked Cream", "Sensibio H2O", "Cicaplast"]);
  });

  it("searches Shopify by product type, tags or both, as the shop chose", () => {
    expect(candidateQuery(gift, "both")).toBe("product_type:'Face care' OR tag:'gift'");
    expect(candidateQuery(gift, "product_type")).toBe("product_type:'Face care'");
    expect(candidateQuery({ productType: "", tags: ["l'oréal"] }, "tags")).toBe("tag:'l\\'oréal'");
  });
});
