// Whole incidents, their evidence, timeline and remedies read back from JSON: the CLI's `incidents list`.
import type { PrismaClient } from "@prisma/client";
import { withEvidence } from "../../models/incident.server";

export type IncidentFilter = {
  shop: string;
  status?: string;
  type?: string;
  orderId?: string;
  /** Only incidents not closed or dismissed, the ones due first first. */
  open?: boolean;
  limit?: number;
};

export async function incidentsWithHistory(prisma: PrismaClient, f: IncidentFilter) {
  const rows = await prisma.incident.findMany({
    where: {
      shop: f.shop,
      ...(f.status ? { status: f.status } : {}),
      ...(f.type ? { type: f.type } : {}),
      ...(f.orderId ? { orderId: f.orderId } : {}),
      ...(f.open ? { openKey: { not: null } } : {}),
    },
    orderBy: f.open ? { answerBy: "asc" } : { openedAt: "asc" },
    take: f.limit,
    include: {
      timeline: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      remedies: { orderBy: { decidedAt: "asc" } },
    },
  });
  return rows.map(withEvidence).map(({ openKey: _k, evidence, timeline, remedies, ...incident }) => ({
    ...incident,
    remedies: remedies.map(({ shop: _s, incidentId: _i, decisionKey: _d, params, ...r }) => ({
      ...r,
      decision: JSON.parse(params) as unknown,
    })),
    evidence,
    timeline: timeline.map(({ shop: _s, incidentId: _i, detail, ...e }) => ({
      ...e,
      detail: detail ? (JSON.parse(detail) as unknown) : null,
    })),
  }));
}
