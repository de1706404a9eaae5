// The incidents index as the page asks for it: filters, search, SLA state, paging, and telling
// several customers at once that the shop is on it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveShopSettings } from "../../app/domain/settings/settings.server";
import { BROWSER_UA } from "../helpers/app-server";
import { appSettled, DEMO_SHOP, installApp, setupSandboxWithApp } from "../helpers/sandbox";
import { startSmtpServer } from "../sandbox/mailbox";

const ctx = setupSandboxWithApp();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp?.close());

type Inbox = { total: number; pages: number; rows: { id: string; type: string; orderName: string; sla: string; status: string }[] };
const route = (query = "") => `${ctx.app.url}/app/incidents?${query}${query ? "&" : ""}index&_data=${encodeURIComponent("routes/app.incidents._index")}`;
const headers = async () => ({ "User-Agent": BROWSER_UA, Authorization: `Bearer ${await ctx.sandbox.auth.sessionToken(DEMO_SHOP)}` });
const inbox = async (query = "") => (await (await fetch(route(query), { headers: await headers() })).json()) as Inbox;

async function play(name: string) {
  const res = await fetch(`${ctx.sandbox.url}/sandbox/scenarios/${name}?shop=${DEMO_SHOP}`, { method: "POST" });
  return ((await res.json()) as { order: { name: string } }).order;
}

describe("incidents index", () => {
  it("filters by problem and SLA, searches by order, and acknowledges several customers at once", async () => {
    expect(await installApp(ctx)).toBe(200);
    const stock = await play("expired-last-unit");
    await play("oversold");
    const cod = await play("cod-amount-mismatch");
    await appSettled(ctx);

    // Stock is checked just after each order's webhook: the three incidents come within moments.
    await expect.poll(async () => (await inbox()).total).toBe(3);
    const all = await inbox();
    expect(all.rows.every((r) => r.sla === "on_time")).toBe(true);
    expect((await inbox("types=stock_mismatch")).rows.map((r) => r.type)).toEqual(["stock_mismatch", "stock_mismatch"]);
    expect((await inbox(`q=${encodeURIComponent(cod.name)}`)).rows.map((r) => r.orderName)).toEqual([cod.name]);
    expect((await inbox("sla=overdue")).total).toBe(0);
    // An answer-by date passed: overdue.
    const late = all.rows.find((r) => r.orderName === stock.name)!;
    await ctx.db.prisma.incident.update({ where: { id: late.id }, data: { answerBy: new Date(Date.now() - 60_000) } });
    expect((await inbox("sla=overdue")).rows.map((r) => [r.orderName, r.sla])).toEqual([[stock.name, "overdue"]]);
    expect((await inbox("types=bogus")).rows).toBeUndefined(); // an invalid filter is refused, not ignored

    await saveShopSettings(ctx.db.prisma, DEMO_SHOP, { smtpUrl: smtp.url });
    const form = new URLSearchParams([["intent", "acknowledge"], ...all.rows.map((r) => ["ids", r.id])]);
    const res = await fetch(route(), { method: "POST", headers: await headers(), body: form });
    expect(await res.json()).toEqual({ ok: true, message: "3 customers told you are on it" });
    expect(smtp.mails).toHaveLength(3); // one each (two of them to the same customer, for two orders)
    expect((await inbox("statuses=customer_contacted")).total).toBe(3);
  });
});
