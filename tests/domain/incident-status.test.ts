// An incident's status moves: the allowed ones land on the timeline; the others are refused.
import { describe, expect, it } from "vitest";
import { raiseIncident } from "../../app/domain/incidents/incidents.server";
import { moveIncident } from "../../app/domain/incidents/status.server";
import { NotFound } from "../../app/models/errors";
import { useTestDatabase } from "../helpers/test-database";

const SHOP = "status.myshopify.com";

describe("incident status", () => {
  const ctx = useTestDatabase("sqlite");
  let n = 0;
  const open = async () => {
    n++;
    const order = {
      shop: SHOP,
      orderId: `gid://shopify/Order/${n}`,
      orderName: `#${1000 + n}`,
      customerId: null,
      customerEmail: null,
      customerLocale: null,
    };
    const { incidentId } = await ctx.db.prisma.$transaction((tx) =>
      raiseIncident(tx, {
        order,
        type: "late_shipment",
        subject: order.orderId,
        summary: "late",
        evidence: {},
        observedAt: new Date(),
        source: `t${n}`,
        actor: "makegood",
      }),
    );
    return { incidentId, orderId: order.orderId };
  };
  const move = (incidentId: string, to: string, reason?: string, shop = SHOP) =>
    moveIncident(ctx.db.prisma, { shop, incidentId, to: to as never, reason, actor: "merchant", by: "Ana" });

  it("goes open → customer contacted → awaiting customer → remedied → closed, each step on the timeline", async () => {
    const { incidentId } = await open();
    for (const to of ["customer_contacted", "awaiting_customer", "remedied", "closed"])
      expect(await move(incidentId, to)).toEqual({ ok: true, status: to });
    const incident = await ctx.db.prisma.incident.findUniqueOrThrow({
      where: { id: incidentId },
      include: { timeline: { orderBy: { at: "asc" } } },
    });
    expect(incident).toMatchObject({ status: "closed", openKey: null, closeReason: "closed" });
    expect(incident.timeline.map((t) => t.summary)).toEqual([
      "late",
      "Ana: open → customer contacted",
      "Ana: customer contacted → awaiting customer",
      "Ana: awaiting customer → remedied",
      "Ana: remedied → closed",
    ]);
  });

  it("dismisses only with a reason, which frees the order for a new incident of the same kind", async () => {
    const { incidentId, orderId } = await open();
    expect(await move(incidentId, "dismissed", "  ")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await move(incidentId, "dismissed", "the customer picked it up in the shop")).toEqual({
      ok: true,
      status: "dismissed",
    });
    expect(await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incidentId } })).toMatchObject({
      closeReason: "the customer picked it up in the shop",
      openKey: null,
    });
    expect(await ctx.db.prisma.incident.count({ where: { orderId, openKey: { not: null } } })).toBe(0);
  });

  it("refuses moves back from an end, a repeated move changes nothing, and another shop's incident is not found", async () => {
    const { incidentId } = await open();
    expect(await move(incidentId, "remedied")).toEqual({ ok: true, status: "remedied" });
    expect(await move(incidentId, "remedied")).toEqual({ ok: true, status: "remedied" });
    expect(await move(incidentId, "customer_contacted")).toMatchObject({
      ok: false,
      reason: "conflict",
      error: "an incident remedied cannot become customer contacted",
    });
    const elsewhere = await move(incidentId, "closed", undefined, "other.myshopify.com").catch(
      (error: unknown) => error,
    );
    expect(elsewhere).toBeInstanceOf(NotFound);
    expect((elsewhere as NotFound).message).toBe(`no incident ${incidentId} in other.myshopify.com`);
    expect(await ctx.db.prisma.incidentEvent.count({ where: { incidentId, kind: "status" } })).toBe(1);
  });
});
