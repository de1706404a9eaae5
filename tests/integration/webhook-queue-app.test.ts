// The app configured for scale-out (WEBHOOK_QUEUE=pg-boss on PostgreSQL): the sandbox's real
// deliveries become pg-boss jobs, and the app's own queue worker applies them.
import { describe, expect, it } from "vitest";
import { DEMO_SHOP, setupSandboxWithApp } from "../helpers/sandbox";

const ctx = setupSandboxWithApp("postgresql", { WEBHOOK_QUEUE: "pg-boss" });

describe("webhooks applied through pg-boss", () => {
  it("applies a failed delivery's events through queue jobs, each event once", async () => {
    const res = await fetch(`${ctx.sandbox.url}/sandbox/scenarios/delivery-failed?shop=${DEMO_SHOP}`, { method: "POST" });
    const { order } = await res.json();
    await ctx.sandbox.webhooks.idle();
    const deadline = Date.now() + 20_000;
    while ((await ctx.db.prisma.webhookEvent.count({ where: { status: { not: "processed" } } })) > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const events = await ctx.db.prisma.webhookEvent.findMany({ select: { status: true, attempts: true, topic: true } });
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events.filter((e) => e.status !== "processed" || e.attempts !== 1)).toEqual([]);
    const parcel = await ctx.db.prisma.fulfillmentSnapshot.findFirstOrThrow({ where: { shop: DEMO_SHOP, orderId: order.id } });
    expect(parcel).toMatchObject({ shipmentStatus: "failure", trackingCompany: "SEUR" });
    // The work went through the queue: a job per recorded event (and one per resource from the
    // start-up sweep, if it ran meanwhile); later jobs of the order find their events already
    // applied by an earlier one and complete as no-ops.
    const jobs = () => ctx.db.prisma.$queryRawUnsafe<{ state: string; n: number }[]>(
      "SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = 'webhook-apply' GROUP BY state",
    );
    while ((await jobs()).length > 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const [done] = await jobs();
    expect(done.state).toBe("completed");
    expect(done.n).toBeGreaterThanOrEqual(events.length);
  });
});
