// The settings page as its form sends it: valid settings are saved and used; every wrong field is
// reported at once, in words, by the field it belongs to, and nothing is saved; message blocks of
// every language are kept, only where the merchant changed them; stored values no longer valid
// are set aside and named.
import { describe, expect, it } from "vitest";
import { getShopSettings } from "../../app/domain/settings/settings.server";
import { DEMO_SHOP, installApp, setupSandboxWithApp } from "../helpers/sandbox";
import { scenarioHelpers } from "../helpers/scenario";

const ctx = setupSandboxWithApp();
const { headers } = scenarioHelpers(ctx);
const route = (lang = "en") =>
  `${ctx.app.url}/app/settings?lang=${lang}&_data=${encodeURIComponent("routes/app.settings")}`;

type Page = { fields: Record<string, string>; locale: string; setAside: Record<string, string> };
async function page(lang?: string) {
  return (await (await fetch(route(lang), { headers: await headers() })).json()) as Page;
}
async function save(fields: Record<string, string>, lang?: string) {
  const res = await fetch(route(lang), {
    method: "POST",
    headers: await headers(),
    body: new URLSearchParams(fields),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; errors: Record<string, string> } };
}
/** Saves `changes` over the page as loaded and expects them refused; returns the errors. */
async function refused(changes: Record<string, string>) {
  const before = await getShopSettings(ctx.db.prisma, DEMO_SHOP);
  const result = await save({ ...(await page()).fields, ...changes });
  expect(result).toMatchObject({ status: 200, body: { ok: false } }); // the page's answer, not a failed request
  expect(await getShopSettings(ctx.db.prisma, DEMO_SHOP)).toEqual(before); // nothing saved
  return result.body.errors;
}

