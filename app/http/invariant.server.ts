// A loader's "this cannot be shown": thrown as a response the error pages read (app/root.tsx,
// app/routes/app.tsx) — why, in words, and where to go instead. As Epic Stack's invariantResponse,
// with JSON, so the app's error page tells it from the responses Shopify's library throws.
import { json } from "@remix-run/node";

/** What an error page shows: why, and a link to go on from there. */
export type ErrorPageData = { message: string; link?: { url: string; label: string } };

/** Throws a 400 (or `init`'s status) saying `page` unless `condition` holds. */
export function invariantResponse(
  condition: unknown,
  page: string | ErrorPageData,
  init: ResponseInit = {},
): asserts condition {
  if (condition) return;
  throw json<ErrorPageData>(typeof page === "string" ? { message: page } : page, { status: 400, ...init });
}
