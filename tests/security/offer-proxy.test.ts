// The customer's link through Shopify's App Proxy, as an attacker and as a customer try it: the
// offer email points to the shop's own domain, where the sandbox forwards /apps/makegood/* to the
// app signed as Shopify signs it. The page's form posts back under the proxy's path prefix (else
// Shopify answers 404 and the customer can never choose); a token opened through another shop's
// proxy opens nothing; an unsigned or forged request is refused before anything is read; and the
// page is never cached, framed or leaked in a Referer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offerFlow } from "../helpers/offer-flow";
import { DEMO_SHOP, setupSandboxWithApp } from "../helpers/sandbox";
import { browse } from "../helpers/storefront";
import { startSmtpServer } from "../sandbox/mailbox";
import { seedDemoShop } from "../sandbox/seed";

const ctx = setupSandboxWithApp("sqlite", { OFFER_LINKS: "app-proxy" });
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp?.close());
const { scenario, api, mailTo, linkIn } = offerFlow(ctx, () => smtp);

const OTHER_SHOP = "otra-farmacia.myshopify.com";

/** The merchant offers the customer of an expired-last-unit order a choice; the link in their email. */
async function offerLink() {
  const { incident, sandboxOrder } = await scenario("expired-last-unit");
  expect((await api(`/api/incidents/${incident.id}/offers`, { variantIds: [] })).status).toBe(201);
  return { incident, sandboxOrder, link: linkIn(mailTo(incident.customerEmail!).text!) };
}

describe("offer links through the App Proxy", () => {
  it("the email's link is on the shop's domain; its page posts under the proxy's prefix, and the answer made there is carried out", async () => {
    const { incident, link } = await offerLink();
    const storefront = ctx.sandbox.store.storefrontUrl(DEMO_SHOP);
    const token = link.split("/").pop()!;
    expect(link).toBe(`${storefront}/apps/makegood/offers/${token}`);

    const opened = await browse(link);
    expect(opened.status).toBe(200);
    expect(opened.body).toContain("Tu pedido");
    // Every address on the page is one the shop's domain serves: the form's is under /apps/makegood.
    // (The choice per line, and cancelling the whole order: two forms, one address.)
    expect([...new Set([...opened.body.matchAll(/<form[^>]*action="([^"]*)"/g)].map((m) => m[1]))]).toEqual([
      `/apps/makegood/offers/${token}`,
    ]);
    expect(opened.body).not.toMatch(/(href|src|action)="\/(?!apps\/makegood\/)/);
    expect(opened.body).not.toContain("/proxy/");
    // Never stored, never framed, its address sent to no other site; none of the admin's headers.
    expect(opened.headers["cache-control"]).toBe("no-store");
    expect(opened.headers["referrer-policy"]).toBe("same-origin");
    expect(opened.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(opened.headers["content-security-policy"]).not.toContain("admin.shopify.com");
    expect(opened.headers.link).toBeUndefined();

    // The browser posts the form where it says, on the shop's domain, from that origin.
    const chosen = await browse(`${storefront}/apps/makegood/offers/${token}`, {
      form: { choice: "cancel_order" },
      headers: { Origin: storefront },
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toContain("Tu pedido se ha cancelado y te lo hemos reembolsado por completo.");
    expect(chosen.headers["cache-control"]).toBe("no-store");
    expect(await ctx.db.prisma.offer.findFirstOrThrow({ where: { incidentId: incident.id } })).toMatchObject({
      status: "answered",
    });
    const order = (await (
      await fetch(
        `${ctx.sandbox.url}/sandbox/orders/${encodeURIComponent(incident.orderName)}?shop=${DEMO_SHOP}`,
      )
    ).json()) as { cancelledAt: string | null };
    expect(order.cancelledAt).not.toBeNull();
  });

  it("a token of one shop opened through another shop's proxy opens nothing, and its answer does nothing", async () => {
    const { incident, link } = await offerLink();
    seedDemoShop(ctx.sandbox.store, OTHER_SHOP);
    const token = link.split("/").pop()!;
    const elsewhere = `${ctx.sandbox.store.storefrontUrl(OTHER_SHOP)}/apps/makegood/offers/${token}`;

    const opened = await browse(elsewhere, { headers: { "Accept-Language": "es-ES" } });
    expect(opened.status).toBe(404);
    expect(opened.body).toContain("Este enlace no es válido");
    expect(opened.body).not.toContain("Farmacia Demo");
    const answered = await browse(elsewhere, { form: { choice: "cancel_order" } });
    expect(answered.status).toBe(404);
    expect(await ctx.db.prisma.offer.findFirstOrThrow({ where: { incidentId: incident.id } })).toMatchObject({
      status: "sent",
    });
    // The same token on its own shop's domain still opens the offer.
    expect((await browse(link)).status).toBe(200);
  });

  it("a request to the app's proxy route that Shopify did not sign is refused before anything is read", async () => {
    const { incident, link } = await offerLink();
    const token = link.split("/").pop()!;
    const now = String(Math.floor(Date.now() / 1000));
    const forged = new URLSearchParams({
      shop: DEMO_SHOP,
      logged_in_customer_id: "",
      path_prefix: "/apps/makegood",
      timestamp: now,
      signature: "0".repeat(64),
    });
    for (const url of [
      `${ctx.app.url}/proxy/offers/${token}`,
      `${ctx.app.url}/proxy/offers/${token}?${forged}`,
    ]) {
      expect((await browse(url)).status).toBe(400);
      expect((await browse(url, { form: { choice: "cancel_order" } })).status).toBe(400);
    }
    expect(await ctx.db.prisma.offer.findFirstOrThrow({ where: { incidentId: incident.id } })).toMatchObject({
      status: "sent",
    });
  });
});
