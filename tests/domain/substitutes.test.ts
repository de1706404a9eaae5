// Which products may replace a line: only the same kind (the same product type, or a substitute
// group the merchant put them in), never the product itself nor a pack that contains it, never
// cheaper than the original's value, never short of stock, another brand first when the product
// itself failed.
import { describe, expect, it } from "vitest";
import { candidateQuery, rankSubstitutes, type OriginalLine } from "../../app/domain/remedies/substitutes";
import type { CandidateProduct } from "../../app/shopify/documents/substitution";

type Spec = {
  id: number;
  title: string;
  vendor: string;
  type: string;
  tags?: string[];
  price: string;
  available: number | null;
  status?: CandidateProduct["status"];
  components?: string[];
};
const product = ({
  id,
  title,
  vendor,
  type,
  tags = [],
  price,
  available,
  status = "ACTIVE",
  components = [],
}: Spec): CandidateProduct => ({
  id: `gid://shopify/Product/${id}`,
  title,
  vendor,
  productType: type,
  tags,
  status,
  featuredMedia: null,
  variants: {
    nodes: [
      {
        id: `gid://shopify/ProductVariant/${id}0`,
        title: "Default Title",
        sku: null,
        price,
        requiresComponents: components.length > 0,
        productVariantComponents: { nodes: components.map((c) => ({ id: c })) },
        inventoryItem:
          available === null
            ? { tracked: false, inventoryLevel: null }
            : { tracked: true, inventoryLevel: { quantities: [{ name: "available", quantity: available }] } },
      },
    ],
  },
});
const titles = (original: OriginalLine, products: CandidateProduct[], match: "both" | "groups" = "both") =>
  rankSubstitutes(original, products, match).map((s) => s.title);

// The demo parapharmacy: the free spring water of a summer pack, its last unit expired.
const PACK = "gid://shopify/Product/12";
const gift: OriginalLine = {
  variantId: "gid://shopify/ProductVariant/40",
  productId: "gid://shopify/Product/4",
  vendor: "Avène",
  productType: "Face care",
  tags: ["gift", "expiry-sensitive"],
  packs: [PACK],
  value: "8.90",
  quantity: 1,
  productFailed: true,
};
const pharmacy = [
  product({
    id: 1,
    title: "Fusion Water Sunscreen SPF 50",
    vendor: "Isdin",
    type: "Sun care",
    tags: ["sunscreen", "expiry-sensitive"],
    price: "24.90",
    available: 14,
  }),
  product({
    id: 2,
    title: "Anthelios UVMune 400 Fluid",
    vendor: "La Roche-Posay",
    type: "Sun care",
    tags: ["sunscreen", "expiry-sensitive"],
    price: "26.50",
    available: 9,
  }),
  product({
    id: 4,
    title: "Thermal Spring Water 150 ml",
    vendor: "Avène",
    type: "Face care",
    tags: ["gift", "expiry-sensitive"],
    price: "8.90",
    available: 0,
  }),
  product({
    id: 5,
    title: "Sensibio H2O Micellar Water",
    vendor: "Bioderma",
    type: "Face care",
    tags: ["cleanser"],
    price: "12.40",
    available: 30,
  }),
  product({
    id: 6,
    title: "Cicalfate+ Repair Cream",
    vendor: "Avène",
    type: "Face care",
    tags: ["repair"],
    price: "11.75",
    available: 12,
  }),
  product({
    id: 7,
    title: "Cicaplast Baume B5+",
    vendor: "La Roche-Posay",
    type: "Face care",
    tags: ["repair"],
    price: "13.20",
    available: 18,
  }),
  product({
    id: 10,
    title: "Hydra Bébé Face Cream",
    vendor: "Mustela",
    type: "Baby care",
    tags: ["baby", "expiry-sensitive", "gift"],
    price: "10.95",
    available: 11,
  }),
  product({
    id: 12,
    title: "Summer Protection Pack (fluid + free spring water)",
    vendor: "Isdin",
    type: "Sun care",
    tags: ["pack", "expiry-sensitive"],
    price: "31.90",
    available: 3,
    components: ["gid://shopify/ProductVariantComponent/1", "gid://shopify/ProductVariantComponent/2"],
  }),
];

