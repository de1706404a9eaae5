// The settings page in a real browser against `npm run sandbox`: the merchant types several wrong
// values, saves from the save bar, sees every error at once next to its field with nothing lost,
// corrects them, saves again; the values stay after a reload, are the shop's settings in the app's
// database, and the next email to a customer goes out with the wording saved, replies to the sender saved.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db/client";
import { getShopSettings } from "../../app/domain/settings/settings.server";
import { accessibilityViolations } from "../helpers/accessibility";
import { ARTIFACTS } from "../helpers/browser";
import { openAppUntil, personPage, playScenario, toast } from "../helpers/person";
import { setupLauncher } from "../helpers/setup-launcher";
import { until } from "../helpers/wait";
import { DEMO_SHOP } from "../sandbox/seed";

const { launcher, browser } = setupLauncher();

const saveBar = (page: Page) => page.getByRole("region", { name: "Save bar" });
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function readSettings() {
  const prisma = createPrismaClient(launcher.databaseUrl);
  try {
    return await getShopSettings(prisma, DEMO_SHOP);
  } finally {
    await prisma.$disconnect();
  }
}

describe("the settings page in Chromium", () => {
  it("reports every wrong value at once, saves the corrected ones from the save bar, and the next email uses them", async () => {
    const page = await personPage(browser, { width: 1280, height: 800 });
    await openAppUntil(page, launcher, "/app/settings", "Shipping deadlines");
    expect(await saveBar(page).count()).toBe(0); // nothing changed yet

    // Several wrong values, in several sections of the tall page.
    await field(page, "Handling time (business days)").fill("99");
    await field(page, "Holidays (one date per line, YYYY-MM-DD)").fill("2026-12-24\n2026-13-45");
    await field(page, "Time zone").fill("Mars/Olympus");
    await field(page, "Transit time per carrier (one “Carrier: days” per line)").fill(
      "SEUR two days\nGLS: 3",
    );
    await field(page, "Sender").fill("nobody");
    await saveBar(page).getByText("Unsaved changes").waitFor();
    // The save bar stays in view at the bottom of the page.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    expect(await saveBar(page).evaluate((bar) => bar.getBoundingClientRect().top)).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "settings-save-bar.png") });

    await saveBar(page).getByRole("button", { name: "Save" }).click();
    const summary = page.getByText("Nothing was saved: 5 fields need correcting");
    await summary.waitFor();
    // Brought into view below the save bar, though Save was pressed at the bottom of the page.
    const summaryTop = await until(
      "the summary scrolled below the save bar",
      () => summary.evaluate((el) => el.getBoundingClientRect().top),
      (top) => top >= 56,
    );
    expect(summaryTop).toBeGreaterThanOrEqual(56);
    expect(await summary.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThan(800);
    for (const shown of [
      "Enter a whole number from 0 to 30.",
      "“2026-13-45” is not a day of the calendar: write it as YYYY-MM-DD, e.g. 2026-12-25.",
      "“Mars/Olympus” is not a time zone: use its name, such as Europe/Madrid (blank: the shop's own).",
      "“SEUR two days” is not “Carrier: days”, e.g. SEUR: 2.",
      "“nobody” is not an email address: write it as hola@yourshop.com, or Your Shop <hola@yourshop.com>.",
    ]) {
      // Once in the list at the top, once under its field.
      expect(
        await until(
          `“${shown}” twice`,
          () => page.getByText(shown, { exact: false }).count(),
          (n) => n === 2,
        ),
      ).toBe(2);
    }
    expect(await field(page, "Sender").getAttribute("aria-invalid")).toBe("true");
    // Nothing typed is lost, nothing is saved, and the save bar is still there to try again.
    expect(await field(page, "Holidays (one date per line, YYYY-MM-DD)").inputValue()).toBe(
      "2026-12-24\n2026-13-45",
    );
    expect(await field(page, "Transit time per carrier (one “Carrier: days” per line)").inputValue()).toBe(
      "SEUR two days\nGLS: 3",
    );
    expect(await readSettings()).toMatchObject({
      handlingDays: 2,
      holidays: [],
      fromAddress: null,
      timezone: null,
    });
    expect(await saveBar(page).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "settings-errors.png") }); // the list of what to correct, scrolled into view
    const a11y = await accessibilityViolations(page);

    // The list at the top leads to the field.
    await page.getByRole("button", { name: "Sender", exact: true }).click();
    expect(
      await until(
        "the Sender field focused",
        () => page.evaluate(() => document.activeElement?.getAttribute("name")),
        (name) => name === "fromAddress",
      ),
    ).toBe("fromAddress");

    await field(page, "Handling time (business days)").fill("3");
    await field(page, "Holidays (one date per line, YYYY-MM-DD)").fill("2026-12-24\n2026-12-25");
    await field(page, "Time zone").fill("Europe/Madrid");
    await field(page, "Transit time per carrier (one “Carrier: days” per line)").fill("SEUR: 2\nGLS: 3");
    await field(page, "Sender").fill("Farmacia Demo <hola@farmacia.example>");
    // The Spanish wording of the "we are on it" email's subject, from the message texts.
    await page.getByLabel("Language of the texts below").selectOption("es");
    const ackSubject = page.locator("#settings-message-es-ack-subject");
    await ackSubject.fill("{shop}: tu pedido {order} está en buenas manos");
    await saveBar(page).getByRole("button", { name: "Save" }).click();
    await toast(page, "Settings saved");
    expect(
      await until(
        "the save bar gone",
        () => saveBar(page).count(),
        (n) => n === 0,
      ),
    ).toBe(0);
    expect(await page.getByText("Nothing was saved").count()).toBe(0);
    expect(await readSettings()).toMatchObject({
      handlingDays: 3,
      holidays: ["2026-12-24", "2026-12-25"],
      timezone: "Europe/Madrid",
      carrierTransitDays: { SEUR: 2, GLS: 3 },
      fromAddress: "Farmacia Demo <hola@farmacia.example>",
      messages: { es: { "ack.subject": "{shop}: tu pedido {order} está en buenas manos" } },
    });

    // Discard asks first, then puts back what was saved.
    await field(page, "Handling time (business days)").fill("7");
    await saveBar(page).getByRole("button", { name: "Discard" }).click();
    await page
      .getByRole("dialog", { name: "Discard all unsaved changes" })
      .getByRole("button", { name: "Discard changes" })
      .click();
    expect(await field(page, "Handling time (business days)").inputValue()).toBe("3");
    expect(
      await until(
        "the save bar gone",
        () => saveBar(page).count(),
        (n) => n === 0,
      ),
    ).toBe(0);

    // Leaving with unsaved changes asks first; staying keeps them.
    await field(page, "Sender").fill("Farmacia <ventas@farmacia.example>");
    await page
      .getByRole("navigation", { name: "App navigation" })
      .getByRole("link", { name: "Insights" })
      .click();
    await page
      .getByRole("dialog", { name: "Leave page with unsaved changes?" })
      .getByRole("button", { name: "Stay" })
      .click();
    expect(await field(page, "Sender").inputValue()).toBe("Farmacia <ventas@farmacia.example>");
    expect(page.url()).toContain("/app/settings");

    // Opened afresh: the values saved, not the one left unsaved.
    await openAppUntil(page, launcher, "/app/settings", "Shipping deadlines");
    expect(await field(page, "Handling time (business days)").inputValue()).toBe("3");
    expect(await field(page, "Holidays (one date per line, YYYY-MM-DD)").inputValue()).toBe(
      "2026-12-24\n2026-12-25",
    );
    expect(await field(page, "Time zone").inputValue()).toBe("Europe/Madrid");
    expect(await field(page, "Sender").inputValue()).toBe("Farmacia Demo <hola@farmacia.example>");
    await page.getByLabel("Language of the texts below").selectOption("es");
    expect(await page.locator("#settings-message-es-ack-subject").inputValue()).toBe(
      "{shop}: tu pedido {order} está en buenas manos",
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "settings-saved.png"), fullPage: true });

    // The effect: the next email to a customer is from the saved sender, in the saved wording.
    const { order } = await playScenario(launcher, "expired-last-unit");
    await openAppUntil(page, launcher, "/app/incidents", order.name); // detection runs after the order's webhooks
    await page.getByRole("link", { name: order.name }).click();
    await page.getByRole("heading", { name: "Tell the customer" }).waitFor();
    await page.getByLabel("Message", { exact: true }).selectOption("acknowledge");
    await page.getByRole("button", { name: "Preview email" }).click();
    await page.getByRole("button", { name: /^Send to / }).click();
    // Through the app's relay (the sandbox's SMTP_URL): from the operator's address under the shop's
    // name, and replies go to the saved sender.
    const mail = new RegExp(
      `Mail to \\S+: Farmacia Demo: tu pedido ${order.name} está en buenas manos\\n\\s+From: "Farmacia Demo" <no-reply@makegood\\.example>\\n\\s+Reply-To: hola@farmacia\\.example`,
    );
    expect(
      await until(
        "the email from the saved sender, in the saved wording",
        async () => launcher.output(),
        (output) => mail.test(output),
      ),
    ).toMatch(mail);

    expect(a11y).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
