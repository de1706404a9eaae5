// README's "Try it", played as a newcomer plays it: case 1 of SCENARIOS.md from the sandbox admin
// home only, in one browser window, by clicks (and by typing the home's address the launcher
// printed) — no CLI, no control API. Read-only looks at the store come after. A screenshot per step.
import { describe, expect, it } from "vitest";
import { personPage, screenshot, storeOrder, toast, type PersonPage } from "../helpers/person";
import { BROWSER_FLOW, setupLauncher } from "../helpers/setup-launcher";
import { until } from "../helpers/wait";

const { launcher, browser } = setupLauncher();

/** The sandbox admin home's address, as `npm run sandbox` prints it. */
function printedHome() {
  const url = launcher.output().match(/Sandbox admin \(orders, scenarios[^\n]*\n\s+(http\S+)/)?.[1];
  expect(url, "the launcher prints the sandbox admin home").toBeDefined();
  return url!;
}

/** From the home, the customers' mailbox, reloaded as a person would until `subject` arrives; opens it. */
async function openMailFromHome(page: PersonPage, subject: string) {
  await page.goto(printedHome(), { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "The customers' mailbox" }).click();
  await page.getByRole("heading", { name: "Customers' mailbox", level: 1 }).waitFor();
  await until(
    `"${subject}" in the mailbox`,
    async () => {
      if (await page.getByRole("link", { name: subject, exact: true }).isVisible()) return true;
      await page.reload({ waitUntil: "networkidle" });
      return false;
    },
    Boolean,
    250,
  );
  await page.getByRole("link", { name: subject, exact: true }).click();
  await page.getByRole("heading", { name: subject, level: 1 }).waitFor();
}

describe("Try it: case 1 from the sandbox admin home", () => {
  it(
    "expired gift → the app's incident → offer sent → the customer's mailbox → the offer page → the substitute chosen → the order edited on the home",
    async () => {
      const page = await personPage(browser);
      await page.goto(printedHome(), { waitUntil: "networkidle" });
      await page.getByRole("heading", { name: "Sandbox admin: Farmacia Demo", level: 1 }).waitFor();
      await screenshot(page, "tryit-1-home");

      // 1. The scenario's button: the gift's last unit turns out expired; the home names the order.
      await page.getByRole("button", { name: "Play expired-last-unit", exact: true }).click();
      const played = page
        .getByRole("status")
        .getByRole("heading", { name: /^Played expired-last-unit: order #\d+$/ });
      const order = (await played.textContent())!.match(/#\d+/)![0];
      await screenshot(page, "tryit-2-scenario-played");

      // 2. The home's link into the app: its incidents for the order (reloaded until detection opened it).
      await page.getByRole("link", { name: `The app's incidents for ${order}` }).click();
      const row = page
        .getByRole("row")
        .filter({ has: page.getByRole("link", { name: order, exact: true }) })
        .filter({ hasText: "Stock mismatch" });
      await until(
        `the stock incident of ${order} in the app`,
        async () => {
          if (await row.first().isVisible()) return true;
          await page.reload({ waitUntil: "networkidle" });
          return false;
        },
        Boolean,
        250,
      );
      await screenshot(page, "tryit-3-app-incidents");
      await row.first().getByRole("link", { name: order, exact: true }).click();
      await page.getByRole("heading", { name: "What happened" }).waitFor();

      // 3. The offer, from the workspace: the best substitute comes ticked.
      const best = page.getByRole("checkbox", { name: /Sensibio H2O Micellar Water — Bioderma, 12\.40 EUR/ });
      await until("the best substitute ticked", () => best.isChecked());
      await screenshot(page, "tryit-4-workspace");
      await page.getByRole("button", { name: "Send offer" }).click();
      await toast(page, "Offer sent to the customer");
      await screenshot(page, "tryit-5-offer-sent");

      // 4. The customers' mailbox, from the home: Lucía's email, as she sees it.
      const subject = `Farmacia Demo: sobre tu pedido ${order}`;
      await openMailFromHome(page, subject);
      const mail = page.frameLocator('iframe[title="The email as the customer sees it"]');
      await mail
        .getByText(/Sensibio H2O Micellar Water/)
        .first()
        .waitFor();
      await screenshot(page, "tryit-6-offer-email");

      // 5. Its link: the offer page on the shop's own domain (the App Proxy); the substitute chosen.
      await mail.locator('a[href*="/apps/makegood/offers/"]').first().click();
      const substitute = page.getByRole("radio", { name: /Recibir Sensibio H2O Micellar Water en su lugar/ });
      await substitute.waitFor();
      expect(new URL(page.url()).hostname).toBe("makegood-demo.localhost");
      expect(new URL(page.url()).pathname).toMatch(/^\/apps\/makegood\/offers\/[\w-]+$/);
      const offerUrl = page.url();
      await screenshot(page, "tryit-7-offer-page");
      await substitute.check();
      await page.getByRole("button", { name: "Confirmar mi elección" }).click();
      await page.getByRole("heading", { name: "Tu elección está confirmada" }).waitFor();
      await screenshot(page, "tryit-8-confirmed");

      // 6. The confirmation email, in the same mailbox.
      await openMailFromHome(page, `Farmacia Demo: tu elección para el pedido ${order} está confirmada`);
      await page
        .frameLocator('iframe[title="The email as the customer sees it"]')
        .getByText(/Sensibio H2O Micellar Water/)
        .first()
        .waitFor();
      await screenshot(page, "tryit-9-confirmation-email");

      // 7. Back on the home (the mailbox links to it): the order edited — the gift off, the
      //    substitute on, no longer on hold.
      const toHome = page.getByRole("link", { name: "The sandbox admin home" });
      expect(await toHome.isVisible(), "the mailbox links back to the sandbox admin home").toBe(true);
      await toHome.click();
      const orderRow = page
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: order, exact: true }) });
      await orderRow.waitFor();
      const seen = await orderRow.innerText();
      expect(seen).toContain("1 × Summer Protection Pack (fluid + free spring water)");
      expect(seen).toContain("1 × Sensibio H2O Micellar Water");
      expect(seen).toContain("1 × Thermal Spring Water 150 ml removed by an order edit");
      expect(await orderRow.locator("del").innerText()).toBe("1 × Thermal Spring Water 150 ml");
      expect(seen).toContain("waiting to ship");
      expect(seen).not.toContain("on hold");
      await orderRow.scrollIntoViewIfNeeded();
      await screenshot(page, "tryit-10-order-edited");
      expect(page.errors).toEqual([]);

      // The store agrees (read-only): those lines, and no hold on its fulfillment orders.
      const edited = await storeOrder(launcher, order);
      expect(
        edited.lines
          .filter((l) => l.currentQuantity > 0)
          .map((l) => l.title)
          .sort(),
      ).toEqual(["Sensibio H2O Micellar Water", "Summer Protection Pack (fluid + free spring water)"]);
      expect(edited.fulfillmentOrders.flatMap((f) => f.holds)).toEqual([]);
      expect(edited.fulfillmentOrders.map((f) => f.status)).not.toContain("ON_HOLD");

      // A day later on the stage (the app with it), the customer's link still opens through the
      // App Proxy — Shopify signs with its own time — and says what was chosen.
      await page.getByRole("button", { name: "+1 day" }).click();
      await page.waitForLoadState("networkidle");
      await page.goto(offerUrl, { waitUntil: "networkidle" });
      await page
        .getByText("¡Gracias! Te enviaremos Sensibio H2O Micellar Water con tu pedido, sin coste adicional.")
        .waitFor();
      expect(page.errors).toEqual([]);
      await page.close();
    },
    BROWSER_FLOW,
  );
});
