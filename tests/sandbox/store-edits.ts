// Order editing as Shopify stages it: begin a session, add variants, set quantities, discount
// lines, then commit. Only unfulfilled units can change; the customer's total is recomputed and
// stock follows the committed changes.
import { fromCents, toCents } from "./money";
import type { UserError } from "./store-fulfillment";
import type { Order, SandboxStore, ShopState } from "./store";
import { currentQuantity } from "./store-orders";

type Outcome<T> = { ok: T; errors?: undefined } | { ok?: undefined; errors: UserError[] };

export type StagedLine = {
  /** Calculated line item id: the order's line item id, or a new id for an added line. */
  id: number;
  lineItemId: number | null;
  variantId: number | null;
  title: string;
  variantTitle: string;
  sku: string;
  price: string;
  quantity: number;
  originalQuantity: number;
  fulfilledQuantity: number;
  restock: boolean;
  discount: { description: string | null; amount: number; percent: number | null } | null;
};

export type EditSession = {
  id: number;
  orderId: number;
  shop: string;
  lines: StagedLine[];
  committed: boolean;
  createdAt: Date;
};

export class EditSessions {
  private sessions = new Map<number, EditSession>();
  clear() {
    this.sessions.clear();
  }
  get(id: number) {
    return this.sessions.get(id);
  }

  begin(store: SandboxStore, shop: ShopState, order: Order): Outcome<EditSession> {
    if (order.cancelledAt)
      return {
        errors: [{ field: ["id"], message: "The order cannot be edited because it has been cancelled." }],
      };
    const session: EditSession = {
      id: store.id(),
      orderId: order.id,
      shop: shop.domain,
      committed: false,
      createdAt: store.clock.now(),
      lines: order.lineItems.map((li) => ({
        id: li.id,
        lineItemId: li.id,
        variantId: li.variantId,
        title: li.title,
        variantTitle: li.variantTitle,
        sku: li.sku,
        price: li.price,
        quantity: currentQuantity(li),
        originalQuantity: currentQuantity(li),
        fulfilledQuantity: currentQuantity(li) - li.fulfillableQuantity,
        restock: false,
        discount: null,
      })),
    };
    this.sessions.set(session.id, session);
    return { ok: session };
  }
}

const open = (session: EditSession | undefined): Outcome<EditSession> =>
  !session
    ? { errors: [{ field: ["id"], message: "The calculated order does not exist." }] }
    : session.committed
      ? { errors: [{ field: ["id"], message: "The calculated order has already been committed." }] }
      : { ok: session };

export function addVariant(
  store: SandboxStore,
  shop: ShopState,
  session: EditSession | undefined,
  variantId: number,
  quantity: number,
  allowDuplicates = false,
): Outcome<StagedLine> {
  const s = open(session);
  if (s.errors) return s;
  const variant = shop.variants.find((v) => v.id === variantId);
  if (!variant) return { errors: [{ field: ["variantId"], message: "The variant does not exist." }] };
  if (quantity < 1) return { errors: [{ field: ["quantity"], message: "Quantity must be greater than 0." }] };
  if (!allowDuplicates && s.ok.lines.some((l) => l.variantId === variantId && l.quantity > 0)) {
    return {
      errors: [
        {
          field: ["variantId"],
          message: "The variant is already on the order; pass allowDuplicates to add it again.",
        },
      ],
    };
  }
  const product = shop.products.find((p) => p.id === variant.productId)!;
  const line: StagedLine = {
    id: store.id(),
    lineItemId: null,
    variantId,
    title: product.title,
    variantTitle: variant.title,
    sku: variant.sku,
    price: variant.price,
    quantity,
    originalQuantity: 0,
    fulfilledQuantity: 0,
    restock: false,
    discount: null,
  };
  s.ok.lines.push(line);
  return { ok: line };
}

export function setQuantity(
  session: EditSession | undefined,
  lineId: number,
  quantity: number,
  restock: boolean,
): Outcome<StagedLine> {
  const s = open(session);
  if (s.errors) return s;
  const line = s.ok.lines.find((l) => l.id === lineId);
  if (!line)
    return {
      errors: [{ field: ["lineItemId"], message: "The line item does not exist on the calculated order." }],
    };
  if (quantity < line.fulfilledQuantity) {
    return {
      errors: [
        {
          field: ["quantity"],
          message: `The quantity can't be lower than the ${line.fulfilledQuantity} already fulfilled.`,
        },
      ],
    };
  }
  line.quantity = quantity;
  line.restock = restock;
  return { ok: line };
}

