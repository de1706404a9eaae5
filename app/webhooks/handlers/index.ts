// Every subscribed topic and what applies it. A test keeps this in step with shopify.app.toml.
import type { TopicHandler } from "../processor.server";
import { acceptScopesUpdate, deactivateShop } from "./app-lifecycle";
import { acceptHold, applyFulfillment, recordFulfillmentEvent } from "./fulfillments";
import { applyInventoryLevel } from "./inventory";
import { acceptOrderEdit, applyOrder } from "./orders";
import { answerDataRequest, redactCustomer, redactShop } from "./privacy";
import { confirmCustomerRequest, confirmShopRedact, confirmUninstall } from "./trust";

// Topics that erase or hand out data run behind a check (./trust.ts): a signed body is not yet
// proof that it concerns the shop in the headers, nor that Shopify means it now.
export const webhookHandlers: Record<string, TopicHandler> = {
  "orders/create": applyOrder,
  "orders/updated": applyOrder,
  "orders/cancelled": applyOrder,
  "orders/edited": acceptOrderEdit,
  "fulfillments/create": applyFulfillment,
  "fulfillments/update": applyFulfillment,
  "fulfillment_events/create": recordFulfillmentEvent,
  "fulfillment_orders/placed_on_hold": acceptHold,
  "inventory_levels/update": applyInventoryLevel,
  "app/uninstalled": { check: confirmUninstall, apply: deactivateShop },
  "app/scopes_update": acceptScopesUpdate,
  "customers/data_request": { check: confirmCustomerRequest, apply: answerDataRequest },
  "customers/redact": { check: confirmCustomerRequest, apply: redactCustomer },
  "shop/redact": { check: confirmShopRedact, apply: redactShop },
};
