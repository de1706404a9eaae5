// What browser tests need to act as a person against `npm run sandbox` and then look at what
// changed in the store: a page that collects every console error, opening the app as the merchant
// until something shows, playing a scenario, and the sandbox's read-only views of an order, a
// product's stock and a discount code.
import path from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { onTestFailed } from "vitest";
import { BROWSER_UA } from "./app-server";
import { ARTIFACTS, openPage } from "./browser";
import { until } from "./wait";
import type { Launcher } from "./launcher";
import { play } from "./scenario";

export const DEMO = "makegood-demo.myshopify.com";

export type PersonPage = Page & { errors: string[] };

/** A page as a person opens it (openPage: no Playwright deadline, console errors and uncaught
 *  exceptions gathered), which also counts a request that failed: a test expects `errors` empty. */
export async function personPage(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
  context: BrowserContextOptions = {},
): Promise<PersonPage> {
  const { page, errors } = await openPage(browser, { viewport, userAgent: BROWSER_UA, ...context });
  page.on("requestfailed", (request) => {
    // Remix cancels a loader's fetch that a newer navigation supersedes — a person clicking on while
    // the page revalidates after an action, which a busy machine makes likelier. Nothing failed.
    const superseded =
      request.failure()?.errorText === "net::ERR_ABORTED" && new URL(request.url()).searchParams.has("_data");
    if (!superseded) errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  return Object.assign(page, { errors });
}

/** Opens the app at `appPath` from the sandbox admin until `text` shows: detection and webhooks
 *  run a moment after the store changes, as a merchant reloading the page would see. */
export async function openAppUntil(page: Page, launcher: Launcher, appPath: string, text: string | RegExp) {
  const url = `${launcher.openUrl}&path=${encodeURIComponent(appPath)}`;
  await until(
    `${String(text)} on ${appPath}`,
    async () => {
      await page.goto(url, { waitUntil: "networkidle" });
      return page.getByText(text).first().isVisible();
    },
    Boolean,
    500,
  );
}

/** Until the sandbox has delivered every webhook it owes the app (each one answered). */
export async function webhooksDelivered(launcher: Launcher) {
  await until(
    "the sandbox's webhooks delivered",
    async () =>
      ((await (await fetch(`${launcher.sandboxUrl}/sandbox/webhooks`)).json()) as { pending: number })
        .pending,
    (n) => n === 0,
  );
}

export async function playScenario(launcher: Launcher, name: string, params: Record<string, string> = {}) {
  return { order: await play(launcher.sandboxUrl, name, params) };
}

async function inspect<T>(
  launcher: Launcher,
  kind: "orders" | "stock" | "discounts",
  key: string,
): Promise<T> {
  const res = await fetch(`${launcher.sandboxUrl}/sandbox/${kind}/${encodeURIComponent(key)}?shop=${DEMO}`);
  if (!res.ok) throw new Error(`sandbox ${kind} ${key}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export type StoreOrder = {
  id: string;
  name: string;
  financialStatus: string;
  cancelledAt: string | null;
  totalReceived: string;
  totalRefunded: string;
  lines: {
    id: string;
    title: string;
    sku: string;
    price: string;
    quantity: number;
    currentQuantity: number;
    fulfillableQuantity: number;
  }[];
  refunds: { amount: string; lineItems: { lineItemId: string; quantity: number; restockType: string }[] }[];
  fulfillmentOrders: { status: string; holds: string[] }[];
  discountAmount: string;
  shippingPrice: string | null;
  tags: string[];
  note: string | null;
};
export type StoreStock = {
  sku: string;
  locations: { available: number; committed: number; on_hand: number; damaged: number }[];
};

/** An order as the store has it now, by its gid or its name (#1031). */
export const storeOrder = (launcher: Launcher, idOrName: string) =>
  inspect<StoreOrder>(launcher, "orders", idOrName.startsWith("#") ? idOrName : idOrName.split("/").pop()!);
export const storeStock = (launcher: Launcher, sku: string) => inspect<StoreStock>(launcher, "stock", sku);
export const storeDiscount = (launcher: Launcher, code: string) =>
  inspect<{
    code: string;
    value: { percentage?: number };
    customerIds: number[] | null;
    usageLimit: number | null;
  }>(launcher, "discounts", code);

export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

/** The toast App Bridge shows after an action; when the test fails waiting, what the page said instead. */
export async function toast(page: Page, text: string | RegExp) {
  onTestFailed(async () => {
    const said = await page
      .getByRole("status")
      .allTextContents()
      .catch(() => []);
    const banners = await page
      .locator(".Polaris-Banner")
      .allTextContents()
      .catch(() => []);
    const seen = await page
      .evaluate(() => (window as { __toasts?: string[] }).__toasts ?? [])
      .catch(() => []);
    await page
      .screenshot({ path: path.join(ARTIFACTS, `failed-toast-${Date.now()}.png`), fullPage: true })
      .catch(() => undefined);
    console.error(
      `waited for the toast ${String(text)}: toasts ${JSON.stringify(said)}, shown before ${JSON.stringify(seen)}, banners ${JSON.stringify(banners)}`,
    );
  });
  // A toast is on screen for 5 s; a busy machine may look later, so what App Bridge showed counts.
  await until(
    `the toast ${String(text)}`,
    () =>
      page.evaluate(
        (wanted) => {
          const shown = (window as { __toasts?: string[] }).__toasts ?? [];
          return shown.some((m) =>
            wanted.regex ? new RegExp(wanted.source, wanted.flags).test(m) : m.includes(wanted.source),
          );
        },
        typeof text === "string"
          ? { regex: false, source: text, flags: "" }
          : { regex: true, source: text.source, flags: text.flags },
      ),
    Boolean,
    100,
  );
}
