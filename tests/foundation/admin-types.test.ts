// The committed Admin GraphQL types are what the codegen makes of app/'s documents now: a document
// edited without `npm run graphql-codegen` fails here (and in typecheck, where its request no
// longer matches a generated key), with the command that fixes it.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateAdminTypes, root } from "../../scripts/graphql-codegen";

let generated: Map<string, string>;
beforeAll(async () => {
  generated = await generateAdminTypes();
});

describe("generated Admin GraphQL types", () => {
  it("match the documents in app/", () => {
    expect([...generated.keys()].map((file) => path.relative(root, file)).sort()).toEqual([
      "app/types/admin.generated.d.ts",
      "app/types/admin.types.d.ts",
    ]);
    for (const [file, content] of generated) {
      const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
      const name = path.relative(root, file);
      expect(
        committed === content,
        `${name} is out of date with the documents in app/: run \`npm run graphql-codegen\` and commit it`,
      ).toBe(true);
    }
  });

  it("type each document's result and variables for the Admin client", () => {
    const declarations = generated.get(path.join(root, "app/types/admin.generated.d.ts"))!;
    expect(declarations).toContain(
      "export type ShopSummaryQuery = { shop: { name: string, myshopifyDomain: string",
    );
    expect(declarations).toContain(
      "export type InventoryItemVariantQueryVariables = AdminTypes.Exact<{\n  id: AdminTypes.Scalars['ID']['input'];\n}>;",
    );
    expect(declarations).toContain("declare module '../shopify/client.server'");
  });
});
