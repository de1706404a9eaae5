// Order mutations of the Admin API: refunds, cancellation, metafields, inventory moves.
import type { GraphQLResolveInfo } from "graphql";
import type { IdempotencyLedger } from "./idempotent";
import { gid, parseGid } from "./ids";
import type { QuantityName, SandboxStore, ShopState } from "./store";
import { cancelOrder, createRefund, setMetafields, shopOrder } from "./store-orders";
import { orderView, refundView } from "./views";

type Args = Record<string, unknown>;
const idOf = (value: unknown, type: string) => {
  const ref = parseGid(value);
  return ref && ref.type === type ? ref.id : -1;
};

const MOVABLE = new Set<QuantityName>([
  "available",
  "damaged",
  "quality_control",
  "reserved",
  "safety_stock",
]);

export function orderMutations(store: SandboxStore, shop: ShopState, ledger: IdempotencyLedger) {
  return {
    refundCreate: ledger.require(shop.domain, "refundCreate", ({ input }: Args) => {
      const i = input as {
        orderId: string;
        note?: string;
        refundLineItems?: { lineItemId: string; quantity: number; restockType?: string }[];
        shipping?: { fullRefund?: boolean; amount?: string };
        transactions?: { amount: string; gateway: string; kind: string; parentId?: string }[];
      };
      const order = shopOrder(shop, idOf(i.orderId, "Order"));
      if (!order)
        return {
          refund: null,
          order: null,
          userErrors: [{ field: ["orderId"], message: "Order does not exist" }],
        };
      const result = createRefund(store, shop.domain, order, {
        note: i.note,
        lineItems: (i.refundLineItems ?? []).map((l) => ({
          lineItemId: idOf(l.lineItemId, "LineItem"),
          quantity: l.quantity,
          restockType: l.restockType,
        })),
        shipping: i.shipping,
        transactions: (i.transactions ?? []).map((t) => ({
          ...t,
          parentId: t.parentId ? idOf(t.parentId, "OrderTransaction") : null,
        })),
      });
      if (result.errors) return { refund: null, order: null, userErrors: result.errors };
      return { refund: refundView(shop, order, result.ok), order: orderView(shop, order), userErrors: [] };
    }),

    orderCancel: ({ orderId, reason, refund, restock, staffNote }: Args) => {
      const order = shopOrder(shop, idOf(orderId, "Order"));
      const job = { __typename: "Job", id: gid("Job", store.id()), done: true, query: null };
      if (!order) {
        const errors = [{ field: ["orderId"], message: "Order does not exist", code: "NOT_FOUND" }];
        return { job: null, orderCancelUserErrors: errors, userErrors: errors };
      }
      const result = cancelOrder(store, shop.domain, order, {
        reason: reason as string,
        restock: restock as boolean,
        refund: (refund as boolean | undefined) ?? false,
        staffNote: staffNote as string | undefined,
      });
      if (result.errors)
        return { job: null, orderCancelUserErrors: result.errors, userErrors: result.errors };
      return { job, orderCancelUserErrors: [], userErrors: [] };
    },

    metafieldsSet: ({ metafields }: Args) => {
      const inputs = metafields as {
        ownerId: string;
        namespace?: string;
        key: string;
        type?: string;
        value: string;
      }[];
      const owners = inputs.map((m) => parseGid(m.ownerId));
      const unsupported = owners.find((o) => o && o.type !== "Order");
      if (unsupported) throw new Error(`not implemented in sandbox: metafields on ${unsupported.type}`);
      const result = setMetafields(
        store,
        shop.domain,
        inputs.map((m, i) => ({ ...m, namespace: m.namespace ?? "$app", ownerId: owners[i]?.id ?? -1 })),
      );
      if (result.errors) return { metafields: null, userErrors: result.errors };
      return {
        metafields: result.ok.map((m) => ({
          __typename: "Metafield",
          id: gid("Metafield", m.order.id),
          namespace: m.namespace,
          key: m.key,
          type: m.type,
          value: m.value,
          ownerType: "ORDER",
          createdAt: store.clock.now().toISOString(),
          updatedAt: store.clock.now().toISOString(),
        })),
        userErrors: [],
      };
    },

    inventoryMoveQuantities: ledger.require(
      shop.domain,
      "inventoryMoveQuantities",
      ({ input }: Args, _c: unknown, _i: GraphQLResolveInfo) => {
        const i = input as {
          reason: string;
          referenceDocumentUri: string;
          changes: {
            inventoryItemId: string;
            quantity: number;
            from: { locationId: string; name: string };
            to: { locationId: string; name: string };
          }[];
        };
        const userErrors: { field: string[]; message: string; code: string }[] = [];
        i.changes.forEach((c, n) => {
          const item = shop.inventoryItems.find((x) => x.id === idOf(c.inventoryItemId, "InventoryItem"));
          if (!item)
            userErrors.push({
              field: ["input", "changes", String(n), "inventoryItemId"],
              message: "The specified inventory item could not be found.",
              code: "INVALID_INVENTORY_ITEM",
            });
          else if (c.from.locationId !== c.to.locationId)
            throw new Error("not implemented in sandbox: moving quantities between locations");
          else if (!item.levels.has(idOf(c.from.locationId, "Location"))) {
            userErrors.push({
              field: ["input", "changes", String(n), "from", "locationId"],
              message: "The specified location could not be found.",
              code: "INVALID_LOCATION",
            });
          }
          for (const end of ["from", "to"] as const) {
            if (!MOVABLE.has(c[end].name as QuantityName)) {
              userErrors.push({
                field: ["input", "changes", String(n), end, "name"],
                message: `The quantity name must be one of: ${[...MOVABLE].join(", ")}.`,
                code: "INVALID_QUANTITY_NAME",
              });
            }
          }
          if (c.quantity <= 0)
            userErrors.push({
              field: ["input", "changes", String(n), "quantity"],
              message: "The quantity must be greater than 0.",
              code: "INVALID_QUANTITY",
            });
        });
        if (userErrors.length) return { inventoryAdjustmentGroup: null, userErrors };
        for (const c of i.changes) {
          const name = (end: "from" | "to") => c[end].name as QuantityName;
          store.changeQuantities(
            shop.domain,
            idOf(c.inventoryItemId, "InventoryItem"),
            idOf(c.from.locationId, "Location"),
            {
              [name("from")]: -c.quantity,
              [name("to")]: c.quantity,
            },
          );
        }
        return {
          inventoryAdjustmentGroup: {
            __typename: "InventoryAdjustmentGroup",
            id: gid("InventoryAdjustmentGroup", store.id()),
            reason: i.reason,
            referenceDocumentUri: i.referenceDocumentUri,
            createdAt: store.clock.now().toISOString(),
            changes: i.changes.flatMap((c) => [
              { name: c.from.name, delta: -c.quantity, quantityAfterChange: null },
              { name: c.to.name, delta: c.quantity, quantityAfterChange: null },
            ]),
          },
          userErrors: [],
        };
      },
    ),
  };
}
