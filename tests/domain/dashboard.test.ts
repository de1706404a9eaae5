// The home page's figures from incidents and remedies as they stand in the database.
import { describe, expect, it } from "vitest";
import { dashboardFigures } from "../../app/domain/incidents/dashboard.server";
import { useTestDatabase } from "../helpers/test-database";

const SHOP = "figures.myshopify.com";
const NOW = new Date("2026-11-23T12:00:00Z"); // 13:00 in Madrid
const minutes = (n: number) => n * 60_000;

describe("dashboard figures", () => {
  const ctx = useTestDatabase("sqlite");
  let n = 0;
  const incident = (fields: {
    shop?: string;
    openedAt: Date;
    answerBy: Date;
    acknowledgeBy?: Date;
    open?: boolean;
    status?: string;
    acknowledgedAt?: Date;
    closedAt?: Date;
    remedyCost?: string;
    type?: string;
  }) => {
    n++;
    const open = fields.open ?? true;
    return ctx.db.prisma.incident.create({
      data: {
        shop: fields.shop ?? SHOP,
        orderId: `gid://shopify/Order/${n}`,
        orderName: `#${n}`,
        type: fields.type ?? "late_shipment",
        subject: `s${n}`,
        evidence: "{}",
        status: fields.status ?? (open ? "open" : "closed"),
        openKey: open ? `k${n}` : null,
        openedAt: fields.openedAt,
        answerBy: fields.answerBy,
        acknowledgeBy: fields.acknowledgeBy ?? fields.openedAt,
        acknowledgedAt: fields.acknowledgedAt,
        closedAt: fields.closedAt,
        remedyCost: fields.remedyCost,
      },
    });
  };

  it("counts open incidents by deadline and type, today's, this month's cost, codes, and median answer times", async () => {
    const hour = 3_600_000;
    await incident({
      openedAt: new Date(NOW.getTime() - 30 * hour),
      answerBy: new Date(NOW.getTime() - 6 * hour),
      type: "stock_mismatch",
      status: "customer_contacted",
    }); // overdue
    await incident({
      openedAt: new Date(NOW.getTime() - 22 * hour),
      answerBy: new Date(NOW.getTime() + 2 * hour),
      acknowledgedAt: new Date(NOW.getTime() - 22 * hour + minutes(10)),
    }); // due soon
    await incident({
      openedAt: new Date(NOW.getTime() - 1 * hour),
      answerBy: new Date(NOW.getTime() + 23 * hour),
      acknowledgedAt: new Date(NOW.getTime() - 1 * hour + minutes(30)),
      remedyCost: "12.40",
    }); // today
    const closed = await incident({
      openedAt: new Date("2026-11-02T10:00:00Z"),
      answerBy: new Date("2026-11-03T10:00:00Z"),
      open: false,
      closedAt: new Date("2026-11-02T14:00:00Z"),
      remedyCost: "5.00",
      acknowledgedAt: new Date("2026-11-02T10:50:00Z"),
    });
    await incident({
      openedAt: new Date("2026-10-20T10:00:00Z"),
      answerBy: new Date("2026-10-21T10:00:00Z"),
      open: false,
      status: "dismissed",
      closedAt: new Date("2026-10-20T11:00:00Z"),
      remedyCost: "99.00",
    }); // last month, dismissed
    for (const redeemedAt of [new Date("2026-11-10T10:00:00Z"), null]) {
      await ctx.db.prisma.remedy.create({
        data: {
          shop: SHOP,
          incidentId: closed.id,
          kind: "compensation_code",
          decisionKey: `d${String(redeemedAt)}`,
          status: "done",
          params: "{}",
          decidedBy: "t",
          redeemedAt,
        },
      });
    }
    expect(await dashboardFigures(ctx.db.prisma, SHOP, "Europe/Madrid", NOW)).toEqual({
      open: 3,
      sla: { overdue: 1, due_soon: 1, on_time: 1 },
      byType: { stock_mismatch: 1, late_shipment: 2 },
      byStatus: { open: 2, customer_contacted: 1, awaiting_customer: 0, remedied: 0 },
      newToday: 1,
      spentThisMonth: "17.40",
      codes: { created: 2, redeemed: 1 },
      medianMinutesToContact: 30,
      medianMinutesToResolve: 240,
    });
    expect((await dashboardFigures(ctx.db.prisma, "other.myshopify.com", "Europe/Madrid", NOW)).open).toBe(0);
  });

  it("counts what is not closed yet by status, and never a closed or dismissed one", async () => {
    const hour = 3_600_000;
    const statuses = [
      "open",
      "customer_contacted",
      "awaiting_customer",
      "awaiting_customer",
      "remedied",
      "remedied",
      "remedied",
    ];
    const shop = "statuses.myshopify.com";
    for (const status of statuses)
      await incident({
        shop,
        openedAt: NOW,
        answerBy: new Date(NOW.getTime() + 24 * hour),
        acknowledgedAt: NOW,
        status,
      });
    await incident({ shop, openedAt: NOW, answerBy: NOW, open: false });
    await incident({ shop, openedAt: NOW, answerBy: NOW, open: false, status: "dismissed" });
    const figures = await dashboardFigures(ctx.db.prisma, shop, "Europe/Madrid", NOW);
    expect(figures.byStatus).toEqual({ open: 1, customer_contacted: 1, awaiting_customer: 2, remedied: 3 });
    expect(figures.open).toBe(statuses.length);
  });

  it("an acknowledgement due at once is overdue until the customer is told, whatever the answer-by date", async () => {
    const hour = 3_600_000;
    const opened = new Date(NOW.getTime() - 2 * hour);
    const answerBy = new Date(NOW.getTime() + 22 * hour); // on time for the answer
    const shop = "acknowledge.myshopify.com";
    await incident({ shop, openedAt: opened, answerBy }); // nobody told the customer: overdue
    await incident({
      shop,
      openedAt: opened,
      answerBy,
      acknowledgedAt: new Date(opened.getTime() + 5 * 60_000),
    }); // told: on time
    await incident({ shop, openedAt: opened, answerBy, status: "awaiting_customer" }); // an offer went out: on time
    await incident({ shop, openedAt: opened, answerBy, acknowledgeBy: new Date(NOW.getTime() + hour) }); // an hour left to acknowledge: due soon
    expect((await dashboardFigures(ctx.db.prisma, shop, "Europe/Madrid", NOW)).sla).toEqual({
      overdue: 1,
      due_soon: 1,
      on_time: 2,
    });
  });
});
