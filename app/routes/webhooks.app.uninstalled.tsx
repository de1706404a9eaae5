import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { receiveWebhook, rejectNonPost } from "../webhooks/receive.server";

// Sessions go at once: the shop's token is already revoked, and an uninstall may arrive after
// the sessions are gone (deleteMany is idempotent).
export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, async ({ shop }) => {
    await prisma.session.deleteMany({ where: { shop } });
  });

export const loader = rejectNonPost;
