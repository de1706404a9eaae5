// Which database DATABASE_URL points at. Shared by the Prisma CLI config and the app, so the
// two can never disagree about the provider.

export type DatabaseTarget = {
  provider: "sqlite" | "postgresql";
  url: string;
  /** Schema file relative to prisma/. */
  schemaPath: string;
};

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.sqlite";

export class DatabaseUrlError extends Error {}

export function databaseTarget(rawUrl: string | undefined): DatabaseTarget {
  const url = rawUrl?.trim() || DEFAULT_DATABASE_URL;
  if (url.startsWith("file:")) {
    if (url.length === "file:".length) {
      throw new DatabaseUrlError("DATABASE_URL 'file:' names no file");
    }
    return { provider: "sqlite", url, schemaPath: "schema.prisma" };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      throw new DatabaseUrlError("DATABASE_URL is not a valid postgres:// URL");
    }
    return { provider: "postgresql", url, schemaPath: "postgresql/schema.prisma" };
  }
  throw new DatabaseUrlError(
    "DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)",
  );
}

/** node-postgres connection fields for a postgres:// URL. */
export function postgresConnectionFields(url: string) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
  };
}
