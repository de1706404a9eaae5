// Reading and saving a shop's settings.
import type { Prisma, PrismaClient } from "@prisma/client";
import { ShopSettingsSchema, readSettings, type ShopSettings } from "./settings";

type Db = PrismaClient | Prisma.TransactionClient;

export async function getShopSettings(db: Db, shop: string): Promise<ShopSettings> {
  const row = await db.shopSettings.findUnique({ where: { shop } });
  return readSettings(row ? JSON.parse(row.data) : null);
}

export type SaveResult = { ok: true; settings: ShopSettings } | { ok: false; errors: Record<string, string> };

/** Merges `changes` into the shop's settings; nothing is saved unless all of it is valid. */
export async function saveShopSettings(db: Db, shop: string, changes: Record<string, unknown>): Promise<SaveResult> {
  const current = await getShopSettings(db, shop);
  const parsed = ShopSettingsSchema.safeParse({ ...current, ...changes });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join(".") || "settings"] ??= issue.message;
    return { ok: false, errors };
  }
  const data = JSON.stringify(parsed.data);
  await db.shopSettings.upsert({ where: { shop }, create: { shop, data }, update: { data } });
  return { ok: true, settings: parsed.data };
}
