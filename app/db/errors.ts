// Prisma error checks that hold for both generated clients: each client has its own error
// classes, so `instanceof Prisma.PrismaClientKnownRequestError` misses PostgreSQL's.

/** A unique constraint refused the write (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: unknown }).code === "P2002" &&
    (error as { name?: unknown }).name === "PrismaClientKnownRequestError"
  );
}
