// Incidents as the rest of the app reads them: the evidence read once, here, through its type's
// schema (app/models/evidence.ts), so `incident.type === "stock_mismatch"` tells TypeScript what
// `incident.evidence` holds. Every read is scoped by shop.
import type { Incident } from "@prisma/client";
import type { Db } from "../db/types";
import { INCIDENT_TYPES, type IncidentType } from "../domain/incidents/types";
import { NotFound, readStoredJson, UnreadableRow } from "./errors";
import { EVIDENCE, type EvidenceOf } from "./evidence";

export type { Evidence, EvidenceOf } from "./evidence";

type StoredEvidence = { id: string; type: string; evidence: string };
/** The type and the evidence it holds, one member per incident type. */
type TypedEvidence = { [T in IncidentType]: { type: T; evidence: EvidenceOf<T> } }[IncidentType];
/** A row (with whatever else the query included) with its evidence read. */
export type WithEvidence<R extends StoredEvidence> = Omit<R, "type" | "evidence"> & TypedEvidence;
export type IncidentRecord = WithEvidence<Incident>;
/** An incident of one type, its evidence that type's. */
export type IncidentOf<T extends IncidentType, R extends StoredEvidence = Incident> = Extract<
  WithEvidence<R>,
  { type: T }
>;

const isIncidentType = (type: string): type is IncidentType =>
  (INCIDENT_TYPES as readonly string[]).includes(type);

// As stored: the page lists the facts in the order they were written.
const readEvidence = <T extends IncidentType>(row: StoredEvidence, type: T): EvidenceOf<T> =>
  readStoredJson(EVIDENCE[type], row.evidence, `the evidence of incident ${row.id} (${type})`, {
    asStored: true,
  });

export function withEvidence<R extends StoredEvidence>(row: R): WithEvidence<R> {
  if (!isIncidentType(row.type)) throw new UnreadableRow(`incident ${row.id}`, `unknown type "${row.type}"`);
  return { ...row, evidence: readEvidence(row, row.type) } as WithEvidence<R>;
}

const mistyped = (row: StoredEvidence, type: IncidentType) =>
  new UnreadableRow(`incident ${row.id}`, `a ${row.type} read as ${type}`);

/** The evidence of an incident the caller's query already knows the type of. */
export function evidenceOf<T extends IncidentType>(row: StoredEvidence, type: T): EvidenceOf<T> {
  if (row.type !== type) throw mistyped(row, type);
  return readEvidence(row, type);
}

/** A row of a type the caller's query asked for, with its evidence read. */
export function withEvidenceOf<T extends IncidentType, R extends StoredEvidence>(
  row: R,
  type: T,
): IncidentOf<T, R> {
  if (row.type !== type) throw mistyped(row, type);
  return withEvidence(row) as IncidentOf<T, R>;
}

export async function findIncident(db: Db, shop: string, id: string): Promise<IncidentRecord | null> {
  const row = await db.incident.findFirst({ where: { id, shop } });
  return row && withEvidence(row);
}

/** The incident, or NotFound ("no incident … in …") for the route edge to answer 404. */
export async function requireIncident(db: Db, shop: string, id: string): Promise<IncidentRecord> {
  const incident = await findIncident(db, shop, id);
  if (!incident) throw new NotFound("incident", id, shop);
  return incident;
}