describe("substitutes are of the same kind", () => {
  it("the expired spring-water gift: face care of another brand first, and no sunscreen, baby cream or pack for a shared tag", () => {
    expect(titles(gift, pharmacy)).toEqual([
      "Sensibio H2O Micellar Water",
      "Cicaplast Baume B5+",
      "Cicalfate+ Repair Cream",
    ]);
  });

  it("a shared generic tag alone never qualifies, however many tags are shared", () => {
    const lookalike = product({
      id: 20,
      title: "Gift Lip Balm",
      vendor: "Nuxe",
      type: "Lip care",
      tags: ["gift", "expiry-sensitive"],
      price: "9.50",
      available: 3,
    });
    expect(titles(gift, [lookalike])).toEqual([]);
    expect(titles(gift, [lookalike], "groups")).toEqual([]);
  });

  it("compares product types without case or surrounding spaces, and an empty type is no kind at all", () => {
    const spaced = product({
      id: 21,
      title: "Eau Thermale",
      vendor: "Uriage",
      type: "  face CARE ",
      price: "9.90",
      available: 5,
    });
    expect(titles(gift, [spaced])).toEqual(["Eau Thermale"]);
    const untyped = product({
      id: 22,
      title: "Mystery Box",
      vendor: "Nuxe",
      type: "",
      price: "15.00",
      available: 5,
    });
    expect(titles({ ...gift, productType: " " }, [untyped])).toEqual([]);
  });

  it("the merchant's substitute groups join products across types; the group's name ignores case and spaces", () => {
    const inGroup = { ...gift, tags: [...gift.tags, "substitute-group:Facial Water"] };
    const mist = product({
      id: 23,
      title: "Hydrating Face Mist",
      vendor: "Caudalie",
      type: "Toners",
      tags: ["Substitute-Group: facial  water"],
      price: "14.00",
      available: 8,
    });
    const otherGroup = product({
      id: 24,
      title: "Micellar Gel",
      vendor: "Uriage",
      type: "Cleansers",
      tags: ["substitute-group:cleansing-gel"],
      price: "10.00",
      available: 8,
    });
    const found = rankSubstitutes(inGroup, [mist, otherGroup, ...pharmacy], "both");
    // Grouped by the merchant ranks before a mere same type of the same standing (another brand).
    expect(found.map((s) => s.title)).toEqual([
      "Hydrating Face Mist",
      "Sensibio H2O Micellar Water",
      "Cicaplast Baume B5+",
      "Cicalfate+ Repair Cream",
    ]);
    expect(found[0]).toMatchObject({ sameType: false, sharedGroups: ["Facial Water"], otherVendor: true });
    expect(found[1]).toMatchObject({ sameType: true, sharedGroups: [] });
  });

  it("with groups only, the same type is not enough", () => {
    const inGroup = { ...gift, tags: ["substitute-group:facial-water"] };
    const micellar = product({
      id: 5,
      title: "Sensibio H2O Micellar Water",
      vendor: "Bioderma",
      type: "Face care",
      tags: ["cleanser", "substitute-group:facial-water"],
      price: "12.40",
      available: 30,
    });
    expect(titles(inGroup, [micellar, ...pharmacy.filter((p) => p.id !== micellar.id)], "groups")).toEqual([
      "Sensibio H2O Micellar Water",
    ]);
    expect(titles(gift, pharmacy, "groups")).toEqual([]);
  });
});

