// The incidents index as the page asks for it: filters, search, SLA state, paging, and telling
// several customers at once that the shop is on it — or apologising with a code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveShopSettings } from "../../app/domain/settings/settings.server";
import { appSettled, DEMO_SHOP, installApp, setupSandboxWithApp } from "../helpers/sandbox";
import { scenarioHelpers } from "../helpers/scenario";
import { until } from "../helpers/wait";
import { startSmtpServer } from "../sandbox/mailbox";

const ctx = setupSandboxWithApp();
const { play, headers } = scenarioHelpers(ctx);
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp?.close());

type IndexData = {
  total: number;
  pages: number;
  carriers: string[];
  rows: {
    id: string;
    type: string;
    orderName: string;
    sla: string;
    deadline: { kind: string };
    status: string;
    carrier: string | null;
  }[];
};
const route = (query = "") =>
  `${ctx.app.url}/app/incidents?${query}${query ? "&" : ""}index&_data=${encodeURIComponent("routes/app.incidents._index")}`;
const shown = async (query = "") =>
  (await (await fetch(route(query), { headers: await headers() })).json()) as IndexData;

describe("incidents index", () => {
  it("filters by problem and SLA, searches by order, and acknowledges several customers at once", async () => {
    expect(await installApp(ctx)).toBe(200);
    const stock = await play("expired-last-unit");
    await play("oversold");
    const cod = await play("cod-amount-mismatch");
    await appSettled(ctx);

    // Stock is checked just after each order's webhook: the three incidents come within moments.
    expect(
      await until(
        "the three incidents",
        async () => (await shown()).total,
        (n) => n >= 3,
      ),
    ).toBe(3);
    const all = await shown();
    // The shop acknowledges at once (the default): until the customers are told, all three are overdue.
    expect(all.rows.map((r) => [r.sla, r.deadline.kind])).toEqual([
      ["overdue", "acknowledge"],
      ["overdue", "acknowledge"],
      ["overdue", "acknowledge"],
    ]);
    expect((await shown("sla=overdue")).total).toBe(3);
    expect((await shown("types=stock_mismatch")).rows.map((r) => r.type)).toEqual([
      "stock_mismatch",
      "stock_mismatch",
    ]);
    expect((await shown(`q=${encodeURIComponent(cod.name)}`)).rows.map((r) => r.orderName)).toEqual([
      cod.name,
    ]);
    // An invalid filter is refused, not ignored: a 400 naming it, with the unfiltered list a link away.
    const bogus = await fetch(route("types=bogus&page=0"), { headers: await headers() });
    expect([bogus.status, await bogus.json()]).toEqual([
      400,
      {
        message: "This address asks for filters the list does not have: Problem, Page.",
        link: { url: "/app/incidents", label: "Show all incidents" },
      },
    ]);

    await saveShopSettings(ctx.db.prisma, DEMO_SHOP, { smtp: smtp.server });
    const form = new URLSearchParams([["intent", "acknowledge"], ...all.rows.map((r) => ["ids", r.id])]);
    const res = await fetch(route(), { method: "POST", headers: await headers(), body: form });
    expect(await res.json()).toEqual({ ok: true, message: "3 customers told you are on it" });
    expect(smtp.mails).toHaveLength(3); // one each (two of them to the same customer, for two orders)
    expect((await shown("statuses=customer_contacted")).total).toBe(3);
    // Told: the answer-by date is what comes next, a day away.
    expect((await shown()).rows.map((r) => [r.sla, r.deadline.kind])).toEqual([
      ["on_time", "answer"],
      ["on_time", "answer"],
      ["on_time", "answer"],
    ]);
    expect((await shown("sla=overdue")).total).toBe(0);
    // An answer-by date passed: overdue.
    const late = all.rows.find((r) => r.orderName === stock.name)!;
    await ctx.db.prisma.incident.update({
      where: { id: late.id },
      data: { answerBy: new Date(Date.now() - 60_000) },
    });
    expect((await shown("sla=overdue")).rows.map((r) => [r.orderName, r.sla])).toEqual([
      [stock.name, "overdue"],
    ]);
  });

  it("filters by carrier and opening date, and sends apologies with the shop's default code once each", async () => {
    // The sandbox store is new for each test (the app's database is not): this test's own orders.
    const failed = await play("delivery-failed");
    const cod = await play("cod-amount-mismatch");
    await appSettled(ctx);
    expect(
      await until(
        "the SEUR incident",
        async () => (await shown("carriers=SEUR")).total,
        (n) => n >= 1,
      ),
    ).toBe(1);
    const before = await shown();
    expect(before.carriers).toEqual(["SEUR"]);
    const parcel = (await shown("carriers=SEUR")).rows[0];
    expect(parcel).toMatchObject({ orderName: failed.name, type: "delivery_failed", carrier: "SEUR" });

    // Opened ten days ago in the shop's calendar: out of "last 7 days", inside an explicit range.
    const old = before.rows.find((r) => r.orderName === cod.name && r.type === "cod_amount_mismatch")!;
    await ctx.db.prisma.incident.update({
      where: { id: old.id },
      data: { openedAt: new Date(Date.now() - 10 * 86_400_000) },
    });
    expect((await shown("opened=7")).total).toBe(before.total - 1);
    expect((await shown("opened=1")).rows.map((r) => r.id)).not.toContain(old.id);
    const day = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    expect((await shown(`from=${day}&to=${day}`)).rows.map((r) => r.id)).toEqual([old.id]);

    await saveShopSettings(ctx.db.prisma, DEMO_SHOP, {
      smtp: smtp.server,
      compensationPercent: { delivery_failed: 15 },
    });
    smtp.mails.length = 0;
    const form = new URLSearchParams([
      ["intent", "apology_code"],
      ["ids", parcel.id],
      ["ids", old.id],
    ]);
    const first = await (
      await fetch(route(), { method: "POST", headers: await headers(), body: form })
    ).json();
    expect(first).toEqual({ ok: true, message: "2 apologies with a code sent" });
    const codes = await ctx.db.prisma.remedy.findMany({
      where: { shop: DEMO_SHOP, kind: "compensation_code" },
      orderBy: { decidedAt: "asc" },
    });
    expect(codes.map((c) => [c.incidentId, c.status, JSON.parse(c.params).percentage])).toEqual([
      [parcel.id, "done", 15],
      [old.id, "done", 5],
    ]);
    expect(smtp.mails).toHaveLength(2);
    const mail = smtp.mails.find((m) => m.text?.includes(codes[0].code!))!;
    expect(mail.subject).toBe(
      `Farmacia Demo: perdona lo de tu pedido ${failed.name} — un descuento para el próximo`,
    );
    expect(mail.text).toMatch(/un 15\s%\sde descuento en tu próximo pedido/); // Spanish writes the percentage its way (a no-break space)
    // The discounts exist in Shopify, for that customer only, once.
    const discounts = ctx.sandbox.store.shop(DEMO_SHOP).discounts;
    for (const c of codes)
      expect(discounts.find((d) => d.code === c.code)).toMatchObject({
        usageLimit: 1,
        appliesOncePerCustomer: true,
      });

    // Asked again (a second click, a retried request): no second code, no second email.
    const again = await (
      await fetch(route(), { method: "POST", headers: await headers(), body: form })
    ).json();
    expect(again).toEqual({
      ok: false,
      message: "0 apologies with a code sent; 2 not (the customer already has this code)",
    });
    expect(await ctx.db.prisma.remedy.count({ where: { shop: DEMO_SHOP, kind: "compensation_code" } })).toBe(
      2,
    );
    expect(smtp.mails).toHaveLength(2);

    // An incident whose code the merchant made by hand: the apology tells that code, makes no other.
    const other = await play("delivery-failed");
    await appSettled(ctx);
    const row = (await until(
      "the second failed delivery",
      async () => (await shown("carriers=SEUR")).rows.find((r) => r.orderName === other.name),
      Boolean,
    ))!;
    const made = await fetch(`${ctx.app.url}/api/incidents/${row.id}/remedies`, {
      method: "POST",
      headers: { ...(await headers()), "Content-Type": "application/json" },
      body: JSON.stringify({ kind: "compensation_code", percentage: 7 }),
    });
    expect(made.status).toBe(201);
    const own = await ctx.db.prisma.remedy.findFirstOrThrow({
      where: { incidentId: row.id, kind: "compensation_code" },
    });
    const apology = await (
      await fetch(route(), {
        method: "POST",
        headers: await headers(),
        body: new URLSearchParams([
          ["intent", "apology_code"],
          ["ids", row.id],
        ]),
      })
    ).json();
    expect(apology).toEqual({ ok: true, message: "1 apology with a code sent" });
    expect(
      await ctx.db.prisma.remedy.count({ where: { incidentId: row.id, kind: "compensation_code" } }),
    ).toBe(1);
    expect(smtp.mails.at(-1)!.text).toContain(own.code!);
  });

  it("home lists the open incidents due first, one page of them, with how many there are in all", async () => {
    expect(await installApp(ctx)).toBe(200);
    const shop = "other-shop.myshopify.com"; // another shop's incidents never show
    const now = Date.now();
    for (let i = 0; i < 28; i++) {
      await ctx.db.prisma.incident.create({
        data: {
          shop: i === 27 ? shop : DEMO_SHOP,
          orderId: `gid://shopify/Order/${9000 + i}`,
          orderName: `#H${i}`,
          type: "late_shipment",
          subject: `s${i}`,
          evidence: "{}",
          openKey: `home-${i}`,
          openedAt: new Date(now),
          acknowledgeBy: new Date(now),
          answerBy: new Date(now + (30 - i) * 3_600_000),
        },
      });
    }
    const openBefore = await ctx.db.prisma.incident.count({
      where: { shop: DEMO_SHOP, openKey: { not: null } },
    });
    const res = await fetch(`${ctx.app.url}/app?_data=${encodeURIComponent("routes/app._index")}`, {
      headers: await headers(),
    });
    const home = (await res.json()) as {
      incidents: { orderName: string; answerBy: string; status: string }[];
      openTotal: number;
      figures: { byStatus: Record<string, number> };
    };
    expect(home.openTotal).toBe(openBefore);
    // The heading's count is the incidents not closed yet, and the line under it counts them by status.
    expect(Object.values(home.figures.byStatus).reduce((a, b) => a + b, 0)).toBe(home.openTotal);
    expect(home.incidents.every((i) => i.status in home.figures.byStatus)).toBe(true);
    expect(home.incidents).toHaveLength(25);
    const due = home.incidents.map((i) => i.answerBy);
    expect(due).toEqual([...due].sort());
    expect(home.incidents.some((i) => i.orderName === "#H27")).toBe(false);
  });
});
