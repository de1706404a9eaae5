// The domain is plain rules (ARCHITECTURE.md, "Layers"): nothing in app/domain may import a route,
// a job, or Remix — it is called by them, never the other way round.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const app = path.join(root, "app");
const FORBIDDEN_DIRS = ["routes", "jobs"].map((dir) => path.join(app, dir));

/** Every specifier a module names: imports, re-exports, `import type` and `import()` alike. */
const specifiersOf = (source: string) =>
  ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);

/** Why importing `specifier` from `file` crosses a layer the domain must not reach, or null. */
function forbidden(file: string, specifier: string): string | null {
  if (specifier === "@remix-run" || specifier.startsWith("@remix-run/")) return "Remix";
  // "~/…" is the app directory, as Remix's templates alias it.
  const target = specifier.startsWith("~/")
    ? path.join(app, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(file), specifier)
      : null;
  if (!target) return null;
  const dir = FORBIDDEN_DIRS.find((d) => target === d || target.startsWith(d + path.sep));
  return dir ? path.relative(root, dir) : null;
}

const violations = (file: string, source: string) =>
  specifiersOf(source).flatMap((specifier) => {
    const layer = forbidden(file, specifier);
    return layer ? [`${path.relative(root, file)} imports "${specifier}" (${layer})`] : [];
  });

const sourcesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(full);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) ? [full] : [];
  });

describe("app/domain", () => {
  it("imports nothing from app/routes, app/jobs or @remix-run/*", () => {
    const files = sourcesUnder(path.join(app, "domain"));
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap((file) => violations(file, fs.readFileSync(file, "utf8")))).toEqual([]);
  });

  it("is checked by a scan that sees every way of importing", () => {
    const file = path.join(app, "domain/remedies/example.server.ts");
    const source = [
      `import { json } from "@remix-run/node";`,
      `import type { LoaderFunctionArgs } from "@remix-run/node";`,
      `import { loader } from "../../routes/app.incidents.$id";`,
      `export { scanActiveShops } from "~/jobs/scan.server";`,
      `const lazy = () => import("../../jobs/periodic.server");`,
      `import { raiseIncident } from "../incidents/incidents.server";`,
      `import { z } from "zod";`,
      `import { jobsOf } from "../jobs-of";`,
      `// import { nothing } from "../../routes/commented-out";`,
    ].join("\n");
    expect(violations(file, source)).toEqual([
      `app/domain/remedies/example.server.ts imports "@remix-run/node" (Remix)`,
      `app/domain/remedies/example.server.ts imports "@remix-run/node" (Remix)`,
      `app/domain/remedies/example.server.ts imports "../../routes/app.incidents.$id" (app/routes)`,
      `app/domain/remedies/example.server.ts imports "~/jobs/scan.server" (app/jobs)`,
      `app/domain/remedies/example.server.ts imports "../../jobs/periodic.server" (app/jobs)`,
    ]);
  });
});
