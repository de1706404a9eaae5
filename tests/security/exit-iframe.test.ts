// Upstream Shopify/shopify-app-js#2180: /auth/exit-iframe rendered a page
// that sent the top window wherever its exitIframe parameter said — a link on the app's own domain
// that lands the merchant on any site. Now only the app, the shop's admin and Shopify's admin.
import { describe, expect, it } from "vitest";
import { exitIframeDestinationAllowed } from "../../app/shopify/exit-iframe";
import { BROWSER_UA } from "../helpers/app-server";
import { DEMO_SHOP, setupSandboxWithApp } from "../helpers/sandbox";

const ctx = setupSandboxWithApp();
const exit = (destination: string) =>
  fetch(
    `${ctx.app.url}/auth/exit-iframe?${new URLSearchParams({ shop: DEMO_SHOP, host: Buffer.from(`${DEMO_SHOP}/admin`).toString("base64url"), exitIframe: destination })}`,
    { headers: { "User-Agent": BROWSER_UA } },
  );

describe("/auth/exit-iframe", () => {
  it.each([
    "https://evil.example/login",
    "//evil.example/admin",
    "/\\evil.example",
    "javascript:alert(document.domain)",
    "https://other-shop.myshopify.com/admin",
    `https://${DEMO_SHOP}.evil.example/admin`,
    "https://admin.shopify.com.evil.example/",
  ])("refuses to send the merchant to %s", async (destination) => {
    const res = await exit(destination);
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain("not followed");
    expect(body).not.toContain("evil.example");
  });

  // (The app's own paths are let through too, below: over HTTP the library itself refuses this test
  // app's http:// address, as it wants https.)
  it.each([
    `https://${DEMO_SHOP}/admin/charges/confirm`,
    "https://admin.shopify.com/store/makegood-demo/apps/makegood",
  ])("lets the library's own destinations through: %s", async (destination) => {
    const res = await exit(destination);
    expect(res.status).toBe(200);
  });

  it("judges the app by its configured address", () => {
    expect(
      exitIframeDestinationAllowed("https://makegood.example.com/app", "https://makegood.example.com", null),
    ).toBe(true);
    expect(
      exitIframeDestinationAllowed(
        `/auth?shop=${DEMO_SHOP}&host=abc`,
        "https://makegood.example.com",
        DEMO_SHOP,
      ),
    ).toBe(true);
    expect(
      exitIframeDestinationAllowed("http://makegood.example.com/app", "https://makegood.example.com", null),
    ).toBe(false);
    expect(
      exitIframeDestinationAllowed(
        "https://user@makegood.example.com/app",
        "https://makegood.example.com",
        null,
      ),
    ).toBe(false);
    expect(exitIframeDestinationAllowed(null, "https://makegood.example.com", null)).toBe(false);
  });
});
