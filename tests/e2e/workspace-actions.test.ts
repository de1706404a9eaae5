// Every action a merchant can take on an incident, clicked in Chromium against `npm run sandbox`,
// each followed by a look at what changed in the sandbox store: the refund and its restock type,
// the discount code, the replacement order, the cancelled order, the emails the customers got.
import { describe, expect, it } from "vitest";
import { BROWSER_FLOW, setupLauncher } from "../helpers/setup-launcher";
import { until } from "../helpers/wait";
import {
  openAppUntil,
  personPage,
  playScenario,
  screenshot,
  storeDiscount,
  storeOrder,
  storeStock,
  toast,
  type PersonPage,
} from "../helpers/person";

const { launcher, browser } = setupLauncher();

/** Opens the incident of `orderName` from the incidents index, as a merchant searching for it. */
async function openIncident(page: PersonPage, orderName: string, problem: string) {
  await openAppUntil(page, launcher, `/app/incidents?q=${encodeURIComponent(orderName)}`, orderName);
  const row = page.getByRole("row").filter({ hasText: orderName }).filter({ hasText: problem });
  await until(
    `one ${problem} row for ${orderName}`,
    () => row.count(),
    (n) => n === 1,
  );
  await row.getByRole("link", { name: orderName }).click();
  await page.getByRole("heading", { name: "Timeline" }).waitFor();
  await page.waitForLoadState("networkidle");
}

/** The deadline scan, now (the app runs it on a timer): late shipments and deliveries open then. */
const scanNow = () => launcher.cli(["incidents", "scan", "--all"]);

const mails = (to: string) =>
  launcher
    .output()
    .split("\n")
    .filter((l) => l.includes(`Mail to ${to}`));

