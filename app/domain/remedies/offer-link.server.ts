// Where an offer link may be opened. The token is the credential, and it belongs to one shop:
// through the App Proxy, the shop Shopify signed for must be the offer's, so a link of shop A
// opened on shop B's domain (https://<shop B>/apps/makegood/offers/<A's token>) opens nothing —
// the same page as a link that is no offer's, so it does not even tell that the token exists.
import type { PrismaClient } from "@prisma/client";
import { json, type TypedResponse } from "@remix-run/node";
import { localeOfRequest, t } from "../notifications/messages";
import { invalidOfferPage, NO_STORE, type OfferAnswerData, type OfferPageData } from "./offer-page.server";
import { hashToken } from "./offers.server";

/** Whether `token` is an offer of `shop`; an offer of another shop is logged (a link sent astray, or a probe). */
export async function isOfferOfShop(prisma: PrismaClient, token: string, shop: string): Promise<boolean> {
  if (!/^[\w-]{20,64}$/.test(token)) return false;
  const offer = await prisma.offer.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, shop: true } });
  if (offer && offer.shop !== shop) console.warn(JSON.stringify({ event: "offer_link_other_shop", offerId: offer.id, shop: offer.shop, proxiedFor: shop }));
  return offer?.shop === shop;
}

const invalidIn = (request: Request) => localeOfRequest(request.headers.get("Accept-Language"));

/** The page of a link that opens no offer here, in the browser's language. */
export const noOfferPage = (request: Request): TypedResponse<OfferPageData> => invalidOfferPage(request);

/** An answer sent to a link that opens no offer here: nothing is done. */
export function noOfferAnswer(request: Request): TypedResponse<OfferAnswerData> {
  return json({ outcome: "invalid", lines: [t(invalidIn(request), "page.invalid")] }, { status: 404, headers: NO_STORE });
}

/** The page's data with the address its form posts to, as the customer's browser must name it. */
export async function withFormAction<T extends object>(page: TypedResponse<T>, formAction: string) {
  return json({ ...(await page.json()), formAction }, { status: page.status, headers: page.headers });
}
