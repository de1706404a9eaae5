// Which products could replace a line the shop cannot ship. Only the same kind of product: the same
// product type, or one the merchant put in a substitute group with it (a product tag
// `substitute-group:<name>`, set in the Shopify admin) — a generic tag shared by unrelated products
// ("expiry-sensitive", "gift") says nothing about being alike. Never the product itself, nor a pack
// that contains it, nor any pack at all (a Shopify bundle: a variant made of component variants).
// A pack is sold as its components — checkout expands it into them, and its stock is what its
// components allow — but an order edit adds only the variant it is given: orderEditAddVariant takes
// no components (unlike a draft order's bundleComponents), so a pack added by our edit would reach
// the customer without the parts its name promises (a "free spring water" with none in stock). The
// customer never pays for the shop's mistake: a substitute is worth at least
// what the original is (its list price, so a free gift is replaced by something of the gift's
// value), is in stock for the whole quantity where the order ships from, and — when the product
// itself failed (expired, damaged) — preferably comes from another brand.
import type { CandidateProduct } from "../../shopify/documents/substitution";
import { toCents } from "../money";
import type { ShopSettings } from "../settings/settings";

/** "both": the same product type or a substitute group; "groups": only the merchant's groups. */
type SubstituteMatch = ShopSettings["substituteMatch"];

export type OriginalLine = {
  variantId: string;
  productId: string;
  vendor: string;
  productType: string;
  tags: string[];
  /** Products with a variant that contains this one as a bundle component (Shopify's productParents). */
  packs: string[];
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
  /** The merchant's substitute groups it shares with the original, as the original names them. */
  sharedGroups: string[];
  otherVendor: boolean;
};

export const SUBSTITUTE_GROUP_TAG = "substitute-group:";

const normal = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/** The substitute groups a product's tags put it in, keyed by normalised name: a merchant typing
 *  "Substitute-Group: Facial Water" on one product and "substitute-group:facial water" on another
 *  means one group. */
function groupsOf(tags: string[]): Map<string, string> {
  const groups = new Map<string, string>();
  for (const tag of tags) {
    const m = tag.trim().match(/^substitute-group\s*:\s*(.+)$/i);
    if (m) groups.set(normal(m[1]), m[1].trim());
  }
  return groups;
}

/** What makes `p` the same kind as the original, or null when it is not. */
function likeness(original: OriginalLine, p: CandidateProduct, match: SubstituteMatch) {
  const theirs = groupsOf(p.tags);
  const sharedGroups = [...groupsOf(original.tags)]
    .filter(([key]) => theirs.has(key))
    .map(([, name]) => name);
  const sameType =
    match === "both" &&
    normal(original.productType) !== "" &&
    normal(p.productType) === normal(original.productType);
  return sameType || sharedGroups.length ? { sameType, sharedGroups } : null;
}

/** A bundle's parent variant (Shopify's fixed bundles): never added by an order edit. */
const isPack = (v: CandidateProduct["variants"]["nodes"][number]) =>
  v.requiresComponents || v.productVariantComponents.nodes.length > 0;

function availableAt(v: CandidateProduct["variants"]["nodes"][number]): number | null {
  if (!v.inventoryItem.tracked) return null;
  return v.inventoryItem.inventoryLevel?.quantities.find((q) => q.name === "available")?.quantity ?? 0;
}

export function rankSubstitutes(
  original: OriginalLine,
  products: CandidateProduct[],
  match: SubstituteMatch,
): Substitute[] {
  const candidates = products.flatMap((p) => {
    if (p.id === original.productId || original.packs.includes(p.id) || p.status !== "ACTIVE") return [];
    const alike = likeness(original, p, match);
    if (!alike) return [];
    const picture = p.featuredMedia?.preview?.image;
    const image = picture ? { url: picture.url, alt: picture.altText || p.title } : null;
    return p.variants.nodes.flatMap((v) => {
      if (isPack(v)) return [];
      const available = availableAt(v);
      if (available !== null && available < original.quantity) return [];
      if (toCents(v.price) < toCents(original.value)) return [];
      return [
        {
          variantId: v.id,
          title: p.variants.nodes.length > 1 ? `${p.title} — ${v.title}` : p.title,
          vendor: p.vendor,
          price: v.price,
          image,
          available,
          ...alike,
          otherVendor: normal(p.vendor) !== normal(original.vendor),
        },
      ];
    });
  });
  const score = (s: Substitute) => [
    original.productFailed && s.otherVendor ? 0 : 1, // another brand when the product itself failed
    s.sharedGroups.length ? 0 : 1, // then what the merchant grouped with it, before a mere same type
    toCents(s.price) - toCents(original.value), // then the closest value (never below it)
  ];
  return candidates.sort((a, b) => {
    const [x, y] = [score(a), score(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return a.title.localeCompare(b.title);
  });
}

/** Shopify's product search for candidates: the same product type, or one of the original's
 *  substitute-group tags; "" when there is nothing to search by. Each result is checked again by
 *  rankSubstitutes, as Shopify's search is looser than equality. */
export function candidateQuery(
  original: Pick<OriginalLine, "productType" | "tags">,
  match: SubstituteMatch,
): string {
  const quote = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  const type = original.productType.trim();
  const terms = [
    ...(match === "both" && type ? [`product_type:${quote(type)}`] : []),
    ...original.tags.filter((t) => groupsOf([t]).size).map((t) => `tag:${quote(t.trim())}`),
  ];
  // Active products only: checked on each candidate (status), keeping the search a plain OR.
  return terms.join(" OR ");
}
