// Finding substitutes against the sandbox store: the demo's pack is a Shopify bundle (its variant's
// productVariantComponents, the gift's productParents), so the app can tell it contains the gift;
// the expired gift of the seeded scenario gets face care of another brand, never a sunscreen, a
// baby cream or the pack.
import { beforeAll, describe, expect, it } from "vitest";
import { findSubstitutes } from "../../app/domain/remedies/substitution.server";
import { DEFAULT_SETTINGS } from "../../app/domain/settings/settings";
import { createAdminClient } from "../../app/shopify/client.server";
import { DEMO_SHOP, setupSandboxOnly } from "../helpers/sandbox";
import { gid } from "../helpers/scenario";
import { findProduct, scenarios } from "../sandbox/scenarios";
import { routeShopifyTo } from "../sandbox/routing.mjs";

const ctx = setupSandboxOnly();
beforeAll(() => routeShopifyTo(ctx.sandbox.url));

/** The seeded scenario's order and its expired gift line. */
function expiredGift() {
  const played = scenarios["expired-last-unit"](ctx.sandbox.store, DEMO_SHOP, {});
  const order = ctx.sandbox.store.shop(DEMO_SHOP).orders.find((o) => gid("Order", o.id) === played.order.id)!;
  const line = order.lineItems.find((l) => l.title.startsWith("Thermal Spring Water"))!;
  return { orderId: played.order.id, lineId: gid("LineItem", line.id) };
}

const lookup = (match: "both" | "groups") => {
  const { orderId, lineId } = expiredGift();
  const admin = createAdminClient({ shop: DEMO_SHOP, accessToken: ctx.token, minTimeoutMs: 10 });
  return findSubstitutes(admin, orderId, lineId, null, true, { ...DEFAULT_SETTINGS, substituteMatch: match });
};

describe("substitutes from the sandbox store", () => {
  it("models the summer pack as a fixed bundle of the fluid and the spring water", async () => {
    const gift = findProduct(ctx.sandbox.store, DEMO_SHOP, "Thermal Spring Water").variant;
    const pack = findProduct(ctx.sandbox.store, DEMO_SHOP, "Summer Protection Pack").variant;
    const { body } = await ctx.graphql(
      `query($gift: ID!, $pack: ID!) {
      gift: productVariant(id: $gift) { requiresComponents productParents(first: 5) { nodes { title hasVariantsThatRequiresComponents } } }
      pack: productVariant(id: $pack) { requiresComponents productVariantComponents(first: 5) { nodes { quantity productVariant { product { title } } } } }
    }`,
      { gift: gid("ProductVariant", gift.id), pack: gid("ProductVariant", pack.id) },
    );
    expect(body.data).toEqual({
      gift: {
        requiresComponents: false,
        productParents: {
          nodes: [
            {
              title: "Summer Protection Pack (fluid + free spring water)",
              hasVariantsThatRequiresComponents: true,
            },
          ],
        },
      },
      pack: {
        requiresComponents: true,
        productVariantComponents: {
          nodes: [
            { quantity: 1, productVariant: { product: { title: "Fusion Water Sunscreen SPF 50" } } },
            { quantity: 1, productVariant: { product: { title: "Thermal Spring Water 150 ml" } } },
          ],
        },
      },
    });
  });

  it("offers the expired gift face care of another brand first, and no sunscreen, baby cream or pack", async () => {
    const found = await lookup("both");
    expect(found.substitutes.map((s) => `${s.title} — ${s.vendor}, ${s.price}`)).toEqual([
      "Sensibio H2O Micellar Water — Bioderma, 12.40",
      "Cicaplast Baume B5+ — La Roche-Posay, 13.20",
      "Cicalfate+ Repair Cream — Avène, 11.75",
    ]);
    expect(found.substitutes[0]).toMatchObject({
      sameType: true,
      sharedGroups: ["facial-water"],
      otherVendor: true,
    });
  });

  it("never offers a pack that contains the gift, though it is face care in the gift's group", async () => {
    const gift = findProduct(ctx.sandbox.store, DEMO_SHOP, "Thermal Spring Water").variant;
    ctx.sandbox.store.addProduct(DEMO_SHOP, {
      title: "Avène Travel Kit",
      vendor: "Avène",
      productType: "Face care",
      tags: ["substitute-group:facial-water"],
      variants: [
        {
          sku: "FD-TK",
          price: "19.90",
          stock: { available: 5 },
          components: [{ variantId: gift.id, quantity: 1 }],
        },
      ],
    });
    ctx.sandbox.store.addProduct(DEMO_SHOP, {
      title: "Hydrating Face Mist",
      vendor: "Uriage",
      productType: "Face care",
      tags: [],
      variants: [{ sku: "FD-MD", price: "15.00", stock: { available: 5 } }],
    });
    const titles = (await lookup("both")).substitutes.map((s) => s.title);
    expect(titles).not.toContain("Avène Travel Kit");
    expect(titles).toContain("Hydrating Face Mist");
  });

  it("never offers the summer pack for a sunscreen: an order edit would add the pack without its free water", async () => {
    const { store } = ctx.sandbox;
    const fluid = findProduct(store, DEMO_SHOP, "Anthelios UVMune").variant;
    const customer = store.shop(DEMO_SHOP).customers[0];
    const order = store.createOrder(DEMO_SHOP, {
      customerId: customer.id,
      lines: [{ variantId: fluid.id, quantity: 1 }],
    });
    const admin = createAdminClient({ shop: DEMO_SHOP, accessToken: ctx.token, minTimeoutMs: 10 });
    const found = await findSubstitutes(
      admin,
      gid("Order", order.id),
      gid("LineItem", order.lineItems[0].id),
      null,
      false,
      DEFAULT_SETTINGS,
    );
    // Sun care worth at least 26.50 and in stock: the Heliocare gel, never the pack (31.90, sun care, 3 packs in stock).
    expect(found.substitutes.map((s) => s.title)).toEqual(["Heliocare 360 Gel Oil-Free"]);
    expect(found.line).toMatchObject({ quantity: 1, ordered: 1 });
  });

  it("with groups only, offers just what the merchant grouped with the gift", async () => {
    expect((await lookup("groups")).substitutes.map((s) => s.title)).toEqual(["Sensibio H2O Micellar Water"]);
  });
});
