// A COD order held in Shopify until the merchant decides, read in words in the workspace and
// released when the merchant dismisses the incident; an order placed before the install shown in
// the workspace all the same; the incidents index sorted by clicking its headings (next deadline,
// opening), the URL saying which sort is in force.
import { describe, expect, it } from "vitest";
import { BROWSER_FLOW, setupLauncher } from "../helpers/setup-launcher";
import { until } from "../helpers/wait";
import {
  openAppUntil,
  personPage,
  playScenario,
  screenshot,
  storeOrder,
  toast,
  type PersonPage,
} from "../helpers/person";

const { launcher, browser } = setupLauncher();

const ON_HOLD =
  "On hold in Shopify: the order does not ship until you decide — remedy, dismiss or close this incident.";

/** The order names of the index's rows, top to bottom, among `names`. */
const rowOrder = async (page: PersonPage, names: string[]) =>
  (await page.getByRole("row").allTextContents()).flatMap((text) => names.filter((n) => text.includes(n)));

describe("holds and sorting, as a merchant sees them", () => {
  it(
    "cod-amount-mismatch: the workspace says the order is on hold until the merchant decides; dismissing releases it in Shopify",
    async () => {
      const { order } = await playScenario(launcher, "cod-amount-mismatch");
      const page = await personPage(browser);
      await openAppUntil(page, launcher, `/app/incidents?q=${encodeURIComponent(order.name)}`, order.name);
      const link = page
        .getByRole("row")
        .filter({ hasText: order.name })
        .getByRole("link", { name: order.name });
      const incidentPath = new URL((await link.getAttribute("href"))!, "http://app").pathname;
      await link.click();
      await page.getByRole("heading", { name: "Timeline" }).waitFor();
      // The hold is placed by the worker a moment after the incident opens, as a reload shows.
      await openAppUntil(page, launcher, incidentPath, ON_HOLD);
      await page
        .getByText(
          "Fulfillment put on hold: the courier would ask another amount than the customer was told, so the order waits for your decision",
        )
        .waitFor();
      expect((await storeOrder(launcher, order.id)).fulfillmentOrders).toEqual([
        { status: "ON_HOLD", holds: ["OTHER"] },
      ]);
      await screenshot(page, "cod-on-hold");

      await page.getByLabel("Not a real problem? Why").fill("The courier was told to collect the old amount");
      await page.getByRole("button", { name: "Dismiss" }).click();
      await toast(page, "Incident dismissed");
      await until(
        "the hold released in Shopify",
        async () => (await storeOrder(launcher, order.id)).fulfillmentOrders,
        (f) => f[0]?.status === "OPEN",
      );
      expect((await storeOrder(launcher, order.id)).fulfillmentOrders).toEqual([
        { status: "OPEN", holds: [] },
      ]);
      await openAppUntil(page, launcher, incidentPath, "Fulfillment hold released: the order can ship");
      expect(await page.getByText(ON_HOLD).count()).toBe(0);
      await screenshot(page, "cod-hold-released");
      expect(page.errors).toEqual([]);
      await page.close();
    },
    BROWSER_FLOW,
  );

  it(
    "a late delivery of an order placed before the install: the workspace shows the order, its lines and customer, and can email them",
    async () => {
      // The demo shop's parcels left before the app was installed: only the scan knows them.
      await launcher.cli(["incidents", "scan", "--all"]);
      const page = await personPage(browser);
      const list = `/app/incidents?types=late_delivery&carriers=${encodeURIComponent("Correos Express")}&sort=oldest`;
      await openAppUntil(page, launcher, list, "Correos Express");
      const link = page.getByRole("row").filter({ hasText: "Correos Express" }).first().getByRole("link");
      const name = (await link.textContent())!.trim();
      const order = await storeOrder(launcher, name);
      await link.click();
      await page.getByRole("heading", { name: "Timeline" }).waitFor();
      await page.getByRole("heading", { name: `Order ${name}` }).waitFor();
      for (const line of order.lines) await page.getByText(line.title, { exact: false }).first().waitFor();
      expect(await page.getByText(/@example\./).count()).toBeGreaterThan(0); // the customer's email, on the order card
      expect(await page.getByText("The order has no email address.").count()).toBe(0);
      await page.getByRole("button", { name: "Preview email" }).waitFor();
      await screenshot(page, "scan-only-order-card");
      expect(page.errors).toEqual([]);
      await page.close();
    },
    BROWSER_FLOW,
  );

  it(
    "the index sorts by the heading clicked — next deadline both ways, then opening — and the URL keeps it",
    async () => {
      const a = await playScenario(launcher, "cod-amount-mismatch");
      const b = await playScenario(launcher, "cod-amount-mismatch");
      const names = [a.order.name, b.order.name];
      const list = "/app/incidents?types=cod_amount_mismatch&statuses=open,customer_contacted";
      const page = await personPage(browser);
      await openAppUntil(page, launcher, list, b.order.name);
      await openAppUntil(page, launcher, list, a.order.name);
      // A's customer is told the shop is on it: A's next deadline becomes answering (a day away),
      // while B, opened after A, must still be acknowledged at once.
      await page.getByRole("row").filter({ hasText: a.order.name }).getByRole("checkbox").check();
      await page.getByRole("button", { name: "Tell the customers we are on it" }).click();
      await page.getByRole("button", { name: "Send the emails" }).click();
      await toast(page, "1 customer told you are on it");
      await openAppUntil(page, launcher, list, b.order.name);

      const heading = (name: string) =>
        page.getByRole("columnheader").filter({ hasText: name }).getByRole("button");
      const sortedBy = (sort: string, order: string[]) =>
        until(
          `sorted by ${sort}`,
          async () => ({
            sort: new URL(page.url()).searchParams.get("sort"),
            order: (await rowOrder(page, names)).join(),
            loading: await page.getByText("Loading incidents").first().isVisible(),
          }),
          (now) => now.sort === sort && now.order === order.join() && !now.loading,
        );
      // The arrow shows on the heading in force, and on no other.
      const arrows = () =>
        page
          .getByRole("columnheader")
          .evaluateAll((cells) => [
            ...new Set(
              cells
                .filter((c) => c.querySelector("[class*='TableHeadingSortIcon--visible']"))
                .map((c) => c.textContent?.trim()),
            ),
          ]);

      // By default the soonest deadline comes first: B must be acknowledged now, A answered tomorrow
      // (by opening, or by answer-by date alone, A would come first).
      expect(await rowOrder(page, names)).toEqual([b.order.name, a.order.name]);
      expect(await arrows()).toEqual(["Next deadline"]);
      await heading("Next deadline").click();
      await sortedBy("deadline_desc", [a.order.name, b.order.name]);
      await heading("Next deadline").click();
      await sortedBy("deadline", [b.order.name, a.order.name]);
      await screenshot(page, "index-sorted-by-deadline");

      await heading("Opened").click();
      await sortedBy("newest", [b.order.name, a.order.name]);
      expect(await arrows()).toEqual(["Opened"]);
      await heading("Opened").click();
      await sortedBy("oldest", [a.order.name, b.order.name]);

      // The address is the sort: opened again, the page sorts the same and marks the same heading.
      await openAppUntil(page, launcher, `${list}&sort=deadline_desc`, a.order.name);
      expect(await rowOrder(page, names)).toEqual([a.order.name, b.order.name]);
      expect(await arrows()).toEqual(["Next deadline"]);
      expect(page.errors).toEqual([]);
      await page.close();
    },
    BROWSER_FLOW,
  );
});
