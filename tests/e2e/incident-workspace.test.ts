// The merchant's whole loop in a real browser against `npm run sandbox`: the expired-last-unit
// incident appears on the app's home page, the merchant opens it and offers a substitute, the customer
// accepts on the offer page from the email, and the incident shows closed with the order edited.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { accessibilityViolations } from "../helpers/accessibility";
import { ARTIFACTS } from "../helpers/browser";
import { openAppUntil, personPage, playScenario, toast } from "../helpers/person";
import { setupLauncher } from "../helpers/setup-launcher";
import { until } from "../helpers/wait";

const { launcher, browser } = setupLauncher();

describe("the incident workspace in Chromium", () => {
  it("expired-last-unit: home → workspace → offer → the customer accepts → closed, order edited", async () => {
    const { order } = await playScenario(launcher, "expired-last-unit");
    const page = await personPage(browser);

    // Detection runs after the webhooks, a moment after the order.
    await openAppUntil(page, launcher, "/app", order.name);
    await page.screenshot({ path: path.join(ARTIFACTS, "home.png"), fullPage: true });
    const a11y: Record<string, unknown[]> = { home: await accessibilityViolations(page) };

    // By keyboard alone: Tab to the incident's link and open it with Enter.
    for (
      let i = 0;
      i < 40 && (await page.evaluate(() => document.activeElement?.textContent ?? "")) !== order.name;
      i++
    )
      await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(order.name);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Offer the customer a choice" }).waitFor();
    const workspacePath = new URL(page.url()).pathname;
    await until("the best substitute ticked", () =>
      page.getByRole("checkbox", { name: /Sensibio H2O Micellar Water — Bioderma, 12\.40 EUR/ }).isChecked(),
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "incident-workspace.png"), fullPage: true });
    a11y.workspace = await accessibilityViolations(page);

    // The merchant reads the email before anything is sent: in the customer's language (Spanish).
    await page.getByRole("button", { name: "Preview email" }).click();
    await page
      .getByLabel("Email preview")
      .getByText(/Hemos visto que uno de los artículos de tu pedido/)
      .waitFor();
    expect(await page.getByLabel("Language").inputValue()).toBe("es");
    await page.screenshot({ path: path.join(ARTIFACTS, "message-preview.png"), fullPage: true });
    expect(launcher.output()).not.toMatch(/Mail to lucia/); // a preview sends nothing

    await page.getByRole("button", { name: "Send offer" }).click();
    await toast(page, "Offer sent to the customer");
    const offerUrl = (await until(
      "the offer's email",
      async () => launcher.output().match(/Offer page: (\S+)/)?.[1],
    ))!;
    expect(launcher.output()).toMatch(
      new RegExp(`Mail to lucia\\.martin@example\\.es: Farmacia Demo: sobre tu pedido ${order.name}`),
    );

    const customer = await personPage(browser, { width: 420, height: 800 });
    await customer.goto(offerUrl, { waitUntil: "networkidle" });

    const substitute = customer.getByRole("radio", {
      name: /Recibir Sensibio H2O Micellar Water en su lugar/,
    });
    await substitute.waitFor();
    await customer.screenshot({ path: path.join(ARTIFACTS, "offer-page.png"), fullPage: true });
    expect(await accessibilityViolations(customer)).toEqual([]); // the customer's page too
    expect(await customer.evaluate(() => [document.documentElement.lang, document.title])).toEqual([
      "es",
      `Tu pedido ${order.name}`,
    ]);
    await substitute.check();
    await customer.getByRole("button", { name: "Confirmar mi elección" }).click();
    await customer.getByText("¡Gracias! Te enviaremos Sensibio H2O Micellar Water").waitFor();
    expect(customer.errors).toEqual([]);
    await customer.close();

    await openAppUntil(page, launcher, workspacePath, "substituted by Sensibio H2O Micellar Water");
    await openAppUntil(page, launcher, workspacePath, "Sensibio H2O Micellar Water ×1"); // the order as Shopify now has it, from its webhook
    expect(await page.getByText("Thermal Spring Water 150 ml ×0").isVisible()).toBe(true);
    // The substitute's price is on the order, and so is what the customer really pays for it: nothing.
    expect(
      await page
        .getByText(/Sensibio H2O Micellar Water ×1 at 12\.40 EUR, the customer pays 0\.00 EUR/)
        .isVisible(),
    ).toBe(true);
    expect(await page.getByText("Closed", { exact: true }).first().isVisible()).toBe(true); // the status badge, in words
    await page.screenshot({ path: path.join(ARTIFACTS, "incident-closed.png"), fullPage: true });

    // The incidents index, from the app's navigation: closed ones are listed too.
    await page
      .getByRole("navigation", { name: "App navigation" })
      .getByRole("link", { name: "All incidents" })
      .click();
    await page.getByRole("link", { name: order.name }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "incidents-index.png"), fullPage: true });
    a11y.index = await accessibilityViolations(page);

    // The settings page, from the app's navigation.
    await page
      .getByRole("navigation", { name: "App navigation" })
      .getByRole("link", { name: "Settings" })
      .click();
    await page.getByText("Shipping deadlines").waitFor();
    expect(await page.getByLabel("Handling time (business days)").inputValue()).toBe("2");
    await page.screenshot({ path: path.join(ARTIFACTS, "settings.png"), fullPage: true });
    a11y.settings = await accessibilityViolations(page);

    // Insights, from the app's navigation: the charts draw in the browser, the table carries the figures.
    await page
      .getByRole("navigation", { name: "App navigation" })
      .getByRole("link", { name: "Insights" })
      .click();
    await page.getByRole("heading", { name: "Remedies cost" }).waitFor();
    await page.locator("svg").filter({ hasText: /EUR/ }).first().waitFor();
    expect(await page.getByRole("heading", { name: "Carrier scorecard" }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "insights.png"), fullPage: true });
    a11y.insights = await accessibilityViolations(page);
    // Every control labelled, nothing a screen reader cannot name, enough contrast: on every page.
    expect(a11y).toEqual({ home: [], workspace: [], index: [], settings: [], insights: [] });
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
