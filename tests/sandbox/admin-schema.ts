// The real Admin GraphQL schema, as Shopify publishes it on the npm registry inside
// @shopify/dev-mcp. Only the tarball is fetched (its dependencies would fight React 18), the one
// file is extracted into a git-ignored cache and checked against a pinned checksum.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

const root = path.resolve(import.meta.dirname, "../..");
export const SCHEMA_CACHE_DIR = path.join(root, ".sandbox-cache");

const DEV_MCP_VERSION = "1.16.0";
/** sha256 of dist/data/admin_<version>.json.gz inside @shopify/dev-mcp@1.16.0. */
const SCHEMA_SHA256: Record<string, string> = {
  "2026-07": "5bcde995c89c59acdb2ee494378d96f45ce7378a16ec829a74b71d696a08ef19",
};

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** Path of the verified, gzipped introspection file for `version`, fetching it if needed. */
export function adminSchemaFile(version: string): string {
  const expected = SCHEMA_SHA256[version];
  if (!expected) {
    throw new Error(
      `No pinned Admin schema for API version ${version}; add its checksum to ${path.basename(import.meta.filename)}`,
    );
  }
  const file = path.join(SCHEMA_CACHE_DIR, `admin_${version}.json.gz`);
  if (fs.existsSync(file) && sha256(fs.readFileSync(file)) === expected) return file;

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "makegood-dev-mcp-"));
  try {
    const tarball = execFileSync("npm", ["pack", `@shopify/dev-mcp@${DEV_MCP_VERSION}`, "--silent"], {
      cwd: scratch,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    })
      .trim()
      .split("\n")
      .pop()!;
    const member = `package/dist/data/admin_${version}.json.gz`;
    execFileSync("tar", ["-xzf", tarball, member], { cwd: scratch });
    const data = fs.readFileSync(path.join(scratch, member));
    const actual = sha256(data);
    if (actual !== expected) {
      throw new Error(
        `Admin schema ${version} from @shopify/dev-mcp@${DEV_MCP_VERSION} has sha256 ${actual}, expected ${expected}`,
      );
    }
    fs.mkdirSync(SCHEMA_CACHE_DIR, { recursive: true });
    // Written aside and renamed, so a process reading the cache never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, data);
    fs.renameSync(partial, file);
    return file;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const loaded = new Map<string, GraphQLSchema>();

export function loadAdminSchema(version: string): GraphQLSchema {
  let schema = loaded.get(version);
  if (!schema) {
    const json = JSON.parse(gunzipSync(fs.readFileSync(adminSchemaFile(version))).toString("utf8"));
    schema = buildClientSchema((json.data ?? json) as IntrospectionQuery);
    loaded.set(version, schema);
  }
  return schema;
}
