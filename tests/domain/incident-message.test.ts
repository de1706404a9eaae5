// Writing to the customer about an incident, over the database: the preview and the email are the
// same words (the customer's language, their first name from the order, the shop's time zone and
// wording), what cannot be sent is refused in words, and what was sent — or not, and why — lands on
// the timeline. Mail goes to a local SMTP server standing in for the shop's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raiseIncident } from "../../app/domain/incidents/incidents.server";
import {
  acknowledgeIncident,
  previewIncidentMessage,
  sendIncidentMessage,
  type MessageRequest,
} from "../../app/domain/notifications/incident-message.server";
import type { IncidentType } from "../../app/domain/incidents/types";
import { saveShopSettings } from "../../app/domain/settings/settings.server";
import { useTestDatabase } from "../helpers/test-database";
import { startSmtpServer } from "../sandbox/mailbox";

const SHOP = "farmacia.myshopify.com";
const NO_MAIL_SHOP = "no-mail.myshopify.com";
const by = { name: "Ana", shopName: "Farmacia Demo", timezone: "UTC" };
const plain = (s: string) => s.replace(/\u00a0|\u202f/g, " ");
// Opened Saturday 14 March 2026, 13:00 UTC: the answer is due 24 hours later, 14:00 in Madrid.
const OPENED = new Date("2026-03-14T13:00:00Z");

