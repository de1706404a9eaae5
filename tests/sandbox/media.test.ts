// Product pictures as Shopify serves them: a product's featured media is a MediaImage whose image
// URL (sized by `transform`) the shop's CDN answers with a PNG of that size; a product without
// media has none. Unknown files are not found.
import { describe, expect, it } from "vitest";
import { DEMO_SHOP, setupSandboxOnly } from "../helpers/sandbox";

const ctx = setupSandboxOnly();

const PICTURES = `query Pictures($id: ID!) {
  product(id: $id) {
    title
    featuredMedia { __typename alt mediaContentType preview { status image { url(transform: { maxWidth: 120, maxHeight: 90 }) altText } } }
    media(first: 5) { nodes { ... on MediaImage { image { url width height } } } }
  }
}`;
const productId = (title: string) =>
  `gid://shopify/Product/${ctx.sandbox.store.shop(DEMO_SHOP).products.find((p) => p.title === title)!.id}`;

describe("sandbox product pictures", () => {
  it("gives the featured image with a CDN URL sized as asked, and serves it", async () => {
    const { body } = await ctx.graphql(PICTURES, { id: productId("Sensibio H2O Micellar Water") });
    expect(body.errors).toBeUndefined();
    const { product } = body.data;
    expect(product.featuredMedia).toMatchObject({
      __typename: "MediaImage",
      alt: product.title,
      mediaContentType: "IMAGE",
      preview: { status: "READY", image: { altText: product.title } },
    });
    const url = new URL(product.featuredMedia.preview.image.url);
    expect(url.pathname).toMatch(/^\/s\/files\/1\/\d+\/\d+\/files\/sensibio-h2o-micellar-water\.png$/);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      v: expect.stringMatching(/^\d+$/),
      width: "120",
      height: "90",
    });
    expect(product.media.nodes).toEqual([
      { image: { url: expect.not.stringContaining("width="), width: 600, height: 600 } },
    ]);

    const res = await fetch(url);
    expect([res.status, res.headers.get("content-type")]).toEqual([200, "image/png"]);
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([120, 90]); // IHDR width, height
  });

  it("has no featured media for a product without pictures, and no file that was never uploaded", async () => {
    ctx.sandbox.store.addProduct(DEMO_SHOP, {
      title: "Bare Balm",
      vendor: "Nobody",
      productType: "Face care",
      variants: [{ sku: "BB-1", price: "5.00" }],
    });
    const { body } = await ctx.graphql(PICTURES, { id: productId("Bare Balm") });
    expect(body.data.product).toEqual({ title: "Bare Balm", featuredMedia: null, media: { nodes: [] } });
    expect((await fetch(`${ctx.sandbox.url}/s/files/1/0000/0001/files/..%2Fsecret.txt`)).status).toBe(404);
  });
});
