// The one place where what the domain says becomes an HTTP status: a reason it did not do
// something (app/domain/not-done.ts), and what became of a customer's answer on the offer page.
import { json } from "@remix-run/node";
import type { NotDone, Reason } from "../domain/not-done";
import { NotFound } from "../models/errors";
import type { OfferAnswerData } from "../domain/remedies/offer-page-data.server";

export const HTTP_STATUS: Record<Reason, number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  refused: 422,
  unreachable: 502,
};

export const statusOf = (notDone: Pick<NotDone, "reason">) => HTTP_STATUS[notDone.reason];

/** The API's answer when the domain did not do it: `{ error, ...more }` with the reason's status. */
export const notDoneJson = <T extends object>(notDone: NotDone, more?: T) =>
  json({ error: notDone.error, ...more }, { status: statusOf(notDone) });

// Nothing chosen is the page again with a word in red, not a failed request: a 4xx document is
// an error in the browser's console, and the customer did nothing wrong but forget to tick.
export const ANSWER_STATUS: Record<OfferAnswerData["outcome"], number> = {
  done: 200,
  unchosen: 200,
  already_answered: 409,
  expired: 410,
  withdrawn: 410,
  failed: 502,
  invalid: 404,
};

/** A row the request names that is not in the shop (`NotFound`, thrown by app/models) as the
 *  domain's own "not found", so the route answers it like any other reason; anything else goes on. */
export async function notFoundAsNotDone<T>(work: Promise<T>): Promise<T | NotDone<"not_found">> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFound) return { ok: false, reason: "not_found", error: error.message };
    throw error;
  }
}
