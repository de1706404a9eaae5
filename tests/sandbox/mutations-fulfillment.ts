// Fulfillment mutations of the Admin API, answered with Shopify's payloads and userErrors.
import { parseGid } from "./ids";
import type { SandboxStore, ShopState } from "./store";
import { createFulfillment, holdFulfillmentOrder, releaseFulfillmentHolds } from "./store-fulfillment";
import { fulfillmentOrderView, fulfillmentView, holdView } from "./views-fulfillment";

type Args = Record<string, unknown>;
const idOf = (value: unknown, type: string) => {
  const ref = parseGid(value);
  return ref && ref.type === type ? ref.id : -1;
};

export function fulfillmentMutations(store: SandboxStore, shop: ShopState) {
  return {
    fulfillmentOrderHold: ({ id, fulfillmentHold }: Args) => {
      const input = fulfillmentHold as {
        reason: string;
        reasonNotes?: string;
        handle?: string;
        fulfillmentOrderLineItems?: unknown[];
      };
      if (input.fulfillmentOrderLineItems?.length) {
        throw new Error(
          "not implemented in sandbox: holding part of a fulfillment order (fulfillmentOrderLineItems)",
        );
      }
      const result = holdFulfillmentOrder(store, shop.domain, idOf(id, "FulfillmentOrder"), input);
      if (result.errors)
        return {
          fulfillmentHold: null,
          fulfillmentOrder: null,
          remainingFulfillmentOrder: null,
          userErrors: result.errors,
        };
      return {
        fulfillmentHold: holdView(result.ok.hold),
        fulfillmentOrder: fulfillmentOrderView(shop, result.ok.fulfillmentOrder),
        remainingFulfillmentOrder: null,
        userErrors: [],
      };
    },
    fulfillmentOrderReleaseHold: ({ id, holdIds }: Args) => {
      const ids = (holdIds as string[] | undefined)?.map((h) => idOf(h, "FulfillmentHold"));
      const result = releaseFulfillmentHolds(store, shop.domain, idOf(id, "FulfillmentOrder"), ids);
      if (result.errors) return { fulfillmentOrder: null, userErrors: result.errors };
      return { fulfillmentOrder: fulfillmentOrderView(shop, result.ok), userErrors: [] };
    },
    fulfillmentCreate: ({ fulfillment }: Args) => {
      const input = fulfillment as {
        lineItemsByFulfillmentOrder: { fulfillmentOrderId: string; fulfillmentOrderLineItems?: unknown[] }[];
        trackingInfo?: { company?: string; number?: string; url?: string };
      };
      if (
        input.lineItemsByFulfillmentOrder.length !== 1 ||
        input.lineItemsByFulfillmentOrder[0].fulfillmentOrderLineItems?.length
      ) {
        throw new Error("not implemented in sandbox: partial or multi-order fulfillments");
      }
      const result = createFulfillment(
        store,
        shop.domain,
        idOf(input.lineItemsByFulfillmentOrder[0].fulfillmentOrderId, "FulfillmentOrder"),
        input.trackingInfo ?? {},
      );
      if (result.errors) return { fulfillment: null, userErrors: result.errors };
      return { fulfillment: fulfillmentView(shop, result.ok), userErrors: [] };
    },
  };
}
