// Shopify's privacy requests end to end, on both databases: a customer with orders, a stock
// incident answered through an offer, a failed delivery the carrier described, a message, a data
// export — then customers/redact, after which nothing of them is left in ANY column of ANY table
// (read from the database's catalog), while the facts insights count stay. And shop/redact leaves
// no row of the shop in any table with a shop column, its settings and SMTP password included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullIncident } from "../../app/domain/incidents/full-incident.server";
import { shopInsights } from "../../app/domain/insights/insights.server";
import { saveShopSettings } from "../../app/domain/settings/settings.server";
import { catalogTables, findInEveryColumn } from "../helpers/catalog-search";
import { providers } from "../helpers/database";
import { offerFlow } from "../helpers/offer-flow";
import { gid } from "../helpers/scenario";
import { DEMO_SHOP, installApp, setupSandboxWithApp } from "../helpers/sandbox";
import { until } from "../helpers/wait";
import { startSmtpServer } from "../sandbox/mailbox";
import { findProduct } from "../sandbox/scenarios";
import { addFulfillmentEvent, createFulfillment } from "../sandbox/store-fulfillment";

const DAY = 86_400_000;
/** Insights are read at one moment before and after, so only the erasure could change them. */
const NOW = new Date(Date.now() + DAY);
const PERSON = {
  firstName: "Zsófia",
  lastName: "Quennell",
  email: "zsofia.quennell@example.hu",
  phone: "+36301234567",
  locale: "es",
  address: {
    address1: "Rue des Tilleuls 42",
    city: "Lyon",
    zip: "69003",
    countryCode: "FR",
    country: "France",
  },
};
/** What must not be found anywhere once they are forgotten. */
const IDENTIFIERS = [
  PERSON.email,
  PERSON.phone,
  PERSON.phone.slice(1),
  PERSON.firstName,
  PERSON.lastName,
  "Tilleuls",
];

