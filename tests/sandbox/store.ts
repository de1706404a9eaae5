// The sandbox's in-memory Shopify: one state per shop, changed only through these functions so
// that every change Shopify would announce emits the matching event.
import { EventEmitter } from "node:events";
import type { SandboxClock } from "./clock";
import { redeemCodes } from "./store-discounts";
import type { ProductImage } from "./media";

import { fromCents, toCents, type Money } from "./money";

export { fromCents, toCents, type Money };

export const QUANTITY_NAMES = [
  "available",
  "committed",
  "damaged",
  "incoming",
  "on_hand",
  "quality_control",
  "reserved",
  "safety_stock",
] as const;
/** What checkout charges for standard shipping when an order names no price. */
export const STANDARD_SHIPPING: Money = "4.95";

export type QuantityName = (typeof QUANTITY_NAMES)[number];

export type Location = { id: number; name: string; isActive: boolean; fulfillsOnlineOrders: boolean };
export type Product = {
  id: number;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  createdAt: Date;
  updatedAt: Date;
  /** Its images in order; the first is the featured one. */
  media: ProductImage[];
};
export type Variant = {
  id: number;
  productId: number;
  title: string;
  sku: string;
  price: Money;
  inventoryItemId: number;
  /** A fixed bundle (a pack): the variants it is made of, as productVariantRelationshipBulkUpdate sets them. */
  components: { id: number; variantId: number; quantity: number }[];
  /** Sold only as the bundle of its components (ProductVariantsBulkInput.requiresComponents). */
  requiresComponents: boolean;
};
export type InventoryItem = {
  id: number;
  sku: string;
  tracked: boolean;
  levels: Map<number, Record<QuantityName, number>>;
};
export type Customer = {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  locale: string;
  phone: string | null;
  emailMarketing: "SUBSCRIBED" | "NOT_SUBSCRIBED" | "UNSUBSCRIBED";
  tags: string[];
  createdAt: Date;
  /** Where checkout ships their orders (Shopify's default address); the demo street when not given. */
  address?: Pick<Address, "address1" | "city" | "zip" | "countryCode" | "country">;
};
export type LineItem = {
  id: number;
  variantId: number | null;
  productId: number | null;
  title: string;
  variantTitle: string;
  sku: string;
  vendor: string;
  quantity: number;
  price: Money;
  fulfillableQuantity: number;
  /** Units taken off by order edits: the current quantity is quantity − removedQuantity. */
  removedQuantity: number;
  /** Discount on this line from order edits, for all its units. */
  discountAmount: Money;
};
export type Transaction = {
  id: number;
  kind: "SALE" | "REFUND";
  gateway: string;
  amount: Money;
  createdAt: Date;
  parentId: number | null;
};
export type Refund = {
  id: number;
  createdAt: Date;
  note: string | null;
  shipping: Money;
  amount: Money;
  lineItems: { lineItemId: number; quantity: number; restockType: string; subtotal: Money }[];
};
export type Order = {
  id: number;
  name: string;
  email: string;
  customerId: number | null;
  currencyCode: string;
  /** The contact phone given at checkout (Shopify's order `phone`), null when none was. */
  phone: string | null;
  createdAt: Date;
  updatedAt: Date;
  processedAt: Date;
  cancelledAt: Date | null;
  cancelReason: string | null;
  closedAt: Date | null;
  financialStatus: string;
  fulfillmentStatus: string | null;
  lineItems: LineItem[];
  shippingLines: { title: string; price: Money; code: string }[];
  discountCodes: string[];
  paymentGatewayNames: string[];
  tags: string[];
  note: string | null;
  metafields: Map<string, { namespace: string; key: string; type: string; value: string }>;
  locationId: number;
  shippingAddress: Address | null;
  transactions: Transaction[];
  refunds: Refund[];
  /** Amount taken off the line items by discount codes at checkout. */
  discountAmount: Money;
};
export type Address = {
  firstName: string;
  lastName: string;
  address1: string;
  city: string;
  zip: string;
  countryCode: string;
  country: string;
  phone: string | null;
};

export type FulfillmentHold = {
  id: number;
  reason: string;
  reasonNotes: string | null;
  handle: string | null;
};
export type FulfillmentOrder = {
  id: number;
  orderId: number;
  locationId: number;
  status: "OPEN" | "ON_HOLD" | "IN_PROGRESS" | "CLOSED" | "CANCELLED" | "SCHEDULED";
  fulfillAt: Date | null;
  fulfillBy: Date | null;
  createdAt: Date;
  updatedAt: Date;
  lineItems: { id: number; lineItemId: number; totalQuantity: number; remainingQuantity: number }[];
  holds: FulfillmentHold[];
};
export type FulfillmentEvent = {
  id: number;
  status: string;
  message: string | null;
  happenedAt: Date;
  createdAt: Date;
  estimatedDeliveryAt: Date | null;
};
export type Fulfillment = {
  id: number;
  orderId: number;
  fulfillmentOrderId: number;
  name: string;
  locationId: number;
  status: "SUCCESS" | "CANCELLED";
  shipmentStatus: string | null;
  trackingCompany: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  estimatedDeliveryAt: Date | null;
  inTransitAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  lineItems: { lineItemId: number; quantity: number }[];
  events: FulfillmentEvent[];
};

