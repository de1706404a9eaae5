// Shopify global ids: strings such as gid://shopify/Order/1001, never numbers in the app.
export const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;

export function parseGid(value: unknown): { type: string; id: number } | null {
  const m = typeof value === "string" ? value.match(/^gid:\/\/shopify\/(\w+)\/(\d+)(\?.*)?$/) : null;
  return m ? { type: m[1], id: Number(m[2]) } : null;
}
