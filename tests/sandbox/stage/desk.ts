// The carrier desk: ship an order (a fulfillment with a carrier and a tracking number), then move
// its parcel as the carrier reports it — each report a fulfillment event, announced to the app as
// Shopify announces it (fulfillment_events/create, then fulfillments/update).
import { TZDate } from "@date-fns/tz";
import type { ShopState } from "../store";
import { addFulfillmentEvent, createFulfillment } from "../store-fulfillment";
import type { StageDeps } from "./deps";
import { html } from "./html";
import { orderIncidents } from "./links";
import { withTopics, type Outcome } from "./outcome";
import { parcelWords, shipmentWords, when } from "./words";

/** Shopify's FulfillmentEventStatus values a carrier desk sends, in the order a parcel lives them. */
export const CARRIER_STATUSES = [
  "IN_TRANSIT",
  "OUT_FOR_DELIVERY",
  "DELAYED",
  "ATTEMPTED_DELIVERY",
  "FAILURE",
  "DELIVERED",
] as const;
const CARRIERS = ["Correos Express", "SEUR", "Fan Courier", "Royal Mail"];
const DAY = 86_400_000;

/** A date field (YYYY-MM-DD) as the end of the carrier's day in the shop's zone; null when empty. */
function estimateFrom(text: string | null, timeZone: string): Date | null | "invalid" {
  if (!text) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return "invalid";
  const at = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 18, 0, 0, timeZone);
  return Number.isNaN(at.getTime()) ? "invalid" : new Date(at.getTime());
}

const dateValue = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    at,
  );

export function deskSection(deps: StageDeps, shop: ShopState) {
  const zone = shop.ianaTimezone;
  const query = `?shop=${encodeURIComponent(shop.domain)}`;
  const toShip = shop.fulfillmentOrders.filter((f) => f.status === "OPEN").reverse();
  const parcels = shop.fulfillments.filter((f) => f.status === "SUCCESS").reverse();
  const orderName = (id: number) => shop.orders.find((o) => o.id === id)?.name ?? String(id);
  const inTwoDays = dateValue(new Date(deps.clock.now().getTime() + 2 * DAY), zone);
  return html`<section aria-labelledby="desk-title">
    <h2 id="desk-title">Carrier desk</h2>
    <form method="post" action="/sandbox/home/ship${query}" aria-labelledby="ship-title">
      <h3 id="ship-title">Ship an order</h3>
      ${
        toShip.length
          ? html`<p>
                <label for="ship-order">Order waiting to ship</label>
                <select id="ship-order" name="fulfillmentOrder">
                  ${toShip.filter((f) => unitsLeft(f) > 0).map((f) => html`<option value="${f.id}">${orderName(f.orderId)} (${unitsLeft(f)} unit${unitsLeft(f) === 1 ? "" : "s"})</option>`)}
                </select>
              </p>
              <p>
                <label for="ship-carrier">Carrier</label>
                <select id="ship-carrier" name="carrier">
                  ${CARRIERS.map((c) => html`<option>${c}</option>`)}
                </select>
                <label for="ship-tracking">Tracking number</label>
                <input id="ship-tracking" name="tracking" type="text" aria-describedby="ship-tracking-hint" />
                <span id="ship-tracking-hint" class="hint">empty: one is made up</span>
              </p>
              <p>
                <label for="ship-estimate">Estimated delivery</label>
                <input id="ship-estimate" name="estimate" type="date" value="${inTwoDays}" />
              </p>
              <button type="submit">Ship</button>`
          : html`<p>No order is waiting to ship (an order on hold ships once its hold is released).</p>`
      }
    </form>
    <form method="post" action="/sandbox/home/parcel${query}" aria-labelledby="parcel-title">
      <h3 id="parcel-title">Move a parcel</h3>
      ${
        parcels.length
          ? html`<p>
                <label for="parcel">Parcel</label>
                <select id="parcel" name="fulfillment">
                  ${parcels.map((f) => html`<option value="${f.id}">${parcelWords(f, zone)}</option>`)}
                </select>
              </p>
              <fieldset>
                <legend>What the carrier reports</legend>
                ${CARRIER_STATUSES.map((s, i) => html`<input type="radio" id="status-${s}" name="status" value="${s}" ${i === 0 ? html`checked` : ""} /> <label for="status-${s}">${shipmentWords(s.toLowerCase())}</label>`)}
              </fieldset>
              <p>
                <label for="parcel-estimate">New estimated delivery</label>
                <input
                  id="parcel-estimate"
                  name="estimate"
                  type="date"
                  aria-describedby="parcel-estimate-hint"
                />
                <span id="parcel-estimate-hint" class="hint">empty: the carrier's estimate stays</span>
                <label for="parcel-message">Carrier's message</label>
                <input id="parcel-message" name="message" type="text" />
              </p>
              <button type="submit">Send the carrier's event</button>`
          : html`<p>No parcel has left yet: ship an order first.</p>`
      }
    </form>
  </section>`;
}

export function shipOrder(deps: StageDeps, shop: ShopState, form: URLSearchParams): Outcome {
  const fo = shop.fulfillmentOrders.find((f) => f.id === Number(form.get("fulfillmentOrder")));
  const order = fo && shop.orders.find((o) => o.id === fo.orderId);
  if (!fo || !order)
    return {
      title: "Nothing was shipped",
      refused: true,
      said: ["Choose an order waiting to ship."],
      links: [],
    };
  const estimate = estimateFrom(form.get("estimate"), shop.ianaTimezone);
  if (estimate === "invalid")
    return {
      title: "Nothing was shipped",
      refused: true,
      said: ["The estimated delivery must be a date."],
      links: [],
    };
  const company = form.get("carrier") || CARRIERS[0];
  const number = form.get("tracking")?.trim() || `${company.slice(0, 2).toUpperCase()}${order.id}${fo.id}`;
  const { result, topics } = withTopics(deps.store, () =>
    createFulfillment(deps.store, shop.domain, fo.id, { company, number, estimatedDeliveryAt: estimate }),
  );
  if (result.errors)
    return {
      title: `${order.name} was not shipped`,
      refused: true,
      said: result.errors.map((e) => e.message),
      links: [],
    };
  return {
    title: `${order.name} shipped as parcel ${result.ok.name}`,
    topics,
    said: [
      `${company} ${number}${estimate ? `, expected ${when(estimate, shop.ianaTimezone, false)}` : ""}.`,
    ],
    links: [{ text: `The app's incidents for ${order.name}`, href: orderIncidents(shop.domain, order.name) }],
  };
}

