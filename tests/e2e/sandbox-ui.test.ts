// `npm run sandbox` as a person uses it: the launcher starts the sandbox store and the app, and
// the address it prints opens MakeGood's Polaris UI in a real browser.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_UA, freePort, portClosed, stopProcessGroup } from "../helpers/app-server";
import { ARTIFACTS, launchBrowser } from "../helpers/browser";
import { emptyDatabase, projectRoot } from "../helpers/database";

let browser: Browser;
let launcher: ChildProcess;
let output = "";
let openUrl: string;
let removeDatabase: () => Promise<void>;
let appPort: number;

beforeAll(async () => {
  const database = await emptyDatabase("sqlite");
  removeDatabase = database.remove;
  appPort = await freePort();
  const sandboxPort = await freePort();
  const env = { ...process.env, PORT: String(appPort), SANDBOX_PORT: String(sandboxPort), DATABASE_URL: database.url, MAKEGOOD_SKIP_BUILD: "1" };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key as keyof typeof env];
  // Its own process group, so that stopping it stops the app server it starts too.
  launcher = spawn(path.join(projectRoot, "node_modules/.bin/tsx"), [path.join(projectRoot, "scripts/sandbox.ts")], { cwd: projectRoot, env, detached: true });
  launcher.stdout!.on("data", (d) => (output += d));
  launcher.stderr!.on("data", (d) => (output += d));
  openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run sandbox did not come up:\n${output}`)), 60_000);
    launcher.stdout!.on("data", () => {
      const url = output.match(/Open the app[^\n]*\n\s+(http\S+)/)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    launcher.once("exit", (code) => reject(new Error(`npm run sandbox exited with ${code}:\n${output}`)));
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (launcher) {
    await stopProcessGroup(launcher);
    expect(await portClosed(appPort)).toBe(true);
  }
  await removeDatabase?.();
});

describe("npm run sandbox in Chromium", () => {
  it("prints an address that opens the Polaris home page, and navigation carries session tokens", async () => {
    expect(output).toContain("the app is installed on makegood-demo.myshopify.com");
    // Headless Chromium says "HeadlessChrome", which the library's bot check answers with 410.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, userAgent: BROWSER_UA });
    const failed: string[] = [];
    page.on("pageerror", (error) => failed.push(error.message));
    page.on("response", (res) => {
      if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
    });

    await page.goto(openUrl, { waitUntil: "networkidle" });
    await page.getByText("MakeGood is watching Farmacia Demo").waitFor();
    await expect.poll(() => page.evaluate(() => typeof (window as { shopify?: unknown }).shopify)).toBe("object");
    // Polaris's stylesheet applied: the page background is Polaris's, not the browser's default.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    expect(await page.locator(".Polaris-Page").count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "sandbox-home.png"), fullPage: true });

    const dataRequest = page.waitForRequest((req) => req.url().includes("_data=") && !!req.headers()["authorization"]);
    await page.getByRole("navigation", { name: "App navigation" }).getByRole("link", { name: "Incidents" }).click();
    const request = await dataRequest;
    expect(request.headers()["authorization"]).toMatch(/^Bearer ey/);
    expect((await request.response())?.status()).toBe(200);
    await page.getByText("MakeGood is watching Farmacia Demo").waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "sandbox-home-after-navigation.png"), fullPage: true });

    expect(failed).toEqual([]);
    await page.close();
  });
});
