// Detection work that needs the Admin API: requested inside an inbox transaction, done after it,
// with retries. A task asked for again while pending is one task.
import type { PrismaClient, DetectionTask } from "@prisma/client";
import type { Tx } from "../../db/types";
import type { AdminClient } from "../../shopify/client.server";

export type TaskRequest = { shop: string; kind: string; subject: string; dueAt: Date; requestedBy: string };

export async function requestDetection(tx: Tx, r: TaskRequest) {
  await tx.detectionTask.upsert({
    where: { shop_kind_subject: { shop: r.shop, kind: r.kind, subject: r.subject } },
    create: { ...r, status: "pending" },
    update: { status: "pending", dueAt: r.dueAt, attempts: 0, lastError: null, requestedBy: r.requestedBy },
  });
}

/** What a kind of task does: read from Shopify, then apply in one transaction. */
export type DetectionKind<T> = {
  /** Outside any transaction: may read the database, and talk to Shopify. */
  fetch(admin: AdminClient, task: DetectionTask, db: PrismaClient): Promise<T>;
  apply(tx: Tx, task: DetectionTask, fetched: T, now: Date): Promise<void>;
};

export type TaskOptions = {
  now?: () => Date;
  maxAttempts?: number;
  baseDelayMs?: number;
  batchSize?: number;
};

export async function runDetectionTasks(
  prisma: PrismaClient,
  kinds: Record<string, DetectionKind<unknown>>,
  adminFor: (shop: string) => Promise<AdminClient>,
  { now = () => new Date(), maxAttempts = 8, baseDelayMs = 2000, batchSize = 50 }: TaskOptions = {},
) {
  const due = await prisma.detectionTask.findMany({
    where: { status: "pending", dueAt: { lte: now() } },
    orderBy: { dueAt: "asc" },
    take: batchSize,
  });
  let done = 0;
  for (const task of due) {
    try {
      const kind = kinds[task.kind];
      if (!kind) throw new Error(`no detection for task kind ${task.kind}`);
      const fetched = await kind.fetch(await adminFor(task.shop), task, prisma);
      await prisma.$transaction(async (tx) => {
        // Done only if nobody asked again meanwhile; otherwise it stays pending and runs again.
        const claim = await tx.detectionTask.updateMany({
          where: { id: task.id, updatedAt: task.updatedAt },
          data: { status: "done", lastError: null },
        });
        if (claim.count === 1) await kind.apply(tx, task, fetched, now());
      });
      done++;
    } catch (error) {
      const attempts = task.attempts + 1;
      await prisma.detectionTask.updateMany({
        where: { id: task.id, updatedAt: task.updatedAt },
        data: {
          attempts,
          status: attempts >= maxAttempts ? "dead" : "pending",
          lastError: String(error),
          dueAt: new Date(now().getTime() + baseDelayMs * 2 ** (attempts - 1)),
        },
      });
      console.error(
        JSON.stringify({
          event: "detection_failed",
          task: task.id,
          shop: task.shop,
          kind: task.kind,
          subject: task.subject,
          attempts,
          error: String(error),
        }),
      );
    }
  }
  return { due: due.length, done };
}
