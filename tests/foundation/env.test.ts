import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../app/env.server";
import { runAppUntilExit } from "../helpers/app-server";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://makegood.example.com",
  ENCRYPTION_KEY: "3yivRuihGfhZ66nxiwu8C3TY+i8f8gZZGS1lq/WzPvg=",
};

describe("configuration", () => {
  it("accepts a complete environment and defaults the database to the SQLite file", () => {
    const env = parseEnv({ ...valid, SCOPES: "read_orders, write_orders" });
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.sqlite");
    expect(env.scopes).toEqual(["read_orders", "write_orders"]);
    // Processed webhook bodies keep personal data 30 days unless the operator says otherwise.
    expect(env.PERSONAL_DATA_RETENTION_DAYS).toBe(30);
    expect(parseEnv({ ...valid, PERSONAL_DATA_RETENTION_DAYS: "7" }).PERSONAL_DATA_RETENTION_DAYS).toBe(7);
  });

  it.each([
    [{ SHOPIFY_API_KEY: undefined }, "SHOPIFY_API_KEY is missing"],
    [{ SHOPIFY_API_SECRET: " " }, "SHOPIFY_API_SECRET is empty"],
    [{ SHOPIFY_APP_URL: "makegood.example.com" }, "SHOPIFY_APP_URL must be an absolute URL"],
    [{ SHOPIFY_APP_URL: "ftp://makegood.example.com" }, "SHOPIFY_APP_URL must be an http(s) URL"],
    [{ DATABASE_URL: "mysql://localhost/db" }, "DATABASE_URL must start with file:"],
    [{ DATABASE_URL: "postgresql://[bad" }, "DATABASE_URL is not a valid postgres:// URL"],
    [{ WEBHOOK_QUEUE: "bullmq" }, "WEBHOOK_QUEUE must be inbox or pg-boss"],
    [{ WEBHOOK_QUEUE: "pg-boss" }, "WEBHOOK_QUEUE pg-boss needs a postgres:// DATABASE_URL"],
    [{ PERSONAL_DATA_RETENTION_DAYS: "a month" }, "PERSONAL_DATA_RETENTION_DAYS must be a number of days"],
    [{ PERSONAL_DATA_RETENTION_DAYS: "7.5" }, "PERSONAL_DATA_RETENTION_DAYS must be whole days"],
    [{ PERSONAL_DATA_RETENTION_DAYS: "-1" }, "PERSONAL_DATA_RETENTION_DAYS must be 0 or more"],
    [{ ENCRYPTION_KEY: undefined }, "ENCRYPTION_KEY is missing"],
    [{ ENCRYPTION_KEY: "too-short" }, "ENCRYPTION_KEY must be 32 random bytes"],
    [
      { ENCRYPTION_KEYS_PREVIOUS: "3yivRuihGfhZ66nxiwu8C3TY+i8f8gZZGS1lq/WzPvg=,nope" },
      "ENCRYPTION_KEYS_PREVIOUS must be 32 random bytes",
    ],
    [
      { SMTP_ALLOW_PRIVATE_NETWORKS: "localhost" },
      "SMTP_ALLOW_PRIVATE_NETWORKS must list networks such as 127.0.0.0/8",
    ],
    [{ SMTP_FROM: "Ops <ops@example.com>, x@y.com" }, "SMTP_FROM must be one email address"],
  ])("refuses %o, naming the variable", (change, message) => {
    expect(() => parseEnv({ ...valid, ...change })).toThrow(EnvError);
    expect(() => parseEnv({ ...valid, ...change })).toThrow(message);
  });

  it("stops the built server at start with one line naming the missing variable", async ({ signal }) => {
    const { code, stderr } = await runAppUntilExit(
      {
        ...valid,
        SHOPIFY_API_SECRET: undefined,
        PORT: "0",
      },
      signal,
    );
    expect(code).toBe(1);
    const lines = stderr.split("\n").filter((l) => l.trim() && !l.includes("npm warn"));
    expect(lines).toEqual([
      "MakeGood cannot start: SHOPIFY_API_SECRET is missing (see README.md, Configuration)",
    ]);
  });
});
