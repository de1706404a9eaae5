// /proxy/offers/<token>: the same offer page reached through the shop's own domain
// (https://<shop>/apps/makegood/offers/<token>) by Shopify's App Proxy; Shopify's signature on the
// request is checked before anything else (a bad one is refused by the library).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { OfferPage, offerPageHandle, offerPageHeaders, offerPageMeta } from "../components/offer-page";
import { BODY_LIMITS, readFormWithin } from "../http/body-limit.server";
import { answerOfferPage, loadOfferPage } from "../domain/remedies/offer-page.server";
import { authenticate } from "../shopify.server";

export const meta = offerPageMeta;
export const headers = offerPageHeaders;
export const handle = offerPageHandle;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await authenticate.public.appProxy(request);
  return loadOfferPage(params.token ?? "", request);
}

export async function action({ request, params }: ActionFunctionArgs) {
  await authenticate.public.appProxy(request);
  return answerOfferPage(params.token ?? "", await readFormWithin(request, BODY_LIMITS.form), request);
}

export default function ProxiedOffer() {
  return <OfferPage data={useLoaderData<typeof loader>()} answered={useActionData<typeof action>()} />;
}
