// The app configured for scale-out (WEBHOOK_QUEUE=pg-boss on PostgreSQL): the sandbox's real
// deliveries become pg-boss jobs, and the app's own queue worker applies them.
import { describe, expect, it } from "vitest";
import { DEMO_SHOP, setupSandboxWithApp } from "../helpers/sandbox";
import { until } from "../helpers/wait";

const ctx = setupSandboxWithApp("postgresql", { WEBHOOK_QUEUE: "pg-boss" });

describe("webhooks applied through pg-boss", () => {
  it("applies a failed delivery's events through queue jobs, each event once", async () => {
    const res = await fetch(`${ctx.sandbox.url}/sandbox/scenarios/delivery-failed?shop=${DEMO_SHOP}`, {
      method: "POST",
    });
    const { order } = await res.json();
    // Every delivery answered: the intake answers after recording, so every event is in the inbox.
    await ctx.sandbox.webhooks.idle();
    const events = await until(
      "every recorded event applied",
      () => ctx.db.prisma.webhookEvent.findMany({ select: { status: true, attempts: true, topic: true } }),
      (rows) => rows.every((e) => e.status !== "pending"),
    );
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events.filter((e) => e.status !== "processed" || e.attempts !== 1)).toEqual([]);
    const parcel = await ctx.db.prisma.fulfillmentSnapshot.findFirstOrThrow({
      where: { shop: DEMO_SHOP, orderId: order.id },
    });
    expect(parcel).toMatchObject({ shipmentStatus: "failure", trackingCompany: "SEUR" });
    // The work went through the queue: a job per recorded event (and one per resource from the
    // start-up sweep, if it ran meanwhile); later jobs of the order find their events already
    // applied by an earlier one and complete as no-ops. A job stays active until its batch has
    // also run detection (the worker's afterBatch), so completion is waited for, not assumed.
    const jobs = await until(
      "every queue job finished",
      () =>
        ctx.db.prisma.$queryRawUnsafe<{ state: string; n: number }[]>(
          "SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = 'webhook-apply' GROUP BY state ORDER BY state",
        ),
      (states) => states.every((s) => !["created", "active", "retry"].includes(s.state)),
    );
    expect(jobs).toEqual([{ state: "completed", n: expect.any(Number) }]);
    expect(jobs[0].n).toBeGreaterThanOrEqual(events.length);
  });
});
