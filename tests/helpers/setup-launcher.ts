// vitest-only (kept apart from launcher.ts, which the bench imports): `npm run sandbox` and a
// Chromium for one browser test file, started before its tests, stopped after them — the
// launcher must stop cleanly (its app's port closed).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchBrowser } from "./browser";
import { startLauncher, type Launcher } from "./launcher";

/** What beforeAll makes, named by the test file at once: each use reaches the started one. */
function startedLater<T extends object>() {
  const slot: { value?: T } = {};
  const proxy = new Proxy({} as T, {
    get(_, key) {
      if (!slot.value) throw new Error(`used before beforeAll started it (${String(key)})`);
      const value: unknown = Reflect.get(slot.value, key);
      return typeof value === "function" ? value.bind(slot.value) : value;
    },
  });
  return { slot, proxy };
}

/** A test that is a person's whole flow (several pages, Shopify's webhooks, a CLI scan) can outlast
 *  the suite's 120 s per test on a busy 2-core machine; this bounds its waits, not its speed. */
export const BROWSER_FLOW = 300_000;

export function setupLauncher(): { launcher: Launcher; browser: Browser } {
  const launcher = startedLater<Launcher>();
  const browser = startedLater<Browser>();
  beforeAll(async () => {
    launcher.slot.value = await startLauncher();
    browser.slot.value = await launchBrowser();
  });
  afterAll(async () => {
    await browser.slot.value?.close();
    if (launcher.slot.value) expect(await launcher.slot.value.stop()).toBe(true);
  });
  return { launcher: launcher.proxy, browser: browser.proxy };
}