describe("the message to the customer about an incident", () => {
  const ctx = useTestDatabase("sqlite");
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    expect(
      await saveShopSettings(ctx.db.prisma, SHOP, {
        smtp: smtp.server,
        fromAddress: "Farmacia Demo <hola@farmacia.example>",
        timezone: "Europe/Madrid",
        messages: { es: { apology: "Perdona las molestias, de verdad." } },
      }),
    ).toMatchObject({ ok: true });
  });
  afterAll(() => smtp?.close());

  let n = 0;
  /** An incident on an order of Lucía's (Spanish, first name in the order as Shopify sent it). */
  async function incident(
    type: IncidentType,
    { shop = SHOP, email = "lucia@example.es" as string | null, evidence = {} } = {},
  ) {
    n++;
    const orderId = `gid://shopify/Order/${n}`;
    await ctx.db.prisma.orderSnapshot.create({
      data: {
        shop,
        orderId,
        name: `#${1000 + n}`,
        email,
        data: JSON.stringify({ customer: { first_name: "Lucía" } }),
        shopifyUpdatedAt: OPENED,
      },
    });
    const order = {
      shop,
      orderId,
      orderName: `#${1000 + n}`,
      customerId: null,
      customerEmail: email,
      customerLocale: "es-ES",
    };
    const { incidentId } = await ctx.db.prisma.$transaction((tx) =>
      raiseIncident(tx, {
        order,
        type,
        subject: orderId,
        summary: "seen",
        evidence,
        observedAt: OPENED,
        source: `test-${n}`,
        actor: "makegood",
      }),
    );
    return { incidentId, orderName: order.orderName };
  }

  const preview = (incidentId: string, request: MessageRequest, shop = SHOP) =>
    previewIncidentMessage(ctx.db.prisma, shop, incidentId, request, by);
  const send = (incidentId: string, request: MessageRequest, shop = SHOP) =>
    sendIncidentMessage(ctx.db.prisma, shop, incidentId, request, by);
  const timelineOf = async (incidentId: string) =>
    (await ctx.db.prisma.incidentEvent.findMany({ where: { incidentId }, orderBy: { at: "asc" } })).map(
      (e) => [e.kind, e.summary],
    );

  /** A compensation code made for the incident, as the remedy records it. */
  const codeFor = (incidentId: string, code: string, executedAt = new Date("2026-03-14T15:00:00Z")) =>
    ctx.db.prisma.remedy.create({
      data: {
        shop: SHOP,
        incidentId,
        kind: "compensation_code",
        decisionKey: `code-${code}`,
        status: "done",
        decidedBy: "Ana",
        executedAt,
        code,
        currency: "EUR",
        params: JSON.stringify({ kind: "compensation_code", percentage: 10, expiresInDays: 30 }),
      },
    });

  it("previews in the customer's language, by first name, in the shop's zone and with the shop's wording", async () => {
    const { incidentId, orderName } = await incident("stock_mismatch");
    const shown = await preview(incidentId, { kind: "acknowledge" });
    expect(shown).toMatchObject({ ok: true, to: "lucia@example.es", locale: "es", codeRemedyId: null });
    if (!shown.ok) throw new Error(shown.error);
    expect(shown.message.subject).toBe(`Farmacia Demo: ya nos estamos ocupando — tu pedido ${orderName}`);
    expect(plain(shown.message.text).split("\n\n")).toEqual([
      "Hola Lucía:",
      `Hemos visto que uno de los artículos de tu pedido ${orderName} no se puede enviar tal cual. Estamos en ello y te daremos una solución antes del domingo, 15 de marzo de 2026, 14:00 (hora de Europa central), sin que tengas que preguntar.`,
      "Perdona las molestias, de verdad.",
      "El equipo de Farmacia Demo",
    ]);
    // The merchant may write in another language than the customer's.
    const english = await preview(incidentId, { kind: "acknowledge", locale: "en" });
    expect(english.ok && english.message.text.startsWith("Hello Lucía,\n\n")).toBe(true);
    expect(await timelineOf(incidentId)).toEqual([["opened", "seen"]]); // a preview sends nothing
    expect(smtp.mails).toHaveLength(0);
  });

  it("tells a cash-on-delivery customer the amounts the incident saw", async () => {
    const { incidentId } = await incident("cod_amount_mismatch", {
      evidence: { told: "45.00", due: "52.5", currency: "EUR" },
    });
    const shown = await preview(incidentId, { kind: "acknowledge" });
    expect(shown.ok && plain(shown.message.text)).toContain(
      "el transportista te pediría 52,50 € contra reembolso",
    );
    expect(shown.ok && plain(shown.message.text)).toContain(
      "no los 45,00 € que te dijimos; no pagarás más de 45,00 €",
    );
  });

  it("refuses, in words, what cannot be written", async () => {
    const { incidentId } = await incident("late_delivery");
    await expect(preview(incidentId, { kind: "acknowledge" }, "other.myshopify.com")).rejects.toThrow(
      `no incident ${incidentId} in other.myshopify.com`,
    );
    expect(await preview(incidentId, { kind: "apology_code" })).toMatchObject({
      ok: false,
      error: "create a compensation code first",
    });
    expect(await preview(incidentId, { kind: "note", note: "  " })).toMatchObject({
      ok: false,
      error: "write the message first",
    });
    const { incidentId: noEmail } = await incident("late_delivery", { email: null });
    expect(await preview(noEmail, { kind: "note", note: "Hola" })).toMatchObject({
      ok: false,
      error: "the order has no email address",
    });
    await ctx.db.prisma.incident.update({
      where: { id: incidentId },
      data: { status: "closed", openKey: null },
    });
    expect(await send(incidentId, { kind: "acknowledge" })).toMatchObject({
      ok: false,
      error: "the incident is closed",
    });
    expect(smtp.mails).toHaveLength(0);
  });

  it("sends what the preview showed, notes it on the timeline, and counts the customer as told", async () => {
    const { incidentId, orderName } = await incident("late_shipment");
    const shown = await preview(incidentId, {
      kind: "acknowledge",
      shipBy: new Date("2026-03-18T12:00:00Z"),
    });
    expect(await send(incidentId, { kind: "acknowledge", shipBy: new Date("2026-03-18T12:00:00Z") })).toEqual(
      { ok: true, emailed: true, note: null },
    );
    const [mail] = smtp.mails.filter(
      (m) => m.envelopeTo.includes("lucia@example.es") && m.subject?.includes(orderName),
    );
    if (!shown.ok) throw new Error(shown.error);
    expect({ subject: mail.subject, text: mail.text?.trim() }).toEqual({
      subject: shown.message.subject,
      text: shown.message.text,
    });
    expect(plain(mail.text!)).toContain(
      "Tu pedido saldrá de nuestro almacén como muy tarde el miércoles, 18 de marzo de 2026.",
    );
    expect(mail.from?.text).toBe('"Farmacia Demo" <hola@farmacia.example>');
    expect((await timelineOf(incidentId)).at(-1)).toEqual([
      "customer_message",
      "Ana: emailed the customer we are on it in Spanish, answer promised by {answerBy}",
    ]);
    expect(await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } })).toMatchObject({
      status: "customer_contacted",
      acknowledgedAt: expect.any(Date),
    });
    // A bulk "we are on it" skips a customer already told.
    expect(await acknowledgeIncident(ctx.db.prisma, SHOP, incidentId, by, { once: true })).toEqual({
      ok: true,
      emailed: false,
      note: "already told",
      repeated: true,
    });
  });

  it("tells one code once, however often the apology is sent", async () => {
    const { incidentId } = await incident("late_delivery");
    const made = await codeFor(incidentId, "SORRY-1-ABCD");
    const before = smtp.mails.length;
    expect(await send(incidentId, { kind: "apology_code" })).toEqual({ ok: true, emailed: true, note: null });
    expect(await send(incidentId, { kind: "apology_code", codeRemedyId: made.id })).toEqual({
      ok: true,
      emailed: false,
      note: "the customer already has this code",
      repeated: true,
    });
    expect(smtp.mails.slice(before).map((m) => m.text?.includes("SORRY-1-ABCD"))).toEqual([true]);
    // The code runs 30 days from when it was made, told as the shop's day.
    expect(plain(smtp.mails.at(-1)!.text!)).toContain("hasta el lunes, 13 de abril de 2026");
  });

  it("without a mail server, sends nothing, says why, and leaves the incident as it was", async () => {
    const { incidentId } = await incident("wrong_item", { shop: NO_MAIL_SHOP });
    const before = smtp.mails.length;
    expect(await send(incidentId, { kind: "note", note: "Te llamamos mañana." }, NO_MAIL_SHOP)).toEqual({
      ok: true,
      emailed: false,
      note: "no SMTP server in the shop's settings",
    });
    expect(smtp.mails).toHaveLength(before);
    expect((await timelineOf(incidentId)).at(-1)).toEqual([
      "customer_message_failed",
      "Ana: a message not emailed (no SMTP server in the shop's settings)",
    ]);
    expect(await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } })).toMatchObject({
      status: "open",
      acknowledgedAt: null,
    });
  });
});
