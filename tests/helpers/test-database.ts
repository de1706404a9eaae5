// vitest-only: kept apart from database.ts, which plain-Node tools (the bench) import too.
import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type Provider, type TestDatabase } from "./database";

/** A fresh, migrated database for the test file, dropped after it (vitest hooks). */
export function useTestDatabase(provider: Provider) {
  const ctx = {} as { db: TestDatabase };
  beforeAll(async () => {
    ctx.db = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await ctx.db?.drop();
  });
  return ctx;
}
