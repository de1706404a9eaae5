// A storefront checkout on the shop's own domain (http://<shop>.localhost:<port>), for a person
// playing a customer: who checks out (the demo shop's customers), products and quantities, a
// discount code (applied or refused in Shopify's words, see store-discounts.ts), card or cash on
// delivery. Paying creates the order exactly as the control API's POST /sandbox/orders does
// (store.createOrder), so the app hears of it through the same webhooks. Then the order status
// page, at Shopify's address for it (/<shop id>/orders/<token>).
import { createHmac, randomBytes } from "node:crypto";
import type http from "node:http";
import {
  fromCents,
  STANDARD_SHIPPING,
  toCents,
  type Customer,
  type Order,
  type SandboxStore,
  type ShopState,
} from "../store";
import { CheckoutRefused, checkCode, codeAmount } from "../store-discounts";
import { orderMoney, currentQuantity } from "../store-orders";
import { customerLocale, dateTime, esc, money, page, redirect, sendHtml } from "./customer-html";

const PAYMENTS = {
  card: { gateway: "shopify_payments", words: "Card" },
  cod: { gateway: "Cash on Delivery (COD)", words: "Cash on Delivery (COD)" },
} as const;
type Payment = keyof typeof PAYMENTS;

/** The checkout for `email`, with `code` typed in (paths are on the shop's storefront). */
export const checkoutPath = (email?: string, code?: string) => {
  const query = new URLSearchParams({
    ...(email ? { customer: email } : {}),
    ...(code ? { discount: code } : {}),
  }).toString();
  return `/checkout${query ? `?${query}` : ""}`;
};

// Order status addresses carry a token only the store can make: unguessable, new each run.
const TOKEN_KEY = randomBytes(16);
const tokenOf = (order: Order) =>
  createHmac("sha256", TOKEN_KEY).update(String(order.id)).digest("hex").slice(0, 32);
export const orderStatusPath = (shop: ShopState, order: Order) => `/${shop.id}/orders/${tokenOf(order)}`;

type Form = { customer: string; quantities: Map<number, number>; discount: string; payment: Payment };
type Problems = { discount?: string; cart?: string; customer?: string };

const sellable = (shop: ShopState) =>
  shop.variants.filter((v) => shop.products.find((p) => p.id === v.productId)?.status === "ACTIVE");
const localeOf = (shop: ShopState, customer: Customer | undefined) =>
  customerLocale(customer?.locale ?? shop.primaryLocale, shop.countryCode);
const nameOf = (c: Customer) => `${c.firstName} ${c.lastName}`;

function readForm(shop: ShopState, fields: URLSearchParams): Form {
  const quantities = new Map<number, number>();
  for (const v of sellable(shop)) {
    const n = Number(fields.get(`quantity-${v.id}`) ?? "0");
    if (Number.isInteger(n) && n > 0) quantities.set(v.id, Math.min(n, 99));
  }
  const payment = fields.get("payment") === "cod" ? "cod" : "card";
  return {
    customer: fields.get("customer") ?? shop.customers[0]?.email ?? "",
    quantities,
    discount: (fields.get("discount") ?? "").trim(),
    payment,
  };
}

/** The summary checkout shows: subtotal, the code's discount (when it applies), shipping, total. */
function summary(
  shop: ShopState,
  form: Form,
  applied: { code: string; cents: number } | null,
  locale: string,
) {
  const lines = [...form.quantities].map(([id, quantity]) => ({
    variant: shop.variants.find((v) => v.id === id)!,
    quantity,
  }));
  const subtotal = lines.reduce((sum, l) => sum + toCents(l.variant.price) * l.quantity, 0);
  const shipping = lines.length ? toCents(STANDARD_SHIPPING) : 0;
  const m = (cents: number) => esc(money(fromCents(cents), shop.currencyCode, locale));
  return `<section aria-labelledby="summary"><h2 id="summary">Order summary</h2><table><tbody>
    <tr><th scope="row">Subtotal</th><td class="num">${m(subtotal)}</td></tr>
    ${applied ? `<tr><th scope="row">Discount (${esc(applied.code)})</th><td class="num">−${m(applied.cents)}</td></tr>` : ""}
    <tr><th scope="row">Shipping (Standard)</th><td class="num">${m(shipping)}</td></tr>
    <tr><th scope="row">Total</th><td class="num"><strong>${m(subtotal - (applied?.cents ?? 0) + shipping)}</strong></td></tr>
  </tbody></table></section>`;
}

