// The offer loop from outside, for the integration tests of offers and of the customer's page: a
// scenario played in the sandbox, the merchant's API, the customer's browser on the offer page
// (GET and the form's POST), and the mails the shop's SMTP server received.
import { expect } from "vitest";
import { saveShopSettings } from "../../app/domain/settings/settings.server";
import type { startSmtpServer } from "../sandbox/mailbox";
import { BROWSER_UA } from "./app-server";
import { appSettled, DEMO_SHOP, installApp, type setupSandboxWithApp } from "./sandbox";

type Ctx = ReturnType<typeof setupSandboxWithApp>;
type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

export const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;

export function offerFlow(ctx: Ctx, smtp: () => Smtp) {
  const settled = () => appSettled(ctx);

  /** Plays a scenario on a freshly installed app whose mail goes to the test's SMTP server (unless `mail: false`). */
  async function scenario(name: string, { mail = true } = {}) {
    expect(await installApp(ctx)).toBe(200);
    await settled();
    const mailSettings = mail ? { smtp: smtp().server, fromAddress: "Farmacia Demo <hola@farmacia.example>" } : { smtp: null };
    expect(await saveShopSettings(ctx.db.prisma, DEMO_SHOP, mailSettings)).toMatchObject({ ok: true });
    const res = await fetch(`${ctx.sandbox.url}/sandbox/scenarios/${name}?shop=${DEMO_SHOP}`, { method: "POST" });
    expect(res.status).toBe(200);
    await settled();
    const { order } = (await res.json()) as { order: { id: string; name: string } };
    const [incident] = await ctx.db.prisma.incident.findMany({ where: { shop: DEMO_SHOP, orderId: order.id, type: "stock_mismatch" } });
    return { order, incident, sandboxOrder: ctx.sandbox.store.shop(DEMO_SHOP).orders.find((o) => gid("Order", o.id) === order.id)! };
  }

  /** The merchant's API, with the admin's session token. */
  async function api(path: string, body?: unknown) {
    const res = await fetch(`${ctx.app.url}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "User-Agent": BROWSER_UA, "Content-Type": "application/json", Authorization: `Bearer ${await ctx.sandbox.auth.sessionToken(DEMO_SHOP)}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  /** The customer's browser on the offer page. */
  const page = (url: string, headers: Record<string, string> = {}) =>
    fetch(url, { headers: { "User-Agent": BROWSER_UA, ...headers } }).then(async (r) => ({ status: r.status, html: await r.text(), headers: r.headers }));
  const answer = (url: string, choice: string | null) =>
    fetch(url, { method: "POST", headers: { "User-Agent": BROWSER_UA, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(choice === null ? {} : { choice }) })
      .then(async (r) => ({ status: r.status, body: await r.text(), headers: r.headers }));

  const mailsTo = (email: string) => smtp().mails.filter((m) => m.envelopeTo.includes(email));
  const mailTo = (email: string) => mailsTo(email).at(-1)!;
  const linkIn = (text: string) => text.match(/https?:\/\/\S+\/offers\/[\w-]+/)![0];

  return { settled, scenario, api, page, answer, mailsTo, mailTo, linkIn };
}
