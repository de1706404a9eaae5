// shop/redact: everything of the shop goes — its settings (SMTP credentials included), sessions,
// inbox, snapshots, incidents with their timelines, remedies and offers, tasks and privacy
// records. The tables are read from the schema rather than listed here, so a table added later
// with a `shop` column is erased too without anyone remembering to add it.
import { Prisma } from "@prisma/client";
import type { Tx } from "../../db/types";

type Deletable = { deleteMany(args: { where: { shop: string } }): Promise<{ count: number }> };

const isChild = (m: Prisma.DMMF.Model) => m.fields.some((f) => (f.relationFromFields?.length ?? 0) > 0);

/** Every model that carries a `shop` column; rows that belong to another (a timeline entry to its
 *  incident) first, so each table's count says what went rather than what the cascade took. */
export const SHOP_SCOPED_MODELS = Prisma.dmmf.datamodel.models
  .filter((m) => m.fields.some((f) => f.name === "shop"))
  .sort((a, b) => Number(isChild(b)) - Number(isChild(a)))
  .map((m) => m.name);

const delegate = (tx: Tx, model: string) =>
  (tx as unknown as Record<string, Deletable>)[model[0].toLowerCase() + model.slice(1)];

export async function eraseShop(tx: Tx, shop: string): Promise<Record<string, number>> {
  const erased: Record<string, number> = {};
  for (const model of SHOP_SCOPED_MODELS)
    erased[model] = (await delegate(tx, model).deleteMany({ where: { shop } })).count;
  erased.Shop = (await tx.shop.deleteMany({ where: { domain: shop } })).count;
  return erased;
}
