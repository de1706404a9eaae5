// The app's own lifecycle on a shop.
import type { Tx } from "../../db/types";
import type { HandledEvent } from "../processor.server";

/** Idempotent, and fine after the fact: the shop may already be gone from our tables. */
export async function deactivateShop(tx: Tx, event: HandledEvent) {
  const at = event.triggeredAt ?? new Date();
  await tx.shop.upsert({
    where: { domain: event.shop },
    create: { domain: event.shop, active: false, uninstalledAt: at },
    update: { active: false, uninstalledAt: at },
  });
  await tx.session.deleteMany({ where: { shop: event.shop } });
}

/** The route stores the granted scopes at once; nothing is left to do here. */
export async function acceptScopesUpdate(_tx: Tx, _event: HandledEvent) {}
