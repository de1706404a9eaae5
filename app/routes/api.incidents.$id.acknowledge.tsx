// POST /api/incidents/:id/acknowledge — tells the customer at once that the shop saw the problem
// and by when they will have a solution (200 { emailed }, 404, 409 closed or no email).
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import prisma from "../db.server";
import { acknowledgeIncident } from "../domain/notifications/incident-message.server";
import { apiCaller } from "../http/merchant.server";
import { notDoneJson, notFoundAsNotDone } from "../http/outcome.server";
import { authenticate } from "../shopify.server";
import { withAdmin } from "../shopify/admin.server";
import { shopContext } from "../shopify/shop-context.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const { cors, sessionToken } = await authenticate.admin(request);
  const result = await notFoundAsNotDone(
    withAdmin(request, async (admin, session) =>
      acknowledgeIncident(prisma, session.shop, params.id!, {
        name: apiCaller(sessionToken).name,
        ...(await shopContext(admin)),
      }),
    ),
  );
  if (!result.ok) return cors(notDoneJson(result));
  return cors(json(result));
}
