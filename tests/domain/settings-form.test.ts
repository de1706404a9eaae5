// The settings page's form and the settings document, both ways: what the page shows (the password
// never), what a submitted form changes (lines as browsers send them, carriers as "Carrier: days",
// message blocks kept only where the merchant changed them, the mail server's password kept, sealed
// or removed), and every problem at once, by the field it belongs to.
import { describe, expect, it } from "vitest";
import {
  checkSettingsForm,
  fieldErrors,
  fieldOfPath,
  formToChanges,
  messageField,
  settingsToForm,
  smtpPasswordSet,
} from "../../app/domain/settings/settings-form";
import {
  checkSettings,
  DEFAULT_COMPENSATION_PERCENT,
  DEFAULT_SETTINGS,
  type ShopSettings,
} from "../../app/domain/settings/settings";
import { defaultText } from "../../app/domain/notifications/messages";

const seal = (secret: string) => `sealed(${secret})`;
const SERVER = {
  host: "smtp.farmacia.example",
  port: 587,
  user: "hola@farmacia.example",
  password: "sealed(old secret)",
};
const shop: ShopSettings = {
  ...DEFAULT_SETTINGS,
  handlingDays: 3,
  workdays: [1, 2, 3, 4, 5, 6],
  holidays: ["2026-12-24", "2026-12-25"],
  timezone: "Europe/Madrid",
  carrierTransitDays: { SEUR: 2, "Fan Courier": 4 },
  holdOnStockMismatch: false,
  answerWithinHours: 12.5,
  compensationPercent: { late_shipment: 8 },
  smtp: SERVER,
  fromAddress: "Farmacia Demo <hola@farmacia.example>",
  messages: { es: { apology: "Perdona las molestias, de verdad." } },
};
const submitted = (changes: Record<string, string>, current = shop) => ({
  ...settingsToForm(current),
  ...changes,
});

