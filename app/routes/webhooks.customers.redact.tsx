import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook, rejectNonPost } from "../webhooks/receive.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "customers/redact");

export const loader = rejectNonPost;
