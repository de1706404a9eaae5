// How long personal data stays, with the clock given (no waiting): processed and dead inbox bodies
// lose their personal fields after the operator's retention period and not before; a pending one
// keeps its body until applied; data exports go once delivered or after 30 days; timelines from
// before they stopped copying messages lose the copies.
import { describe, expect, it } from "vitest";
import {
  EXPORT_KEPT_DAYS,
  listDataExports,
  markExportDelivered,
  recordDataExport,
} from "../../app/domain/privacy/data-export.server";
import { STRIPPED_MARK } from "../../app/domain/privacy/personal-data";
import { applyRetention } from "../../app/domain/privacy/retention.server";
import { providers } from "../helpers/database";
import { useTestDatabase } from "../helpers/test-database";

const DAY = 86_400_000;
const NOW = new Date("2026-12-01T10:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const SHOP = "retention.myshopify.com";
const EMAIL = "zsofia.quennell@example.hu";

const orderBody = (id: number) =>
  JSON.stringify({
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#${id}`,
    email: EMAIL,
    total_price: "12.40",
    updated_at: "2026-10-01T10:00:00Z",
    customer: {
      admin_graphql_api_id: "gid://shopify/Customer/7",
      first_name: "Zsófia",
      last_name: "Quennell",
      email: EMAIL,
    },
    shipping_address: { first_name: "Zsófia", address1: "Rue des Tilleuls 42", city: "Lyon" },
    line_items: [{ sku: "FD-001", price: "12.40", properties: [{ name: "For", value: "Zsófia" }] }],
  });

describe.each(providers)("personal data retention on %s", (provider) => {
  const ctx = useTestDatabase(provider);
  const event = (key: string, status: string, at: Date) =>
    ctx.db.prisma.webhookEvent.create({
      data: {
        shop: SHOP,
        topic: "orders/updated",
        eventKey: key,
        webhookId: key,
        apiVersion: "2026-07",
        payload: orderBody(Number(key.replace(/\D/g, ""))),
        status,
        receivedAt: at,
        processedAt: status === "processed" ? at : null,
        resourceId: `gid://shopify/Order/${key.replace(/\D/g, "")}`,
      },
    });
  const body = async (id: string) =>
    (await ctx.db.prisma.webhookEvent.findUniqueOrThrow({ where: { id } })).payload;

  it("strips processed and dead bodies past the retention period, keeps the newer and the pending ones whole", async () => {
    const old = await event("e1", "processed", ago(31));
    const recent = await event("e2", "processed", ago(29));
    const waiting = await event("e3", "pending", ago(40));
    const dead = await event("e4", "dead", ago(40));

    expect(await applyRetention(ctx.db.prisma, { now: NOW, retentionDays: 30 })).toMatchObject({
      inboxBodiesStripped: 2,
    });
    for (const id of [old.id, dead.id]) {
      const stripped = JSON.parse(await body(id));
      expect(stripped).toMatchObject({
        email: null,
        customer: null,
        shipping_address: null,
        name: expect.stringMatching(/^#\d+$/),
        total_price: "12.40",
        [STRIPPED_MARK]: NOW.toISOString(),
      });
      expect(stripped.line_items[0]).toEqual({ sku: "FD-001", price: "12.40", properties: null });
      expect(JSON.stringify(stripped)).not.toMatch(/zsofia|Zsófia|Quennell|Tilleuls/i);
    }
    expect(await body(recent.id)).toBe(recent.payload);
    expect(await body(waiting.id)).toBe(waiting.payload);

    // A second run finds nothing more to do; a shorter period reaches the newer body.
    expect(await applyRetention(ctx.db.prisma, { now: NOW, retentionDays: 30 })).toMatchObject({
      inboxBodiesStripped: 0,
    });
    expect(await applyRetention(ctx.db.prisma, { now: NOW, retentionDays: 0 })).toMatchObject({
      inboxBodiesStripped: 1,
    });
    expect(await body(recent.id)).not.toContain(EMAIL);
    expect(await body(waiting.id)).toBe(waiting.payload);
  });

  it("deletes a data export once the merchant marks it delivered, and any export after 30 days", async () => {
    const order = JSON.parse(orderBody(501));
    await ctx.db.prisma.orderSnapshot.create({
      data: {
        shop: SHOP,
        orderId: order.admin_graphql_api_id,
        name: order.name,
        email: EMAIL,
        customerId: "gid://shopify/Customer/7",
        data: JSON.stringify(order),
        shopifyUpdatedAt: ago(60),
      },
    });
    const who = {
      shop: SHOP,
      customerId: "gid://shopify/Customer/7",
      email: EMAIL,
      phone: null,
      orderIds: [order.admin_graphql_api_id],
    };
    const delivered = await recordDataExport(ctx.db.prisma, who, ago(2));
    const expired = await recordDataExport(ctx.db.prisma, who, ago(EXPORT_KEPT_DAYS + 1));
    const fresh = await recordDataExport(ctx.db.prisma, who, ago(EXPORT_KEPT_DAYS - 1));
    const [ready] = (await listDataExports(ctx.db.prisma, SHOP)).filter((r) => r.id === delivered.id);
    expect(ready.export).toMatchObject({
      status: "ready",
      customer: { email: EMAIL },
      orders: [
        { order: "#501", name: "Zsófia Quennell", shippingAddress: { address1: "Rue des Tilleuls 42" } },
      ],
    });

    expect(await markExportDelivered(ctx.db.prisma, SHOP, delivered.id, NOW)).toBe(true);
    expect(await markExportDelivered(ctx.db.prisma, "other.myshopify.com", fresh.id, NOW)).toBe(false); // another shop's
    expect(await applyRetention(ctx.db.prisma, { now: NOW, retentionDays: 30 })).toMatchObject({
      exportsDeleted: 1,
    });

    const rows = await ctx.db.prisma.complianceRequest.findMany({ where: { shop: SHOP } });
    const result = (id: string) => JSON.parse(rows.find((r) => r.id === id)!.result);
    expect(result(delivered.id)).toEqual({ status: "delivered", at: NOW.toISOString(), orders: 1 });
    expect(result(expired.id)).toEqual({ status: "expired", at: NOW.toISOString(), orders: 1 });
    expect(result(fresh.id)).toMatchObject({ status: "ready" });
    expect(
      rows
        .filter((r) => r.id !== fresh.id)
        .map((r) => `${r.customerId} ${r.result}`)
        .join(),
    ).not.toMatch(/zsofia|Zsófia|Tilleuls|Customer\/7/i);
  });

  it("takes the message texts and addresses earlier timelines copied", async () => {
    const incident = await ctx.db.prisma.incident.create({
      data: {
        shop: SHOP,
        orderId: "gid://shopify/Order/501",
        orderName: "#501",
        type: "stock_mismatch",
        subject: "gid://shopify/LineItem/1",
        evidence: "{}",
        acknowledgeBy: NOW,
        answerBy: NOW,
        openedAt: ago(3),
      },
    });
    await ctx.db.prisma.incidentEvent.createMany({
      data: [
        {
          shop: SHOP,
          incidentId: incident.id,
          at: ago(3),
          actor: "merchant",
          kind: "offer_sent",
          summary: `Ana: offer sent to ${EMAIL} (es): X, or a refund`,
          detail: JSON.stringify({ locale: "es" }),
        },
        {
          shop: SHOP,
          incidentId: incident.id,
          at: ago(2),
          actor: "merchant",
          kind: "customer_message",
          summary: "Ana: emailed we are on it in Spanish",
          detail: JSON.stringify({ kind: "acknowledge", locale: "es", text: "Hola Zsófia: ..." }),
        },
      ],
    });
    expect(await applyRetention(ctx.db.prisma, { now: NOW, retentionDays: 30 })).toMatchObject({
      legacyTimelineEntries: 2,
    });
    const entries = await ctx.db.prisma.incidentEvent.findMany({
      where: { incidentId: incident.id },
      orderBy: { at: "asc" },
    });
    expect(entries.map((e) => [e.summary, JSON.parse(e.detail!)])).toEqual([
      ["Ana: offer sent to the customer (es): X, or a refund", { locale: "es" }],
      ["Ana: emailed we are on it in Spanish", { kind: "acknowledge", locale: "es" }],
    ]);
  });
});
