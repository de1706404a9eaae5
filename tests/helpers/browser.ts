// Headless Chromium from Debian's package (never a downloaded browser), driven by playwright-core.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContextOptions } from "playwright-core";
import { projectRoot } from "./database";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = path.join(projectRoot, "tests/artifacts");

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium), as .ci/run does`,
    );
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/**
 * A page as a person opens it, with no Playwright deadline of its own: its 30 s default is a guess
 * at the machine's speed, so each wait ends when what it waits for shows, and only vitest's test
 * timeout bounds it. `errors` gathers console errors and uncaught exceptions: a test expects none.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions) {
  const page = await browser.newPage(options);
  page.setDefaultTimeout(0);
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error")
      errors.push(`${message.text()} (${message.location().url || page.url()})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors };
}
