// Reading and saving a shop's settings.
import type { Prisma, PrismaClient } from "@prisma/client";
import { checkSettings, readStoredSettings, type SettingsErrors, type ShopSettings } from "./settings";

type Db = PrismaClient | Prisma.TransactionClient;

/** The shop's settings and what of the stored document was set aside as no longer valid. */
export async function readShopSettings(db: Db, shop: string) {
  const row = await db.shopSettings.findUnique({ where: { shop } });
  return readStoredSettings(row ? JSON.parse(row.data) : null);
}

export async function getShopSettings(db: Db, shop: string): Promise<ShopSettings> {
  return (await readShopSettings(db, shop)).settings;
}

export type SaveResult = { ok: true; settings: ShopSettings } | { ok: false; errors: SettingsErrors };

/** Merges `changes` into the shop's settings; nothing is saved unless all of it is valid. */
export async function saveShopSettings(db: Db, shop: string, changes: Record<string, unknown>): Promise<SaveResult> {
  const current = await getShopSettings(db, shop);
  const checked = checkSettings({ ...current, ...changes });
  if (!checked.ok) return checked;
  const data = JSON.stringify(checked.settings);
  await db.shopSettings.upsert({ where: { shop }, create: { shop, data }, update: { data } });
  return { ok: true, settings: checked.settings };
}
