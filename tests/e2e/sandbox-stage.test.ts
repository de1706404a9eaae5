// The sandbox admin home as a person uses it, in Chromium and nothing else: a scenario played by
// its button leads to the incident the app opened; the clock button makes a new order's ship-by
// date pass for the app too (a late shipment appears); the carrier desk ships an order and
// reports its parcel's delivery failed, and the app opens that incident. Screenshots of each page.
import { describe, expect, it } from "vitest";
import { BROWSER_FLOW, setupLauncher } from "../helpers/setup-launcher";
import {
  DEMO,
  personPage,
  screenshot,
  storeOrder,
  webhooksDelivered,
  type PersonPage,
} from "../helpers/person";
import { until } from "../helpers/wait";

const { launcher, browser } = setupLauncher();

const homeUrl = () => `${launcher.sandboxUrl}/sandbox/home`;

/** The order name the stage's outcome names: "Played new-order: order #1031". */
async function playedOrder(page: PersonPage, scenario: string) {
  await page.getByRole("button", { name: `Play ${scenario}`, exact: true }).click();
  const title = await page
    .getByRole("status")
    .getByRole("heading", { name: new RegExp(`^Played ${scenario}: order #\\d+$`) })
    .textContent();
  return title!.match(/#\d+/)![0];
}

/** On the app's All incidents page (searched by the order), until a row of `type` for it shows. */
async function incidentRow(page: PersonPage, orderName: string, type: string) {
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: orderName, exact: true }) })
    .filter({ hasText: type });
  await until(
    `a ${type} incident for ${orderName} in the app`,
    async () => {
      if (await row.first().isVisible()) return true;
      await page.reload({ waitUntil: "networkidle" });
      return row.first().isVisible();
    },
    Boolean,
    250,
  );
  return row.first();
}

