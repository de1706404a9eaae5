// The offer loop from outside, for the integration tests of offers and of the customer's page: a
// scenario played in the sandbox, the merchant's API, the customer's browser on the offer page
// (GET and the form's POST), and the mails the shop's SMTP server received.
import { expect } from "vitest";
import { saveShopSettings } from "../../app/domain/settings/settings.server";
import type { startSmtpServer } from "../sandbox/mailbox";
import { BROWSER_UA } from "./app-server";
import { appSettled, DEMO_SHOP, installApp, type AppContext } from "./sandbox";
import { scenarioHelpers } from "./scenario";

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

export function offerFlow(ctx: AppContext, smtp: () => Smtp) {
  const settled = () => appSettled(ctx);
  const played = scenarioHelpers(ctx);

  /**
   * Plays a scenario on a freshly installed app whose mail goes to the test's SMTP server (unless
   * `mail: false`); `incident` is its first stock mismatch, `incidents` all it opened.
   */
  async function scenario(name: string, { mail = true } = {}) {
    expect(await installApp(ctx)).toBe(200);
    await settled();
    const mailSettings = mail
      ? { smtp: smtp().server, fromAddress: "Farmacia Demo <hola@farmacia.example>" }
      : { smtp: null };
    expect(await saveShopSettings(ctx.db.prisma, DEMO_SHOP, mailSettings)).toMatchObject({ ok: true });
    const { order, incidents, sandboxOrder } = await played.scenario(name);
    return { order, incidents, incident: incidents.find((i) => i.type === "stock_mismatch")!, sandboxOrder };
  }

  /** The merchant's API, with the admin's session token. */
  const api = played.api;

  /** The customer's browser on the offer page. */
  const page = (url: string, headers: Record<string, string> = {}) =>
    fetch(url, { headers: { "User-Agent": BROWSER_UA, ...headers } }).then(async (r) => ({
      status: r.status,
      html: await r.text(),
      headers: r.headers,
    }));
  const answer = (url: string, choice: string | null) =>
    fetch(url, {
      method: "POST",
      headers: { "User-Agent": BROWSER_UA, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(choice === null ? {} : { choice }),
    }).then(async (r) => ({ status: r.status, body: await r.text(), headers: r.headers }));

  const mailsTo = (email: string) => smtp().mails.filter((m) => m.envelopeTo.includes(email));
  const mailTo = (email: string) => mailsTo(email).at(-1)!;
  const linkIn = (text: string) => text.match(/https?:\/\/\S+\/offers\/[\w-]+/)![0];

  return { settled, scenario, api, page, answer, mailsTo, mailTo, linkIn };
}
