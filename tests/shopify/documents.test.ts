// Every Admin GraphQL document in app/ must validate against the real Admin schema of the
// app's API version (the one the sandbox also serves), be a named operation and stay within
// Shopify's query cost limit.
import fs from "node:fs";
import path from "node:path";
import { Kind, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { API_VERSION } from "../../app/shopify/api-version";
import { projectRoot } from "../helpers/database";
import { loadAdminSchema } from "../sandbox/admin-schema";
import { requestedQueryCost } from "../sandbox/cost";
import { orderStockPageSizes } from "../../app/shopify/documents/stock";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** `#graphql` template literals, as Shopify's tooling marks Admin documents. */
export function graphqlDocuments(files: string[]) {
  return files.flatMap((file) =>
    [...fs.readFileSync(file, "utf8").matchAll(/`#graphql([\s\S]*?)`/g)].map((m) => ({
      file: path.relative(projectRoot, file),
      source: m[1],
    })),
  );
}

const schema = loadAdminSchema(API_VERSION);
const validationErrors = (source: string) => validate(schema, parse(source)).map((e) => e.message);
const documents = graphqlDocuments(sourceFiles(path.join(projectRoot, "app")));

describe(`Admin GraphQL documents against the ${API_VERSION} Admin schema`, () => {
  it("finds the app's documents", () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents.map((d) => [d.file, d.source]))("%s validates", (_file, source) => {
    expect(validationErrors(source)).toEqual([]);
  });

  it.each(documents.map((d) => [d.file, d.source]))("%s names every operation", (_file, source) => {
    const operations = parse(source).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) expect(op.kind === Kind.OPERATION_DEFINITION && op.name?.value).toBeTruthy();
  });

  it("rejects a misspelled field", () => {
    const first = documents.find((d) => /\bname\b/.test(d.source))!;
    const misspelled = first.source.replace(/\bname\b/, "nmae");
    expect(misspelled).not.toBe(first.source);
    expect(validationErrors(misspelled)).toEqual([expect.stringContaining('Cannot query field "nmae"')]);
  });

  // Shopify refuses a query that requests more than 1,000 points, whatever the bucket holds.
  const costOf = (source: string, variables: Record<string, unknown> = {}) => {
    const operation = parse(source).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
    return requestedQueryCost(schema, operation as never, {}, variables);
  };

  it.each(documents.filter((d) => !/\$\w+: Int!/.test(d.source)).map((d) => [d.file, d.source]))(
    "%s requests at most 1,000 points",
    (_file, source) => {
      expect(costOf(source)).toBeLessThanOrEqual(1000);
    },
  );

  it("sizes OrderStock from the order: small orders cost little, the largest page stays under 1,000", () => {
    const orderStock = documents.find((d) => d.source.includes("query OrderStock("))!.source;
    const costs = [1, 2, 5, 10, 30, 200].map((lines) => costOf(orderStock, orderStockPageSizes(lines)));
    expect(costs[0]).toBeLessThan(50);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    expect(Math.max(...costs)).toBeLessThanOrEqual(1000);
  });
});
