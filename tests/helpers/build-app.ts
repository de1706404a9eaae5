// vitest globalSetup: the HTTP tests run the production build, as `npm start` serves it.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

export default async function buildApp() {
  const root = path.resolve(import.meta.dirname, "../..");
  await promisify(execFile)(path.join(root, "node_modules/.bin/remix"), ["build"], {
    cwd: root,
    // vitest sets NODE_ENV=test, which would make a development build.
    env: { ...process.env, NODE_ENV: "production" },
  });
}
