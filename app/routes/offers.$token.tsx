// /offers/<token>: the customer's offer page at the app's own address (app/http/offer-page.server.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import {
  OfferErrorPage,
  OfferPage,
  offerPageHandle,
  offerPageHeaders,
  offerPageMeta,
} from "../components/offer-page";
import { BODY_LIMITS, readFormWithin } from "../http/body-limit.server";
import { answerOfferPage, loadOfferPage } from "../http/offer-page.server";

export const meta = offerPageMeta;
export const headers = offerPageHeaders;
export const handle = offerPageHandle;
export const ErrorBoundary = OfferErrorPage;
export const loader = ({ request, params }: LoaderFunctionArgs) => loadOfferPage(params.token ?? "", request);
export const action = async ({ request, params }: ActionFunctionArgs) =>
  answerOfferPage(params.token ?? "", await readFormWithin(request, BODY_LIMITS.form), request);

export default function Offer() {
  const { token = "" } = useParams();
  return (
    <OfferPage
      data={useLoaderData<typeof loader>()}
      formAction={`/offers/${encodeURIComponent(token)}`}
      answered={useActionData<typeof action>()}
    />
  );
}
