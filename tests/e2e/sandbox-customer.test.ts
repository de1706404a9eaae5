// The customer's side of `npm run sandbox`, in Chromium and from the browser only: the customers'
// mailbox (each email as the customer sees it, its links live, also an .eml on disk), and the
// shop's storefront checkout with its order status page. The merchant acts in the app's workspace;
// the store and the app are checked afterwards.
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { accessibilityViolations } from "../helpers/accessibility";
import {
  openAppUntil,
  personPage,
  playScenario,
  screenshot,
  storeOrder,
  toast,
  type PersonPage,
} from "../helpers/person";
import { BROWSER_FLOW, setupLauncher } from "../helpers/setup-launcher";
import { until } from "../helpers/wait";

const { launcher, browser } = setupLauncher();

/** The merchant opens the incident of `orderName` from the app's home; returns the workspace's path. */
async function openIncident(page: PersonPage, orderName: string) {
  await openAppUntil(page, launcher, "/app", orderName);
  await page.getByRole("link", { name: orderName }).first().click();
  await page.getByRole("heading", { name: "Timeline" }).waitFor();
  await page.waitForLoadState("networkidle");
  return new URL(page.url()).pathname;
}

/** The customer's mailbox until an email whose subject is `subject` is listed; then opens it. */
async function openMail(page: PersonPage, email: string, subject: string) {
  await until(
    `"${subject}" in ${email}'s mailbox`,
    async () => {
      await page.goto(`${launcher.sandboxUrl}/sandbox/mail?to=${encodeURIComponent(email)}`, {
        waitUntil: "networkidle",
      });
      return page.getByRole("link", { name: subject, exact: true }).isVisible();
    },
    Boolean,
    250,
  );
  await screenshot(page, "sandbox-mailbox");
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole("link", { name: subject, exact: true }).click();
  await page.getByRole("heading", { name: subject, level: 1 }).waitFor();
}

/** The .eml the launcher wrote for `email` with `subject`, parsed; the launcher printed its path. */
async function savedMail(email: string, subject: string) {
  const dir = path.join(launcher.mailDir, email);
  const files = await until(
    `an .eml in ${dir}`,
    async () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".eml")) : []),
    (f) => f.length > 0,
  );
  const parsed = await Promise.all(
    files.map(async (f) => ({
      file: path.join(dir, f),
      mail: await simpleParser(fs.readFileSync(path.join(dir, f))),
    })),
  );
  const found = parsed.find((p) => p.mail.subject === subject);
  expect(found, `an .eml with the subject "${subject}" among ${files.join(", ")}`).toBeDefined();
  expect(launcher.output()).toContain(`Saved as: ${found!.file}`);
  return found!.mail;
}

