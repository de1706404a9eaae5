// The offer a link opens. The token is the credential (random, stored only as its hash) and it
// belongs to one shop: through the App Proxy, the shop Shopify signed for must be the offer's, so a
// link of shop A opened on shop B's domain (https://<shop B>/apps/makegood/offers/<A's token>)
// opens nothing — like a link that is no offer's, so it does not even tell that the token exists.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { offerByTokenHash, type OfferWithLines } from "../../models/offer.server";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const isToken = (token: string) => /^[\w-]{20,64}$/.test(token);

export type OfferView = {
  offer: OfferWithLines;
  orderName: string;
  state: "open" | "answered" | "expired" | "failed" | "withdrawn";
};

/** The offer a link opens, and only that: nothing else of the order or the shop. */
export async function offerForToken(
  prisma: PrismaClient,
  token: string,
  now = new Date(),
): Promise<OfferView | null> {
  if (!isToken(token)) return null;
  const found = await offerByTokenHash(prisma, hashToken(token));
  if (!found) return null;
  const { offer } = found;
  const state =
    offer.status === "answered" || offer.status === "answering"
      ? "answered"
      : offer.status === "expired" || (offer.status === "sent" && offer.expiresAt <= now)
        ? "expired"
        : offer.status === "failed"
          ? "failed"
          : offer.status === "withdrawn"
            ? "withdrawn"
            : "open";
  return { offer, orderName: found.orderName, state };
}

/** Whether `token` is an offer of `shop`; an offer of another shop is logged (a link sent astray, or a probe). */
export async function isOfferOfShop(prisma: PrismaClient, token: string, shop: string): Promise<boolean> {
  if (!isToken(token)) return false;
  const offer = await prisma.offer.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, shop: true },
  });
  if (offer && offer.shop !== shop)
    console.warn(
      JSON.stringify({
        event: "offer_link_other_shop",
        offerId: offer.id,
        shop: offer.shop,
        proxiedFor: shop,
      }),
    );
  return offer?.shop === shop;
}
