// The customer's offer page and the email confirming their answer, over HTTP against the built
// app and the sandbox: what the page shows (the shop, the problem, each choice with its picture
// and value, the answer-by date, in the customer's language), that it is never cached, that an
// empty answer is refused in their words and loses nothing, and that an answer is confirmed on the
// page and by email — or, without a mail server, only on the page, with the reason on the timeline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveShopSettings } from "../../app/domain/settings/settings.server";
import { offerFlow } from "../helpers/offer-flow";
import { DEMO_SHOP, setupSandboxWithApp } from "../helpers/sandbox";
import { startSmtpServer } from "../sandbox/mailbox";

const ctx = setupSandboxWithApp();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp?.close());
const { settled, scenario, api, page, answer, mailsTo } = offerFlow(ctx, () => smtp);

/** The page's visible words, tags and comments stripped (React splits text with <!-- -->). */
const words = (html: string) =>
  html
    .replace(/<!--.*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("the customer's offer page", () => {
  it("Spanish: shows the shop, the problem, the substitute with its picture and value, the answer-by date; confirms the choice by page and email", async () => {
    const { incident, sandboxOrder } = await scenario("expired-last-unit");
    const [best] = (await api(`/api/incidents/${incident.id}/offers`)).body.substitutes;
    const sent = await api(`/api/incidents/${incident.id}/offers`, { variantIds: [best.variantId] });
    expect(sent.status).toBe(201);
    // The picture is read from Shopify with the offer and kept with it.
    const stored = await ctx.db.prisma.offer.findUniqueOrThrow({
      where: { id: sent.body.offerId },
      include: { lines: true },
    });
    const [offered] = JSON.parse(stored.lines[0].substitutes);
    expect(offered.image).toEqual({
      url: expect.stringMatching(
        /^http:\/\/127\.0\.0\.1:\d+\/s\/files\/.+\/sensibio-h2o-micellar-water\.png\?v=\d+&width=240&height=240$/,
      ),
      alt: "Sensibio H2O Micellar Water",
    });

    const opened = await page(sent.body.url);
    expect(opened.status).toBe(200);
    expect(opened.headers.get("cache-control")).toBe("no-store");
    const text = words(opened.html);
    expect(text).toContain("Farmacia Demo");
    expect(text).toContain(`Tu pedido ${incident.orderName}`);
    expect(text).toContain(
      `Al preparar tu pedido ${incident.orderName} hemos visto que la última unidad de Thermal Spring Water 150 ml que teníamos está dañada o caducada`,
    );
    expect(text).toMatch(/Recibir Sensibio H2O Micellar Water en su lugar Vale 12,40\s€, gratis para ti/);
    expect(text).toContain("Quitar Thermal Spring Water 150 ml del pedido (era un regalo, no se cobra nada)");
    expect(text).toMatch(
      /Si no sabemos de ti antes del \S+, \d+ de \S+ de \d{4}, \d{1,2}:\d\d \(hora de Europa central\), quitaremos Thermal Spring Water 150 ml del pedido\./,
    );
    expect(opened.html).toContain(`src="${offered.image.url.replace(/&/g, "&amp;")}"`);
    const picture = await fetch(offered.image.url);
    expect([
      picture.status,
      picture.headers.get("content-type"),
      (await picture.arrayBuffer()).byteLength > 100,
    ]).toEqual([200, "image/png", true]);
    expect(opened.html).not.toContain(sandboxOrder.email); // nothing of the customer's but the offer
    expect(opened.html).not.toContain("Lucía");

    // Sent without a choice: refused in Spanish, the page and its choices still there, nothing done.
    const empty = await answer(sent.body.url, null);
    expect(empty.status).toBe(200); // the page again, with the reason
    expect(empty.body).toMatch(
      /<p id="choice-error-0" role="alert"[^>]*>Elige una de las opciones, por favor\.<\/p>/,
    );
    expect(empty.headers.get("cache-control")).toBe("no-store");
    expect(words(empty.body)).toContain("Elige una de las opciones, por favor.");
    expect(empty.body).toContain(`value="substitute:${best.variantId}"`);
    expect(await ctx.db.prisma.offer.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
      status: "sent",
      choice: null,
    });

    const chosen = await answer(sent.body.url, `substitute:${best.variantId}`);
    expect(chosen.status).toBe(200);
    const confirmed = words(chosen.body);
    expect(confirmed).toContain("Tu elección está confirmada");
    expect(confirmed).toContain(
      "¡Gracias! Te enviaremos Sensibio H2O Micellar Water con tu pedido, sin coste adicional.",
    );
    expect(confirmed).toMatch(
      /Tu pedido saldrá de nuestro almacén como muy tarde el \S+, \d+ de \S+ de \d{4}\./,
    );
    expect(confirmed).toContain("También te hemos enviado esta confirmación por correo electrónico.");
    await settled();

    const [offerMail, confirmation] = mailsTo(incident.customerEmail!);
    expect(offerMail.html).toContain(`src="${offered.image.url.replace(/&/g, "&amp;")}"`);
    expect(confirmation.subject).toBe(
      `Farmacia Demo: tu elección para el pedido ${incident.orderName} está confirmada`,
    );
    expect(confirmation.text).toMatch(
      /^Hola Lucía:\n\n¡Gracias! Te enviaremos Sensibio H2O Micellar Water con tu pedido, sin coste adicional\.\n\nTu pedido saldrá de nuestro almacén como muy tarde el \S+, \d+ de \S+ de \d{4}\.\n\nEl equipo de Farmacia Demo\n?$/,
    );
    expect(
      await ctx.db.prisma.incidentEvent.findFirst({
        where: {
          incidentId: incident.id,
          kind: "customer_message",
          source: `offer:${stored.id}:confirmation`,
        },
      }),
    ).toMatchObject({
      actor: "makegood",
      summary: "Emailed the customer the confirmation of their choice in Spanish",
    });
    // The order in Shopify: the substitute is on it.
    expect(sandboxOrder.lineItems.map((l) => l.title)).toContain("Sensibio H2O Micellar Water");
  });

  it("Romanian, formal: a paid line refunded; the confirmation tells the amount as Romanian writes it and where it goes", async () => {
    const { incident } = await scenario("oversold");
    const sent = await api(`/api/incidents/${incident.id}/offers`, { variantIds: [] });
    const opened = words((await page(sent.body.url)).html);
    expect(opened).toContain("Comanda dumneavoastră");
    // 8 ordered, 6 available: the page says the 6 still ship, and the choice is about the missing 2 only.
    expect(opened).toContain(
      "am constatat că din Heliocare 360 Gel Oil-Free ați comandat 8, dar vă putem trimite doar 6.",
    );
    expect(opened).toMatch(
      /Scoatem bucățile lipsă de Heliocare 360 Gel Oil-Free din comandă și vă rambursăm 59,90\sEUR/,
    );
    expect(opened).toMatch(/până pe \S+, \d+ \S+ \d{4} la \d{1,2}:\d\d \(Ora Europei Centrale\)/);
    expect(words((await answer(sent.body.url, "")).body)).toContain(
      "Vă rugăm să alegeți una dintre variante.",
    );

    const chosen = words((await answer(sent.body.url, "refund")).body);
    expect(chosen).toContain("Alegerea dumneavoastră este confirmată");
    expect(chosen).toMatch(/Suma de 59,90\sEUR revine pe metoda de plată folosită/);
    const confirmation = mailsTo(incident.customerEmail!).at(-1)!;
    expect(confirmation.subject).toBe(
      `Farmacia Demo: alegerea dumneavoastră pentru comanda ${incident.orderName} este confirmată`,
    );
    expect(confirmation.text).toMatch(
      /^Bună ziua, Ioana,\n\nVă mulțumim! Am scos bucățile lipsă de Heliocare 360 Gel Oil-Free din comandă și v-am rambursat suma plătită pentru ele\.\n\nSuma de 59,90\sEUR revine/,
    );
  });

  it("keeps the merchant's own wording of a block on the page and in the confirmation", async () => {
    const { incident } = await scenario("expired-last-unit");
    await saveShopSettings(ctx.db.prisma, DEMO_SHOP, {
      messages: {
        es: { "page.submit": "Quiero esto", "page.done.substitute": "Hecho: te llega {substitute}." },
      },
    });
    const [best] = (await api(`/api/incidents/${incident.id}/offers`)).body.substitutes;
    const sent = await api(`/api/incidents/${incident.id}/offers`, { variantIds: [best.variantId] });
    expect(words((await page(sent.body.url)).html)).toContain("Quiero esto");
    expect(words((await answer(sent.body.url, `substitute:${best.variantId}`)).body)).toContain(
      `Hecho: te llega ${best.title}.`,
    );
    expect(mailsTo(incident.customerEmail!).at(-1)!.text).toContain(`Hecho: te llega ${best.title}.`);
  });

  it("without a mail server the answer is still confirmed on the page, which does not claim an email; the timeline says why", async () => {
    const { incident } = await scenario("oversold", { mail: false });
    const sent = await api(`/api/incidents/${incident.id}/offers`, { variantIds: [] });
    expect(sent.body.emailed).toBe(false);
    const chosen = await answer(sent.body.url, "cancel_order");
    expect(chosen.status).toBe(200);
    expect(words(chosen.body)).toContain("Comanda dumneavoastră a fost anulată și rambursată integral.");
    expect(chosen.body).not.toContain("prin e-mail");
    expect(
      await ctx.db.prisma.incidentEvent.findFirst({
        where: { incidentId: incident.id, kind: "customer_message_failed" },
      }),
    ).toMatchObject({ summary: expect.stringContaining("no SMTP server") });
  });

  it("a link that is no offer's answers in the reader's language, and is not cached either", async () => {
    const res = await page(`${ctx.app.url}/offers/not-a-real-token-at-all-000000`, {
      "Accept-Language": "ro-RO,ro;q=0.9,en;q=0.5",
    });
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.html).toContain('lang="ro"');
    expect(words(res.html)).toContain("Acest link nu este valid. Vă rugăm să contactați magazinul.");
  });
});
