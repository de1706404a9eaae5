// The phone the workspace shows (the shops of SCENARIOS.md call first), from the order as its
// webhook left it: the order's contact phone, else the customer's, else the delivery or billing one.
import { describe, expect, it } from "vitest";
import { fullIncident } from "../../app/domain/incidents/full-incident.server";
import { useTestDatabase } from "../helpers/test-database";

const SHOP = "phone.myshopify.com";

describe("the customer's phone on the workspace", () => {
  const ctx = useTestDatabase("sqlite");
  let n = 0;
  const phoneFor = async (order: Record<string, unknown>) => {
    n++;
    const orderId = `gid://shopify/Order/${n}`;
    await ctx.db.prisma.orderSnapshot.create({
      data: {
        shop: SHOP,
        orderId,
        name: `#${n}`,
        data: JSON.stringify({ name: `#${n}`, ...order }),
        shopifyUpdatedAt: new Date(),
      },
    });
    const incident = await ctx.db.prisma.incident.create({
      data: {
        shop: SHOP,
        orderId,
        orderName: `#${n}`,
        type: "late_shipment",
        subject: orderId,
        evidence: "{}",
        openKey: `k${n}`,
        openedAt: new Date(),
        acknowledgeBy: new Date(),
        answerBy: new Date(),
      },
    });
    return (await fullIncident(ctx.db.prisma, SHOP, incident.id))!.order!.phone;
  };

  it("takes the first number the order gives, the order's own first, the billing one last", async () => {
    const all = {
      phone: "+34 600 000 001",
      customer: { phone: "+34600000002" },
      shipping_address: { phone: "600 000 003" },
      billing_address: { phone: "600 000 004" },
    };
    expect(await phoneFor(all)).toBe("+34 600 000 001");
    expect(await phoneFor({ ...all, phone: null })).toBe("+34600000002");
    expect(await phoneFor({ ...all, phone: "", customer: { phone: null } })).toBe("600 000 003");
    expect(await phoneFor({ billing_address: { phone: " 600 000 004 " }, shipping_address: null })).toBe(
      "600 000 004",
    );
    // A redacted order (customers/redact nulls these fields) or one without any: nothing to show.
    expect(
      await phoneFor({ phone: null, customer: null, shipping_address: null, billing_address: null }),
    ).toBeNull();
  });
});
