// The customer's offer page as HTTP, shared by its two addresses: /offers/<token> (the app's own)
// and /proxy/offers/<token> (through the shop's domain by Shopify's App Proxy, signature checked).
// What it shows and what an answer does are the domain's (app/domain/remedies/offer-page-data.server.ts);
// here: the status of each outcome, the browser's language for a link that opens no offer, and
// never being stored by a cache — the page changes with the answer and its address holds the credential.
import { json, type TypedResponse } from "@remix-run/node";
import prisma from "../db.server";
import { localeOfRequest } from "../domain/notifications/messages";
import {
  answerOnPage,
  noOfferAnswer,
  noOfferPage,
  offerPage,
  type OfferAnswerData,
  type OfferPageData,
  type PageDeps,
} from "../domain/remedies/offer-page-data.server";
import { adminClientForShop } from "../shopify/admin.server";
import { ANSWER_STATUS } from "./outcome.server";

export const NO_STORE = { "Cache-Control": "no-store" };

const deps: PageDeps = { prisma, adminFor: adminClientForShop };

/** The language the customer's browser asks for: a link that opens no offer has no other. */
export const browserLocale = (request: Request) => localeOfRequest(request.headers.get("Accept-Language"));

/** The page of a link that opens no offer here (404), in the browser's language. */
export const noOfferPageResponse = (request: Request): TypedResponse<OfferPageData> =>
  json(noOfferPage(browserLocale(request)), { status: 404, headers: NO_STORE });

/** An answer sent to a link that opens no offer here: nothing is done (404). */
export const noOfferAnswerResponse = (request: Request): TypedResponse<OfferAnswerData> =>
  json(noOfferAnswer(browserLocale(request)), { status: ANSWER_STATUS.invalid, headers: NO_STORE });

export async function loadOfferPage(token: string, request: Request): Promise<TypedResponse<OfferPageData>> {
  const page = await offerPage(deps, token);
  return page ? json(page, { headers: NO_STORE }) : noOfferPageResponse(request);
}

export async function answerOfferPage(
  token: string,
  form: FormData,
  request: Request,
): Promise<TypedResponse<OfferAnswerData>> {
  const answer = await answerOnPage(deps, token, form, browserLocale(request));
  return json(answer, { status: ANSWER_STATUS[answer.outcome], headers: NO_STORE });
}

/** The page's data with the address its form posts to, as the customer's browser must name it. */
export async function withFormAction<T extends object>(page: TypedResponse<T>, formAction: string) {
  return json({ ...(await page.json()), formAction }, { status: page.status, headers: page.headers });
}
