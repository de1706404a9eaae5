// Incidents detected on their own from the sandbox's scenarios: the app receives the real
// webhooks, reads stock through the Admin API, and opens exactly one incident per real problem.
import { describe, expect, it } from "vitest";
import { cancelOrder } from "../sandbox/store-orders";
import { appSettled, DEMO_SHOP, openApp, runAppCli, setupSandboxWithApp } from "../helpers/sandbox";
import { scenarioHelpers } from "../helpers/scenario";

const ctx = setupSandboxWithApp();
const DAY = 24 * 3600 * 1000;

type Listed = {
  id: string;
  type: string;
  status: string;
  subject: string;
  orderId: string;
  orderName: string;
  customerLocale: string | null;
  evidence: Record<string, unknown>;
  openedAt: string;
  acknowledgeBy: string;
  answerBy: string;
  closeReason: string | null;
  timeline: { kind: string; actor: string; summary: string }[];
};

async function incidents(): Promise<Listed[]> {
  return JSON.parse(await runAppCli(ctx, ["incidents", "list", "--shop", DEMO_SHOP, "--json"]));
}

const settled = () => appSettled(ctx);
const { scenario } = scenarioHelpers(ctx);

/** Plays the scenario on the app; its order, and the incidents the CLI lists for that order. */
async function listedAfter(name: string) {
  const { order, sandboxOrder } = await scenario(name);
  return { order, sandboxOrder, found: (await incidents()).filter((i) => i.orderId === order.id) };
}

describe("incident detection", () => {
  it("expired-last-unit: one stock mismatch on the gift, with the stock as evidence and the SLA clock", async () => {
    const { order, sandboxOrder, found } = await listedAfter("expired-last-unit");
    expect(found).toHaveLength(1);
    const [incident] = found;
    const gift = sandboxOrder.lineItems[1];
    expect(incident).toMatchObject({
      type: "stock_mismatch",
      status: "open",
      subject: `gid://shopify/LineItem/${gift.id}`,
      orderName: order.name,
      evidence: {
        reason: "damaged_or_expired",
        short: 1,
        quantity: 1,
        stock: { available: -1, committed: 1, damaged: 1 },
      },
    });
    expect(incident.acknowledgeBy).toBe(incident.openedAt);
    expect(Date.parse(incident.answerBy) - Date.parse(incident.openedAt)).toBe(DAY);
    // The gift's fulfillment order is held so the warehouse does not ship the pack without it.
    expect(incident.timeline.map((t) => [t.kind, t.actor])).toEqual([
      ["opened", "makegood"],
      ["fulfillment_held", "makegood"],
    ]);
    expect(incident.timeline[0].summary).toContain("damaged or expired");
    expect(
      ctx.sandbox.store
        .shop(DEMO_SHOP)
        .fulfillmentOrders.find((f) => `gid://shopify/Order/${f.orderId}` === order.id)!.status,
    ).toBe("ON_HOLD");
  });

  it("oversold: one incident for the units that cannot ship; cancelling the order closes it", async () => {
    const { order, sandboxOrder, found } = await listedAfter("oversold");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      type: "stock_mismatch",
      status: "open",
      customerLocale: "ro",
      evidence: { reason: "oversold", short: 2 },
    });
    // The merchant sees it on the app's home page, with what was seen.
    const home = await openApp(ctx);
    expect(home.html).toMatch(/In progress \((<!-- -->)?\d+(<!-- -->)?\)/); // React marks where text and a number meet
    expect(home.html).toMatch(/\d+ open/); // counted by status under the heading
    expect(home.html).toContain(order.name);
    expect(home.html).toContain("Stock mismatch");
    expect(home.html).toMatch(/2 of \d+ cannot ship/);

    expect(
      cancelOrder(ctx.sandbox.store, DEMO_SHOP, sandboxOrder, {
        reason: "inventory",
        restock: true,
        refund: true,
      }).errors,
    ).toBeUndefined();
    await settled();
    const [closed] = (await incidents()).filter((i) => i.orderId === order.id);
    expect(closed).toMatchObject({ status: "closed", closeReason: "order cancelled" });
    expect(closed.timeline.map((t) => [t.kind, t.actor])).toEqual([
      ["opened", "makegood"],
      ["fulfillment_held", "makegood"],
      ["closed", "shopify"],
    ]);
    // Gone from the open list (order names repeat across tests: the sandbox is reseeded for each).
    expect((await openApp(ctx)).html).not.toMatch(/2 of \d+ cannot ship/);
  });

  it("delivery-failed, delivered twice by Shopify: one delivery_failed incident on the parcel, opened once", async () => {
    ctx.sandbox.webhooks.options.duplicate = true;
    const { found } = await listedAfter("delivery-failed");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      type: "delivery_failed",
      status: "open",
      evidence: { status: "failure", message: "Dirección incorrecta: entrega fallida" },
    });
    expect(found[0].subject).toMatch(/^gid:\/\/shopify\/Fulfillment\//);
    expect(found[0].timeline.map((t) => t.kind)).toEqual(["opened"]);
  });

  it("opens nothing for an order stock can honour and a parcel that arrives", async () => {
    const before = (await incidents()).length;
    const { found } = await listedAfter("wrong-item"); // delivered fine: only the customer can say it is wrong
    expect(found).toEqual([]);
    expect((await incidents()).length).toBe(before);
    expect(await ctx.db.prisma.detectionTask.count({ where: { status: "done" } })).toBeGreaterThan(0);
  });
});
