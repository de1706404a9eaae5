// What browser tests need to act as a person against `npm run sandbox` and then look at what
// changed in the store: a page that collects every console error, opening the app as the merchant
// until something shows, playing a scenario, and the sandbox's read-only views of an order, a
// product's stock and a discount code.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { BROWSER_UA } from "./app-server";
import { ARTIFACTS } from "./browser";
import type { Launcher } from "./launcher";

export const DEMO = "makegood-demo.myshopify.com";

export type PersonPage = Page & { errors: string[] };

/** A new page that records page errors and console errors (hydration mismatches among them). */
export async function personPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<PersonPage> {
  const page = (await browser.newPage({ viewport, userAgent: BROWSER_UA })) as PersonPage;
  page.errors = [];
  page.on("pageerror", (error) => page.errors.push(`pageerror: ${error.message}`));
  page.on("requestfailed", (request) => page.errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on("console", (message) => {
    if (message.type() === "error") page.errors.push(`console: ${message.text()}`);
  });
  return page;
}

/** Opens the app at `appPath` from the sandbox admin until `text` shows: detection and webhooks
 *  run a moment after the store changes, as a merchant reloading the page would see. */
export async function openAppUntil(page: Page, launcher: Launcher, appPath: string, text: string | RegExp) {
  const url = `${launcher.openUrl}&path=${encodeURIComponent(appPath)}`;
  await expect.poll(async () => {
    await page.goto(url, { waitUntil: "networkidle" });
    return page.getByText(text).first().isVisible();
  }, { timeout: 60_000, interval: 500 }).toBe(true);
}

/** Until the sandbox has delivered every webhook it owes the app (each one answered). */
export async function webhooksDelivered(launcher: Launcher) {
  await expect.poll(async () => ((await (await fetch(`${launcher.sandboxUrl}/sandbox/webhooks`)).json()) as { pending: number }).pending, { timeout: 60_000 }).toBe(0);
}

export async function playScenario(launcher: Launcher, name: string, params: Record<string, string> = {}) {
  const query = new URLSearchParams({ shop: DEMO, ...params });
  const res = await fetch(`${launcher.sandboxUrl}/sandbox/scenarios/${name}?${query}`, { method: "POST" });
  if (!res.ok) throw new Error(`scenario ${name}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { order: { id: string; name: string } };
}

async function inspect<T>(launcher: Launcher, kind: "orders" | "stock" | "discounts", key: string): Promise<T> {
  const res = await fetch(`${launcher.sandboxUrl}/sandbox/${kind}/${encodeURIComponent(key)}?shop=${DEMO}`);
  if (!res.ok) throw new Error(`sandbox ${kind} ${key}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export type StoreOrder = {
  id: string; name: string; financialStatus: string; cancelledAt: string | null; totalReceived: string; totalRefunded: string;
  lines: { id: string; title: string; sku: string; price: string; quantity: number; currentQuantity: number; fulfillableQuantity: number }[];
  refunds: { amount: string; lineItems: { lineItemId: string; quantity: number; restockType: string }[] }[];
  fulfillmentOrders: { status: string; holds: string[] }[];
  discountAmount: string; shippingPrice: string | null; tags: string[]; note: string | null;
};
export type StoreStock = { sku: string; locations: { available: number; committed: number; on_hand: number; damaged: number }[] };

/** An order as the store has it now, by its gid or its name (#1031). */
export const storeOrder = (launcher: Launcher, idOrName: string) => inspect<StoreOrder>(launcher, "orders", idOrName.startsWith("#") ? idOrName : idOrName.split("/").pop()!);
export const storeStock = (launcher: Launcher, sku: string) => inspect<StoreStock>(launcher, "stock", sku);
export const storeDiscount = (launcher: Launcher, code: string) =>
  inspect<{ code: string; value: { percentage?: number }; customerIds: number[] | null; usageLimit: number | null }>(launcher, "discounts", code);

export const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

/** The toast App Bridge shows after an action; what the page said instead when it does not come. */
export async function toast(page: Page, text: string | RegExp) {
  try {
    await page.getByRole("status").filter({ hasText: text }).waitFor();
  } catch (error) {
    const said = await page.getByRole("status").allTextContents().catch(() => []);
    const banners = await page.locator(".Polaris-Banner").allTextContents().catch(() => []);
    throw new Error(`no toast ${text}: toasts ${JSON.stringify(said)}, banners ${JSON.stringify(banners)}`, { cause: error });
  }
}