describe("the customer's side of the sandbox in Chromium", () => {
  it(
    "case 1: the offer sent from the workspace is read in the customer's mailbox; its link opens the offer page; the confirmation arrives there too",
    async () => {
      const { order } = await playScenario(launcher, "expired-last-unit");
      const merchant = await personPage(browser);
      await openIncident(merchant, order.name);
      await until("the best substitute ticked", () =>
        merchant
          .getByRole("checkbox", { name: /Sensibio H2O Micellar Water — Bioderma, 12\.40 EUR/ })
          .isChecked(),
      );
      await merchant.getByRole("button", { name: "Send offer" }).click();
      await toast(merchant, "Offer sent to the customer");
      expect(merchant.errors).toEqual([]);

      // Lucía, on a phone set to Spanish, reads her mail in the sandbox's mailbox.
      const customer = await personPage(browser, { width: 480, height: 900 }, { locale: "es-ES" });
      const subject = `Farmacia Demo: sobre tu pedido ${order.name}`;
      await openMail(customer, "lucia.martin@example.es", subject);
      const html = customer.frameLocator('iframe[title="The email as the customer sees it"]');
      await html
        .getByText(/Sensibio H2O Micellar Water/)
        .first()
        .waitFor();
      await html.getByText("Farmacia Demo").first().waitFor();
      // The text version, its offer link live, on the shop's own domain (the App Proxy).
      const textLink = customer.locator("pre a").filter({ hasText: "/apps/makegood/offers/" });
      expect(await textLink.getAttribute("href")).toMatch(
        /^http:\/\/makegood-demo\.localhost:\d+\/apps\/makegood\/offers\/[\w-]+$/,
      );
      await screenshot(customer, "sandbox-mailbox-offer-email");
      expect(await accessibilityViolations(customer)).toEqual([]);
      expect((await savedMail("lucia.martin@example.es", subject)).html).toContain("/apps/makegood/offers/");

      // The link in the email, clicked as in a mail client: the offer page opens in the window.
      await html.locator('a[href*="/apps/makegood/offers/"]').click();
      const substitute = customer.getByRole("radio", {
        name: /Recibir Sensibio H2O Micellar Water en su lugar/,
      });
      await substitute.waitFor();
      expect(new URL(customer.url()).hostname).toBe("makegood-demo.localhost");
      await substitute.check();
      await customer.getByRole("button", { name: "Confirmar mi elección" }).click();
      await customer.getByRole("heading", { name: "Tu elección está confirmada" }).waitFor();

      const confirmation = `Farmacia Demo: tu elección para el pedido ${order.name} está confirmada`;
      await openMail(customer, "lucia.martin@example.es", confirmation);
      await customer
        .frameLocator('iframe[title="The email as the customer sees it"]')
        .getByText(/Sensibio H2O Micellar Water/)
        .first()
        .waitFor();
      await screenshot(customer, "sandbox-mailbox-confirmation-email");
      await savedMail("lucia.martin@example.es", confirmation);
      expect(customer.errors).toEqual([]);

      const edited = await storeOrder(launcher, order.id);
      expect(
        edited.lines
          .filter((l) => l.currentQuantity > 0)
          .map((l) => l.title)
          .sort(),
      ).toEqual(["Sensibio H2O Micellar Water", "Summer Protection Pack (fluid + free spring water)"]);
      await customer.close();
      await merchant.close();
    },
    BROWSER_FLOW,
  );

  it(
    "a compensation code from the workspace: refused at the storefront for another customer and when mistyped, in Shopify's words; redeemed by its customer, and the incident shows it",
    async () => {
      const { order } = await playScenario(launcher, "oversold"); // Ioana Popescu's order
      const merchant = await personPage(browser);
      const workspace = await openIncident(merchant, order.name);
      await merchant.getByLabel("Discount %").fill("10");
      await merchant.getByRole("button", { name: "Create compensation code" }).click();
      await toast(merchant, "Compensation code created");
      const code = (await merchant
        .getByText(/compensation code: done/i)
        .first()
        .textContent())!
        .split(" · ")
        .pop()!
        .trim();
      await merchant.getByLabel("Message").selectOption("apology_code");
      await merchant.getByRole("button", { name: "Preview email" }).click();
      await merchant.getByLabel("Email preview").waitFor();
      await merchant.getByRole("button", { name: /^Send to / }).click();
      await toast(merchant, /Email sent to/);

      // Ioana reads the apology, and follows its code to the shop's checkout.
      const customer = await personPage(browser, { width: 1000, height: 900 }, { locale: "ro-RO" });
      await openMail(
        customer,
        "ioana.popescu@example.ro",
        `Farmacia Demo: ne pare rău pentru comanda ${order.name} — o reducere pentru următoarea`,
      );
      await customer.getByRole("link", { name: `Check out with ${code}` }).click();
      await customer.getByRole("heading", { name: "Farmacia Demo — Checkout" }).waitFor();
      expect(new URL(customer.url()).hostname).toBe("makegood-demo.localhost");
      expect(await customer.getByLabel("Customer").inputValue()).toBe("ioana.popescu@example.ro");
      expect(await customer.getByLabel("Discount code").inputValue()).toBe(code);

      // Another customer cannot use it; a mistyped code is no code.
      await customer.getByLabel("Customer").selectOption("javier.ruiz@example.es");
      await customer.getByRole("button", { name: "Apply" }).click();
      await customer
        .getByRole("alert")
        .filter({ hasText: "Discount code isn’t available to you right now" })
        .waitFor();
      await screenshot(customer, "sandbox-checkout-refused");
      expect(await accessibilityViolations(customer)).toEqual([]);
      await customer.getByLabel("Customer").selectOption("ioana.popescu@example.ro");
      await customer.getByLabel("Discount code").fill(`${code}X`);
      await customer.getByRole("button", { name: "Apply" }).click();
      await customer.getByRole("alert").filter({ hasText: "Enter a valid discount code" }).waitFor();

      await customer.getByLabel("Discount code").fill(code);
      await customer.getByLabel("Sensibio H2O Micellar Water").fill("2");
      await customer.getByLabel("Cash on Delivery (COD)").check();
      await customer.getByRole("button", { name: "Apply" }).click();
      await customer
        .getByRole("status")
        .filter({ hasText: `${code} applied` })
        .waitFor();
      // 10 % of 2 × 12.40, as Intl writes it for Ioana (Romanian, in a Spanish shop).
      const euros = (amount: number) =>
        new Intl.NumberFormat("ro-ES", { style: "currency", currency: "EUR" }).format(amount);
      expect(
        await customer.getByRole("row", { name: new RegExp(`Discount \\(${code}\\)`) }).innerText(),
      ).toContain(`−${euros(2.48)}`);
      await screenshot(customer, "sandbox-checkout");
      await customer.getByRole("button", { name: "Pay now" }).click();

      await customer.getByRole("heading", { name: /^Order #\d+$/ }).waitFor();
      const name = (await customer.getByRole("heading", { name: /^Order #\d+$/ }).textContent())!.replace(
        "Order ",
        "",
      );
      await customer.getByText("Thank you, Ioana!").waitFor();
      expect(await customer.getByRole("heading", { name: "Confirmed" }).isVisible()).toBe(true);
      expect(await customer.getByRole("row", { name: /Sensibio H2O Micellar Water/ }).innerText()).toMatch(
        new RegExp(`2\\s+${euros(24.8)}`),
      );
      expect(
        await customer
          .getByText(`Cash on Delivery (COD): ${euros(27.27)} to pay on delivery`, { exact: true })
          .isVisible(),
      ).toBe(true);
      expect(await customer.getByRole("heading", { name: "Reserved for MakeGood" }).isVisible()).toBe(true);
      await screenshot(customer, "sandbox-order-status");
      expect(await accessibilityViolations(customer)).toEqual([]);
      expect(customer.errors).toEqual([]);

      // Shopify's side: the order with the code's discount, unpaid until delivery.
      const placed = await storeOrder(launcher, name);
      expect([
        placed.discountAmount,
        placed.financialStatus,
        placed.lines.map((l) => [l.title, l.quantity]),
      ]).toEqual(["2.48", "pending", [["Sensibio H2O Micellar Water", 2]]]);
      // The app heard of it through orders/create: the code is redeemed on the incident.
      await openAppUntil(
        merchant,
        launcher,
        workspace,
        `The customer came back: ${code.toUpperCase()} redeemed on ${name}`,
      );
      expect(
        await merchant.getByText(new RegExp(`compensation code: done · ${code} · redeemed`, "i")).isVisible(),
      ).toBe(true);
      await screenshot(merchant, "sandbox-code-redeemed-incident");
      expect(merchant.errors).toEqual([]);
      await customer.close();
      await merchant.close();
    },
    BROWSER_FLOW,
  );
});
