// Reading and saving a shop's settings.
import type { Db } from "../../db/types";
import { resealSecret, secretNeedsResealing } from "../../secrets/secrets.server";
import { checkSettings, readStoredSettings, type SettingsErrors, type ShopSettings } from "./settings";

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
export async function saveShopSettings(
  db: Db,
  shop: string,
  changes: Record<string, unknown>,
): Promise<SaveResult> {
  const current = await getShopSettings(db, shop);
  const checked = checkSettings({ ...current, ...changes });
  if (!checked.ok) return checked;
  const settings = withSealedSecrets(checked.settings);
  const data = JSON.stringify(settings);
  await db.shopSettings.upsert({ where: { shop }, create: { shop, data }, update: { data } });
  return { ok: true, settings };
}

/** The settings with every secret sealed by the current key: one stored in clear (an old settings
 *  document) or sealed by a previous key is sealed again. */
function withSealedSecrets(settings: ShopSettings): ShopSettings {
  const password = settings.smtp?.password;
  if (!settings.smtp || !password || !secretNeedsResealing(password)) return settings;
  return { ...settings, smtp: { ...settings.smtp, password: resealSecret(password) } };
}

/** Seals again what a shop stored in clear or under a previous key (`npm run cli -- secrets reseal`);
 *  true when its row changed. Settings not valid any more are left for the merchant to correct. */
export async function resealShopSecrets(db: Db, shop: string): Promise<boolean> {
  const row = await db.shopSettings.findUnique({ where: { shop } });
  if (!row) return false;
  const stored = JSON.parse(row.data) as Record<string, unknown>;
  const { settings } = readStoredSettings(stored);
  const sealed = withSealedSecrets(settings);
  if (sealed === settings && typeof stored.smtpUrl !== "string") return false;
  // Only the mail server changes: the rest of the document is kept as stored.
  const { smtpUrl: _legacy, ...rest } = stored;
  await db.shopSettings.update({
    where: { shop },
    data: { data: JSON.stringify({ ...rest, smtp: sealed.smtp }) },
  });
  return true;
}
