// Result and variable types of every `#graphql` document in app/, generated from the pinned Admin
// schema of the app's API version with Shopify's own codegen preset, offline: the schema is the one
// tests/sandbox/admin-schema.ts verifies by checksum, never Shopify's live endpoint.
//   npm run graphql-codegen    rewrite app/types/admin.types.d.ts and app/types/admin.generated.d.ts
// tests/foundation/admin-types.test.ts fails when a document and the committed types drift apart.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { generate } from "@graphql-codegen/cli";
import type { Types } from "@graphql-codegen/plugin-helpers";
import { ApiType, pluckConfig, preset } from "@shopify/api-codegen-preset";
import { API_VERSION } from "../app/shopify/api-version";
import { adminSchemaFile } from "../tests/sandbox/admin-schema";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const typesDir = path.join(root, "app/types");

// Custom scalars (DateTime, Money, URL, ...) arrive as JSON strings; JSON is anything.
const scalars = { defaultScalarType: "string", scalars: { JSON: "unknown" } };

/** Shopify's preset, with result types spelled out (`{ id: string }`) instead of `Pick<Order, "id">`:
 *  admin.types.d.ts then needs only the schema's scalars, enums and inputs, not its 4 MB of objects. */
const resolvedPreset: Types.OutputPreset = {
  async buildGeneratesSection(options) {
    const sections = await preset.buildGeneratesSection(options);
    for (const section of sections) {
      for (const plugin of section.plugins) {
        const operations = (plugin as Record<string, Record<string, unknown>>)["typescript-operations"];
        if (operations) operations.preResolveTypes = true;
      }
    }
    return sections;
  },
};

/** The generated files, by absolute path, as `npm run graphql-codegen` writes them. */
export async function generateAdminTypes(): Promise<Map<string, string>> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "makegood-codegen-"));
  try {
    const schema = path.join(scratch, `admin_${API_VERSION}.json`);
    fs.writeFileSync(schema, gunzipSync(fs.readFileSync(adminSchemaFile(API_VERSION))));
    const files: Types.FileOutput[] = await generate(
      {
        cwd: root,
        schema,
        documents: [path.join(root, "app/**/*.{ts,tsx}"), `!${path.join(typesDir, "**")}`],
        pluckConfig: pluckConfig as Types.Config["pluckConfig"],
        silent: true,
        errorsOnly: true,
        generates: {
          [path.join(typesDir, "admin.types.d.ts")]: {
            plugins: ["typescript"],
            // Enums as string unions, so `status === "OPEN"` type-checks and a misspelled one does not.
            config: { ...scalars, onlyOperationTypes: true, enumsAsTypes: true, disableDescriptions: true },
          },
          [path.join(typesDir, "admin.generated.d.ts")]: {
            preset: resolvedPreset,
            // The documents register themselves with our client (AdminQueries/AdminMutations there).
            presetConfig: { apiType: ApiType.Admin, module: "../shopify/client.server" },
            // A null field comes back as null, never missing: `handle: string | null`, not `handle?:`.
            config: {
              ...scalars,
              avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
            },
          },
        },
      },
      false,
    );
    return new Map(files.map((f) => [path.resolve(root, f.filename), f.content]));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, content] of await generateAdminTypes()) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    console.log(`wrote ${path.relative(root, file)}`);
  }
}
