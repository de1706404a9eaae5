// The demo shop's orders as the stage lists them: newest first, each with its payment, shipping
// and parcels in words, and a link to what the app opened for it. Lines show what is on the order
// now (Shopify's currentQuantity): what an order edit took off is struck through and said so.
import type { Order, ShopState } from "../store";
import { currentQuantity } from "../store-orders";
import { html } from "./html";
import { orderIncidents } from "./links";
import { orderState, parcelWords, when } from "./words";

function lineWords(line: Order["lineItems"][number]) {
  const now = currentQuantity(line);
  if (now === 0) return html`<del>${line.quantity} × ${line.title}</del> removed by an order edit<br />`;
  return html`${now} ×
    ${line.title}${line.removedQuantity ? ` (${line.removedQuantity} removed by an order edit)` : ""}<br />`;
}

export function ordersSection(shop: ShopState) {
  const zone = shop.ianaTimezone;
  const rows = [...shop.orders].reverse().map((order) => {
    const customer = shop.customers.find((c) => c.id === order.customerId);
    const state = orderState(shop, order);
    const parcels = shop.fulfillments.filter((f) => f.orderId === order.id && f.status === "SUCCESS");
    return html`<tr id="order-${order.id}">
      <th scope="row">${order.name}</th>
      <td>${when(order.createdAt, zone)}</td>
      <td>${customer ? `${customer.firstName} ${customer.lastName}` : order.email}</td>
      <td>${order.lineItems.map(lineWords)}</td>
      <td>${state.payment}</td>
      <td>${state.shipping}</td>
      <td>${parcels.length ? parcels.map((p) => html`${parcelWords(p, zone)}<br />`) : "none"}</td>
      <td><a href="${orderIncidents(shop.domain, order.name)}">Incidents for ${order.name}</a></td>
    </tr>`;
  });
  return html`<section aria-labelledby="orders-title">
    <h2 id="orders-title">Orders of ${shop.name}</h2>
    <p class="hint">
      ${shop.orders.length} orders, newest first, as Shopify's admin has them now. Times in ${zone}.
    </p>
    <table>
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Placed</th>
          <th scope="col">Customer</th>
          <th scope="col">Items</th>
          <th scope="col">Payment</th>
          <th scope="col">Shipping</th>
          <th scope="col">Parcels</th>
          <th scope="col">In the app</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </section>`;
}
