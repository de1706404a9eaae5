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
  const incident = (fields: { openedAt: Date; answerBy: Date; open?: boolean; status?: string; acknowledgedAt?: Date; closedAt?: Date; remedyCost?: string; type?: string }) => {
    n++;
    const open = fields.open ?? true;
    return ctx.db.prisma.incident.create({
      data: {
        shop: SHOP, orderId: `gid://shopify/Order/${n}`, orderName: `#${n}`, type: fields.type ?? "late_shipment", subject: `s${n}`, evidence: "{}",
        status: fields.status ?? (open ? "open" : "closed"), openKey: open ? `k${n}` : null, openedAt: fields.openedAt, answerBy: fields.answerBy,
        acknowledgeBy: fields.openedAt, acknowledgedAt: fields.acknowledgedAt, closedAt: fields.closedAt, remedyCost: fields.remedyCost,
      },
    });
  };

  it("counts open incidents by deadline and type, today's, this month's cost, codes, and median answer times", async () => {
    const hour = 3_600_000;
    await incident({ openedAt: new Date(NOW.getTime() - 30 * hour), answerBy: new Date(NOW.getTime() - 6 * hour), type: "stock_mismatch" }); // overdue
    await incident({ openedAt: new Date(NOW.getTime() - 22 * hour), answerBy: new Date(NOW.getTime() + 2 * hour), acknowledgedAt: new Date(NOW.getTime() - 22 * hour + minutes(10)) }); // due soon
    await incident({ openedAt: new Date(NOW.getTime() - 1 * hour), answerBy: new Date(NOW.getTime() + 23 * hour), acknowledgedAt: new Date(NOW.getTime() - 1 * hour + minutes(30)), remedyCost: "12.40" }); // today
    const closed = await incident({ openedAt: new Date("2026-11-02T10:00:00Z"), answerBy: new Date("2026-11-03T10:00:00Z"), open: false, closedAt: new Date("2026-11-02T14:00:00Z"), remedyCost: "5.00", acknowledgedAt: new Date("2026-11-02T10:50:00Z") });
    await incident({ openedAt: new Date("2026-10-20T10:00:00Z"), answerBy: new Date("2026-10-21T10:00:00Z"), open: false, status: "dismissed", closedAt: new Date("2026-10-20T11:00:00Z"), remedyCost: "99.00" }); // last month, dismissed
    for (const redeemedAt of [new Date("2026-11-10T10:00:00Z"), null]) {
      await ctx.db.prisma.remedy.create({ data: { shop: SHOP, incidentId: closed.id, kind: "compensation_code", decisionKey: `d${String(redeemedAt)}`, status: "done", params: "{}", decidedBy: "t", redeemedAt } });
    }
    expect(await dashboardFigures(ctx.db.prisma, SHOP, "Europe/Madrid", NOW)).toEqual({
      open: 3, sla: { overdue: 1, due_soon: 1, on_time: 1 }, byType: { stock_mismatch: 1, late_shipment: 2 },
      newToday: 1, spentThisMonth: "17.40", codes: { created: 2, redeemed: 1 },
      medianMinutesToContact: 30, medianMinutesToResolve: 240,
    });
    expect((await dashboardFigures(ctx.db.prisma, "other.myshopify.com", "Europe/Madrid", NOW)).open).toBe(0);
  });
});
