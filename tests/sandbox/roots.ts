// Root fields of the Admin API that the sandbox implements.
import { GraphQLError } from "graphql";
import { connection } from "./connection";
import { gid, parseGid } from "./ids";
import type { Order, Product, SandboxStore, ShopState, QuantityName } from "./store";
import type { SandboxContext } from "./context";
import { editMutations } from "./mutations-edits";
import { fulfillmentMutations } from "./mutations-fulfillment";
import { orderMutations } from "./mutations-orders";
import { discountMutations, discountQueries } from "./views-discounts";
import { draftMutations, draftQueries } from "./drafts";
import { fulfillmentOrderView, fulfillmentView } from "./views-fulfillment";
import {
  customerView,
  inventoryItemView,
  locationView,
  orderView,
  productView,
  shopView,
  variantView,
} from "./views";

type Args = Record<string, unknown>;

function nodeView(shop: ShopState, id: unknown): Record<string, unknown> | null {
  const ref = parseGid(id);
  if (!ref) return null;
  const find = <T extends { id: number }>(list: T[]) => list.find((x) => x.id === ref.id);
  switch (ref.type) {
    case "Order": {
      const o = find(shop.orders);
      return o ? orderView(shop, o) : null;
    }
    case "Product": {
      const p = find(shop.products);
      return p ? productView(shop, p) : null;
    }
    case "ProductVariant": {
      const v = find(shop.variants);
      return v ? variantView(shop, v) : null;
    }
    case "InventoryItem": {
      const i = find(shop.inventoryItems);
      return i ? inventoryItemView(shop, i) : null;
    }
    case "Customer": {
      const c = find(shop.customers);
      return c ? customerView(shop, c) : null;
    }
    case "Location": {
      const l = find(shop.locations);
      return l ? locationView(shop, l) : null;
    }
    case "FulfillmentOrder": {
      const f = find(shop.fulfillmentOrders);
      return f ? fulfillmentOrderView(shop, f) : null;
    }
    case "Fulfillment": {
      const f = find(shop.fulfillments);
      return f ? fulfillmentView(shop, f) : null;
    }
    default:
      throw new GraphQLError(`not implemented in sandbox: node of type ${ref.type}`);
  }
}

/** Shopify's order `status` filter: open (not closed or cancelled), closed, cancelled, any. */
function matchesStatus(order: Order, value: string) {
  switch (value) {
    case "open":
      return !order.closedAt && !order.cancelledAt;
    case "closed":
      return !!order.closedAt;
    case "cancelled":
      return !!order.cancelledAt;
    case "any":
      return true;
    default:
      throw new GraphQLError(`not implemented in sandbox: orders query status:${value}`);
  }
}

/** Shopify's `fulfillment_status` filter: unfulfilled is unshipped or partial; shipped is fulfilled. */
function matchesFulfillmentStatus(order: Order, value: string) {
  const status = order.fulfillmentStatus ?? "unshipped";
  switch (value) {
    case "unshipped":
      return status === "unshipped";
    case "partial":
      return status === "partial";
    case "unfulfilled":
      return status === "unshipped" || status === "partial";
    case "shipped":
    case "fulfilled":
      return status === "fulfilled";
    case "any":
      return true;
    default:
      throw new GraphQLError(`not implemented in sandbox: orders query fulfillment_status:${value}`);
  }
}

/** The subset of Shopify's search syntax the app uses: updated_at/created_at ranges, name, tag,
 *  status and fulfillment_status. */
function matchesOrderQuery(order: Order, query: string | undefined): boolean {
  if (!query) return true;
  return query
    .split(/\s+(?:AND\s+)?/)
    .filter(Boolean)
    .every((term) => {
      const filter = term.match(/^(status|fulfillment_status):(\w+)$/);
      if (filter)
        return filter[1] === "status"
          ? matchesStatus(order, filter[2])
          : matchesFulfillmentStatus(order, filter[2]);
      const m = term.match(/^(updated_at|created_at|name|tag):(>=|<=|>|<)?'?"?([^'"]+)'?"?$/);
      if (!m) throw new GraphQLError(`not implemented in sandbox: orders query term '${term}'`);
      const [, field, op, raw] = m;
      if (field === "name") return order.name === raw || order.name === `#${raw}`;
      if (field === "tag") return order.tags.includes(raw);
      const value = (field === "updated_at" ? order.updatedAt : order.createdAt).getTime();
      const bound = new Date(raw).getTime();
      switch (op) {
        case ">":
          return value > bound;
        case ">=":
          return value >= bound;
        case "<":
          return value < bound;
        case "<=":
          return value <= bound;
        default:
          return value === bound;
      }
    });
}