function checkoutPage(
  store: SandboxStore,
  domain: string,
  form: Form,
  problems: Problems,
  applied: { code: string; cents: number } | null,
) {
  const shop = store.shop(domain);
  const customer = shop.customers.find((c) => c.email === form.customer);
  const locale = localeOf(shop, customer);
  const options = shop.customers
    .map(
      (c) =>
        `<option value="${esc(c.email)}"${c.email === form.customer ? " selected" : ""}>${esc(nameOf(c))} (${esc(c.email)})</option>`,
    )
    .join("");
  const rows = sellable(shop)
    .map((v) => {
      const product = shop.products.find((p) => p.id === v.productId)!;
      return `<tr><td><label for="quantity-${v.id}" style="font-weight:normal;margin:0">${esc(product.title)}</label><span class="note"> — ${esc(product.vendor)}</span></td>
      <td class="num">${esc(money(v.price, shop.currencyCode, locale))}</td>
      <td class="num"><input type="number" id="quantity-${v.id}" name="quantity-${v.id}" min="0" max="99" step="1" value="${form.quantities.get(v.id) ?? 0}"></td></tr>`;
    })
    .join("");
  const error = (id: string, text?: string) =>
    text ? `<p id="${id}-error" class="error" role="alert">${esc(text)}</p>` : "";
  const described = (id: string, text?: string) =>
    text ? ` aria-describedby="${id}-error" aria-invalid="true"` : "";
  const body = `<h1>${esc(shop.name)} — Checkout</h1>
  <form method="post" action="/checkout">
    <fieldset><legend>Contact</legend>
      <label for="customer">Customer</label><select id="customer" name="customer"${described("customer", problems.customer)}>${options}</select>${error("customer", problems.customer)}
      <p class="note">Who checks out. On Shopify the customer signs in or types their email; here you choose one of the shop's customers.</p></fieldset>
    <fieldset><legend>Products</legend>${error("cart", problems.cart)}
      <table><thead><tr><th scope="col">Product</th><th scope="col" class="num">Price</th><th scope="col" class="num">Quantity</th></tr></thead><tbody>${rows}</tbody></table></fieldset>
    <fieldset><legend>Discount</legend>
      <label for="discount">Discount code</label>
      <input type="text" id="discount" name="discount" value="${esc(form.discount)}" autocomplete="off"${described("discount", problems.discount)}>
      <button type="submit" name="intent" value="apply" class="secondary">Apply</button>${error("discount", problems.discount)}
      ${applied ? `<p role="status">${esc(applied.code)} applied</p>` : ""}</fieldset>
    <fieldset><legend>Payment</legend>
      ${(Object.keys(PAYMENTS) as Payment[]).map((p) => `<label class="choice"><input type="radio" name="payment" value="${p}"${form.payment === p ? " checked" : ""}> ${esc(PAYMENTS[p].words)}</label>`).join("")}
      <p class="note">Card: paid now (no card number in the sandbox). Cash on delivery: paid to the courier.</p></fieldset>
    ${summary(shop, form, applied, locale)}
    <button type="submit" name="intent" value="pay">Pay now</button>
  </form>`;
  return page({ title: `Checkout — ${shop.name}`, bar: bar(store, domain, form.customer), body });
}

function bar(store: SandboxStore, domain: string, email?: string) {
  const mailbox = `http://localhost:${store.storefrontPort}/sandbox/mail${email ? `?to=${encodeURIComponent(email)}` : ""}`;
  return `Sandbox: ${esc(store.shop(domain).name)}'s storefront (a stand-in for Shopify's checkout). <a href="${esc(mailbox)}">The customers' mailbox</a>`;
}

