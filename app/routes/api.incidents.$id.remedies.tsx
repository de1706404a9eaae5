// /api/incidents/:id/remedies — GET lists an incident's remedies; POST decides one and carries it
// out through Shopify at once (the merchant sees Shopify's answer): JSON
//   { kind: "refund", lineItems?: [{ lineItemId, quantity }], shipping?, fullOrder?, amount?, restock?, note?, decisionId? }
//   { kind: "compensation_code", percentage? | amount?, expiresInDays?, decisionId? }
// 201 done, 200 the same decision made before, 400 invalid, 404 unknown incident, 422 refused
// (Shopify's words), 502 Shopify unreachable (retrying the same decision is safe).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import prisma from "../db.server";
import { readJsonBody } from "../http/body-limit.server";
import { issuesByField } from "../http/issues";
import { apiCaller } from "../http/merchant.server";
import { notDoneJson, notFoundAsNotDone } from "../http/outcome.server";
import { parseDecision } from "../domain/remedies/decisions";
import { applyRemedy } from "../domain/remedies/remedies.server";
import { authenticate } from "../shopify.server";
import { withAdmin } from "../shopify/admin.server";

const Body = z.object({ decisionId: z.string().min(8).max(100).optional() }).passthrough();

const view = (r: {
  id: string;
  kind: string;
  status: string;
  amount: string | null;
  currency: string | null;
  code: string | null;
  error: string | null;
  decidedBy: string;
  decidedAt: Date;
  executedAt: Date | null;
  redeemedAt: Date | null;
}) => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  amount: r.amount,
  currency: r.currency,
  code: r.code,
  error: r.error,
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt,
  executedAt: r.executedAt,
  redeemedAt: r.redeemedAt,
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, cors } = await authenticate.admin(request);
  const remedies = await prisma.remedy.findMany({
    where: { shop: session.shop, incidentId: params.id },
    orderBy: { decidedAt: "asc" },
  });
  return cors(json({ remedies: remedies.map(view) }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { cors, sessionToken } = await authenticate.admin(request);
  if (request.method !== "POST")
    return cors(json({ error: "only POST" }, { status: 405, headers: { Allow: "GET, POST" } }));
  const read = await readJsonBody(request);
  if (!read.ok) return cors(read.response);
  const body = Body.safeParse(read.value);
  const decision = parseDecision(read.value);
  if (!body.success || !decision.ok) {
    const errors = {
      ...(decision.ok ? {} : decision.errors),
      ...(body.success ? {} : issuesByField(body.error)),
    };
    return cors(json({ error: "the remedy is not valid", errors }, { status: 400 }));
  }
  const result = await notFoundAsNotDone(
    withAdmin(request, (admin, session) =>
      applyRemedy(prisma, admin, session.shop, params.id!, decision.decision, apiCaller(sessionToken), {
        decisionId: body.data.decisionId,
      }),
    ),
  );
  if (!result.ok)
    return cors(
      notDoneJson(result, { remedy: "remedy" in result && result.remedy ? view(result.remedy) : undefined }),
    );
  return cors(
    json({ remedy: view(result.remedy), repeated: result.repeated }, { status: result.repeated ? 200 : 201 }),
  );
}
