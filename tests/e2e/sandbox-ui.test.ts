// A merchant opens MakeGood from the sandbox admin in a real browser.
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_UA } from "../helpers/app-server";
import { ARTIFACTS, launchBrowser } from "../helpers/browser";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { DEMO_SHOP, setupSandboxWithApp } from "../helpers/sandbox";

let db: TestDatabase;
let browser: Browser;
beforeAll(async () => {
  db = await createTestDatabase("sqlite");
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await db?.drop();
});
const ctx = setupSandboxWithApp(() => db.url);

describe("the merchant UI in Chromium", () => {
  it("renders the Polaris home page from the sandbox admin link and navigates with session tokens", async () => {
    // Headless Chromium says "HeadlessChrome", which the library's bot check answers with 410.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, userAgent: BROWSER_UA });
    const failed: string[] = [];
    page.on("pageerror", (error) => failed.push(error.message));
    page.on("response", (res) => {
      if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
    });

    await page.goto(`${ctx.sandbox.url}/admin/open?shop=${DEMO_SHOP}`);
    await page.getByText("MakeGood is watching Farmacia Demo").waitFor();
    await expect.poll(() => page.evaluate(() => typeof (window as { shopify?: unknown }).shopify)).toBe("object");
    // Polaris's stylesheet applied: the page background is Polaris's, not the browser's white.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe("rgba(0, 0, 0, 0)");
    expect(await page.locator(".Polaris-Page").count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "sandbox-home.png"), fullPage: true });

    // Client-side navigation: the loader fetch must carry a session token from App Bridge.
    const dataRequest = page.waitForRequest((req) => req.url().includes("_data=") && !!req.headers()["authorization"]);
    await page.getByRole("navigation", { name: "App navigation" }).getByRole("link", { name: "Incidents" }).click();
    const request = await dataRequest;
    expect(request.headers()["authorization"]).toMatch(/^Bearer ey/);
    const response = await request.response();
    expect(response?.status()).toBe(200);
    await page.getByText("MakeGood is watching Farmacia Demo").waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "sandbox-home-after-navigation.png"), fullPage: true });

    expect(failed).toEqual([]);
    await page.close();
  });
});