describe("the settings form", () => {
  it("shows the settings as the page's fields, never the password", () => {
    const form = settingsToForm(shop);
    expect(form).toMatchObject({
      handlingDays: "3",
      workdays: "1,2,3,4,5,6",
      holidays: "2026-12-24\n2026-12-25",
      timezone: "Europe/Madrid",
      carrierTransitDays: "SEUR: 2\nFan Courier: 4",
      holdOnStockMismatch: "",
      answerWithinHours: "12.5",
      smtpHost: "smtp.farmacia.example",
      smtpPort: "587",
      smtpUser: "hola@farmacia.example",
      smtpPassword: "",
      "compensationPercent.late_shipment": "8",
      "compensationPercent.wrong_item": "10",
      [messageField("es", "apology")]: "Perdona las molestias, de verdad.",
      [messageField("ro", "apology")]: defaultText("ro", "apology"),
    });
    expect(JSON.stringify(form)).not.toContain("old secret");
    expect([
      smtpPasswordSet(shop),
      smtpPasswordSet({ ...shop, smtp: { ...SERVER, password: null } }),
      smtpPasswordSet(DEFAULT_SETTINGS),
    ]).toEqual([true, false, false]);
    expect(settingsToForm(DEFAULT_SETTINGS)).toMatchObject({
      timezone: "",
      holidays: "",
      carrierTransitDays: "",
      holdOnStockMismatch: "on",
      smtpHost: "",
      smtpPort: "",
      fromAddress: "",
    });
  });

  it("gives back the same settings when the form is sent unchanged, every kind's percentage written down as shown", () => {
    const checked = checkSettingsForm(settingsToForm(shop), shop, seal);
    expect(checked.ok).toBe(true);
    // So that a later change of our defaults does not move what the merchant saw and saved.
    const saved = { ...shop, compensationPercent: { ...DEFAULT_COMPENSATION_PERCENT, late_shipment: 8 } };
    if (checked.ok)
      expect(checkSettings({ ...shop, ...checked.changes })).toEqual({ ok: true, settings: saved });
  });

  it("reads lines as browsers send them: CRLF, blank lines and spaces around", () => {
    const { changes, errors } = formToChanges(
      submitted({
        holidays: " 2027-01-06\r\n\r\n2027-01-01 \r\n",
        carrierTransitDays: "GLS : 3\r\n\r\nCorreos Express: 6",
        timezone: "  ",
        fromAddress: " ",
        workdays: "1,3,5",
      }),
      shop,
      seal,
    );
    expect(errors).toEqual({});
    expect(changes).toMatchObject({
      holidays: ["2027-01-06", "2027-01-01"],
      carrierTransitDays: { GLS: 3, "Correos Express": 6 },
      timezone: null,
      fromAddress: null,
      workdays: [1, 3, 5],
    });
  });

  it("keeps a message block only where it differs from ours; blank puts ours back; a language not on the form stays", () => {
    const form = submitted({
      [messageField("es", "apology")]: "",
      [messageField("es", "signoff")]: "Un abrazo, {shop}",
      [messageField("en", "apology")]: `  ${defaultText("en", "apology")}\r\n`,
    });
    expect(formToChanges(form, shop, seal).changes.messages).toEqual({
      es: { signoff: "Un abrazo, {shop}" },
    });
    const withoutRomanian = Object.fromEntries(
      Object.entries(form).filter(([key]) => !key.startsWith("message.ro.")),
    );
    expect(
      formToChanges(withoutRomanian, { ...shop, messages: { ro: { apology: "Ne cerem scuze." } } }, seal)
        .changes.messages,
    ).toEqual({ ro: { apology: "Ne cerem scuze." }, es: { signoff: "Un abrazo, {shop}" } });
  });

  it("keeps the saved password for its server, seals a new one, and drops it when asked", () => {
    const smtpOf = (changes: Record<string, string>) => formToChanges(submitted(changes), shop, seal);
    expect(smtpOf({}).changes.smtp).toEqual(SERVER);
    expect(smtpOf({ smtpPassword: " new secret " }).changes.smtp).toEqual({
      ...SERVER,
      password: "sealed( new secret )",
    });
    expect(smtpOf({ smtpPasswordRemove: "on" }).changes.smtp).toEqual({ ...SERVER, password: null });
    expect(smtpOf({ smtpHost: "", smtpPassword: "x" }).changes.smtp).toBeNull();
    // Another server does not get the saved password: it has to be typed, or removed.
    expect(smtpOf({ smtpHost: "mail.other.example" }).errors).toEqual({
      smtpPassword:
        "The saved password is for smtp.farmacia.example: type the password for mail.other.example, or tick “Remove the saved password”.",
    });
    expect(smtpOf({ smtpHost: "mail.other.example", smtpPassword: "theirs" })).toMatchObject({
      errors: {},
      changes: { smtp: { host: "mail.other.example", password: "sealed(theirs)" } },
    });
  });

  it("reports every problem at once, in words, by the field it belongs to", () => {
    const checked = checkSettingsForm(
      submitted({
        handlingDays: "0x10",
        workdays: "",
        holidays: "2026-02-30\r\n2026-12-25",
        timezone: "Mars/Olympus",
        answerWithinHours: "0",
        carrierTransitDays: "SEUR: 2\r\nGLS two days\r\nseur: 3\r\nDHL: 99",
        "compensationPercent.late_shipment": "150",
        [messageField("es", "apology")]: "Perdón {cliente}",
      }),
      shop,
      seal,
    );
    expect(checked).toEqual({
      ok: false,
      errors: {
        handlingDays: "Enter a whole number from 0 to 30.",
        workdays: "Tick at least one day the warehouse ships on.",
        holidays: "“2026-02-30” is not a day of the calendar: write it as YYYY-MM-DD, e.g. 2026-12-25.",
        timezone:
          "“Mars/Olympus” is not a time zone: use its name, such as Europe/Madrid (blank: the shop's own).",
        answerWithinHours: "Enter a number of hours from 1 to 336.",
        carrierTransitDays:
          "“GLS two days” is not “Carrier: days”, e.g. SEUR: 2.\nseur is listed twice.\nDHL: Enter a whole number from 1 to 60.",
        "compensationPercent.late_shipment": "Enter a percentage from 1 to 100.",
        "message.es.apology": "{cliente} cannot be filled in here; this text has nothing to fill in.",
      },
    });
  });

  it("maps a settings path to its form field, naming the item within it", () => {
    expect(fieldOfPath("messages.es.page.done.refund")).toEqual({ field: "message.es.page.done.refund" });
    expect(fieldOfPath("carrierTransitDays.D.H.L.")).toEqual({ field: "carrierTransitDays", item: "D.H.L." });
    expect(fieldOfPath("compensationPercent.wrong_item")).toEqual({
      field: "compensationPercent.wrong_item",
    });
    expect(fieldOfPath("smtp.port")).toEqual({ field: "smtpPort" });
    expect(fieldOfPath("smtp")).toEqual({ field: "smtpHost" });
    expect(fieldOfPath("holidays.1")).toEqual({ field: "holidays" });
    expect(
      fieldErrors(
        { "carrierTransitDays.GLS": "Too many.\nToo few.", "holidays.0": "A", "holidays.3": "B" },
        { holidays: "Earlier" },
      ),
    ).toEqual({
      carrierTransitDays: "GLS: Too many.\nGLS: Too few.",
      holidays: "Earlier\nA\nB",
    });
  });
});
