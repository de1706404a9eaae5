// vitest globalSetup: the HTTP tests run the production build, as `npm start` serves it, and the
// sandbox's Admin schema is fetched once here rather than by every worker at once. The migrated
// template databases each test file copies are made meanwhile (database.ts).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { API_VERSION } from "../../app/shopify/api-version";
import { adminSchemaFile } from "../sandbox/admin-schema";
import { migrateTemplates } from "./database";

export default async function buildApp() {
  adminSchemaFile(API_VERSION);
  const root = path.resolve(import.meta.dirname, "../..");
  const build = promisify(execFile)(path.join(root, "node_modules/.bin/remix"), ["build"], {
    cwd: root,
    // vitest sets NODE_ENV=test, which would make a development build.
    env: { ...process.env, NODE_ENV: "production" },
  });
  const [built, templates] = await Promise.allSettled([build, migrateTemplates()]);
  if (built.status === "rejected") {
    if (templates.status === "fulfilled") await templates.value();
    throw built.reason;
  }
  if (templates.status === "rejected") throw templates.reason;
  return templates.value; // the teardown: the templates removed after the run
}