describe("the sandbox admin home", () => {
  it(
    "plays a scenario, moves the clock and the parcel, each reaching the app's incidents",
    async () => {
      expect(launcher.output()).toContain(`${launcher.sandboxUrl}/sandbox/home`);
      expect(launcher.output()).toMatch(
        /410 Gone to headless Chromium's default user agent \("HeadlessChrome"\); set a desktop one/,
      );
      const page = await personPage(browser);
      await page.goto(homeUrl(), { waitUntil: "networkidle" });
      await page.getByRole("heading", { name: "Sandbox admin: Farmacia Demo", level: 1 }).waitFor();
      for (const name of ["Clock", "Scenarios", "Carrier desk", "Orders of Farmacia Demo", "Faults"]) {
        expect(await page.getByRole("heading", { name, level: 2 }).isVisible()).toBe(true);
      }
      await screenshot(page, "stage-home");

      // A scenario from its button, then its link into the app, then the incident itself.
      const expired = await playedOrder(page, "expired-last-unit");
      await screenshot(page, "stage-scenario-played");
      await page.getByRole("link", { name: `The app's incidents for ${expired}` }).click();
      const stockRow = await incidentRow(page, expired, "Stock mismatch");
      await stockRow.getByRole("link", { name: expired }).click();
      await page.getByRole("heading", { name: "What happened" }).waitFor();

      // The clock: a new order is not late; four business days later it is, for the app too (the
      // app gives an order its own day plus 2 handling days, counted from the next business day).
      await page.goto(homeUrl(), { waitUntil: "networkidle" });
      const fresh = await playedOrder(page, "new-order");
      await webhooksDelivered(launcher);
      await page.getByLabel("Business days").fill("4");
      await page.getByRole("button", { name: "+ business days" }).click();
      const moved = page.getByRole("status");
      await moved.getByRole("heading", { name: "The clock moved forward 4 business days" }).waitFor();
      expect(await moved.getByText(/^The app's deadline scan ran at once/).textContent()).toMatch(
        /\d+ late incidents? opened/,
      );
      expect(
        await page
          .getByText(/ahead of real time\.?/)
          .first()
          .isVisible(),
      ).toBe(true);
      await screenshot(page, "stage-clock-moved");
      await page
        .locator(`#order-${(await storeOrder(launcher, fresh)).id.split("/").pop()}`)
        .getByRole("link", { name: `Incidents for ${fresh}` })
        .click();
      await incidentRow(page, fresh, "Late shipment");

      // The carrier desk: ship the late order, then its parcel fails at delivery.
      await page.goto(homeUrl(), { waitUntil: "networkidle" });
      await page.getByLabel("Order waiting to ship").selectOption({ label: `${fresh} (1 unit)` });
      await page.getByLabel("Carrier", { exact: true }).selectOption("SEUR");
      await page.getByLabel("Tracking number").fill("SE-STAGE-1");
      await page.getByRole("button", { name: "Ship", exact: true }).click();
      await page
        .getByRole("status")
        .getByRole("heading", { name: `${fresh} shipped as parcel ${fresh}.1` })
        .waitFor();
      await screenshot(page, "stage-order-shipped");
      const parcel = await page
        .getByLabel("Parcel", { exact: true })
        .locator("option", { hasText: `${fresh}.1 · SEUR SE-STAGE-1` })
        .getAttribute("value");
      await page.getByLabel("Parcel", { exact: true }).selectOption(parcel!);
      await page.getByRole("radio", { name: "delivery failed" }).check();
      await page.getByLabel("Carrier's message").fill("Nobody home, address incomplete");
      await page.getByRole("button", { name: "Send the carrier's event" }).click();
      const reported = page.getByRole("status");
      await reported.getByRole("heading", { name: `Parcel ${fresh}.1: delivery failed` }).waitFor();
      expect(
        await reported
          .getByText(/^Shopify sent the app: fulfillment_events\/create, fulfillments\/update\.$/)
          .isVisible(),
      ).toBe(true);
      await screenshot(page, "stage-parcel-failed");
      await reported.getByRole("link", { name: `The app's incidents for ${fresh}` }).click();
      const failedRow = await incidentRow(page, fresh, "Delivery failed");
      await failedRow.getByRole("link", { name: fresh }).click();
      await page.getByRole("heading", { name: "What happened" }).waitFor();
      await screenshot(page, "stage-app-delivery-failed");

      // The store agrees: the order left, and the home lists it fulfilled with its failed parcel.
      expect((await storeOrder(launcher, fresh)).fulfillmentOrders.map((f) => f.status)).toEqual(["CLOSED"]);
      await page.goto(homeUrl(), { waitUntil: "networkidle" });
      const row = page
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: fresh, exact: true }) });
      expect(await row.innerText()).toMatch(/fulfilled[\s\S]*SEUR SE-STAGE-1 · delivery failed/);
      expect(page.errors).toEqual([]);
      await page.close();
    },
    BROWSER_FLOW,
  );

  it(
    "refuses what a person mistypes, saying why, and changes nothing",
    async () => {
      const page = await personPage(browser);
      await page.goto(homeUrl(), { waitUntil: "networkidle" });
      await page
        .getByRole("form", { name: "customer-redeems-code" })
        .getByLabel("Compensation code")
        .fill("NO-SUCH-CODE");
      await webhooksDelivered(launcher);
      const before = (await (await fetch(`${launcher.sandboxUrl}/sandbox/webhooks?shop=${DEMO}`)).json()) as {
        deliveries: unknown[];
      };
      await page.getByRole("button", { name: "Play customer-redeems-code" }).click();
      const refused = page.getByRole("status");
      await refused.getByRole("heading", { name: "customer-redeems-code was not played" }).waitFor();
      expect(
        await refused.getByText(`no discount code 'NO-SUCH-CODE' in ${DEMO}: create it first`).isVisible(),
      ).toBe(true);
      await screenshot(page, "stage-refused");
      await webhooksDelivered(launcher);
      const after = (await (await fetch(`${launcher.sandboxUrl}/sandbox/webhooks?shop=${DEMO}`)).json()) as {
        deliveries: unknown[];
      };
      expect(after.deliveries.length).toBe(before.deliveries.length);
      expect(page.errors).toEqual([]);
      await page.close();
    },
    BROWSER_FLOW,
  );
});
