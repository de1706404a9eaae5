// /proxy/offers/<token>: the same offer page reached through the shop's own domain
// (https://<shop>/apps/makegood/offers/<token>) by Shopify's App Proxy. Shopify's signature is
// checked before anything else (app/shopify/app-proxy.server.ts), the token must be an offer of
// the shop Shopify signed for, and the form posts back under the path prefix Shopify names — the
// address the customer's browser is on — never to the app's own /proxy/… route.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import {
  OfferErrorPage,
  OfferPage,
  offerPageHandle,
  offerPageHeaders,
  offerPageMeta,
} from "../components/offer-page";
import { BODY_LIMITS, readFormWithin } from "../http/body-limit.server";
import prisma from "../db.server";
import { isOfferOfShop } from "../domain/remedies/offer-link.server";
import {
  answerOfferPage,
  loadOfferPage,
  noOfferAnswerResponse,
  noOfferPageResponse,
  withFormAction,
} from "../http/offer-page.server";
import { proxiedRequest } from "../shopify/app-proxy.server";

export const meta = offerPageMeta;
export const headers = offerPageHeaders;
export const handle = offerPageHandle;
export const ErrorBoundary = OfferErrorPage;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop, pathPrefix } = await proxiedRequest(request);
  const token = params.token ?? "";
  const page = (await isOfferOfShop(prisma, token, shop))
    ? await loadOfferPage(token, request)
    : noOfferPageResponse(request);
  return withFormAction(page, `${pathPrefix}/offers/${encodeURIComponent(token)}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { shop } = await proxiedRequest(request);
  const token = params.token ?? "";
  if (!(await isOfferOfShop(prisma, token, shop))) return noOfferAnswerResponse(request);
  return answerOfferPage(token, await readFormWithin(request, BODY_LIMITS.form), request);
}

export default function ProxiedOffer() {
  const data = useLoaderData<typeof loader>();
  return <OfferPage data={data} formAction={data.formAction} answered={useActionData<typeof action>()} />;
}
