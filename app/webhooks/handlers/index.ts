// Every subscribed topic and what applies it. A test keeps this in step with shopify.app.toml.
import type { WebhookHandler } from "../processor.server";
import { acceptScopesUpdate, deactivateShop } from "./app-lifecycle";
import { acceptHold, applyFulfillment, recordFulfillmentEvent } from "./fulfillments";
import { applyInventoryLevel } from "./inventory";
import { acceptOrderEdit, applyOrder } from "./orders";
import { answerDataRequest, redactCustomer, redactShop } from "./privacy";

export const webhookHandlers: Record<string, WebhookHandler> = {
  "orders/create": applyOrder,
  "orders/updated": applyOrder,
  "orders/cancelled": applyOrder,
  "orders/edited": acceptOrderEdit,
  "fulfillments/create": applyFulfillment,
  "fulfillments/update": applyFulfillment,
  "fulfillment_events/create": recordFulfillmentEvent,
  "fulfillment_orders/placed_on_hold": acceptHold,
  "inventory_levels/update": applyInventoryLevel,
  "app/uninstalled": deactivateShop,
  "app/scopes_update": acceptScopesUpdate,
  "customers/data_request": answerDataRequest,
  "customers/redact": redactCustomer,
  "shop/redact": redactShop,
};