/** The code as checkout applies it to this cart, or the words checkout refuses it with. */
function applyCode(store: SandboxStore, shop: ShopState, form: Form, customer: Customer | undefined) {
  if (!form.discount) return { applied: null };
  try {
    const d = checkCode(store, shop, customer?.id ?? null, form.discount);
    const lines = [...form.quantities].map(([id, quantity]) => ({
      price: shop.variants.find((v) => v.id === id)!.price,
      quantity,
    }));
    const subtotal = lines.reduce((sum, l) => sum + toCents(l.price) * l.quantity, 0);
    return {
      applied: {
        code: d.code,
        cents: codeAmount(
          d,
          subtotal,
          lines.reduce((n, l) => n + l.quantity, 0),
        ),
      },
    };
  } catch (error) {
    if (error instanceof CheckoutRefused) return { refused: error.shown, applied: null };
    throw error;
  }
}

function checkout(store: SandboxStore, domain: string, fields: URLSearchParams, res: http.ServerResponse) {
  const shop = store.shop(domain);
  const form = readForm(shop, fields);
  const customer = shop.customers.find((c) => c.email === form.customer);
  const { applied, refused } = applyCode(store, shop, form, customer);
  const problems: Problems = { discount: refused };
  if (!customer) problems.customer = "Choose who checks out";
  if (fields.get("intent") !== "pay" || refused || !customer)
    return sendHtml(res, 200, checkoutPage(store, domain, form, problems, applied));
  if (form.quantities.size === 0)
    return sendHtml(
      res,
      200,
      checkoutPage(
        store,
        domain,
        form,
        { cart: "Your cart is empty: choose a quantity of at least one product" },
        applied,
      ),
    );
  try {
    // As POST /sandbox/orders: the store's checkout, which announces orders/create to the app.
    const order = store.createOrder(domain, {
      customerId: customer.id,
      lines: [...form.quantities].map(([variantId, quantity]) => ({ variantId, quantity })),
      discountCodes: form.discount ? [form.discount] : [],
      gateway: PAYMENTS[form.payment].gateway,
    });
    return redirect(res, orderStatusPath(shop, order));
  } catch (error) {
    if (error instanceof CheckoutRefused)
      return sendHtml(res, 200, checkoutPage(store, domain, form, { discount: error.shown }, null));
    throw error;
  }
}

/** Where the order's parcels are, in Shopify's order status words. */
function fulfillmentState(shop: ShopState, order: Order, locale: string) {
  if (order.cancelledAt) return { words: "Cancelled", detail: "This order was cancelled." };
  const parcels = shop.fulfillments.filter((f) => f.orderId === order.id && f.status === "SUCCESS");
  if (!parcels.length) return { words: "Confirmed", detail: "We’re getting your order ready." };
  const last = parcels[parcels.length - 1];
  const words: Record<string, string> = {
    in_transit: "On its way",
    out_for_delivery: "Out for delivery",
    delivered: "Delivered",
    attempted_delivery: "Delivery attempted",
    failure: "Delivery failed",
    delayed: "Delayed",
    ready_for_pickup: "Ready for pickup",
    confirmed: "Shipped",
    label_printed: "Shipped",
  };
  const eta =
    last.estimatedDeliveryAt && !last.deliveredAt
      ? ` Estimated delivery: ${dateTime(last.estimatedDeliveryAt, locale, shop.ianaTimezone)}.`
      : "";
  const tracking = last.trackingCompany
    ? ` ${last.trackingCompany}${last.trackingNumber ? ` tracking number ${last.trackingNumber}` : ""}.`
    : "";
  return { words: words[last.shipmentStatus ?? ""] ?? "Shipped", detail: `${tracking}${eta}`.trim() };
}

