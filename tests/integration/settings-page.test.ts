// The settings page as its form sends it: valid settings are saved and used; invalid ones are
// reported per field and nothing is saved; message blocks are kept per language, only where the
// merchant changed them.
import { describe, expect, it } from "vitest";
import { getShopSettings } from "../../app/domain/settings/settings.server";
import { BROWSER_UA } from "../helpers/app-server";
import { DEMO_SHOP, installApp, setupSandboxWithApp } from "../helpers/sandbox";

const ctx = setupSandboxWithApp();
const route = (lang = "en") => `${ctx.app.url}/app/settings?lang=${lang}&_data=${encodeURIComponent("routes/app.settings")}`;
const headers = async () => ({ "User-Agent": BROWSER_UA, Authorization: `Bearer ${await ctx.sandbox.auth.sessionToken(DEMO_SHOP)}` });

async function page(lang?: string) {
  return (await (await fetch(route(lang), { headers: await headers() })).json()) as { fields: Record<string, string>; messages: Record<string, string> };
}
async function save(fields: Record<string, string>, lang?: string) {
  const res = await fetch(route(lang), { method: "POST", headers: await headers(), body: new URLSearchParams(fields) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; errors: Record<string, string> } };
}

describe("settings page", () => {
  it("shows the defaults, and saves a valid form as the shop's settings", async () => {
    expect(await installApp(ctx)).toBe(200);
    const { fields, messages } = await page();
    expect(fields).toMatchObject({ handlingDays: "2", holdOnStockMismatch: "on", substituteMatch: "both", answerWithinHours: "24", "compensationPercent.late_shipment": "5", "compensationPercent.wrong_item": "10", compensationValidDays: "90", workdays: "1,2,3,4,5" });
    expect(messages.apology).toBe("We are sorry for the trouble, and thank you for your patience.");

    const changed = { ...fields, handlingDays: "3", holidays: "2026-12-24\n2026-12-25", carrierTransitDays: "SEUR: 2\nFan Courier: 4", holdOnStockMismatch: "", timezone: "Europe/Bucharest", "compensationPercent.late_delivery": "8", compensationValidDays: "60", workdays: "1,2,3,4,5,6" };
    expect(await save(changed)).toEqual({ status: 200, body: { ok: true, errors: {} } });
    expect(await getShopSettings(ctx.db.prisma, DEMO_SHOP)).toMatchObject({
      handlingDays: 3, holidays: ["2026-12-24", "2026-12-25"], carrierTransitDays: { SEUR: 2, "Fan Courier": 4 }, holdOnStockMismatch: false, timezone: "Europe/Bucharest",
      compensationPercent: expect.objectContaining({ late_delivery: 8, late_shipment: 5 }), compensationValidDays: 60, workdays: [1, 2, 3, 4, 5, 6],
    });
  });

  it("reports each wrong field and saves nothing", async () => {
    expect(await installApp(ctx)).toBe(200);
    const before = await getShopSettings(ctx.db.prisma, DEMO_SHOP);
    const { fields } = await page();
    const bad = await save({ ...fields, carrierTransitDays: "SEUR two days" });
    expect(bad).toMatchObject({ status: 400, body: { ok: false, errors: { carrierTransitDays: "\"SEUR two days\" is not \"Carrier: days\"" } } });
    const worse = await save({ ...fields, handlingDays: "99", timezone: "Mars/Olympus", smtpUrl: "http://not-smtp.example", "compensationPercent.stock_mismatch": "150", workdays: "" });
    expect(worse.status).toBe(400);
    expect(Object.keys(worse.body.errors).sort()).toEqual(["compensationPercent.stock_mismatch", "handlingDays", "smtpUrl", "timezone", "workdays"]);
    expect(await getShopSettings(ctx.db.prisma, DEMO_SHOP)).toEqual(before);
  });

  it("keeps the merchant's wording per language, only for the blocks changed", async () => {
    expect(await installApp(ctx)).toBe(200);
    const es = await page("es");
    const form = { ...es.fields, ...Object.fromEntries(Object.entries(es.messages).map(([k, v]) => [`message.${k}`, v])), "message.apology": "Perdona las molestias, de verdad." };
    expect((await save(form, "es")).body.ok).toBe(true);
    expect((await getShopSettings(ctx.db.prisma, DEMO_SHOP)).messages).toEqual({ es: { apology: "Perdona las molestias, de verdad." } });
    expect((await page("es")).messages.apology).toBe("Perdona las molestias, de verdad.");
    expect((await page("ro")).messages.apology).toBe("Ne pare rău pentru neplăcere și vă mulțumim pentru răbdare.");
  });
});
