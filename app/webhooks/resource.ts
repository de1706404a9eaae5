// What a webhook is about, so the processor applies one resource's events in Shopify's order:
// everything about an order (its edits, fulfillments and carrier events) shares the order's id.
type Body = Record<string, unknown>;
const orderGid = (id: unknown) =>
  typeof id === "number" || typeof id === "string" ? `gid://shopify/Order/${id}` : null;

export function resourceOf(topic: string, payload: unknown): string | null {
  const body = (payload ?? {}) as Body;
  switch (topic) {
    case "orders/create":
    case "orders/updated":
    case "orders/cancelled":
      return typeof body.admin_graphql_api_id === "string" ? body.admin_graphql_api_id : null;
    case "orders/edited":
      return orderGid((body.order_edit as Body | undefined)?.order_id);
    case "fulfillments/create":
    case "fulfillments/update":
    case "fulfillment_events/create":
      return orderGid(body.order_id);
    case "fulfillment_orders/placed_on_hold": {
      const id = (body.fulfillment_order as Body | undefined)?.id;
      return typeof id === "string" ? id : null;
    }
    case "inventory_levels/update":
      return body.inventory_item_id != null && body.location_id != null
        ? `inventory:${body.inventory_item_id}@${body.location_id}`
        : null;
    default:
      return null;
  }
}
