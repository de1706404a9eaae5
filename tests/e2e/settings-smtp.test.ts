// The merchant's own mail server in a real browser against `npm run sandbox` (which allows only the
// local network 127.0.0.0/8, for its mail catcher): "Test connection" says in words what works and
// what is wrong — the local test mail server answers, a closed port is named, a private address
// outside what the operator allows is refused — and the password is write-only: "set" / "not set",
// never shown, sealed in the database, removable.
import net from "node:net";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db/client";
import { getShopSettings } from "../../app/domain/settings/settings.server";
import { accessibilityViolations } from "../helpers/accessibility";
import { ARTIFACTS } from "../helpers/browser";
import { openAppUntil, personPage, toast } from "../helpers/person";
import { BROWSER_FLOW, setupLauncher } from "../helpers/setup-launcher";
import { until } from "../helpers/wait";
import { startSmtpServer } from "../sandbox/mailbox";
import { DEMO_SHOP } from "../sandbox/seed";

const { launcher, browser } = setupLauncher();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let closedPort: number;
beforeAll(async () => {
  smtp = await startSmtpServer(0, undefined, { acceptLogin: true });
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => smtp?.close());

const saveBar = (page: Page) => page.getByRole("region", { name: "Save bar" });
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const PASSWORD = "Tr0ub4dor&3-smtp";

async function storedRow() {
  const prisma = createPrismaClient(launcher.databaseUrl);
  try {
    return {
      settings: await getShopSettings(prisma, DEMO_SHOP),
      row: (await prisma.shopSettings.findUnique({ where: { shop: DEMO_SHOP } }))?.data ?? "",
    };
  } finally {
    await prisma.$disconnect();
  }
}

async function testConnection(page: Page, expected: string) {
  await page.getByRole("button", { name: "Test connection" }).click();
  // Polaris's banner is read out when it appears (a status, or an alert when something is wrong).
  const status = page.locator("#smtp-test-result").filter({ hasText: expected });
  await status.waitFor();
  return status.innerText();
}

describe("the shop's mail server in Chromium", () => {
  it(
    "tests the connection in words, and keeps the password write-only",
    { timeout: BROWSER_FLOW },
    async () => {
      const page = await personPage(browser, { width: 1280, height: 900 });
      await openAppUntil(page, launcher, "/app/settings", "Email to customers");
      expect(await page.locator("#smtp-password-status").innerText()).toBe("Password: not set");

      await field(page, "SMTP server").fill("127.0.0.1");
      await field(page, "Port").fill(String(smtp.server.port));
      expect(await testConnection(page, "The mail server answered")).toContain(
        `Connected to 127.0.0.1 on port ${smtp.server.port}: email can go out.`,
      );

      await field(page, "Port").fill(String(closedPort));
      expect(await testConnection(page, "cannot be used")).toContain(
        `127.0.0.1 on port ${closedPort} refused the connection: nothing receives mail there.`,
      );

      // A private network the operator did not allow (only 127.0.0.0/8 here): no connection is tried.
      await field(page, "SMTP server").fill("10.1.2.3");
      await field(page, "Port").fill("587");
      expect(await testConnection(page, "private or reserved")).toContain(
        "10.1.2.3: it is a private or reserved address, which the app does not connect to",
      );
      await page.screenshot({ path: path.join(ARTIFACTS, "settings-smtp-refused.png") });

      // Saved with a login and password: the page says "set", and never shows it again.
      await field(page, "SMTP server").fill("127.0.0.1");
      await field(page, "Port").fill(String(smtp.server.port));
      await field(page, "Login").fill("hola@farmacia.example");
      await field(page, "New password").fill(PASSWORD);
      await saveBar(page).getByRole("button", { name: "Save" }).click();
      await toast(page, "Settings saved");
      expect(
        await until(
          "the password shown as set",
          () => page.locator("#smtp-password-status").innerText(),
          (text) => text === "Password: set",
        ),
      ).toBe("Password: set");
      expect(await field(page, "New password").inputValue()).toBe("");
      const stored = await storedRow();
      expect(stored.settings.smtp).toMatchObject({
        host: "127.0.0.1",
        port: smtp.server.port,
        user: "hola@farmacia.example",
        password: expect.stringMatching(/^enc:v1:/),
      });
      expect(stored.row).not.toContain(PASSWORD);

      await openAppUntil(page, launcher, "/app/settings", "Email to customers");
      expect(await page.content()).not.toContain(PASSWORD);
      expect(await page.locator("#smtp-password-status").innerText()).toBe("Password: set");
      // The saved password is used for the test: it reaches the server, never the page.
      expect(await testConnection(page, "The mail server answered")).toContain(
        "logged in as hola@farmacia.example",
      );
      expect(smtp.logins).toEqual([{ user: "hola@farmacia.example", password: PASSWORD }]);
      const a11y = await accessibilityViolations(page);

      // Removed.
      await page.getByLabel("Remove the saved password").check();
      expect(await page.locator("#smtp-password-status").innerText()).toBe(
        "Password: set — it will be removed when you save",
      );
      await saveBar(page).getByRole("button", { name: "Save" }).click();
      await toast(page, "Settings saved");
      expect(
        await until(
          "the password shown as not set",
          () => page.locator("#smtp-password-status").innerText(),
          (text) => text === "Password: not set",
        ),
      ).toBe("Password: not set");
      expect((await storedRow()).settings.smtp).toMatchObject({ host: "127.0.0.1", password: null });
      await page.screenshot({ path: path.join(ARTIFACTS, "settings-smtp-saved.png") });

      expect(a11y).toEqual([]);
      expect(page.errors).toEqual([]);
      await page.close();
    },
  );
});
