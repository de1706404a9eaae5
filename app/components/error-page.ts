// What an error page says, from what a route threw: the message of a response the app threw for a
// person to read (invariantResponse), "not found" for an address nothing answers, and for anything
// else a plain "something went wrong" — never the error itself, which is in the server's log.
import { isRouteErrorResponse } from "@remix-run/react";
import type { ErrorPageData } from "../http/invariant.server";

export type ErrorPageText = ErrorPageData & { status: number; title: string };

/** A response the app threw for a person to read, as opposed to one of Shopify's library. */
export const isErrorPageData = (data: unknown): data is ErrorPageData =>
  typeof (data as ErrorPageData | null)?.message === "string";

const TITLE: Record<number, string> = { 400: "This page cannot be shown as asked", 404: "Not found" };

/** The page for `error`, in English (the admin's language). */
export function errorPageText(error: unknown): ErrorPageText {
  if (isRouteErrorResponse(error) && isErrorPageData(error.data))
    return { status: error.status, title: TITLE[error.status] ?? "Not done", ...error.data };
  if (isRouteErrorResponse(error) && error.status === 404)
    return { status: 404, title: "Page not found", message: "There is nothing at this address." };
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return {
    status,
    title: "Something went wrong",
    message: "MakeGood could not show this page. Try again in a moment.",
  };
}
