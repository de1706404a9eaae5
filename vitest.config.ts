import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Test values only: app/env.server.ts refuses to start without them.
    env: {
      SHOPIFY_API_KEY: "test-api-key",
      SHOPIFY_API_SECRET: "test-api-secret",
      SHOPIFY_APP_URL: "http://localhost:3000",
      SCOPES: "read_orders,write_orders",
      ENCRYPTION_KEY: "3yivRuihGfhZ66nxiwu8C3TY+i8f8gZZGS1lq/WzPvg=",
      // The tests' mail server listens on 127.0.0.1 (tests/sandbox/mailbox.ts); the security tests
      // check that, without this development setting, the app refuses it.
      SMTP_ALLOW_PRIVATE_NETWORKS: "127.0.0.0/8",
    },
    // The PostgreSQL server first (the local one, else a throwaway: tests/helpers/postgres-server.ts).
    globalSetup: ["./tests/helpers/postgres-server.ts", "./tests/helpers/build-app.ts"],
    // Tests wait on the state they need, never on a deadline of their own (tests/helpers/wait.ts);
    // these bounds only catch a hang, with room for a machine shared by several suites at once.
    // Three test files at a time even on a 2-core machine (vitest's default is one fewer than the
    // cores): most of a browser or sandbox test is waiting on other processes (the app, Chromium,
    // the sandbox's Admin API rate limit), and the suite must stay well under CI's 20 minutes.
    // Measured on 2 cores: 6.1 min with two, 5.0 with three, 4.3 with four (which crowds a shared
    // machine). Tests wait on state, so sharing the machine is safe.
    maxWorkers: 3,
    minWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ["default", "./tests/helpers/summary-reporter.ts"],
  },
});