export type DiscountCode = {
  id: number;
  code: string;
  title: string;
  createdAt: Date;
  startsAt: Date;
  endsAt: Date | null;
  value: { percentage: number } | { amount: Money; appliesOnEachItem: boolean };
  /** null: every customer may use it. */
  customerIds: number[] | null;
  usageLimit: number | null;
  appliesOncePerCustomer: boolean;
  redemptions: { orderId: number; customerId: number | null; amount: Money }[];
};

export type ShopState = {
  /** Shopify's id of the shop, different for every shop (webhooks: shop_id, app/uninstalled's id). */
  id: number;
  domain: string;
  name: string;
  email: string;
  currencyCode: string;
  ianaTimezone: string;
  primaryLocale: string;
  planName: string;
  countryCode: string;
  country: string;
  locations: Location[];
  products: Product[];
  variants: Variant[];
  inventoryItems: InventoryItem[];
  customers: Customer[];
  orders: Order[];
  fulfillmentOrders: FulfillmentOrder[];
  fulfillments: Fulfillment[];
  discounts: DiscountCode[];
  draftOrders: DraftOrder[];
};

/** A draft order (a reship at the shop's cost): its lines at a percentage off, completed into an order. */
export type DraftOrder = {
  id: number;
  customerId: number | null;
  lines: { variantId: number; quantity: number }[];
  discountPercent: number;
  note: string | null;
  tags: string[];
  shippingPrice: Money;
  completedOrderId: number | null;
  createdAt: Date;
};

export type StoreEvent = { shop: string; topic: string; payload: () => unknown };

export class SandboxStore extends EventEmitter<{ event: [StoreEvent] }> {
  private shops = new Map<string, ShopState>();
  private nextId = 1000;
  /** While true, changes are not announced (data that predates the app's install). */
  private quiet = false;
  /** Where product images are served from: Shopify's CDN, or the sandbox server once it listens. */
  cdnOrigin = "https://cdn.shopify.com";
  /** How long Shopify's search index trails writes (a fault tests set): searches do not list newer records. */
  searchLagMs = 0;
  /** The port shops' storefronts are served on once the sandbox listens (see storefrontUrl). */
  storefrontPort: number | null = null;
  constructor(public readonly clock: SandboxClock) {
    super();
  }

  id(): number {
    return this.nextId++;
  }

  /** Empties the store. Ids keep counting: like Shopify's, they are never reused. */
  reset() {
    this.shops.clear();
  }

  createShop(init: Pick<ShopState, "domain" | "name" | "email"> & Partial<ShopState>): ShopState {
    if (this.shops.has(init.domain)) throw new Error(`shop ${init.domain} exists already`);
    const shop: ShopState = {
      id: this.id(),
      currencyCode: "EUR",
      ianaTimezone: "Europe/Madrid",
      primaryLocale: "es",
      planName: "basic",
      countryCode: "ES",
      country: "Spain",
      locations: [],
      products: [],
      variants: [],
      inventoryItems: [],
      customers: [],
      orders: [],
      fulfillmentOrders: [],
      fulfillments: [],
      discounts: [],
      draftOrders: [],
      ...init,
    };
    this.shops.set(shop.domain, shop);
    return shop;
  }

  shop(domain: string): ShopState {
    const shop = this.shops.get(domain);
    if (!shop) throw new Error(`no sandbox shop ${domain}`);
    return shop;
  }

  hasShop(domain: string) {
    return this.shops.has(domain);
  }

  /** Every shop's myshopify domain. */
  domains(): string[] {
    return [...this.shops.keys()];
  }

  /**
   * A shop's storefront, its primary domain: `http://<handle>.localhost:<port>` once the sandbox
   * listens — a host of its own per shop, as on Shopify, that browsers resolve to this machine
   * (RFC 6761) — so the App Proxy can be played on the shop's own domain.
   */
  storefrontUrl(domain: string): string {
    return this.storefrontPort === null
      ? `https://${domain}`
      : `http://${domain.replace(/\.myshopify\.com$/, "")}.localhost:${this.storefrontPort}`;
  }

  /** The shop whose storefront a request's Host names, or null (the admin, the control API). */
  shopOfStorefront(host: string | undefined): string | null {
    if (!host) return null;
    const origin = `http://${host.toLowerCase()}`;
    return [...this.shops.keys()].find((domain) => this.storefrontUrl(domain) === origin) ?? null;
  }

