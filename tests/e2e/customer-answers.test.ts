// The customer's answers to an offer, clicked on the offer page from the email, in Chromium
// against `npm run sandbox`: leaving a free gift out (nothing to refund: the order is edited),
// leaving paid units out (refunded once, released to stock as Shopify's CANCEL, and no new incident
// because of it), and cancelling the order. Each is checked in the sandbox store afterwards.
import { describe, expect, it } from "vitest";
import { BROWSER_FLOW, setupLauncher } from "../helpers/setup-launcher";
import { until } from "../helpers/wait";
import {
  openAppUntil,
  personPage,
  playScenario,
  screenshot,
  storeOrder,
  storeStock,
  toast,
  webhooksDelivered,
} from "../helpers/person";

const { launcher, browser } = setupLauncher();

/** The merchant opens the order's stock incident and sends the offer; the link the email carries. */
async function merchantSendsOffer(orderName: string) {
  const page = await personPage(browser);
  await openAppUntil(page, launcher, `/app/incidents?q=${encodeURIComponent(orderName)}`, orderName);
  await page.getByRole("link", { name: orderName }).first().click();
  await page.getByRole("heading", { name: "Offer the customer a choice" }).waitFor();
  const links = () => launcher.output().match(/Offer page: \S+/g) ?? [];
  const before = links().length;
  await page.getByRole("button", { name: "Send offer" }).click();
  await toast(page, "Offer sent to the customer");
  await until(
    "the offer's email",
    async () => links().length,
    (n) => n === before + 1,
  );
  expect(page.errors).toEqual([]);
  return { page, offerUrl: links().at(-1)!.replace("Offer page: ", "") };
}

/** The customer opens the link, picks `choice` and confirms (or presses the button that cancels
 *  the whole order); what the page says then. */
async function customerAnswers(offerUrl: string, choice: RegExp | { cancel: RegExp }, shot: string) {
  const customer = await personPage(browser, { width: 420, height: 800 });
  await customer.goto(offerUrl, { waitUntil: "networkidle" });
  if ("cancel" in choice) {
    await customer.getByRole("button", { name: choice.cancel }).click();
  } else {
    await customer.getByRole("radio", { name: choice }).check();
    await customer.getByRole("button").first().click();
  }
  await customer.waitForLoadState("networkidle");
  await screenshot(customer, shot);
  const said = await customer.locator("body").innerText();
  expect(customer.errors).toEqual([]);
  await customer.close();
  return said;
}

