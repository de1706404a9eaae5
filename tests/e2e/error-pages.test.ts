// Errors a person can read, in Chromium against `npm run sandbox`: an address nothing answers, a
// link into the app that asks for filters the list does not have (a 400 with the list unfiltered a
// click away), an incident that is not the shop's, and the customer's offer page failing for a
// reason no one foresaw — in the customer's language. The only console errors allowed are the
// browser's own line for the page's HTTP status: anything else (a hydration error, a script that
// failed) fails the test.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db/client";
import { hashToken } from "../../app/domain/remedies/offer-link.server";
import { accessibilityViolations } from "../helpers/accessibility";
import { DEMO, openAppUntil, personPage, screenshot, type PersonPage } from "../helpers/person";
import { setupLauncher } from "../helpers/setup-launcher";

const { launcher, browser } = setupLauncher();

/** The console errors besides Chromium's line for a page answered with `status`. */
const otherErrors = (page: PersonPage, status: number) =>
  page.errors.filter((e) => !e.includes(`the server responded with a status of ${status}`));

describe("error pages in Chromium", () => {
  it("an address nothing answers: a page that says so, not a blank one", async () => {
    const page = await personPage(browser);
    const res = await page.goto(`http://localhost:${launcher.appPort}/no-such-page`, {
      waitUntil: "networkidle",
    });
    expect(res?.status()).toBe(404);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await page.getByText("There is nothing at this address.").waitFor();
    expect(await page.title()).toBe("Page not found");
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(otherErrors(page, 404)).toEqual([]);
  });

  it("the merchant's pages: filters the list does not have are a 400 with the unfiltered list a click away; another shop's incident is not found", async () => {
    const page = await personPage(browser);
    await openAppUntil(
      page,
      launcher,
      "/app/incidents?types=bogus&sla=overdue",
      "This address asks for filters the list does not have: Problem.",
    );
    await page.getByRole("heading", { name: "This page cannot be shown as asked" }).waitFor();
    await screenshot(page, "error-incidents-filters");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Show all incidents" }).click();
    await page
      .getByRole("button", { name: "Report a problem" })
      .or(page.getByRole("link", { name: "Report a problem" }))
      .first()
      .waitFor();
    expect(new URL(page.url()).searchParams.get("types")).toBeNull();
    expect(otherErrors(page, 400)).toEqual([]);

    const lost = await personPage(browser);
    await openAppUntil(
      lost,
      launcher,
      "/app/incidents/no-such-incident",
      "There is no such incident in this shop.",
    );
    await lost.getByRole("heading", { name: "Not found" }).waitFor();
    expect(await accessibilityViolations(lost)).toEqual([]);
    await lost.getByRole("link", { name: "See all incidents" }).click();
    await lost
      .getByRole("button", { name: "Report a problem" })
      .or(lost.getByRole("link", { name: "Report a problem" }))
      .first()
      .waitFor();
    expect(otherErrors(lost, 404)).toEqual([]);

    // An address under the app that no page answers: inside the admin's frame, with the way home.
    const astray = await personPage(browser);
    await openAppUntil(astray, launcher, "/app/nowhere", "MakeGood has no page at this address.");
    await astray.getByRole("heading", { name: "Not found" }).waitFor();
    expect(await accessibilityViolations(astray)).toEqual([]);
    await astray.getByRole("link", { name: "Go to the MakeGood home page" }).click();
    await astray.getByRole("heading", { name: "What MakeGood watches" }).waitFor();
    expect(new URL(astray.url()).pathname).toBe("/app");
    expect(otherErrors(astray, 404)).toEqual([]);
  });

  it("the customer's offer page that fails says so in the customer's language", async () => {
    // An offer whose line the app cannot read (its substitutes are not JSON): the page fails to load.
    const token = crypto.randomBytes(24).toString("base64url");
    const prisma = createPrismaClient(launcher.databaseUrl);
    try {
      const now = new Date();
      const incident = await prisma.incident.create({
        data: {
          shop: DEMO,
          orderId: "gid://shopify/Order/990001",
          orderName: "#9901",
          type: "stock_mismatch",
          subject: "gid://shopify/LineItem/990001",
          evidence: "{}",
          acknowledgeBy: now,
          answerBy: now,
          openedAt: now,
        },
      });
      await prisma.offer.create({
        data: {
          shop: DEMO,
          incidentId: incident.id,
          orderId: incident.orderId,
          tokenHash: hashToken(token),
          currency: "EUR",
          locale: "es",
          expiresAt: new Date(now.getTime() + 86_400_000),
          lines: {
            create: [
              {
                shop: DEMO,
                incidentId: incident.id,
                position: 0,
                lineItemId: incident.subject,
                lineTitle: "Agua termal",
                quantity: 1,
                ordered: 1,
                substitutes: "not json",
                refundAmount: "9.90",
              },
            ],
          },
        },
      });
    } finally {
      await prisma.$disconnect();
    }
    const customer = await personPage(browser, { width: 420, height: 860 }, { locale: "es-ES" });
    const res = await customer.goto(`http://localhost:${launcher.appPort}/offers/${token}`, {
      waitUntil: "networkidle",
    });
    expect(res?.status()).toBe(500);
    expect(res?.headers()["cache-control"]).toBe("no-store");
    await customer.getByRole("heading", { name: "Ahora no podemos mostrar tu oferta" }).waitFor();
    await customer
      .getByText(
        "Algo ha fallado por nuestra parte. Vuelve a intentarlo en unos minutos; si vuelve a pasar, ponte en contacto con la tienda.",
      )
      .waitFor();
    expect(await customer.evaluate(() => [document.documentElement.lang, document.title])).toEqual([
      "es",
      "Ahora no podemos mostrar tu oferta",
    ]);
    await screenshot(customer, "error-offer-page");
    expect(await accessibilityViolations(customer)).toEqual([]);
    expect(otherErrors(customer, 500)).toEqual([]);
  });
});
