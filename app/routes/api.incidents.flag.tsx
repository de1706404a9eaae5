// POST /api/incidents/flag — flags an order line as expired, damaged or missing (the merchant's
// own tools, or the app's pages, with an App Bridge session token). JSON in, JSON out.
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import prisma from "../db.server";
import { BODY_LIMITS, readJsonWithin } from "../http/body-limit.server";
import { FlagInput, flagOrderLine } from "../domain/incidents/flag.server";
import { authenticate } from "../shopify.server";

export const loader = () => json({ error: "POST a JSON body: { orderId, lineItemId, reason, quantity?, note? }" }, { status: 405, headers: { Allow: "POST" } });

export async function action({ request }: ActionFunctionArgs) {
  const { session, sessionToken, cors } = await authenticate.admin(request);
  if (request.method !== "POST") return cors(json({ error: "only POST" }, { status: 405, headers: { Allow: "POST" } }));
  const read = await readJsonWithin(request, BODY_LIMITS.api);
  if (!read.ok) return cors(read.response);
  const body = read.value;
  if (body === undefined) return cors(json({ error: "the body must be JSON" }, { status: 400 }));
  const parsed = FlagInput.safeParse(body);
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "body", i.message]));
    return cors(json({ error: "the flag is not valid", errors }, { status: 400 }));
  }
  const who = { actor: "merchant" as const, name: sessionToken?.sub ? `staff member ${sessionToken.sub}` : "the merchant" };
  const result = await flagOrderLine(prisma, session.shop, parsed.data, who);
  if (!result.ok) return cors(json({ error: result.error }, { status: result.status }));
  return cors(json({ incidentId: result.incidentId, opened: result.opened }, { status: result.opened ? 201 : 200 }));
}
