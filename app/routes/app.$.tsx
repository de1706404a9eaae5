// An address under /app that no page answers (a link typed by hand, an old bookmark): a 404 inside
// the admin's frame, with the app's navigation and the way home, rather than a bare page outside it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { invariantResponse } from "../http/invariant.server";
import { authenticate } from "../shopify.server";

export async function loader({ request }: LoaderFunctionArgs) {
  // Signed in first, as every app page: a stranger learns nothing about which addresses exist.
  await authenticate.admin(request);
  invariantResponse(
    false,
    {
      message: "MakeGood has no page at this address.",
      link: { url: "/app", label: "Go to the MakeGood home page" },
    },
    { status: 404 },
  );
  return null;
}

// A page, not a resource route: the thrown 404 is shown by app.tsx's error page, not sent as JSON.
export default function NoSuchPage() {
  return null;
}