describe("settings page", () => {
  it("shows the defaults, and saves a valid form as the shop's settings", async () => {
    expect(await installApp(ctx)).toBe(200);
    const { fields } = await page();
    expect(fields).toMatchObject({
      handlingDays: "2",
      holdOnStockMismatch: "on",
      substituteMatch: "both",
      answerWithinHours: "24",
      "compensationPercent.late_shipment": "5",
      "compensationPercent.wrong_item": "10",
      compensationValidDays: "90",
      workdays: "1,2,3,4,5",
    });
    expect(fields["message.en.apology"]).toBe(
      "We are sorry for the trouble, and thank you for your patience.",
    );
    expect(fields["message.ro.apology"]).toBe("Ne pare rău pentru neplăcere și vă mulțumim pentru răbdare.");

    const changed = {
      ...fields,
      handlingDays: "3",
      holidays: "2026-12-25\r\n2026-12-24\r\n\r\n2026-12-25",
      carrierTransitDays: "SEUR: 2\r\nFan Courier : 4",
      holdOnStockMismatch: "",
      timezone: "europe/bucharest",
      "compensationPercent.late_delivery": "8",
      compensationValidDays: "60",
      workdays: "1,2,3,4,5,6",
      answerWithinHours: "12.5",
      fromAddress: "Farmacia Demo <hola@farmacia.example>",
      smtpHost: "smtp.farmacia.example",
      smtpPort: "465",
      smtpUser: "hola@farmacia.example",
      smtpPassword: "secret",
    };
    expect(await save(changed)).toEqual({ status: 200, body: { ok: true, errors: {} } });
    expect(await getShopSettings(ctx.db.prisma, DEMO_SHOP)).toMatchObject({
      handlingDays: 3,
      holidays: ["2026-12-24", "2026-12-25"],
      carrierTransitDays: { SEUR: 2, "Fan Courier": 4 },
      holdOnStockMismatch: false,
      timezone: "Europe/Bucharest",
      compensationPercent: expect.objectContaining({ late_delivery: 8, late_shipment: 5 }),
      compensationValidDays: 60,
      workdays: [1, 2, 3, 4, 5, 6],
      answerWithinHours: 12.5,
      fromAddress: "Farmacia Demo <hola@farmacia.example>",
      smtp: {
        host: "smtp.farmacia.example",
        port: 465,
        user: "hola@farmacia.example",
        password: expect.stringMatching(/^enc:v1:/),
      },
    });
    // As stored, back on the page: what the merchant reads is what was kept.
    expect((await page()).fields).toMatchObject({
      holidays: "2026-12-24\n2026-12-25",
      timezone: "Europe/Bucharest",
      carrierTransitDays: "SEUR: 2\nFan Courier: 4",
    });
  });

  it("reports every wrong field at once, each in words next to its field, and saves nothing", async () => {
    expect(await installApp(ctx)).toBe(200);
    // One bad carrier line used to hide every other error: here it comes with all of them.
    const errors = await refused({
      carrierTransitDays: "SEUR two days\nGLS: 99\nSEUR: 2\nseur: 3\nDHL: 0\nNacex: 1.5",
      holidays: "2026-12-25\n2026-13-45\n2026-02-29\n25/12/2026",
      fromAddress: "nobody",
      timezone: "Mars/Olympus",
      handlingDays: "99",
      transitDays: "",
      offerExpiresInHours: "1.5",
      acknowledgeWithinHours: "-1",
      watchDays: "0x10",
      "compensationPercent.stock_mismatch": "150",
      smtpHost: "smtps://user:pw@smtp.example.com:465",
      workdays: "",
      "message.es.apology": "Perdona lo del pedido {ordr}.",
    });
    expect(errors).toEqual({
      carrierTransitDays: [
        "“SEUR two days” is not “Carrier: days”, e.g. SEUR: 2.",
        "seur is listed twice.",
        "GLS: Enter a whole number from 1 to 60.",
        "DHL: Enter a whole number from 1 to 60.",
        "Nacex: Enter a whole number from 1 to 60.",
      ].join("\n"),
      holidays: [
        "“2026-13-45” is not a day of the calendar: write it as YYYY-MM-DD, e.g. 2026-12-25.",
        "“2026-02-29” is not a day of the calendar: write it as YYYY-MM-DD, e.g. 2026-12-25.",
        "“25/12/2026” is not a day of the calendar: write it as YYYY-MM-DD, e.g. 2026-12-25.",
      ].join("\n"),
      fromAddress:
        "“nobody” is not an email address: write it as hola@yourshop.com, or Your Shop <hola@yourshop.com>.",
      timezone:
        "“Mars/Olympus” is not a time zone: use its name, such as Europe/Madrid (blank: the shop's own).",
      handlingDays: "Enter a whole number from 0 to 30.",
      transitDays: "Enter a whole number from 1 to 60.",
      offerExpiresInHours: "Enter a whole number from 1 to 720.",
      acknowledgeWithinHours: "Enter a number of hours from 0 to 168.",
      watchDays: "Enter a whole number from 1 to 90.",
      "compensationPercent.stock_mismatch": "Enter a percentage from 1 to 100.",
      smtpHost:
        "“smtps://user:pw@smtp.example.com:465” is not a server's name: enter only the name your mail provider gives, such as smtp.example.com (no smtp://, login or port).",
      workdays: "Tick at least one day the warehouse ships on.",
      "message.es.apology": "{ordr} cannot be filled in here; this text has nothing to fill in.",
    });
  });

  it("checks each rule on its own: calendar dates, the sender, the time zone, ranges, placeholders", async () => {
    expect(await installApp(ctx)).toBe(200);
    expect(await refused({ holidays: "2028-02-30" })).toEqual({
      holidays: expect.stringContaining("“2028-02-30” is not a day of the calendar"),
    });
    expect((await save({ ...(await page()).fields, holidays: "2028-02-29" })).body).toEqual({
      ok: true,
      errors: {},
    }); // a leap day is a day
    for (const sender of [
      "nobody",
      "Farmacia <nobody>",
      "hola@",
      "Farmacia Demo <hola@farmacia.example",
      "Farmacia\nBcc: x@y.example <hola@farmacia.example>",
    ]) {
      expect(Object.keys(await refused({ fromAddress: sender })), sender).toEqual(["fromAddress"]);
    }
    for (const zone of ["+01:00", "Local", "Europe/Atlantis", "UTC+1"])
      expect(Object.keys(await refused({ timezone: zone })), zone).toEqual(["timezone"]);
    expect(await refused({ answerWithinHours: "0" })).toEqual({
      answerWithinHours: "Enter a number of hours from 1 to 336.",
    });
    expect(await refused({ compensationValidDays: "366" })).toEqual({
      compensationValidDays: "Enter a whole number from 1 to 365.",
    });
    expect(
      await refused({ "message.en.choice.refund": "Leave {item} out and get {amount} back, {nme}" }),
    ).toEqual({
      "message.en.choice.refund": "{nme} cannot be filled in here; this text can use {item}, {amount}.",
    });
    const ok = await save({
      ...(await page()).fields,
      fromAddress: "hola@farmacia.example",
      timezone: "UTC",
      "message.en.choice.refund": "We leave {item} out and give you {amount} back.",
    });
    expect(ok.body).toEqual({ ok: true, errors: {} });
    expect(await getShopSettings(ctx.db.prisma, DEMO_SHOP)).toMatchObject({
      fromAddress: "hola@farmacia.example",
      timezone: "UTC",
      holidays: ["2028-02-29"],
    });
  });

  it("keeps the merchant's wording of every language in one save, only for the blocks changed", async () => {
    expect(await installApp(ctx)).toBe(200);
    const { fields } = await page("es");
    const form = {
      ...fields,
      "message.es.apology": "Perdona las molestias, de verdad.",
      "message.ro.signoff": "Cu drag, echipa {shop}",
      "message.en.choice.refund": "",
      "message.en.greeting": "",
    }; // blank: back to ours
    expect((await save(form, "es")).body.ok).toBe(true);
    expect((await getShopSettings(ctx.db.prisma, DEMO_SHOP)).messages).toEqual({
      es: { apology: "Perdona las molestias, de verdad." },
      ro: { signoff: "Cu drag, echipa {shop}" },
    });
    const again = await page("ro");
    expect(again.locale).toBe("ro");
    expect(again.fields).toMatchObject({
      "message.es.apology": "Perdona las molestias, de verdad.",
      "message.ro.signoff": "Cu drag, echipa {shop}",
      "message.en.greeting": "Hello {name},",
      "message.en.choice.refund": "Leave {item} out and get {amount} back",
    });
  });

  it("sets aside stored values that are no longer valid, names them, and keeps the rest", async () => {
    expect(await installApp(ctx)).toBe(200);
    const data = JSON.stringify({
      handlingDays: 4,
      fromAddress: "nobody",
      holidays: ["2026-12-25", "2026-13-45"],
      messages: { es: { apology: "Perdona {ordr}", signoff: "Hasta pronto" } },
    });
    await ctx.db.prisma.shopSettings.upsert({
      where: { shop: DEMO_SHOP },
      create: { shop: DEMO_SHOP, data },
      update: { data },
    });
    expect(await getShopSettings(ctx.db.prisma, DEMO_SHOP)).toMatchObject({
      handlingDays: 4,
      fromAddress: null,
      holidays: ["2026-12-25"],
      messages: { es: { signoff: "Hasta pronto" } },
    });
    const { fields, setAside } = await page();
    expect(fields).toMatchObject({
      handlingDays: "4",
      fromAddress: "",
      holidays: "2026-12-25",
      "message.es.signoff": "Hasta pronto",
      "message.es.apology": "Sentimos las molestias y te agradecemos la paciencia.",
    });
    expect(setAside).toEqual({
      fromAddress: expect.stringContaining("“nobody” is not an email address"),
      holidays: expect.stringContaining("“2026-13-45” is not a day of the calendar"),
      "message.es.apology": expect.stringContaining("{ordr} cannot be filled in here"),
    });
  });
});
