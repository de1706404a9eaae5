import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "./db/client";
import { env } from "./env.server";

declare global {
  // Reused across `remix dev` rebuilds so reloading does not open a new pool each time.
  var prismaGlobal: PrismaClient | undefined;
}

const prisma = globalThis.prismaGlobal ?? createPrismaClient(env.DATABASE_URL);
if (process.env.NODE_ENV !== "production") globalThis.prismaGlobal = prisma;

export default prisma;
