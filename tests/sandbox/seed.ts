// The demo shop: an online parapharmacy like the one in shared/SCENARIOS.md, with vendors,
// expiry-sensitive products, customers in Spanish, Romanian and English, and orders of the last
// days. Seeded silently: it all predates the app's install.
import type { Order, SandboxStore, ShopState, Variant } from "./store";
import { addFulfillmentEvent, createFulfillment } from "./store-fulfillment";
import { cancelOrder, createRefund } from "./store-orders";

export const DEMO_SHOP = "makegood-demo.myshopify.com";

// The pack is a fixed bundle as Shopify models one (its variant's productVariantComponents); its
// own stock stands in for what Shopify would compute from its components'. Products that can
// replace each other across types share a substitute-group:<name> tag (see README, Settings).
const catalogue: {
  title: string;
  vendor: string;
  productType: string;
  tags: string[];
  price: string;
  stock: number;
  contains?: string[];
}[] = [
  {
    title: "Fusion Water Sunscreen SPF 50",
    vendor: "Isdin",
    productType: "Sun care",
    tags: ["sunscreen", "expiry-sensitive"],
    price: "24.90",
    stock: 14,
  },
  {
    title: "Anthelios UVMune 400 Fluid",
    vendor: "La Roche-Posay",
    productType: "Sun care",
    tags: ["sunscreen", "expiry-sensitive"],
    price: "26.50",
    stock: 9,
  },
  {
    title: "Heliocare 360 Gel Oil-Free",
    vendor: "Heliocare",
    productType: "Sun care",
    tags: ["sunscreen", "expiry-sensitive"],
    price: "29.95",
    stock: 6,
  },
  {
    title: "Thermal Spring Water 150 ml",
    vendor: "Avène",
    productType: "Face care",
    tags: ["gift", "expiry-sensitive", "substitute-group:facial-water"],
    price: "8.90",
    stock: 1,
  },
  {
    title: "Sensibio H2O Micellar Water",
    vendor: "Bioderma",
    productType: "Face care",
    tags: ["cleanser", "substitute-group:facial-water"],
    price: "12.40",
    stock: 30,
  },
  {
    title: "Cicalfate+ Repair Cream",
    vendor: "Avène",
    productType: "Face care",
    tags: ["repair"],
    price: "11.75",
    stock: 12,
  },
  {
    title: "Cicaplast Baume B5+",
    vendor: "La Roche-Posay",
    productType: "Face care",
    tags: ["repair"],
    price: "13.20",
    stock: 18,
  },
  {
    title: "Skin Food Original",
    vendor: "Weleda",
    productType: "Body care",
    tags: ["moisturiser"],
    price: "14.50",
    stock: 20,
  },
  {
    title: "Huile Prodigieuse 100 ml",
    vendor: "Nuxe",
    productType: "Body care",
    tags: ["oil"],
    price: "27.90",
    stock: 7,
  },
  {
    title: "Hydra Bébé Face Cream",
    vendor: "Mustela",
    productType: "Baby care",
    tags: ["baby", "expiry-sensitive"],
    price: "10.95",
    stock: 11,
  },
  {
    title: "Calendula Nappy Change Cream",
    vendor: "Weleda",
    productType: "Baby care",
    tags: ["baby"],
    price: "9.80",
    stock: 16,
  },
  {
    title: "Summer Protection Pack (fluid + free spring water)",
    vendor: "Isdin",
    productType: "Sun care",
    tags: ["pack", "expiry-sensitive"],
    price: "31.90",
    stock: 3,
    contains: ["Fusion Water Sunscreen SPF 50", "Thermal Spring Water 150 ml"],
  },
];

const customers = [
  // Some give a phone at checkout (E.164, as Shopify stores a customer's), some do not.
  {
    firstName: "Lucía",
    lastName: "Martín",
    email: "lucia.martin@example.es",
    locale: "es",
    phone: "+34612345678",
  },
  { firstName: "Javier", lastName: "Ruiz", email: "javier.ruiz@example.es", locale: "es" },
  {
    firstName: "Ioana",
    lastName: "Popescu",
    email: "ioana.popescu@example.ro",
    locale: "ro",
    phone: "+40721234567",
  },
  { firstName: "Andrei", lastName: "Ionescu", email: "andrei.ionescu@example.ro", locale: "ro" },
  {
    firstName: "Emma",
    lastName: "Clarke",
    email: "emma.clarke@example.co.uk",
    locale: "en",
    phone: "+447700900123",
  },
  { firstName: "Carmen", lastName: "López", email: "carmen.lopez@example.es", locale: "es" },
];

