// What in Shopify's bodies names, reaches or locates a person (Shopify's protected customer data,
// level 2: name, email, phone, address), and how it is taken out of what the app keeps. Pure.

/**
 * Keys whose value is personal wherever they appear in a webhook body or snapshot (orders, their
 * `customer`, addresses, fulfillments' `destination`, carrier events' location, line `properties`
 * a customer typed at checkout). Order names ("#1032"), line titles, money and dates are facts the
 * shop keeps, and stay.
 */
export const PERSONAL_KEYS = new Set([
  "email",
  "contact_email",
  "phone",
  "customer",
  "billing_address",
  "shipping_address",
  "destination",
  "default_address",
  "addresses",
  "note",
  "note_attributes",
  "properties",
  "browser_ip",
  "client_details",
  "landing_site",
  "landing_site_ref",
  "referring_site",
  "order_status_url",
  "first_name",
  "last_name",
  "name_on_card",
  "company",
  "address1",
  "address2",
  "city",
  "zip",
  "province",
  "province_code",
  "latitude",
  "longitude",
]);

/** The body with every personal key's value set to null, at any depth (the shape stays). */
export function stripPersonal<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripPersonal) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value))
      out[key] = PERSONAL_KEYS.has(key) ? null : stripPersonal(inner);
    return out as T;
  }
  return value;
}

/** What marks a body that was stripped, so a periodic run does not strip it again. */
export const STRIPPED_MARK = "_personal_data_removed_at";

export function stripPersonalJson(json: string, at: Date): string {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return JSON.stringify({ [STRIPPED_MARK]: at.toISOString() });
  }
  const stripped = stripPersonal(data);
  return JSON.stringify(
    stripped && typeof stripped === "object" && !Array.isArray(stripped)
      ? { ...stripped, [STRIPPED_MARK]: at.toISOString() }
      : { value: stripped, [STRIPPED_MARK]: at.toISOString() },
  );
}

/** Keys whose string values identify the person, wherever they appear; a `name` does only inside
 *  a personal object (an address's "Lucía Martín"), elsewhere it is an order's or a line's. */
const IDENTIFYING_KEYS = new Set([
  "email",
  "contact_email",
  "phone",
  "first_name",
  "last_name",
  "address1",
  "address2",
  "company",
]);

/** One person's identifiers as found in a body: what free text (a carrier message, a merchant's
 *  note, an error Shopify wrote) may repeat, and so what a redaction looks for everywhere. */
export function identifiersIn(
  value: unknown,
  found = new Set<string>(),
  insidePersonal = false,
): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) identifiersIn(v, found, insidePersonal);
  } else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner === "string") {
        if (IDENTIFYING_KEYS.has(key) || (key === "name" && insidePersonal)) addIdentifier(found, inner);
      } else {
        identifiersIn(inner, found, insidePersonal || PERSONAL_KEYS.has(key));
      }
    }
  }
  return found;
}

/** Adds a value worth searching for: a single character would match everywhere. */
export function addIdentifier(found: Set<string>, value: string | null | undefined) {
  const v = value?.trim();
  if (!v || v.length < 2) return;
  found.add(v);
  // A phone is also found written without its spaces or its "+".
  if (/^\+?[\d\s().-]{6,}$/.test(v)) {
    const digits = v.replace(/[^\d]/g, "");
    found.add(digits);
    found.add(`+${digits}`);
  }
}

export const REDACTED = "[redacted]";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces each identifier in free text, whole words only, ignoring case. */
export function redactText(text: string, identifiers: Iterable<string>): string {
  const list = [...identifiers].sort((a, b) => b.length - a.length);
  if (!list.length) return text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map(escape).join("|")})(?![\\p{L}\\p{N}])`, "giu");
  return text.replace(pattern, REDACTED);
}

/** A stored JSON text without the person's identifiers; with `keys`, also without any personal key's
 *  value (Shopify's bodies; the app's own JSON — evidence, timeline details — has none to drop). */
export function redactJson(json: string, identifiers: Iterable<string>, { keys = true } = {}): string {
  const list = [...identifiers];
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return redactText(json, list);
  }
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redactText(v, list);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object")
      return Object.fromEntries(
        Object.entries(v).map(([k, inner]) => [k, keys && PERSONAL_KEYS.has(k) ? null : walk(inner)]),
      );
    return v;
  };
  return JSON.stringify(walk(data));
}

/** Whether any identifier is in the text (the same matching as redactText). */
export const mentions = (text: string | null | undefined, identifiers: Iterable<string>) =>
  !!text && redactText(text, identifiers) !== text;
