// The two ways code reaches the database, named once for the whole app.
import type { Prisma, PrismaClient } from "@prisma/client";

/** The caller's transaction: what is written commits or rolls back with the caller's work. */
export type Tx = Prisma.TransactionClient;

/** The client or a transaction: reads and writes that may run in either. */
export type Db = PrismaClient | Prisma.TransactionClient;