function statusPage(store: SandboxStore, domain: string, order: Order) {
  const shop = store.shop(domain);
  const customer = shop.customers.find((c) => c.id === order.customerId);
  const locale = localeOf(shop, customer);
  const m = (cents: number) => esc(money(fromCents(cents), order.currencyCode, locale));
  const totals = orderMoney(order);
  const cod = order.paymentGatewayNames[0] === PAYMENTS.cod.gateway;
  const state = fulfillmentState(shop, order, locale);
  const lines = order.lineItems
    .map(
      (
        li,
      ) => `<tr><td>${esc(li.title)}${currentQuantity(li) < li.quantity ? ` <span class="note">(${li.quantity - currentQuantity(li)} removed from the order)</span>` : ""}</td>
    <td class="num">${currentQuantity(li)}</td><td class="num">${m(toCents(li.price) * currentQuantity(li))}</td></tr>`,
    )
    .join("");
  const address = order.shippingAddress;
  const body = `<p class="note">${esc(shop.name)}</p>
  <h1>Order ${esc(order.name)}</h1>
  <p>Thank you${customer ? `, ${esc(customer.firstName)}` : ""}! Placed ${esc(dateTime(order.createdAt, locale, shop.ianaTimezone))}.</p>
  <section aria-labelledby="state"><h2 id="state">${esc(state.words)}</h2>${state.detail ? `<p>${esc(state.detail)}</p>` : ""}</section>
  <section aria-labelledby="lines"><h2 id="lines">Items</h2><table>
    <thead><tr><th scope="col">Product</th><th scope="col" class="num">Quantity</th><th scope="col" class="num">Price</th></tr></thead><tbody>${lines}</tbody></table>
    <table><tbody>
      <tr><th scope="row">Subtotal</th><td class="num">${m(totals.subtotal)}</td></tr>
      ${totals.discounts ? `<tr><th scope="row">Discount${order.discountCodes.length ? ` (${esc(order.discountCodes.join(", "))})` : ""}</th><td class="num">−${m(totals.discounts)}</td></tr>` : ""}
      <tr><th scope="row">Shipping</th><td class="num">${m(totals.shipping)}</td></tr>
      <tr><th scope="row">Total</th><td class="num"><strong>${m(totals.total)}</strong></td></tr>
      ${totals.refunded ? `<tr><th scope="row">Refunded</th><td class="num">−${m(totals.refunded)}</td></tr>` : ""}
    </tbody></table></section>
  <section aria-labelledby="payment"><h2 id="payment">Payment</h2>
    <p>${cod ? `${esc(PAYMENTS.cod.words)}: ${order.financialStatus === "paid" ? "paid" : `${m(totals.total - totals.received)} to pay on delivery`}` : `${esc(PAYMENTS.card.words)}: ${m(totals.received)} paid`}</p></section>
  ${address ? `<section aria-labelledby="ship-to"><h2 id="ship-to">Shipping address</h2><p>${esc(`${address.firstName} ${address.lastName}`)}<br>${esc(address.address1)}<br>${esc(`${address.zip} ${address.city}`)}<br>${esc(address.country)}</p></section>` : ""}
  <section class="placeholder" aria-labelledby="makegood"><h2 id="makegood">Reserved for MakeGood</h2>
    <p>MakeGood's customer-account extension will show its block for this order here, once the extension exists. Nothing stands in for it today: this region only marks its place.</p></section>
  <p><a href="${esc(checkoutPath(order.email))}">Continue shopping</a></p>`;
  return page({ title: `Order ${order.name} — ${shop.name}`, bar: bar(store, domain, order.email), body });
}

/** Answers the storefront's pages on `domain`'s own host; false when the request is not one of them. */
export function storefrontPages(
  store: SandboxStore,
  domain: string,
  url: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: () => Promise<string>,
): Promise<void> | boolean {
  const shop = store.shop(domain);
  if (req.method === "GET" && url.pathname === "/") {
    redirect(res, checkoutPath());
    return true;
  }
  if (url.pathname === "/checkout" && req.method === "GET") {
    const fields = new URLSearchParams({
      customer: url.searchParams.get("customer") ?? shop.customers[0]?.email ?? "",
      discount: url.searchParams.get("discount") ?? "",
    });
    const form = readForm(shop, fields);
    const customer = shop.customers.find((c) => c.email === form.customer);
    const { applied, refused } = applyCode(store, shop, form, customer);
    sendHtml(res, 200, checkoutPage(store, domain, form, { discount: refused }, applied));
    return true;
  }
  if (url.pathname === "/checkout" && req.method === "POST")
    return body().then((raw) => checkout(store, domain, new URLSearchParams(raw), res));
  const status = req.method === "GET" && url.pathname.match(/^\/(\d+)\/orders\/([0-9a-f]{32})$/);
  if (status && Number(status[1]) === shop.id) {
    const order = shop.orders.find((o) => tokenOf(o) === status[2]);
    if (order) {
      sendHtml(res, 200, statusPage(store, domain, order));
      return true;
    }
  }
  return false;
}
