// /api/incidents/:id/offers — GET the substitutes the customer could be offered for the incident's
// line (ranked), and in `lines` for every line of the order one offer covers; POST { variantIds?,
// lines?: [{ incidentId, variantIds }], allowCancel?, expiresInHours? } sends the offer: one message
// to the customer with every affected line, its choices and a link (201), withdrawing an offer still
// waiting for those lines; or says why not (400 not a valid substitute or not a line of the order,
// 404, 409 not an open stock incident, no email, or the customer answering right now).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import prisma from "../db.server";
import { readJsonBody } from "../http/body-limit.server";
import { issuesByField } from "../http/issues";
import { apiCaller } from "../http/merchant.server";
import { notDoneJson, notFoundAsNotDone } from "../http/outcome.server";
import { findIncident } from "../models/incident.server";
import { candidatesFor, createOffer, offerCandidates } from "../domain/remedies/offer-sending.server";
import { getShopSettings } from "../domain/settings/settings.server";
import { authenticate } from "../shopify.server";
import { withAdmin } from "../shopify/admin.server";
import { shopContext } from "../shopify/shop-context.server";

const VariantIds = z
  .array(z.string().regex(/^gid:\/\/shopify\/ProductVariant\/\d+$/, "variant GraphQL ids"))
  .max(3, "at most three substitutes");
const OfferInput = z.object({
  variantIds: VariantIds.optional(),
  lines: z
    .array(z.object({ incidentId: z.string().min(1), variantIds: VariantIds }))
    .max(50)
    .optional(),
  allowCancel: z.boolean().optional(),
  expiresInHours: z.number().int().min(1).max(720).optional(),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cors } = await authenticate.admin(request);
  const found = await withAdmin(request, async (admin, session) => {
    const incident = await findIncident(prisma, session.shop, params.id!);
    if (!incident || incident.type !== "stock_mismatch") return null;
    const settings = await getShopSettings(prisma, session.shop);
    return {
      ...(await candidatesFor(admin, incident, settings)),
      lines: incident.openKey
        ? await offerCandidates(prisma, admin, session.shop, incident.orderId, settings)
        : [],
    };
  });
  if (!found) return cors(json({ error: "no stock incident with that id" }, { status: 404 }));
  return cors(json(found));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { cors, sessionToken } = await authenticate.admin(request);
  const raw = await readJsonBody(request);
  if (!raw.ok) return cors(raw.response);
  const input = OfferInput.safeParse(raw.value);
  if (!input.success)
    return cors(
      json({ error: "the offer is not valid", errors: issuesByField(input.error) }, { status: 400 }),
    );
  const result = await notFoundAsNotDone(
    withAdmin(request, async (admin, session) =>
      createOffer(prisma, admin, session.shop, params.id!, input.data, {
        ...apiCaller(sessionToken),
        ...(await shopContext(admin)),
      }),
    ),
  );
  if (!result.ok) return cors(notDoneJson(result));
  return cors(json(result, { status: 201 }));
}