export function seedDemoShop(store: SandboxStore, domain = DEMO_SHOP) {
  return store.silently(() => {
    store.createShop({
      domain,
      name: "Farmacia Demo",
      email: "hola@farmacia-demo.example",
      currencyCode: "EUR",
      ianaTimezone: "Europe/Madrid",
      primaryLocale: "es",
    });
    store.addLocation(domain, "Almacén Madrid");
    const variants: Variant[] = [];
    catalogue.forEach((p, i) => {
      const components = p.contains?.map((title) => ({
        variantId: variants[catalogue.findIndex((c) => c.title === title)].id,
        quantity: 1,
      }));
      variants.push(
        store.addProduct(domain, {
          title: p.title,
          vendor: p.vendor,
          productType: p.productType,
          tags: p.tags,
          images: [{ alt: p.title }],
          variants: [
            {
              sku: `FD-${String(i + 1).padStart(3, "0")}`,
              price: p.price,
              stock: { available: p.stock },
              components,
            },
          ],
        }).variants[0],
      );
    });
    const people = customers.map((c) => store.addCustomer(domain, c));
    const day = 24 * 3600 * 1000;
    const now = store.clock.now().getTime();
    // Thirty orders over the last ten days, from well-stocked products so the demo starts calm:
    // the oldest delivered, then some in transit with two carriers, one cancelled, one partly
    // refunded, and the newest waiting to ship.
    const stocked = variants.filter((_, i) => catalogue[i].stock >= 10);
    const orders: Order[] = [];
    for (let i = 0; i < 30; i++) {
      const customer = people[i % people.length];
      const lines = [{ variantId: stocked[i % stocked.length].id, quantity: 1 }];
      if (i % 3 === 0) lines.push({ variantId: stocked[(i + 3) % stocked.length].id, quantity: 1 });
      orders.push(
        store.createOrder(domain, {
          customerId: customer.id,
          lines,
          gateway: i % 7 === 0 ? "Cash on Delivery (COD)" : "shopify_payments",
          createdAt: new Date(now - (10 - i / 3) * day),
        }),
      );
    }
    const at = (order: Order, days: number) => new Date(order.createdAt.getTime() + days * day);
    orders.forEach((order, i) => {
      if (i >= 18) return;
      const carrier = i % 2 ? "SEUR" : "Correos Express";
      const fo = store.shop(domain).fulfillmentOrders.find((f) => f.orderId === order.id)!;
      const shipped = createFulfillment(store, domain, fo.id, {
        company: carrier,
        number: `${carrier.slice(0, 2).toUpperCase()}${order.id}`,
        at: at(order, 1),
      }).ok!;
      addFulfillmentEvent(store, domain, shipped.id, {
        status: "IN_TRANSIT",
        happenedAt: at(order, 1.2),
        estimatedDeliveryAt: at(order, 3),
      });
      if (i < 12)
        addFulfillmentEvent(store, domain, shipped.id, {
          status: "DELIVERED",
          happenedAt: at(order, 2.5 + (i % 3) * 0.5),
        });
    });
    const refunded = orders[19].financialStatus === "paid" ? orders[19] : orders[20];
    const line = refunded.lineItems[0];
    createRefund(store, domain, refunded, {
      note: "Box damaged in the warehouse",
      lineItems: [{ lineItemId: line.id, quantity: 1, restockType: "NO_RESTOCK" }],
      transactions: [{ amount: line.price, gateway: refunded.paymentGatewayNames[0], kind: "REFUND" }],
    });
    cancelOrder(store, domain, orders[18], { reason: "CUSTOMER", restock: true, refund: true });
    return { variants, customers: people };
  });
}

/** Orders still waiting to ship: open, not cancelled, nothing fulfilled or refunded. */
export function openOrders(shop: ShopState): Order[] {
  return shop.orders.filter(
    (o) =>
      !o.cancelledAt &&
      o.refunds.length === 0 &&
      shop.fulfillmentOrders.some((f) => f.orderId === o.id && f.status === "OPEN"),
  );
}