export function moveParcel(deps: StageDeps, shop: ShopState, form: URLSearchParams): Outcome {
  const parcel = shop.fulfillments.find((f) => f.id === Number(form.get("fulfillment")));
  const order = parcel && shop.orders.find((o) => o.id === parcel.orderId);
  const status = form.get("status") ?? "";
  if (!parcel || !order)
    return { title: "No carrier event was sent", refused: true, said: ["Choose a parcel."], links: [] };
  if (!(CARRIER_STATUSES as readonly string[]).includes(status))
    return {
      title: "No carrier event was sent",
      refused: true,
      said: ["Choose what the carrier reports."],
      links: [],
    };
  const estimate = estimateFrom(form.get("estimate"), shop.ianaTimezone);
  if (estimate === "invalid")
    return {
      title: "No carrier event was sent",
      refused: true,
      said: ["The estimated delivery must be a date."],
      links: [],
    };
  const { result, topics } = withTopics(deps.store, () =>
    addFulfillmentEvent(deps.store, shop.domain, parcel.id, {
      status,
      message: form.get("message")?.trim() || null,
      estimatedDeliveryAt: estimate,
    }),
  );
  if (result.errors)
    return {
      title: "No carrier event was sent",
      refused: true,
      said: result.errors.map((e) => e.message),
      links: [],
    };
  return {
    title: `Parcel ${parcel.name}: ${shipmentWords(status.toLowerCase())}`,
    topics,
    said: [parcelWords(result.ok, shop.ianaTimezone)],
    links: [{ text: `The app's incidents for ${order.name}`, href: orderIncidents(shop.domain, order.name) }],
  };
}

/** Units of a fulfillment order still to ship (one whose units were all refunded has none: not offered). */
const unitsLeft = (f: { lineItems: { remainingQuantity: number }[] }) =>
  f.lineItems.reduce((n, l) => n + l.remainingQuantity, 0);
