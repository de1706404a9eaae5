// `npm run sandbox` as a person uses it: the launcher starts the sandbox store and the app, and
// the address it prints opens MakeGood's Polaris UI in a real browser.
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_UA } from "../helpers/app-server";
import { ARTIFACTS, launchBrowser, openPage } from "../helpers/browser";
import { startLauncher, type Launcher } from "../helpers/launcher";
import { until } from "../helpers/wait";

let browser: Browser;
let launcher: Launcher;
let output = "";
let openUrl: string;

beforeAll(async () => {
  launcher = await startLauncher();
  ({ openUrl } = launcher);
  output = launcher.output();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (launcher) expect(await launcher.stop()).toBe(true);
});

describe("npm run sandbox in Chromium", () => {
  it("prints an address that opens the Polaris home page, and navigation carries session tokens", async () => {
    expect(output).toContain("the app is installed on makegood-demo.myshopify.com");
    // Headless Chromium says "HeadlessChrome", which the library's bot check answers with 410.
    const { page, errors: failed } = await openPage(browser, {
      viewport: { width: 1280, height: 800 },
      userAgent: BROWSER_UA,
    });
    page.on("response", (res) => {
      if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
    });

    await page.goto(openUrl, { waitUntil: "networkidle" });
    await page.getByText("MakeGood is watching Farmacia Demo").waitFor();
    await until(
      "App Bridge's window.shopify",
      () => page.evaluate(() => typeof (window as { shopify?: unknown }).shopify),
      (type) => type === "object",
    );
    // Polaris's stylesheet applied: the page background is Polaris's, not the browser's default.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
      "rgba(0, 0, 0, 0)",
    );
    expect(await page.locator(".Polaris-Page").count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "sandbox-home.png"), fullPage: true });

    const dataRequest = page.waitForRequest(
      (req) => req.url().includes("_data=") && !!req.headers()["authorization"],
    );
    await page
      .getByRole("navigation", { name: "App navigation" })
      .getByRole("link", { name: "Incidents", exact: true })
      .click();
    const request = await dataRequest;
    expect(request.headers()["authorization"]).toMatch(/^Bearer ey/);
    expect((await request.response())?.status()).toBe(200);
    await page.getByText("MakeGood is watching Farmacia Demo").waitFor();
    await page.screenshot({
      path: path.join(ARTIFACTS, "sandbox-home-after-navigation.png"),
      fullPage: true,
    });

    expect(failed).toEqual([]);
    await page.close();
  });
});
