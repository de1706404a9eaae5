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
    },
    globalSetup: ["./tests/helpers/build-app.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ["default", "./tests/helpers/summary-reporter.ts"],
  },
});
