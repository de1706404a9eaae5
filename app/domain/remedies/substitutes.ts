// Which products could replace a line the shop cannot ship. The customer never pays for the
// shop's mistake: a substitute is worth at least what the original is (its list price, so a free
// gift is replaced by something of the gift's value), is in stock for the whole quantity where the
// order ships from, and — when the product itself failed (expired, damaged) — preferably comes
// from another brand.
import type { CandidateProduct } from "../../shopify/documents/substitution";
import { toCents } from "../money";

export type OriginalLine = {
  variantId: string;
  productId: string;
  vendor: string;
  productType: string;
  tags: string[];
  /** What the item is worth (its variant's price), whatever the customer paid for the line. */
  value: string;
  quantity: number;
  productFailed: boolean;
};

/** A product's picture as Shopify serves it, with the words that describe it. */
export type SubstituteImage = { url: string; alt: string };

export type Substitute = {
  variantId: string;
  title: string;
  vendor: string;
  price: string;
  image: SubstituteImage | null;
  available: number | null;
  sameType: boolean;
  sharedTags: string[];
  otherVendor: boolean;
};


export function rankSubstitutes(original: OriginalLine, products: CandidateProduct[]): Substitute[] {
  const candidates = products.flatMap((p) => {
    if (p.id === original.productId || p.status !== "ACTIVE") return [];
    const picture = p.featuredMedia?.preview?.image;
    const image = picture ? { url: picture.url, alt: picture.altText || p.title } : null;
    return p.variants.nodes.flatMap((v) => {
      const available = v.inventoryItem.tracked
        ? (v.inventoryItem.inventoryLevel?.quantities.find((q) => q.name === "available")?.quantity ?? 0)
        : null;
      if (available !== null && available < original.quantity) return [];
      if (toCents(v.price) < toCents(original.value)) return [];
      return [{
        variantId: v.id, title: p.variants.nodes.length > 1 ? `${p.title} — ${v.title}` : p.title, vendor: p.vendor, price: v.price, image, available,
        sameType: p.productType.toLowerCase() === original.productType.toLowerCase(),
        sharedTags: p.tags.filter((t) => original.tags.includes(t)),
        otherVendor: p.vendor.toLowerCase() !== original.vendor.toLowerCase(),
      }];
    });
  });
  const score = (s: Substitute) => [
    original.productFailed && s.otherVendor ? 0 : 1, // another brand when the product itself failed
    s.sameType ? 0 : 1, // then the same kind of product
    -s.sharedTags.length, // then the most in common
    toCents(s.price) - toCents(original.value), // then the closest value (never below it)
  ];
  return candidates.sort((a, b) => {
    const [x, y] = [score(a), score(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return a.title.localeCompare(b.title);
  });
}

/** Shopify's product search for candidates: the same product type or a shared tag. */
export function candidateQuery(original: Pick<OriginalLine, "productType" | "tags">, match: "product_type" | "tags" | "both"): string {
  const quote = (s: string) => `'${s.replace(/'/g, "\\'")}'`;
  const terms = [
    ...(match !== "tags" && original.productType ? [`product_type:${quote(original.productType)}`] : []),
    ...(match !== "product_type" ? original.tags.map((t) => `tag:${quote(t)}`) : []),
  ];
  // Active products only: checked on each candidate (status), keeping the search a plain OR.
  return terms.join(" OR ");
}
