// POST /api/incidents/flag — flags an order line as expired, damaged or missing (the merchant's
// own tools, or the app's pages, with an App Bridge session token). JSON in, JSON out.
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import prisma from "../db.server";
import { readJsonBody } from "../http/body-limit.server";
import { issuesByField } from "../http/issues";
import { apiCaller } from "../http/merchant.server";
import { notDoneJson } from "../http/outcome.server";
import { FlagInput, flagOrderLine } from "../domain/incidents/flag.server";
import { authenticate } from "../shopify.server";

export const loader = () =>
  json(
    { error: "POST a JSON body: { orderId, lineItemId, reason, quantity?, note? }" },
    { status: 405, headers: { Allow: "POST" } },
  );

export async function action({ request }: ActionFunctionArgs) {
  const { session, sessionToken, cors } = await authenticate.admin(request);
  if (request.method !== "POST")
    return cors(json({ error: "only POST" }, { status: 405, headers: { Allow: "POST" } }));
  const read = await readJsonBody(request);
  if (!read.ok) return cors(read.response);
  const parsed = FlagInput.safeParse(read.value);
  if (!parsed.success)
    return cors(
      json({ error: "the flag is not valid", errors: issuesByField(parsed.error) }, { status: 400 }),
    );
  const result = await flagOrderLine(prisma, session.shop, parsed.data, apiCaller(sessionToken));
  if (!result.ok) return cors(notDoneJson(result));
  return cors(
    json({ incidentId: result.incidentId, opened: result.opened }, { status: result.opened ? 201 : 200 }),
  );
}
