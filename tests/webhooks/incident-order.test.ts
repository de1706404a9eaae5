// Property: whatever order Shopify's events arrive in (and however often), the incidents end the same.
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { webhookHandlers } from "../../app/webhooks/handlers";
import { processInbox } from "../../app/webhooks/processor.server";
import { saveShopSettings } from "../../app/domain/settings/settings.server";
import type { TestDatabase } from "../helpers/database";
import { useTestDatabase } from "../helpers/test-database";
import { orderLifecycle, recordDelivery, seededRandom, shuffled, type Delivery } from "../helpers/lifecycle";

async function deliver(db: TestDatabase, shop: string, deliveries: Delivery[], applyEvery: number) {
  const { prisma } = db;
  for (const [n, d] of deliveries.entries()) {
    await recordDelivery(db, shop, d, `${d.eventId}-${n}`);
    if (n % applyEvery === 0) await processInbox(prisma, webhookHandlers);
  }
  await processInbox(prisma, webhookHandlers);
}

async function incidentsOf(prisma: PrismaClient, shop: string) {
  const rows = await prisma.incident.findMany({ where: { shop }, include: { timeline: true } });
  return rows
    .map((i) => ({
      type: i.type,
      status: i.status,
      closeReason: i.closeReason,
      orderName: i.orderName,
      carrier: i.carrier,
      opened: i.timeline.filter((t) => t.kind === "opened").length,
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe("incidents from events in any order", () => {
  const ctx = useTestDatabase("sqlite");

  it.each([
    [
      "a failed attempt, then delivered",
      ["IN_TRANSIT", "FAILURE", "DELIVERED"] as const,
      [{ status: "closed", closeReason: "delivered" }],
    ],
    [
      "a failed attempt, never delivered",
      ["IN_TRANSIT", "ATTEMPTED_DELIVERY"] as const,
      [{ status: "open", closeReason: null }],
    ],
    ["delivered without trouble", ["IN_TRANSIT", "DELIVERED"] as const, []],
    [
      "delayed by the carrier, then delivered",
      ["IN_TRANSIT", "DELAYED", "DELIVERED"] as const,
      [{ type: "late_delivery", status: "closed", closeReason: "delivered" }],
    ],
  ])(
    "%s: 25 shuffled, duplicated deliveries give the in-order incidents",
    async (_name, carrier, expected) => {
      const lifecycle = orderLifecycle([...carrier]);
      const tag = carrier.join("-").toLowerCase();
      await deliver(ctx.db, `in-order-${tag}.myshopify.com`, lifecycle, 1);
      const reference = await incidentsOf(ctx.db.prisma, `in-order-${tag}.myshopify.com`);
      expect(reference).toEqual(
        expected.map((e) =>
          expect.objectContaining({
            type: "delivery_failed",
            opened: 1,
            orderName: expect.stringMatching(/^#/),
            carrier: "SEUR",
            ...e,
          }),
        ),
      );
      for (let seed = 1; seed <= 25; seed++) {
        const random = seededRandom(seed);
        const noisy = shuffled(
          lifecycle.flatMap((d) => (random() < 0.3 ? [d, d] : [d])),
          seed,
        );
        const shop = `shuffled-${tag}-${seed}.myshopify.com`;
        await deliver(ctx.db, shop, noisy, 1 + Math.floor(random() * 4));
        expect({ seed, incidents: await incidentsOf(ctx.db.prisma, shop) }).toEqual({
          seed,
          incidents: reference,
        });
      }
    },
  );

  it("a carrier's failed delivery is due by the shop's own answer deadline, not the default", async () => {
    const shop = "own-deadline.myshopify.com";
    expect(await saveShopSettings(ctx.db.prisma, shop, { answerWithinHours: 6 })).toMatchObject({ ok: true });
    await deliver(ctx.db, shop, orderLifecycle(["IN_TRANSIT", "FAILURE"]), 1);
    const incident = await ctx.db.prisma.incident.findFirstOrThrow({
      where: { shop, type: "delivery_failed" },
    });
    expect(incident.answerBy.getTime() - incident.openedAt.getTime()).toBe(6 * 3_600_000);
  });
});
