// Shopify's own sample payloads (tests/fixtures/shopify/webhooks/2026-01/) for every topic the app
// handles: each is applied without an error, and none of these everyday events opens an incident.
// Two are special: Shopify's inventory_levels/update sample is an empty object (kept, dead-lettered
// with the reason), and shop/redact erases everything of the shop, its own inbox row included.
// The privacy samples name "{shop}.myshopify.com": here, the shop they are delivered for (the app
// refuses a body about another shop), and shop/redact comes for a shop whose uninstall the app saw.
import { describe, expect, it } from "vitest";
import { webhookHandlers } from "../../app/webhooks/handlers";
import { processInbox } from "../../app/webhooks/processor.server";
import { findOrderSnapshot } from "../../app/models/order.server";
import { recordDelivery } from "../helpers/lifecycle";
import { hasSample, shopifySample } from "../helpers/shopify-samples";
import { useTestDatabase } from "../helpers/test-database";

const handled = Object.keys(webhookHandlers).filter(hasSample);

describe("Shopify's sample payloads", () => {
  const ctx = useTestDatabase("sqlite");

  it("cover most handled topics", () => {
    expect(handled.length).toBeGreaterThanOrEqual(Object.keys(webhookHandlers).length - 2);
  });

  it.each(handled)("%s is applied and opens nothing", async (topic) => {
    const shop = `sample-${topic.replace(/\W/g, "-")}.myshopify.com`;
    const uninstalled =
      topic === "shop/redact" ? { active: false, uninstalledAt: new Date("2026-01-13T10:00:00Z") } : {};
    await ctx.db.prisma.shop.create({ data: { domain: shop, ...uninstalled } });
    await recordDelivery(ctx.db, shop, {
      topic,
      eventId: `sample-${topic}`,
      triggeredAt: "2026-01-15T10:00:00Z",
      body: JSON.stringify(shopifySample(topic, shop)),
    });
    await processInbox(ctx.db.prisma, webhookHandlers);
    const event = await ctx.db.prisma.webhookEvent.findFirst({ where: { shop } });
    const body = shopifySample(topic, shop);
    if (topic === "shop/redact") expect(event).toBeNull();
    else if (Object.keys(body).length === 0)
      expect(event).toMatchObject({
        status: "dead",
        lastError: expect.stringContaining(`${topic} body:`),
        payload: "{}",
      });
    else
      expect({ status: event?.status, error: event?.lastError }).toEqual({
        status: "processed",
        error: null,
      });
    expect(await ctx.db.prisma.incident.count({ where: { shop } })).toBe(0);
  });

  it("orders/updated leaves a snapshot the order model reads back whole", async () => {
    const shop = "sample-snapshot.myshopify.com";
    await ctx.db.prisma.shop.create({ data: { domain: shop } });
    const body = shopifySample("orders/updated", shop) as {
      admin_graphql_api_id: string;
      line_items: unknown[];
    };
    await recordDelivery(ctx.db, shop, {
      topic: "orders/updated",
      eventId: "sample-snapshot",
      triggeredAt: "2026-01-15T10:00:00Z",
      body: JSON.stringify(body),
    });
    await processInbox(ctx.db.prisma, webhookHandlers);
    const snapshot = await findOrderSnapshot(ctx.db.prisma, shop, body.admin_graphql_api_id);
    expect(snapshot?.data).toEqual(body);
    expect(snapshot?.data.line_items).toHaveLength(body.line_items.length);
  });
});