describe("each merchant action in the incident workspace", () => {
  it(
    "oversold: refund preview then confirm (clicked twice) refunds the missing units once, releasing them as Shopify's CANCEL",
    async () => {
      const { order } = await playScenario(launcher, "oversold");
      const page = await personPage(browser);
      await openIncident(page, order.name, "Stock");
      const before = await storeOrder(launcher, order.id);
      const line = before.lines[0];
      const stockBefore = (await storeStock(launcher, line.sku)).locations[0];

      expect(await page.getByLabel("Units of this line to refund").inputValue()).toBe("2"); // the units that cannot ship
      await page.getByRole("button", { name: "Preview refund" }).click();
      const confirm = page.getByRole("button", { name: /^Confirm refund of €59\.90$/ });
      await confirm.waitFor();
      await screenshot(page, "refund-preview");
      await confirm.dblclick(); // a double click is one refund
      await toast(page, /Refunded|Already done/);
      await page.getByText(/You: Refunded 59\.90 EUR/).waitFor();
      // Fixed, but the customer has not heard of it: the page says so, and the incident stays open for that.
      await page.getByText("Fixed — now tell the customer").waitFor();
      expect(page.errors).toEqual([]);

      const after = await storeOrder(launcher, order.id);
      expect(after.refunds).toEqual([
        expect.objectContaining({
          amount: "59.90",
          lineItems: [{ lineItemId: line.id, quantity: 2, restockType: "CANCEL" }],
        }),
      ]);
      expect(after.totalRefunded).toBe("59.90");
      expect(after.lines[0].fulfillableQuantity).toBe(line.fulfillableQuantity - 2);
      // The units that never left the shelf stay on hand; the order's claim on them is released.
      const stockAfter = (await storeStock(launcher, line.sku)).locations[0];
      expect(stockAfter.on_hand).toBe(stockBefore.on_hand);
      expect(stockAfter.committed).toBe(stockBefore.committed - 2);
      expect(stockAfter.available).toBe(stockBefore.available + 2);
      // Nothing holds the order back any more: the rest of the line can ship.
      await until(
        "the hold released",
        async () => (await storeOrder(launcher, order.id)).fulfillmentOrders,
        (fos) => fos.every((f) => f.holds.length === 0),
      );
      await screenshot(page, "refund-done");
      // The units are made good: no second refund of them (a goodwill amount still can), no offer for them.
      await page.getByLabel("Goodwill amount to refund").waitFor();
      expect(await page.getByLabel("Units of this line to refund").count()).toBe(0);
      expect(await page.getByRole("heading", { name: "Offer the customer a choice" }).count()).toBe(0);
      // Telling the customer what was done ends it.
      await page.getByLabel("Message").selectOption("note");
      await page
        .getByLabel("Your message")
        .fill("We could send only 5 of the 7: the other 2 are refunded, 59.90 EUR.");
      await page.getByRole("button", { name: "Preview email" }).click();
      await page.getByLabel("Email preview").waitFor();
      await page.getByRole("button", { name: /^Send to / }).click();
      await toast(page, /Email sent to/);
      await page
        .locator(".Polaris-Badge")
        .getByText(/^closed$/i)
        .waitFor();
      await page
        .getByText(/fixed by the remedy, and the customer was told/)
        .first()
        .waitFor();
      expect((await storeOrder(launcher, order.id)).refunds).toHaveLength(1);
      expect(page.errors).toEqual([]);
      await page.close();
    },
    BROWSER_FLOW,
  );

  it(
    "late shipment: a goodwill amount, a compensation code (the incident stays open: the order is still unshipped), then cancelling the order",
    async () => {
      const { order } = await playScenario(launcher, "late-shipment");
      await scanNow();
      const page = await personPage(browser);
      await openIncident(page, order.name, "Late shipment");

      // A late order is no line's units: the refund is an amount for the trouble.
      expect(await page.getByLabel("Units of this line to refund").count()).toBe(0);
      await page.getByLabel("Goodwill amount to refund").fill("5,00");
      await page.getByRole("button", { name: "Preview refund" }).click();
      await page.getByText(/Refund €5\.00 as goodwill/).waitFor();
      await page.getByRole("button", { name: "Confirm refund of €5.00" }).click();
      await toast(page, "Refunded");
      const refunded = await until(
        "the goodwill refund in the store",
        async () => (await storeOrder(launcher, order.id)).refunds,
        (r) => r.length > 0,
      );
      expect(refunded.map((r) => [r.amount, r.lineItems.length])).toEqual([["5.00", 0]]);

      await page.getByLabel("Discount %").fill("7");
      await page.getByRole("button", { name: "Create compensation code" }).click();
      await toast(page, "Compensation code created");
      await screenshot(page, "code-created");
      const code = (await page
        .getByText(/^Compensation code: done/)
        .first()
        .textContent())!
        .split(" · ")
        .pop()!;
      const discount = await storeDiscount(launcher, code);
      expect(discount.value.percentage).toBeCloseTo(0.07);
      expect(discount.usageLimit).toBe(1);
      expect(discount.customerIds).toHaveLength(1); // locked to this customer
      // A code makes up for the delay; it does not ship the order.
      expect(
        await page
          .locator(".Polaris-Badge")
          .getByText(/^remedied$/i)
          .count(),
      ).toBe(0);

      expect(await page.getByRole("button", { name: "Cancel order" }).isDisabled()).toBe(true); // not before the box is ticked
      await page.getByLabel("Yes, cancel the whole order and refund it").check();
      await page.getByRole("button", { name: "Cancel order" }).click();
      await toast(page, "Order cancelled and refunded");
      const cancelled = await storeOrder(launcher, order.id);
      expect(cancelled.cancelledAt).not.toBeNull();
      expect(cancelled.totalRefunded).toBe(cancelled.totalReceived); // the goodwill 5.00 and the rest: never more than was paid
      expect(page.errors).toEqual([]);
      await screenshot(page, "cancelled");
      await page.close();
    },
    BROWSER_FLOW,
  );

  it(
    "failed delivery: reship at the shop's cost, then close; another incident: tell the customer we are on it, then dismiss",
    async () => {
      const { order } = await playScenario(launcher, "delivery-failed");
      const page = await personPage(browser);
      await openIncident(page, order.name, "Delivery failed");
      // A replacement order costs the shop: nothing goes until the merchant confirms.
      const send = page.getByRole("button", { name: "Send the parcel again at our cost" });
      expect(await send.isDisabled()).toBe(true);
      await page.getByLabel(/^Yes, create a replacement order at our cost/).check();
      await send.click();
      await toast(page, "Replacement order created at your cost");
      const reship = (await page
        .getByText(/Reshipped .* as order #\d+/)
        .first()
        .textContent())!.match(/as order (#\d+)/)![1];
      const original = await storeOrder(launcher, order.id);
      const replacement = await storeOrder(launcher, reship);
      expect(replacement.lines.map((l) => [l.sku, l.quantity])).toEqual(
        original.lines.map((l) => [l.sku, l.quantity]),
      ); // the parcel's contents again
      expect(replacement.totalReceived).toBe("0.00"); // at the shop's cost
      await page.getByText("A replacement order was sent at your cost: see the timeline.").waitFor(); // not a second one
      await screenshot(page, "reshipped");
      await page.getByRole("button", { name: "Close incident" }).click();
      await toast(page, "Incident closed");
      await screenshot(page, "closed-after-reship");
      await page
        .locator(".Polaris-Badge")
        .getByText(/^closed$/i)
        .waitFor();

      const late = await playScenario(launcher, "stuck-in-transit");
      await scanNow();
      await openIncident(page, late.order.name, "Late delivery");
      await page.getByLabel("Message").selectOption("acknowledge");
      await page.getByRole("button", { name: "Preview email" }).click();
      await page.getByLabel("Email preview").waitFor();
      await page.getByRole("button", { name: /^Send to / }).click();
      await toast(page, /Email sent to/);
      await until(`the mail about ${late.order.name}`, async () =>
        mails("").some((l) => l.includes(late.order.name)),
      );
      await page
        .getByLabel("Not a real problem? Why")
        .fill("The carrier delivered it, their tracking lagged");
      await page.getByRole("button", { name: "Dismiss" }).click();
      await toast(page, "Incident dismissed");
      await page
        .locator(".Polaris-Badge")
        .getByText(/^dismissed$/i)
        .waitFor();
      await screenshot(page, "dismissed");
      expect(page.errors).toEqual([]);
      await page.close();
    },
    BROWSER_FLOW,
  );

  it(
    "the index's bulk actions ask first, then tell each customer once and create one code each",
    async () => {
      const a = await playScenario(launcher, "late-shipment");
      const b = await playScenario(launcher, "cod-amount-mismatch");
      await scanNow();
      const page = await personPage(browser);
      await openAppUntil(page, launcher, "/app/incidents?sort=newest", b.order.name);
      await openAppUntil(page, launcher, "/app/incidents?sort=newest", a.order.name);
      for (const name of [a.order.name, b.order.name]) {
        await page.getByRole("row").filter({ hasText: name }).getByRole("checkbox").check();
      }
      const sentBefore = mails("").length;
      await page.getByRole("button", { name: "Tell the customers we are on it" }).click();
      await page.getByText("Tell 2 customers you are on it?").waitFor();
      expect(mails("").length).toBe(sentBefore); // nothing sent before the merchant says yes
      await screenshot(page, "bulk-confirm");
      await page.getByRole("button", { name: "Send the emails" }).click();
      await toast(page, "2 customers told you are on it");
      expect(mails("").length).toBe(sentBefore + 2);

      for (const name of [a.order.name, b.order.name]) {
        await page.getByRole("row").filter({ hasText: name }).getByRole("checkbox").check();
      }
      await page.getByRole("button", { name: "Send apology + code" }).click();
      await page.getByRole("button", { name: "Create codes and send" }).click();
      await toast(page, "2 apologies with a code sent");
      await screenshot(page, "bulk-apologies-sent");
      expect(mails("").length).toBe(sentBefore + 4);
      // Each incident now has one code, in Shopify, locked to its customer, used once.
      for (const name of [a.order.name, b.order.name]) {
        await openIncident(page, name, name === a.order.name ? "Late shipment" : "COD");
        const codes = await page.getByText(/compensation code: done/i).allTextContents();
        expect(codes).toHaveLength(1);
        const discount = await storeDiscount(launcher, codes[0].split(" · ").pop()!);
        expect([discount.usageLimit, discount.customerIds?.length]).toEqual([1, 1]);
      }
      expect(page.errors).toEqual([]);
      await page.close();
    },
    BROWSER_FLOW,
  );
});
