// The customer's answers to an offer, clicked on the offer page from the email, in Chromium
// against `npm run sandbox`: leaving a free gift out (nothing to refund: the order is edited),
// leaving paid units out (refunded once, released to stock as Shopify's CANCEL, and no new incident
// because of it), and cancelling the order. Each is checked in the sandbox store afterwards.
import { describe, expect, it } from "vitest";
import { BROWSER_FLOW, setupLauncher } from "../helpers/setup-launcher";
import { until } from "../helpers/wait";
import { openAppUntil, personPage, playScenario, screenshot, storeOrder, storeStock, toast, webhooksDelivered } from "../helpers/person";

const { launcher, browser } = setupLauncher();

/** The merchant opens the order's stock incident and sends the offer; the link the email carries. */
async function merchantSendsOffer(orderName: string) {
  const page = await personPage(browser);
  await openAppUntil(page, launcher, `/app/incidents?q=${encodeURIComponent(orderName)}`, orderName);
  await page.getByRole("link", { name: orderName }).first().click();
  await page.getByRole("heading", { name: "Offer a substitute" }).waitFor();
  const links = () => launcher.output().match(/Offer page: \S+/g) ?? [];
  const before = links().length;
  await page.getByRole("button", { name: "Send offer" }).click();
  await toast(page, "Offer sent to the customer");
  await until("the offer's email", async () => links().length, (n) => n === before + 1);
  expect(page.errors).toEqual([]);
  return { page, offerUrl: links().at(-1)!.replace("Offer page: ", "") };
}

/** The customer opens the link, picks `choice` and confirms; what the page says then. */
async function customerAnswers(offerUrl: string, choice: RegExp, shot: string) {
  const customer = await personPage(browser, { width: 420, height: 800 });
  await customer.goto(offerUrl, { waitUntil: "networkidle" });
  await customer.getByRole("radio", { name: choice }).check();
  await customer.getByRole("button").last().click();
  await customer.waitForLoadState("networkidle");
  await screenshot(customer, shot);
  const said = await customer.locator("body").innerText();
  expect(customer.errors).toEqual([]);
  await customer.close();
  return said;
}

describe("the customer's answer, on the offer page", () => {
  it("expired free gift: 'leave it out' edits the order (nothing to refund), releases the hold and closes the incident", async () => {
    const { order } = await playScenario(launcher, "expired-last-unit");
    const { page, offerUrl } = await merchantSendsOffer(order.name);
    const gift = (await storeOrder(launcher, order.id)).lines.find((l) => l.price === "0.00")!;

    const said = await customerAnswers(offerUrl, /^Quitar Thermal Spring Water/, "answer-leave-out-free");
    expect(said).not.toMatch(/no hemos podido|could not/i);

    const after = await storeOrder(launcher, order.id);
    expect(after.lines.find((l) => l.id === gift.id)).toMatchObject({ currentQuantity: 0, fulfillableQuantity: 0 });
    expect(after.refunds).toEqual([]); // nothing was paid for it
    // The hold's release is work the app does after the answer.
    const released = await until("the hold released", async () => (await storeOrder(launcher, order.id)).fulfillmentOrders, (fos) => fos.every((f) => f.holds.length === 0));
    expect(released).toEqual([{ status: "OPEN", holds: [] }]);
    // The expired unit stays counted as damaged; the order's claim on it is gone.
    expect((await storeStock(launcher, gift.sku)).locations[0]).toMatchObject({ available: 0, committed: 0, damaged: 1 });

    await openAppUntil(page, launcher, `/app/incidents?q=${encodeURIComponent(order.name)}`, order.name);
    await page.getByRole("link", { name: order.name }).first().click();
    await page.getByText(/left out \(the customer's choice; nothing was paid for it\)/).first().waitFor();
    await page.locator(".Polaris-Badge").getByText(/^closed$/i).waitFor();
    await screenshot(page, "gift-left-out-closed");
    expect(page.errors).toEqual([]);
    await page.close();
  }, BROWSER_FLOW);

  it("oversold: 'leave them out' refunds the missing units once, keeps them on hand, and no incident opens again", async () => {
    const { order } = await playScenario(launcher, "oversold");
    const line = (await storeOrder(launcher, order.id)).lines[0];
    const stockBefore = (await storeStock(launcher, line.sku)).locations[0];
    const { page, offerUrl } = await merchantSendsOffer(order.name);

    await customerAnswers(offerUrl, /^Scoatem/, "answer-leave-out-paid");
    const after = await storeOrder(launcher, order.id);
    expect(after.refunds).toEqual([expect.objectContaining({ amount: "59.90", lineItems: [{ lineItemId: line.id, quantity: 2, restockType: "CANCEL" }] })]);
    expect((await storeStock(launcher, line.sku)).locations[0].on_hand).toBe(stockBefore.on_hand);

    // Everything the refund made Shopify announce is applied, then the stock is judged again:
    // the order holds exactly what is on hand, so nothing is short and no incident opens.
    await webhooksDelivered(launcher);
    await launcher.cli(["webhooks", "process"]);
    await launcher.cli(["incidents", "detect"]);
    const listed = JSON.parse(await launcher.cli(["incidents", "list", "--shop", "makegood-demo.myshopify.com", "--json"])) as { orderName: string; status: string }[];
    expect(listed.filter((i) => i.orderName === order.name).map((i) => i.status)).toEqual(["closed"]);
    expect((await storeOrder(launcher, order.id)).refunds).toHaveLength(1);
    await page.close();
  }, BROWSER_FLOW);

  it("oversold again: 'cancel the whole order' cancels and refunds it in full", async () => {
    const { order } = await playScenario(launcher, "oversold");
    const { page, offerUrl } = await merchantSendsOffer(order.name);
    await customerAnswers(offerUrl, /^Anulăm/, "answer-cancel");
    const after = await storeOrder(launcher, order.id);
    expect(after.cancelledAt).not.toBeNull();
    expect(after.totalRefunded).toBe(after.totalReceived);
    await page.close();
  }, BROWSER_FLOW);
});