/** The subset of Shopify's product search the app uses: product_type, tag, vendor and status
 *  terms, joined by AND (a space) or OR. */
function matchesProductQuery(product: Product, query: string | undefined): boolean {
  if (!query) return true;
  return query.split(/\s+OR\s+/).some((alternative) =>
    (alternative.match(/\w+:(?:'[^']*'|"[^"]*"|\S+)/g) ?? []).every((term) => {
      const [, field, raw] = term.match(/^(\w+):['"]?(.*?)['"]?$/)!;
      switch (field) {
        case "product_type":
          return product.productType.toLowerCase() === raw.toLowerCase();
        case "tag":
          return product.tags.some((t) => t.toLowerCase() === raw.toLowerCase());
        case "vendor":
          return product.vendor.toLowerCase() === raw.toLowerCase();
        case "status":
          return product.status.toLowerCase() === raw.toLowerCase();
        default:
          throw new GraphQLError(`not implemented in sandbox: products query term '${term}'`);
      }
    }),
  );
}

export function queryRoot(store: SandboxStore, shop: ShopState) {
  const byId = <T extends { id: number }>(list: T[], id: unknown, type: string) => {
    const ref = parseGid(id);
    return ref && ref.type === type ? list.find((x) => x.id === ref.id) : undefined;
  };
  return {
    ...discountQueries(store, shop),
    ...draftQueries(store, shop),
    shop: () => shopView(shop, store.storefrontUrl(shop.domain)),
    shopLocales: () => {
      const names: Record<string, string> = { es: "Spanish", en: "English", ro: "Romanian" };
      return [
        {
          locale: shop.primaryLocale,
          name: names[shop.primaryLocale] ?? shop.primaryLocale,
          primary: true,
          published: true,
          marketWebPresences: [],
        },
      ];
    },
    node: ({ id }: Args) => nodeView(shop, id),
    nodes: ({ ids }: Args) => (ids as string[]).map((id) => nodeView(shop, id)),
    locations: (args: Args) => connection(shop.locations, args, (l) => locationView(shop, l)),
    location: ({ id }: Args) => {
      const l = id ? byId(shop.locations, id, "Location") : shop.locations[0];
      return l ? locationView(shop, l) : null;
    },
    products: (args: Args) =>
      connection(
        shop.products.filter((p) => matchesProductQuery(p, args.query as string | undefined)),
        args,
        (p) => productView(shop, p),
      ),
    product: ({ id }: Args) => {
      const p = byId(shop.products, id, "Product");
      return p ? productView(shop, p) : null;
    },
    productVariant: ({ id }: Args) => {
      const v = byId(shop.variants, id, "ProductVariant");
      return v ? variantView(shop, v) : null;
    },
    inventoryItem: ({ id }: Args) => {
      const i = byId(shop.inventoryItems, id, "InventoryItem");
      return i ? inventoryItemView(shop, i) : null;
    },
    customer: ({ id }: Args) => {
      const c = byId(shop.customers, id, "Customer");
      return c ? customerView(shop, c) : null;
    },
    customers: (args: Args) => connection(shop.customers, args, (c) => customerView(shop, c)),
    order: ({ id }: Args) => {
      const o = byId(shop.orders, id, "Order");
      return o ? orderView(shop, o) : null;
    },
    fulfillmentOrder: ({ id }: Args) => {
      const f = byId(shop.fulfillmentOrders, id, "FulfillmentOrder");
      return f ? fulfillmentOrderView(shop, f) : null;
    },
    fulfillment: ({ id }: Args) => {
      const f = byId(shop.fulfillments, id, "Fulfillment");
      return f ? fulfillmentView(shop, f) : null;
    },
    orders: (args: Args) => {
      const key = (args.sortKey as string | undefined) ?? "ID";
      const sortValue = (o: Order) =>
        key === "UPDATED_AT"
          ? o.updatedAt.getTime()
          : key === "CREATED_AT" || key === "PROCESSED_AT"
            ? o.createdAt.getTime()
            : o.id;
      const list = shop.orders
        .filter((o) => matchesOrderQuery(o, args.query as string | undefined))
        .sort((a, b) => sortValue(a) - sortValue(b));
      if (args.reverse) list.reverse();
      return connection(list, args, (o) => orderView(shop, o));
    },
  };
}

const ADJUSTABLE: QuantityName[] = [
  "available",
  "damaged",
  "incoming",
  "quality_control",
  "reserved",
  "safety_stock",
];
const REASONS = new Set([
  "correction",
  "cycle_count_available",
  "damaged",
  "movement_created",
  "movement_updated",
  "movement_received",
  "movement_canceled",
  "other",
  "promotion",
  "quality_control",
  "received",
  "reservation_created",
  "reservation_deleted",
  "reservation_updated",
  "restock",
  "safety_stock",
  "shrinkage",
]);

export function mutationRoot(ctx: SandboxContext, shop: ShopState) {
  const { store, ledger } = ctx;
  return {
    ...fulfillmentMutations(store, shop),
    ...orderMutations(store, shop, ledger),
    ...editMutations(store, shop, ctx.edits),
    ...discountMutations(store, shop),
    ...draftMutations(store, shop),
    tagsAdd: ({ id, tags }: Args) => {
      const ref = parseGid(id);
      const order = ref?.type === "Order" ? shop.orders.find((o) => o.id === ref.id) : undefined;
      if (!order) {
        if (ref && ref.type !== "Order")
          throw new GraphQLError(`not implemented in sandbox: tagsAdd on ${ref.type}`);
        return { node: null, userErrors: [{ field: ["id"], message: "Order does not exist" }] };
      }
      store.addTags(shop.domain, order, tags as string[]);
      return { node: orderView(shop, order), userErrors: [] };
    },
    inventoryAdjustQuantities: ledger.require(shop.domain, "inventoryAdjustQuantities", ({ input }: Args) => {
      const { reason, name, changes } = input as {
        reason: string;
        name: string;
        changes: { delta: number; inventoryItemId: string; locationId: string }[];
      };
      const userErrors: { field: string[]; message: string; code: string }[] = [];
      if (!REASONS.has(reason))
        userErrors.push({
          field: ["input", "reason"],
          message: "The specified reason is invalid.",
          code: "INVALID_REASON",
        });
      if (!ADJUSTABLE.includes(name as QuantityName)) {
        userErrors.push({
          field: ["input", "name"],
          message: "The quantity name must be one of: " + ADJUSTABLE.join(", ") + ".",
          code: "INVALID_QUANTITY_NAME",
        });
      }
      changes.forEach((c, i) => {
        const item = parseGid(c.inventoryItemId);
        const location = parseGid(c.locationId);
        const found = shop.inventoryItems.find((x) => x.id === item?.id);
        if (!found)
          userErrors.push({
            field: ["input", "changes", String(i), "inventoryItemId"],
            message: "The specified inventory item could not be found.",
            code: "INVALID_INVENTORY_ITEM",
          });
        else if (!location || !found.levels.has(location.id)) {
          userErrors.push({
            field: ["input", "changes", String(i), "locationId"],
            message: "The specified location could not be found.",
            code: "INVALID_LOCATION",
          });
        }
      });
      if (userErrors.length) return { inventoryAdjustmentGroup: null, userErrors };
      for (const c of changes) {
        store.changeQuantities(shop.domain, parseGid(c.inventoryItemId)!.id, parseGid(c.locationId)!.id, {
          [name]: c.delta,
        });
      }
      const groupId = store.id();
      return {
        inventoryAdjustmentGroup: {
          __typename: "InventoryAdjustmentGroup",
          id: gid("InventoryAdjustmentGroup", groupId),
          reason,
          createdAt: store.clock.now().toISOString(),
          changes: changes.map((c) => ({ name, delta: c.delta, quantityAfterChange: null })),
        },
        userErrors: [],
      };
    }),
  };
}