describe("the customer's answer, on the offer page", () => {
  it(
    "expired free gift: 'leave it out' edits the order (nothing to refund), releases the hold and closes the incident",
    async () => {
      const { order } = await playScenario(launcher, "expired-last-unit");
      const { page, offerUrl } = await merchantSendsOffer(order.name);
      const gift = (await storeOrder(launcher, order.id)).lines.find((l) => l.price === "0.00")!;

      const said = await customerAnswers(offerUrl, /^Quitar Thermal Spring Water/, "answer-leave-out-free");
      expect(said).not.toMatch(/no hemos podido|could not/i);

      const after = await storeOrder(launcher, order.id);
      expect(after.lines.find((l) => l.id === gift.id)).toMatchObject({
        currentQuantity: 0,
        fulfillableQuantity: 0,
      });
      expect(after.refunds).toEqual([]); // nothing was paid for it
      // The hold's release is work the app does after the answer.
      const released = await until(
        "the hold released",
        async () => (await storeOrder(launcher, order.id)).fulfillmentOrders,
        (fos) => fos.every((f) => f.holds.length === 0),
      );
      expect(released).toEqual([{ status: "OPEN", holds: [] }]);
      // The expired unit stays counted as damaged; the order's claim on it is gone.
      expect((await storeStock(launcher, gift.sku)).locations[0]).toMatchObject({
        available: 0,
        committed: 0,
        damaged: 1,
      });

      await openAppUntil(page, launcher, `/app/incidents?q=${encodeURIComponent(order.name)}`, order.name);
      await page.getByRole("link", { name: order.name }).first().click();
      await page
        .getByText(/left out \(the customer's choice; nothing was paid for it\)/)
        .first()
        .waitFor();
      await page
        .locator(".Polaris-Badge")
        .getByText(/^closed$/i)
        .waitFor();
      await screenshot(page, "gift-left-out-closed");
      expect(page.errors).toEqual([]);
      await page.close();
    },
    BROWSER_FLOW,
  );

  it(
    "oversold: 'leave them out' refunds the missing units once, keeps them on hand, and no incident opens again",
    async () => {
      const { order } = await playScenario(launcher, "oversold");
      const line = (await storeOrder(launcher, order.id)).lines[0];
      const stockBefore = (await storeStock(launcher, line.sku)).locations[0];
      const { page, offerUrl } = await merchantSendsOffer(order.name);

      await customerAnswers(offerUrl, /^Scoatem/, "answer-leave-out-paid");
      const after = await storeOrder(launcher, order.id);
      expect(after.refunds).toEqual([
        expect.objectContaining({
          amount: "59.90",
          lineItems: [{ lineItemId: line.id, quantity: 2, restockType: "CANCEL" }],
        }),
      ]);
      expect((await storeStock(launcher, line.sku)).locations[0].on_hand).toBe(stockBefore.on_hand);

      // Everything the refund made Shopify announce is applied, then the stock is judged again:
      // the order holds exactly what is on hand, so nothing is short and no incident opens.
      await webhooksDelivered(launcher);
      await launcher.cli(["webhooks", "process"]);
      await launcher.cli(["incidents", "detect"]);
      const listed = JSON.parse(
        await launcher.cli(["incidents", "list", "--shop", "makegood-demo.myshopify.com", "--json"]),
      ) as { orderName: string; status: string }[];
      expect(listed.filter((i) => i.orderName === order.name).map((i) => i.status)).toEqual(["closed"]);
      expect((await storeOrder(launcher, order.id)).refunds).toHaveLength(1);
      await page.close();
    },
    BROWSER_FLOW,
  );

  it(
    "oversold again: 'cancel the whole order' cancels and refunds it in full",
    async () => {
      const { order } = await playScenario(launcher, "oversold");
      const { page, offerUrl } = await merchantSendsOffer(order.name);
      await customerAnswers(offerUrl, { cancel: /^Anulăm/ }, "answer-cancel");
      const after = await storeOrder(launcher, order.id);
      expect(after.cancelledAt).not.toBeNull();
      expect(after.totalRefunded).toBe(after.totalReceived);
      await page.close();
    },
    BROWSER_FLOW,
  );

  it(
    "two lines of one order: the merchant sends one offer for both (no cancelling), replaces it, and the customer answers each line",
    async () => {
      const { order } = await playScenario(launcher, "two-lines-short");
      const [sunscreen, cream] = (await storeOrder(launcher, order.id)).lines;
      const page = await personPage(browser);
      await openAppUntil(page, launcher, `/app/incidents?q=${encodeURIComponent(order.name)}`, order.name);
      await page.getByRole("link", { name: order.name }).first().click();
      await page.getByRole("heading", { name: "Offer the customer a choice" }).waitFor();
      // Both lines, each with its substitutes; the best of each ticked.
      await page.getByText("2 items of this order cannot ship as ordered").waitFor();
      await page.getByRole("heading", { name: /^Anthelios UVMune 400 Fluid/ }).waitFor();
      await page.getByRole("heading", { name: /^Cicalfate\+ Repair Cream/ }).waitFor();
      // The cream's best substitute ticked (what the sunscreen may have depends on the stock earlier tests left).
      await until("the cream's best substitute ticked", () =>
        page.getByRole("checkbox", { name: /^Sensibio H2O Micellar Water/ }).isChecked(),
      );
      await page.getByRole("checkbox", { name: /may cancel the whole order/ }).uncheck();
      const links = () => launcher.output().match(/Offer page: \S+/g) ?? [];
      const before = links().length;
      await page.getByRole("button", { name: "Send offer" }).click();
      await toast(page, "Offer sent to the customer, covering 2 items");
      await until(
        "the offer's email",
        async () => links().length,
        (n) => n === before + 1,
      );
      const firstUrl = links().at(-1)!.replace("Offer page: ", "");

      // The card says an offer waits; the merchant replaces it (cancelling still not allowed).
      await page
        .getByText(/The customer has until .+ to answer \(cancelling the order is not among the choices\)/)
        .waitFor();
      await page.getByRole("button", { name: "Replace it with a new offer" }).click();
      await page.getByRole("checkbox", { name: /may cancel the whole order/ }).uncheck();
      await page.getByRole("button", { name: "Send the new offer" }).click();
      await toast(page, /the earlier offer is withdrawn/);
      await until(
        "the new offer's email",
        async () => links().length,
        (n) => n === before + 2,
      );
      const offerUrl = links().at(-1)!.replace("Offer page: ", "");
      await screenshot(page, "offer-two-lines-replaced");
      expect(page.errors).toEqual([]);

      const customer = await personPage(browser, { width: 420, height: 900 });
      await customer.goto(firstUrl, { waitUntil: "networkidle" });
      await customer
        .getByText("This offer was replaced by a newer one: please use the link in our latest email.")
        .waitFor();
      await customer.goto(offerUrl, { waitUntil: "networkidle" });
      expect(await customer.getByRole("button", { name: /Cancel the whole order/ }).count()).toBe(0);
      // Answering only one line: asked again for the other, nothing done.
      const sunGroup = customer.getByRole("group", { name: /^Anthelios UVMune 400 Fluid/ });
      const creamGroup = customer.getByRole("group", { name: /^Cicalfate\+ Repair Cream/ });
      await sunGroup
        .getByRole("radio", { name: /^Leave the missing Anthelios UVMune 400 Fluid out/ })
        .check();
      await customer.getByRole("button", { name: "Confirm my choice" }).click();
      await creamGroup.getByRole("alert").filter({ hasText: "Please choose one of the options." }).waitFor();
      expect((await storeOrder(launcher, order.id)).refunds).toEqual([]);
      await screenshot(customer, "answer-two-lines-unchosen");
      // What was chosen is still chosen; only the other line is asked for.
      expect(
        await sunGroup
          .getByRole("radio", { name: /^Leave the missing Anthelios UVMune 400 Fluid out/ })
          .isChecked(),
      ).toBe(true);
      const substitute = creamGroup.getByRole("radio", { name: /^Receive / }).first();
      await substitute.check();
      await customer.getByRole("button", { name: "Confirm my choice" }).click();
      await customer.getByRole("heading", { name: "Your choice is confirmed" }).waitFor();
      await customer
        .getByText(
          /^Thank you! We have left the missing Anthelios UVMune 400 Fluid out of your order and refunded it\.$/,
        )
        .waitFor();
      await customer
        .getByText("Thank you! We will send Sensibio H2O Micellar Water with your order, at no extra cost.")
        .waitFor();
      await screenshot(customer, "answer-two-lines-confirmed");
      expect(customer.errors).toEqual([]);
      await customer.close();

      // Shopify's side: the sunscreen's missing unit refunded, the cream's replaced by the substitute.
      const after = await storeOrder(launcher, order.id);
      expect(after.refunds).toEqual([
        expect.objectContaining({
          lineItems: [{ lineItemId: sunscreen.id, quantity: 1, restockType: "CANCEL" }],
        }),
      ]);
      expect(after.lines.find((l) => l.id === cream.id)!.currentQuantity).toBe(cream.quantity - 1);
      expect(
        after.lines
          .filter((l) => l.id !== cream.id && l.id !== sunscreen.id)
          .map((l) => [l.title, l.currentQuantity]),
      ).toEqual([["Sensibio H2O Micellar Water", 1]]);
      await openAppUntil(
        page,
        launcher,
        `/app/incidents?q=${encodeURIComponent(order.name)}&status=closed`,
        order.name,
      );
      await page.close();
    },
    BROWSER_FLOW,
  );
});
