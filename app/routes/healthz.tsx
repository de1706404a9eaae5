import { json } from "@remix-run/node";
import prisma from "../db.server";
import { databaseReachable } from "../db/client";
import { databaseTarget } from "../db/target";
import { env } from "../env.server";

// For load balancers and uptime checks: 200 when the database answers, 503 when it does not.
export const loader = async () => {
  const database = (await databaseReachable(prisma)) ? "up" : "down";
  const provider = databaseTarget(env.DATABASE_URL).provider;
  return json(
    { status: database === "up" ? "ok" : "degraded", database, provider },
    { status: database === "up" ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
};
