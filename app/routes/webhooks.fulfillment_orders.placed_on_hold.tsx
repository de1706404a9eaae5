import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook, rejectNonPost } from "../webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, "fulfillment_orders/placed_on_hold");

export const loader = rejectNonPost;
