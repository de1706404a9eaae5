import { describe, expect, it } from "vitest";
import { InboxWriter } from "../../app/webhooks/inbox-writer.server";
import { providers } from "../helpers/database";
import { useTestDatabase } from "../helpers/test-database";

describe.each(providers)("group commit of the inbox on %s", (provider) => {
  const ctx = useTestDatabase(provider);

  it("records concurrent deliveries once each, telling duplicates apart", async () => {
    const writer = new InboxWriter(ctx.db.prisma, provider, undefined, 100);
    const deliveries = Array.from({ length: 300 }, (_, i) => ({
      shop: i % 2 ? "a.myshopify.com" : "b.myshopify.com",
      topic: "orders/create",
      webhookId: `w-${i}`,
      // Every event arrives three times: twice in the same burst, once again later.
      eventId: `e-${Math.floor(i / 3)}`,
      apiVersion: "2026-07",
      triggeredAt: "2026-11-23T10:00:00.000Z",
      resourceId: `gid://shopify/Order/${i}`,
      rawBody: JSON.stringify({ n: i }),
    }));
    const outcomes = await Promise.all(deliveries.map((d) => writer.record(d)));
    const again = await Promise.all(deliveries.slice(0, 30).map((d) => writer.record(d)));
    const rows = await ctx.db.prisma.webhookEvent.findMany({
      where: { shop: { in: ["a.myshopify.com", "b.myshopify.com"] } },
    });
    const distinct = new Set(deliveries.map((d) => `${d.shop}|${d.eventId}`)).size;
    expect(rows).toHaveLength(distinct);
    expect(outcomes.filter((o) => o === "recorded")).toHaveLength(distinct);
    expect(again.every((o) => o === "duplicate")).toBe(true);
    const row = rows.find((r) => r.webhookId === "w-0")!;
    expect(row).toMatchObject({
      status: "pending",
      attempts: 0,
      topic: "orders/create",
      payload: JSON.stringify({ n: 0 }),
    });
    expect(row.triggeredAt?.toISOString()).toBe("2026-11-23T10:00:00.000Z");
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});
