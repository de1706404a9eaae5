import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook, rejectNonPost } from "../webhooks/receive.server";

// Recorded only: the processor asks Shopify whether the shop's token is really revoked before
// anything of the shop goes (a replayed or forged uninstall must delete nothing).
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "app/uninstalled");

export const loader = rejectNonPost;