export function discountLine(
  session: EditSession | undefined,
  lineId: number,
  discount: {
    description?: string | null;
    fixedValue?: { amount: string } | null;
    percentValue?: number | null;
  },
): Outcome<StagedLine> {
  const s = open(session);
  if (s.errors) return s;
  const line = s.ok.lines.find((l) => l.id === lineId);
  if (!line)
    return {
      errors: [{ field: ["lineItemId"], message: "The line item does not exist on the calculated order." }],
    };
  if (line.lineItemId !== null)
    return {
      errors: [
        { field: ["lineItemId"], message: "Discounts can only be added to line items added in this edit." },
      ],
    };
  const gross = toCents(line.price) * line.quantity;
  const amount = discount.fixedValue
    ? toCents(discount.fixedValue.amount) * line.quantity
    : Math.round(gross * ((discount.percentValue ?? 0) / 100));
  if (amount <= 0 || amount > gross)
    return {
      errors: [
        { field: ["discount"], message: "The discount must be more than 0 and at most the line's price." },
      ],
    };
  line.discount = {
    description: discount.description ?? null,
    amount,
    percent: discount.percentValue ?? null,
  };
  return { ok: line };
}

/** Totals of the order as the session would leave it, in cents. */
export function stagedTotals(order: Order, session: EditSession) {
  const subtotal = session.lines.reduce(
    (sum, l) => sum + toCents(l.price) * l.quantity - (l.discount?.amount ?? 0),
    0,
  );
  const lineDiscounts = order.lineItems.reduce((sum, li) => sum + toCents(li.discountAmount), 0);
  const shipping = order.shippingLines.reduce((sum, l) => sum + toCents(l.price), 0);
  const total = subtotal - lineDiscounts - toCents(order.discountAmount) + shipping;
  const received = order.transactions.reduce(
    (sum, t) => sum + (t.kind === "SALE" ? 1 : -1) * toCents(t.amount),
    0,
  );
  return {
    subtotal: subtotal - lineDiscounts - toCents(order.discountAmount),
    total,
    outstanding: total - received,
  };
}

export function commitEdit(
  store: SandboxStore,
  shop: ShopState,
  session: EditSession | undefined,
  staffNote?: string | null,
): Outcome<Order> {
  const s = open(session);
  if (s.errors) return s;
  const order = shop.orders.find((o) => o.id === s.ok.orderId)!;
  const fo = shop.fulfillmentOrders.find((f) => f.orderId === order.id && f.status !== "CANCELLED");
  const additions: { id: number; delta: number }[] = [];
  const removals: { id: number; delta: number }[] = [];
  const discounts: { id: number; description: string | null; amount: string }[] = [];
  for (const line of s.ok.lines) {
    const variant = shop.variants.find((v) => v.id === line.variantId);
    if (line.lineItemId === null) {
      const li = {
        id: store.id(),
        variantId: line.variantId,
        productId: variant?.productId ?? null,
        title: line.title,
        variantTitle: line.variantTitle,
        sku: line.sku,
        vendor: shop.products.find((p) => p.id === variant?.productId)?.vendor ?? "",
        quantity: line.quantity,
        price: line.price,
        fulfillableQuantity: line.quantity,
        removedQuantity: 0,
        discountAmount: fromCents(line.discount?.amount ?? 0),
      };
      order.lineItems.push(li);
      fo?.lineItems.push({
        id: store.id(),
        lineItemId: li.id,
        totalQuantity: line.quantity,
        remainingQuantity: line.quantity,
      });
      if (variant)
        store.changeQuantities(shop.domain, variant.inventoryItemId, order.locationId, {
          available: -line.quantity,
          committed: line.quantity,
        });
      additions.push({ id: li.id, delta: line.quantity });
      if (line.discount)
        discounts.push({
          id: li.id,
          description: line.discount.description,
          amount: fromCents(line.discount.amount),
        });
      continue;
    }
    const delta = line.quantity - line.originalQuantity;
    if (delta === 0) continue;
    const li = order.lineItems.find((x) => x.id === line.lineItemId)!;
    li.removedQuantity -= delta;
    li.fulfillableQuantity += delta;
    const foLine = fo?.lineItems.find((x) => x.lineItemId === li.id);
    if (foLine) foLine.remainingQuantity += delta;
    if (variant) {
      const restock = delta < 0 && line.restock;
      store.changeQuantities(
        shop.domain,
        variant.inventoryItemId,
        order.locationId,
        delta > 0
          ? { available: -delta, committed: delta }
          : { committed: delta, ...(restock ? { available: -delta } : {}) },
      );
    }
    (delta > 0 ? additions : removals).push({ id: li.id, delta: Math.abs(delta) });
  }
  s.ok.committed = true;
  const now = store.clock.now();
  if (staffNote) order.note = [order.note, staffNote].filter(Boolean).join("\n");
  order.updatedAt = now;
  const edit = {
    id: s.ok.id,
    createdAt: s.ok.createdAt,
    committedAt: now,
    staffNote: staffNote ?? "",
    additions,
    removals,
    discounts,
  };
  store.emit_(shop.domain, "orders/edited", () => ({ order, edit }));
  store.emit_(shop.domain, "orders/updated", () => ({ order }));
  return { ok: order };
}
