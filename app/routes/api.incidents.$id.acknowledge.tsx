// POST /api/incidents/:id/acknowledge — tells the customer at once that the shop saw the problem
// and by when they will have a solution (200 { emailed }, 404, 409 closed or no email).
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import prisma from "../db.server";
import { orNotFound } from "../http/not-found.server";
import { acknowledgeIncident } from "../domain/notifications/incident-message.server";
import { authenticate } from "../shopify.server";
import { withAdmin } from "../shopify/admin.server";
import { shopContext } from "../shopify/shop-context.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const { cors, sessionToken } = await authenticate.admin(request);
  const result = await orNotFound(withAdmin(request, async (admin, session) => {
    const name = sessionToken?.sub ? `staff member ${sessionToken.sub}` : "the merchant";
    return acknowledgeIncident(prisma, session.shop, params.id!, { name, ...(await shopContext(admin)) });
  }), (missing) => ({ ok: false as const, status: 404, error: missing.message }));
  if (!result.ok) return cors(json({ error: result.error }, { status: result.status }));
  return cors(json(result));
}