  emit_(shop: string, topic: string, payload: () => unknown) {
    if (!this.quiet) this.emit("event", { shop, topic, payload });
  }

  /** Runs `fn` without announcing its changes. */
  silently<T>(fn: () => T): T {
    this.quiet = true;
    try {
      return fn();
    } finally {
      this.quiet = false;
    }
  }

  addLocation(domain: string, name: string): Location {
    const location = { id: this.id(), name, isActive: true, fulfillsOnlineOrders: true };
    this.shop(domain).locations.push(location);
    return location;
  }

  addProduct(
    domain: string,
    input: {
      title: string;
      vendor: string;
      productType: string;
      tags?: string[];
      images?: { alt: string }[];
      variants: {
        title?: string;
        sku: string;
        price: Money;
        stock?: Partial<Record<QuantityName, number>>;
        components?: { variantId: number; quantity: number }[];
      }[];
    },
  ): { product: Product; variants: Variant[] } {
    const shop = this.shop(domain);
    const now = this.clock.now();
    const handle = input.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/(^-|-$)/g, "");
    const product: Product = {
      id: this.id(),
      title: input.title,
      vendor: input.vendor,
      productType: input.productType,
      handle,
      tags: input.tags ?? [],
      status: "ACTIVE",
      createdAt: now,
      updatedAt: now,
      media: (input.images ?? []).map((image, i) => ({
        id: this.id(),
        origin: this.cdnOrigin,
        filename: `${handle}${i ? `-${i + 1}` : ""}.png`,
        alt: image.alt,
        version: Math.floor(now.getTime() / 1000),
        width: 600,
        height: 600,
      })),
    };
    shop.products.push(product);
    const variants = input.variants.map((v) => {
      const item: InventoryItem = { id: this.id(), sku: v.sku, tracked: true, levels: new Map() };
      for (const location of shop.locations) {
        const q = Object.fromEntries(QUANTITY_NAMES.map((n) => [n, 0])) as Record<QuantityName, number>;
        Object.assign(q, v.stock ?? {});
        q.on_hand = q.available + q.committed + q.damaged + q.quality_control + q.reserved + q.safety_stock;
        item.levels.set(location.id, q);
      }
      shop.inventoryItems.push(item);
      const variant: Variant = {
        id: this.id(),
        productId: product.id,
        title: v.title ?? "Default Title",
        sku: v.sku,
        price: v.price,
        inventoryItemId: item.id,
        components: (v.components ?? []).map((c) => ({ id: this.id(), ...c })),
        requiresComponents: Boolean(v.components?.length),
      };
      shop.variants.push(variant);
      return variant;
    });
    return { product, variants };
  }

  addCustomer(
    domain: string,
    input: Omit<Customer, "id" | "createdAt" | "tags" | "phone" | "emailMarketing"> & Partial<Customer>,
  ): Customer {
    const customer: Customer = {
      phone: null,
      emailMarketing: "NOT_SUBSCRIBED",
      tags: [],
      ...input,
      id: this.id(),
      createdAt: this.clock.now(),
    };
    this.shop(domain).customers.push(customer);
    return customer;
  }

  /**
   * A checkout completes: the order is created, stock is committed at the location (available may
   * go negative when the shop oversells), and orders/create is announced.
   */
  createOrder(
    domain: string,
    input: {
      customerId: number;
      lines: { variantId: number; quantity: number; price?: Money }[];
      gateway?: string;
      shippingPrice?: Money;
      discountCodes?: string[];
      tags?: string[];
      createdAt?: Date;
      locationId?: number;
      fulfillBy?: Date;
      note?: string;
    },
  ): Order {
    const shop = this.shop(domain);
    const customer = shop.customers.find((c) => c.id === input.customerId);
    if (!customer) throw new Error(`createOrder: no customer ${input.customerId} in ${domain}`);
    const location = input.locationId ?? shop.locations[0]?.id;
    if (location === undefined) throw new Error(`createOrder: ${domain} has no location`);
    const createdAt = input.createdAt ?? this.clock.now();
    const lineItems = input.lines.map((line): LineItem => {
      const variant = shop.variants.find((v) => v.id === line.variantId);
      if (!variant) throw new Error(`createOrder: no variant ${line.variantId} in ${domain}`);
      const product = shop.products.find((p) => p.id === variant.productId)!;
      return {
        id: this.id(),
        variantId: variant.id,
        productId: product.id,
        title: product.title,
        variantTitle: variant.title,
        sku: variant.sku,
        vendor: product.vendor,
        quantity: line.quantity,
        price: line.price ?? variant.price,
        fulfillableQuantity: line.quantity,
        removedQuantity: 0,
        discountAmount: "0.00",
      };
    });
    const orderId = this.id();
    const gateway = input.gateway ?? "shopify_payments";
    const order: Order = {
      transactions: [],
      refunds: [],
      discountAmount: "0.00",
      id: orderId,
      name: `#${1001 + shop.orders.length}`,
      email: customer.email,
      customerId: customer.id,
      phone: customer.phone,
      currencyCode: shop.currencyCode,
      createdAt,
      updatedAt: createdAt,
      processedAt: createdAt,
      cancelledAt: null,
      cancelReason: null,
      closedAt: null,
      financialStatus: input.gateway === "Cash on Delivery (COD)" ? "pending" : "paid",
      fulfillmentStatus: null,
      lineItems,
      shippingLines: [
        { title: "Standard", code: "standard", price: input.shippingPrice ?? STANDARD_SHIPPING },
      ],
      discountCodes: input.discountCodes ?? [],
      paymentGatewayNames: [gateway],
      tags: input.tags ?? [],
      note: input.note ?? null,
      metafields: new Map(),
      locationId: location,
      shippingAddress: {
        firstName: customer.firstName,
        lastName: customer.lastName,
        phone: customer.phone,
        ...(customer.address ?? {
          address1: "Calle Mayor 1",
          city: "Madrid",
          zip: "28013",
          countryCode: "ES",
          country: "Spain",
        }),
      },
    };
    // Codes are checked and applied as checkout would; a code checkout refuses stops the order.
    const discount = redeemCodes(this, shop, order, input.discountCodes ?? []);
    order.discountAmount = fromCents(discount);
    if (order.financialStatus === "paid") {
      // Cash on delivery is paid at the door; everything else is captured at checkout.
      const total =
        order.lineItems.reduce((sum, li) => sum + toCents(li.price) * li.quantity, 0) -
        discount +
        order.shippingLines.reduce((sum, l) => sum + toCents(l.price), 0);
      order.transactions.push({
        id: this.id(),
        kind: "SALE",
        gateway,
        amount: fromCents(total),
        createdAt,
        parentId: null,
      });
    }
    shop.orders.push(order);
    // Shopify splits an order into fulfillment orders per location; the sandbox has one.
    shop.fulfillmentOrders.push({
      id: this.id(),
      orderId: order.id,
      locationId: location,
      status: "OPEN",
      fulfillAt: createdAt,
      fulfillBy: input.fulfillBy ?? null,
      createdAt,
      updatedAt: createdAt,
      holds: [],
      lineItems: lineItems.map((li) => ({
        id: this.id(),
        lineItemId: li.id,
        totalQuantity: li.quantity,
        remainingQuantity: li.quantity,
      })),
    });
    for (const line of lineItems) {
      const variant = shop.variants.find((v) => v.id === line.variantId)!;
      // Checkout commits stock, and Shopify announces the new `available`.
      this.changeQuantities(domain, variant.inventoryItemId, location, {
        available: -line.quantity,
        committed: line.quantity,
      });
    }
    this.emit_(domain, "orders/create", () => ({ order, shop }));
    return order;
  }

  /** Applies deltas to named quantities; on_hand follows the physical ones. */
  changeQuantities(
    domain: string,
    inventoryItemId: number,
    locationId: number,
    deltas: Partial<Record<QuantityName, number>>,
    announce = true,
  ) {
    const shop = this.shop(domain);
    const item = shop.inventoryItems.find((i) => i.id === inventoryItemId);
    const level = item?.levels.get(locationId);
    if (!item || !level) throw new Error(`no inventory level for item ${inventoryItemId} at ${locationId}`);
    for (const [name, delta] of Object.entries(deltas) as [QuantityName, number][]) level[name] += delta;
    level.on_hand =
      level.available +
      level.committed +
      level.damaged +
      level.quality_control +
      level.reserved +
      level.safety_stock;
    if (announce) {
      this.emit_(domain, "inventory_levels/update", () => ({
        inventoryItemId,
        locationId,
        available: level.available,
        at: this.clock.now(),
      }));
    }
    return level;
  }

  /** The shipping charge changes after checkout (a courier's cash-on-delivery fee, say). */
  changeShippingPrice(domain: string, order: Order, price: Money) {
    order.shippingLines[0].price = price;
    order.updatedAt = this.clock.now();
    this.emit_(domain, "orders/updated", () => ({ order }));
  }

  addTags(domain: string, order: Order, tags: string[]) {
    const fresh = tags.filter((t) => !order.tags.includes(t));
    if (!fresh.length) return;
    order.tags.push(...fresh);
    order.updatedAt = this.clock.now();
    this.emit_(domain, "orders/updated", () => ({ order, shop: this.shop(domain) }));
  }
}
