// Where an incident stands against its next deadline — acknowledging the customer until someone
// has, then answering — read alike by the page (slaState) and by the database filter the index
// offers (sla=overdue|due_soon|on_time), on SQLite and PostgreSQL.
import { describe, expect, it } from "vitest";
import { incidentRows, IncidentQuery } from "../../app/domain/incidents/incident-rows.server";
import { nextDeadline, slaState } from "../../app/domain/incidents/sla";
import { providers } from "../helpers/database";
import { useTestDatabase } from "../helpers/test-database";

const SHOP = "sla.myshopify.com";
const NOW = new Date("2026-11-23T12:00:00Z");
const hour = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * hour);

describe("the next deadline", () => {
  const clock = { answerBy: at(20), acknowledgeBy: at(-2), acknowledgedAt: null, status: "open", open: true };

  it("is the acknowledgement while nobody has told the customer, the answer after", () => {
    expect(nextDeadline(clock)).toEqual({ kind: "acknowledge", at: at(-2) });
    expect(slaState(clock, NOW)).toBe("overdue");
    expect(nextDeadline({ ...clock, acknowledgedAt: at(-1) })).toEqual({ kind: "answer", at: at(20) });
    expect(slaState({ ...clock, acknowledgedAt: at(-1) }, NOW)).toBe("on_time");
    // An offer or a remedy tells the customer too: the incident has moved on from open.
    expect(slaState({ ...clock, status: "awaiting_customer" }, NOW)).toBe("on_time");
    expect(slaState({ ...clock, acknowledgeBy: at(3) }, NOW)).toBe("due_soon");
    expect(slaState({ ...clock, open: false }, NOW)).toBe("done");
  });
});

describe.each(providers)("the index's deadline filter on %s", (provider) => {
  const ctx = useTestDatabase(provider);

  it("finds exactly the incidents the page shows in each state", async () => {
    // Every mix of: told or not, acknowledgement past / within 4 h / later, answer past / within 4 h / later.
    let n = 0;
    for (const status of ["open", "customer_contacted"]) {
      for (const acknowledgedAt of [null, at(-3)]) {
        for (const ack of [-2, 1, 6]) {
          for (const answer of [-1, 2, 30]) {
            n++;
            await ctx.db.prisma.incident.create({
              data: {
                shop: SHOP,
                orderId: `gid://shopify/Order/${n}`,
                orderName: `#${n}`,
                type: "late_shipment",
                subject: `s${n}`,
                evidence: "{}",
                status,
                openKey: `k${n}`,
                openedAt: at(-5),
                acknowledgeBy: at(ack),
                acknowledgedAt,
                answerBy: at(answer),
              },
            });
          }
        }
      }
    }
    await ctx.db.prisma.incident.create({
      data: {
        shop: SHOP,
        orderId: "gid://shopify/Order/closed",
        orderName: "#closed",
        type: "late_shipment",
        subject: "closed",
        evidence: "{}",
        status: "closed",
        openedAt: at(-5),
        acknowledgeBy: at(-5),
        answerBy: at(-1),
      },
    });
    const page = async (query: Record<string, string>) => {
      const rows = [];
      for (let p = 1; ; p++) {
        const result = await incidentRows(
          ctx.db.prisma,
          SHOP,
          IncidentQuery.parse({ ...query, page: String(p) }),
          "Europe/Madrid",
          NOW,
        );
        rows.push(...result.rows);
        if (p >= result.pages) return rows;
      }
    };
    const all = await page({});
    expect(all).toHaveLength(n + 1);
    const counts: Record<string, number> = {};
    for (const state of ["overdue", "due_soon", "on_time"]) {
      const filtered = await page({ sla: state });
      expect(filtered.map((r) => r.orderName).sort()).toEqual(
        all
          .filter((r) => r.sla === state)
          .map((r) => r.orderName)
          .sort(),
      );
      counts[state] = filtered.length;
    }
    // Told (27): by the answer, 9 in each state. Not told (9): the earlier of the two deadlines,
    // so 5 overdue, 3 due soon, and on time only with both deadlines later.
    expect(counts).toEqual({ overdue: 14, due_soon: 12, on_time: 10 });
    expect(all.find((r) => r.orderName === "#closed")!.sla).toBe("done");
  });
});