describe.each(providers)("privacy requests on %s", (provider) => {
  const ctx = setupSandboxWithApp(provider);
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp?.close());
  const { settled, api, answer, mailsTo } = offerFlow(ctx, () => smtp);
  const compliance = async (kind: string, email?: string) => {
    const res = await fetch(
      `${ctx.sandbox.url}/sandbox/compliance/${kind}?shop=${DEMO_SHOP}${email ? `&email=${email}` : ""}`,
      { method: "POST" },
    );
    expect(res.status).toBe(200);
  };

  /** The customer lives through MakeGood: two orders, two incidents, an offer answered, a message. */
  async function customerWithHistory() {
    expect(await installApp(ctx)).toBe(200);
    await settled();
    expect(
      await saveShopSettings(ctx.db.prisma, DEMO_SHOP, {
        smtp: smtp.server,
        fromAddress: "Farmacia Demo <hola@farmacia.example>",
      }),
    ).toMatchObject({ ok: true });
    const store = ctx.sandbox.store;
    const customer = store.addCustomer(DEMO_SHOP, PERSON);
    const mailsBefore = mailsTo(PERSON.email).length;

    // A pack whose free gift's last unit expired: a stock incident, offered a substitute.
    const pack = findProduct(store, DEMO_SHOP, "Summer Protection Pack");
    const gift = findProduct(store, DEMO_SHOP, "Thermal Spring Water");
    store.changeQuantities(DEMO_SHOP, gift.item.id, gift.location.id, { available: -1, damaged: 1 });
    const stockOrder = store.createOrder(DEMO_SHOP, {
      customerId: customer.id,
      note: `Ring ${PERSON.firstName} ${PERSON.lastName} at the gate`,
      lines: [
        { variantId: pack.variant.id, quantity: 1 },
        { variantId: gift.variant.id, quantity: 1, price: "0.00" },
      ],
    });
    // An order shipped with SEUR whose delivery failed; the carrier names them and their street.
    const skin = findProduct(store, DEMO_SHOP, "Skin Food");
    const parcelOrder = store.createOrder(DEMO_SHOP, {
      customerId: customer.id,
      lines: [{ variantId: skin.variant.id, quantity: 1 }],
      createdAt: new Date(store.clock.now().getTime() - 3 * DAY),
    });
    const fo = store.shop(DEMO_SHOP).fulfillmentOrders.find((f) => f.orderId === parcelOrder.id)!;
    const parcel = createFulfillment(store, DEMO_SHOP, fo.id, {
      company: "SEUR",
      number: `SE${parcelOrder.id}`,
      at: new Date(store.clock.now().getTime() - 2 * DAY),
    }).ok!;
    addFulfillmentEvent(store, DEMO_SHOP, parcel.id, {
      status: "FAILURE",
      message: `${PERSON.lastName} not at ${PERSON.address.address1}, call ${PERSON.phone}`,
    });
    await settled();

    const stock = await ctx.db.prisma.incident.findFirstOrThrow({
      where: { shop: DEMO_SHOP, orderId: gid("Order", stockOrder.id), type: "stock_mismatch" },
    });
    const failed = await ctx.db.prisma.incident.findFirstOrThrow({
      where: { shop: DEMO_SHOP, orderId: gid("Order", parcelOrder.id), type: "delivery_failed" },
    });
    const [best] = (await api(`/api/incidents/${stock.id}/offers`)).body.substitutes;
    const offer = await api(`/api/incidents/${stock.id}/offers`, { variantIds: [best.variantId] });
    expect(offer).toMatchObject({ status: 201, body: { emailed: true } });
    expect((await answer(offer.body.url, `substitute:${best.variantId}`)).status).toBe(200);
    expect(await api(`/api/incidents/${failed.id}/acknowledge`, {})).toMatchObject({
      status: 200,
      body: { emailed: true },
    });
    await settled();
    // Three emails greeted them by name: the offer, its confirmation, the acknowledgement.
    expect(
      mailsTo(PERSON.email)
        .slice(mailsBefore)
        .filter((m) => m.text?.includes(PERSON.firstName)),
    ).toHaveLength(3);
    return { stock, failed };
  }

  it("customers/redact: none of the customer's email, phone, names or street in any column of any table; the incident facts stay for insights", async () => {
    const { stock, failed } = await customerWithHistory();
    await compliance("customers-data-request", PERSON.email);
    await settled();
    await until(
      "the data export",
      () =>
        ctx.db.prisma.complianceRequest.count({
          where: { shop: DEMO_SHOP, topic: "customers/data_request" },
        }),
      (n) => n === 1,
    );

    // The search finds them before: it is looking in the right places.
    const before = await findInEveryColumn(ctx.db, IDENTIFIERS);
    const where = new Set(before.map((h) => h.table.replace(/^"public"\./, "")));
    for (const table of [
      '"WebhookEvent"',
      '"OrderSnapshot"',
      '"FulfillmentSnapshot"',
      '"FulfillmentEventRecord"',
      '"Incident"',
      '"ComplianceRequest"',
    ])
      expect(where).toContain(table);

    const insightsBefore = await shopInsights(ctx.db.prisma, DEMO_SHOP, { days: "30" }, "Europe/Madrid", NOW);
    await compliance("customers-redact", PERSON.email);
    await settled();
    await until(
      "customers/redact applied",
      () => ctx.db.prisma.complianceRequest.count({ where: { shop: DEMO_SHOP, topic: "customers/redact" } }),
      (n) => n === 1,
    );

    expect((await catalogTables(ctx.db)).length).toBeGreaterThanOrEqual(14);
    expect(await findInEveryColumn(ctx.db, IDENTIFIERS)).toEqual([]);
    // What is left still reads: the workspace shows the order without the customer, and what the carrier said without them.
    const workspace = (await fullIncident(ctx.db.prisma, DEMO_SHOP, failed.id))!;
    expect(workspace.order).toMatchObject({
      customer: null,
      email: null,
      phone: null,
      lines: [expect.objectContaining({ quantity: 1 })],
    });
    expect(workspace.incident.evidence).toMatchObject({
      status: "failure",
      message: expect.stringContaining("[redacted]"),
    });

    // The facts stay: what went wrong, when, with which carrier, what it cost.
    const kept = await ctx.db.prisma.incident.findMany({
      where: { id: { in: [stock.id, failed.id] } },
      include: { remedies: true, timeline: true },
    });
    expect(kept.map((i) => ({ type: i.type, carrier: i.carrier, openedAt: i.openedAt }))).toEqual(
      expect.arrayContaining([
        { type: "stock_mismatch", carrier: null, openedAt: stock.openedAt },
        { type: "delivery_failed", carrier: "SEUR", openedAt: failed.openedAt },
      ]),
    );
    const substitution = kept.flatMap((i) => i.remedies).find((r) => r.kind === "substitution")!;
    expect(substitution).toMatchObject({ status: "done", amount: expect.stringMatching(/^\d+\.\d\d$/) });
    const timeline = kept.flatMap((i) => i.timeline);
    expect(timeline.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/offer emailed to the customer \(Spanish\)/),
        "Emailed the customer the confirmation of their choice in Spanish",
        expect.stringMatching(/emailed the customer we are on it in Spanish/),
      ]),
    );
    // Insights count them as before: the failed SEUR parcel, the substitute's cost.
    const insights = await shopInsights(ctx.db.prisma, DEMO_SHOP, { days: "30" }, "Europe/Madrid", NOW);
    expect(insights).toEqual(insightsBefore);
    expect(insights.carriers.find((c) => c.carrier === "SEUR")!.failed).toBeGreaterThanOrEqual(1);
    expect(Number(insights.totalCost)).toBeGreaterThan(0);
  });

  it("shop/redact: no row of the shop is left in any table with a shop column, its settings and SMTP credentials included", async () => {
    await customerWithHistory();
    const secret = "smtp://mailer:s3cr3t-passw0rd@smtp.example.com:587";
    expect(await saveShopSettings(ctx.db.prisma, DEMO_SHOP, { smtpUrl: secret })).toMatchObject({ ok: true });
    await fetch(`${ctx.sandbox.url}/sandbox/uninstall?shop=${DEMO_SHOP}`, { method: "POST" });
    await settled();
    await compliance("shop-redact");
    await ctx.sandbox.webhooks.idle();
    await until(
      "shop/redact to erase the shop",
      () => ctx.db.prisma.shop.count({ where: { domain: DEMO_SHOP } }),
      (n) => n === 0,
    );
    await until(
      "the erasure's transaction",
      () => ctx.db.prisma.shopSettings.count({ where: { shop: DEMO_SHOP } }),
      (n) => n === 0,
    );

    expect(
      await findInEveryColumn(ctx.db, [DEMO_SHOP, "smtp.example.com", "s3cr3t-passw0rd", PERSON.email]),
    ).toEqual([]);
  });
});
