import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import prisma from "../db.server";
import { receiveWebhook, rejectNonPost } from "../webhooks/receive.server";

const ScopesUpdate = z.object({ current: z.array(z.string()) });

// Keeps the stored scope in step with what the merchant granted, so checks see the truth.
export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, "app/scopes_update", async ({ shop, payload }) => {
    const parsed = ScopesUpdate.safeParse(payload);
    if (!parsed.success) return;
    await prisma.session.updateMany({
      where: { shop },
      data: { scope: parsed.data.current.join(",") },
    });
  });

export const loader = rejectNonPost;
