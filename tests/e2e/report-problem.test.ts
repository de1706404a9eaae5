// "Report a problem" in Chromium against `npm run sandbox`: case 4 of shared/SCENARIOS.md (a
// delivered parcel, the customer says an item is wrong) is reported by the merchant from the app's
// pages and lands on the incident's workspace, where a reship is offered; then what the merchant
// can get wrong — an order that does not exist, nothing picked, a line already reported, more
// units than are left to ship — each answered in words with everything typed still there.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db/client";
import { accessibilityViolations } from "../helpers/accessibility";
import {
  DEMO,
  openAppUntil,
  personPage,
  playScenario,
  screenshot,
  storeOrder,
  toast,
  webhooksDelivered,
} from "../helpers/person";
import { BROWSER_FLOW, setupLauncher } from "../helpers/setup-launcher";
import { until } from "../helpers/wait";

const { launcher, browser } = setupLauncher();

async function inDatabase<T>(work: (prisma: ReturnType<typeof createPrismaClient>) => Promise<T>) {
  const prisma = createPrismaClient(launcher.databaseUrl);
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

// The demo shop is in Spain: money as English in Spain writes it.
const euros = (amount: string) =>
  new Intl.NumberFormat("en-ES", { style: "currency", currency: "EUR" }).format(Number(amount));

/** The demo shop's Skin Food Original (tests/sandbox/seed.ts): 20 in stock. */
const SKIN_FOOD = "FD-008";

const problems = async (page: Page) =>
  await page
    .getByRole("group", { name: "What is wrong?" })
    .getByRole("radio")
    .evaluateAll((radios) =>
      radios.map((r) => document.querySelector(`label[for="${r.id}"]`)?.textContent ?? ""),
    );

/** Types the order as a merchant would and waits for its lines. */
async function findOrder(page: Page, typed: string, name: string) {
  await page.getByLabel("Order name or number").fill(typed);
  await page.getByRole("button", { name: "Find order" }).click();
  await page.getByRole("heading", { name: `Order ${name}` }).waitFor();
}

/** Picks a choice as a person does, by its words (Polaris draws its own circle over the radio). */
async function pick(page: Page, name: string | RegExp) {
  const radio = page.getByRole("radio", { name });
  await page.locator("label").filter({ has: radio }).click();
  await until(`${String(name)} picked`, () => radio.isChecked());
}

const notReported = (page: Page, why: string | RegExp) =>
  page
    .locator(".Polaris-Banner")
    .filter({ hasText: "The problem was not reported" })
    .getByText(why)
    .waitFor();

describe("Report a problem from the app's pages", () => {
  it(
    "wrong-item: a delivered order's line reported as the wrong item opens its incident, with a reship offered",
    async () => {
      const { order } = await playScenario(launcher, "wrong-item");
      const stored = await storeOrder(launcher, order.id);
      const line = stored.lines[0];
      await webhooksDelivered(launcher);
      const page = await personPage(browser);

      // From the home page's action.
      await openAppUntil(page, launcher, "/app", "Report a problem");
      await page.getByRole("link", { name: "Report a problem" }).click();
      await page.getByLabel("Order name or number").waitFor();

      // An order that does not exist: said in words, the name typed still there.
      await page.getByLabel("Order name or number").fill("#99999");
      await page.getByRole("button", { name: "Find order" }).click();
      await page.getByText("No order #99999 in this shop").waitFor();
      expect(await page.getByLabel("Order name or number").inputValue()).toBe("#99999");

      // Its number without the # finds it.
      await findOrder(page, order.name.slice(1), order.name);
      await page.getByText(`${line.quantity} × ${euros(line.price)}`).waitFor();
      await page.getByText(`${line.quantity} received`).first().waitFor();

      // Nothing picked: the note typed stays.
      await page.getByLabel("Note (optional)").fill("The customer got a sun fluid instead of the cream");
      await page.getByRole("button", { name: "Report problem" }).click();
      await notReported(page, "Pick the line the problem is about.");
      expect(await page.getByLabel("Note (optional)").inputValue()).toBe(
        "The customer got a sun fluid instead of the cream",
      );

      // Delivered: only what a customer can find in a parcel fits.
      await pick(page, new RegExp(line.title));
      expect(await problems(page)).toEqual(["Wrong item received", "Arrived damaged"]);
      await pick(page, "Wrong item received");
      await screenshot(page, "report-problem-filled");
      const a11y = await accessibilityViolations(page);
      await page.getByRole("button", { name: "Report problem" }).click();

      // The incident's workspace.
      await page.getByRole("heading", { name: "Timeline" }).waitFor();
      const incidentId = new URL(page.url()).pathname.split("/").pop()!;
      await page
        .getByText(
          /1 unit reported as the wrong item by You \(The customer got a sun fluid instead of the cream\)/,
        )
        .first()
        .waitFor();
      const reship = page.getByRole("button", { name: "Reship this line at our cost" });
      await reship.waitFor();
      await screenshot(page, "report-problem-workspace");

      const incident = await inDatabase((prisma) =>
        prisma.incident.findUniqueOrThrow({ where: { id: incidentId }, include: { timeline: true } }),
      );
      expect(incident).toMatchObject({
        shop: DEMO,
        orderId: order.id,
        orderName: order.name,
        type: "wrong_item",
        subject: line.id,
        status: "open",
      });
      expect(JSON.parse(incident.evidence)).toMatchObject({
        reason: "wrong_item",
        short: 1,
        note: "The customer got a sun fluid instead of the cream",
        flaggedBy: "You",
      });
      expect(incident.timeline.map((e) => [e.kind, e.actor])).toContainEqual(["opened", "merchant"]);

      // The reship it offers goes out at the shop's cost: the same item again.
      await page.getByLabel(/^Yes, create a replacement order at our cost/).check();
      await reship.click();
      await toast(page, "Replacement order created at your cost");
      const replacementName = (await page
        .getByText(/Reshipped .* as order #\d+/)
        .first()
        .textContent())!.match(/as order (#\d+)/)![1];
      const replacement = await storeOrder(launcher, replacementName);
      expect(replacement.lines.map((l) => [l.sku, l.quantity])).toEqual([[line.sku, 1]]);
      expect(replacement.totalReceived).toBe("0.00");

      // Reported again from All incidents: the line is already reported, said so with its incident.
      await openAppUntil(page, launcher, "/app/incidents", "Report a problem");
      await page.getByRole("link", { name: "Report a problem" }).click();
      await findOrder(page, order.name, order.name);
      await page.getByText("Already reported:").waitFor();
      await page.getByLabel("Note (optional)").fill("She wrote again");
      await pick(page, new RegExp(line.title));
      await pick(page, "Wrong item received");
      await page.getByRole("button", { name: "Report problem" }).click();
      await notReported(page, /is already reported as "wrong item received": its incident is still open/);
      expect(await page.getByLabel("Note (optional)").inputValue()).toBe("She wrote again");
      expect(await page.getByRole("radio", { name: "Wrong item received" }).isChecked()).toBe(true);
      await screenshot(page, "report-problem-already-reported");
      a11y.push(...(await accessibilityViolations(page)));
      await page.getByRole("link", { name: "Open the incident already open" }).click();
      await page.getByRole("heading", { name: "Timeline" }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/app/incidents/${incidentId}`);
      expect(
        await inDatabase((prisma) =>
          prisma.incident.count({ where: { shop: DEMO, orderId: order.id, type: "wrong_item" } }),
        ),
      ).toBe(1);

      expect(a11y).toEqual([]);
      expect(page.errors).toEqual([]);
      await page.close();
    },
    BROWSER_FLOW,
  );

  it(
    "an order not shipped yet: only warehouse problems fit, no more units than are left to ship",
    async () => {
      const placed = await fetch(`${launcher.sandboxUrl}/sandbox/orders?shop=${DEMO}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          email: "emma.clarke@example.co.uk",
          lines: [{ sku: SKIN_FOOD, quantity: 2 }],
        }),
      }).then((r) => r.json() as Promise<{ id: string; name: string }>);
      await webhooksDelivered(launcher);
      const page = await personPage(browser);
      await openAppUntil(page, launcher, "/app/incidents/report", "Order name or number");
      await findOrder(page, placed.name, placed.name);
      await page.getByText("2 still to ship").waitFor();
      await pick(page, /Skin Food/);
      expect(await problems(page)).toEqual(["Expired", "Damaged in the warehouse", "Missing"]);
      await pick(page, "Damaged in the warehouse");
      await page.getByLabel("Units with the problem").fill("3");
      await page.getByRole("button", { name: "Report problem" }).click();
      await notReported(page, "Between 1 and 2 units.");
      expect(await page.getByRole("radio", { name: "Damaged in the warehouse" }).isChecked()).toBe(true);

      await page.getByLabel("Units with the problem").fill("2");
      await page.getByRole("button", { name: "Report problem" }).click();
      await page.getByRole("heading", { name: "Timeline" }).waitFor();
      await page
        .getByText(/2 units flagged damaged by You/)
        .first()
        .waitFor();
      const incidentId = new URL(page.url()).pathname.split("/").pop()!;
      const incident = await inDatabase((prisma) =>
        prisma.incident.findUniqueOrThrow({ where: { id: incidentId } }),
      );
      expect(incident).toMatchObject({ orderId: placed.id, type: "stock_mismatch", status: "open" });
      expect(JSON.parse(incident.evidence)).toMatchObject({ reason: "damaged", short: 2 });
      // The warehouse is told to wait: Shopify holds the order's fulfillment.
      await until(
        "the order held",
        async () => (await storeOrder(launcher, placed.id)).fulfillmentOrders,
        (fos) => fos.some((f) => f.holds.length > 0),
      );
      expect(page.errors).toEqual([]);
      await page.close();
    },
    BROWSER_FLOW,
  );
});