describe("substitutes are never the line itself", () => {
  it("never a pack that contains the line, even of the same type and in its group", () => {
    const original = { ...gift, tags: ["substitute-group:facial-water"] };
    const facePack = product({
      id: 12,
      title: "Face Care Discovery Pack",
      vendor: "Isdin",
      type: "Face care",
      tags: ["substitute-group:facial-water"],
      price: "19.90",
      available: 3,
    });
    const otherPack = product({
      id: 13,
      title: "Cleansing Duo",
      vendor: "Bioderma",
      type: "Face care",
      price: "18.00",
      available: 4,
    });
    expect(titles(original, [facePack, otherPack])).toEqual(["Cleansing Duo"]); // a pack without it is just another product
  });

  it("never a pack at all, even one that does not contain the line: an order edit would add it without its components", () => {
    // The sunscreen oversold: the summer pack is sun care worth more, in stock as a pack — but a pack
    // added by orderEditAddVariant arrives without its free spring water.
    const fluid: OriginalLine = {
      ...gift,
      variantId: "gid://shopify/ProductVariant/20",
      productId: "gid://shopify/Product/2",
      vendor: "La Roche-Posay",
      productType: "Sun care",
      tags: ["sunscreen"],
      packs: [],
      value: "26.50",
      productFailed: false,
    };
    expect(titles(fluid, pharmacy)).toEqual([]);
    const heliocare = product({
      id: 3,
      title: "Heliocare 360 Gel Oil-Free",
      vendor: "Heliocare",
      type: "Sun care",
      price: "29.95",
      available: 6,
    });
    expect(titles(fluid, [...pharmacy, heliocare])).toEqual(["Heliocare 360 Gel Oil-Free"]);
  });

  it("never another variant of the same product", () => {
    const sizes: CandidateProduct = {
      ...product({
        id: 4,
        title: "Thermal Spring Water",
        vendor: "Avène",
        type: "Face care",
        price: "8.90",
        available: 10,
      }),
    };
    sizes.variants.nodes.push({
      ...sizes.variants.nodes[0],
      id: "gid://shopify/ProductVariant/41",
      title: "300 ml",
      price: "13.50",
    });
    expect(titles(gift, [sizes])).toEqual([]);
  });
});

describe("substitutes never cost the customer", () => {
  const catalogue = [
    ...pharmacy,
    product({
      id: 30,
      title: "Cheap Mist",
      vendor: "Uriage",
      type: "Face care",
      price: "5.00",
      available: 40,
    }), // cheaper
    product({
      id: 31,
      title: "Sold Out Serum",
      vendor: "Vichy",
      type: "Face care",
      price: "15.00",
      available: 0,
    }), // no stock
    product({
      id: 32,
      title: "Old Toner",
      vendor: "Vichy",
      type: "Face care",
      price: "10.00",
      available: 5,
      status: "ARCHIVED",
    }),
    product({
      id: 33,
      title: "Untracked Cream",
      vendor: "Weleda",
      type: "Face care",
      price: "9.00",
      available: null,
    }), // not tracked: always available
  ];

  it("never cheaper than the item's value, in stock, active; another brand first, closest in value", () => {
    expect(titles(gift, catalogue)).toEqual([
      "Untracked Cream",
      "Sensibio H2O Micellar Water",
      "Cicaplast Baume B5+",
      "Cicalfate+ Repair Cream",
    ]);
  });

  it("keeps the same brand in line when the product did not fail (oversold)", () => {
    expect(titles({ ...gift, productFailed: false }, catalogue)).toEqual([
      "Untracked Cream",
      "Cicalfate+ Repair Cream",
      "Sensibio H2O Micellar Water",
      "Cicaplast Baume B5+",
    ]);
  });

  it("needs stock for the whole quantity where the order ships from", () => {
    expect(titles({ ...gift, quantity: 13 }, catalogue)).toEqual([
      "Untracked Cream",
      "Sensibio H2O Micellar Water",
      "Cicaplast Baume B5+",
    ]);
  });
});

describe("the search in Shopify", () => {
  it("asks for the same product type or the line's substitute groups, never its other tags", () => {
    const tags = ["gift", "expiry-sensitive", "substitute-group:facial-water"];
    expect(candidateQuery({ productType: " Face care ", tags }, "both")).toBe(
      "product_type:'Face care' OR tag:'substitute-group:facial-water'",
    );
    expect(candidateQuery({ productType: "Face care", tags }, "groups")).toBe(
      "tag:'substitute-group:facial-water'",
    );
    expect(candidateQuery({ productType: "Face care", tags: ["gift"] }, "groups")).toBe("");
    expect(candidateQuery({ productType: "", tags: ["gift"] }, "both")).toBe("");
    expect(candidateQuery({ productType: "L'Oréal care", tags: ["substitute-group:l'eau"] }, "both")).toBe(
      "product_type:'L\\'Oréal care' OR tag:'substitute-group:l\\'eau'",
    );
  });
});
