// Offers and their lines as the rest of the app reads them: the substitutes' JSON column parsed once,
// here, so no caller handles raw text. Every read is scoped by shop, or by the token's hash (the
// customer's link names no shop; the hash is the credential).
import type { Offer, OfferLine } from "@prisma/client";
import { z } from "zod";

import type { Db } from "../db/types";

const Picture = z.object({ url: z.string(), alt: z.string() }).nullable().optional();
const Substitute = z.object({
  variantId: z.string(),
  title: z.string(),
  vendor: z.string(),
  price: z.string(),
  image: Picture,
});
export type OfferedSubstitute = z.infer<typeof Substitute>;

export type OfferedLine = Omit<OfferLine, "substitutes"> & { substitutes: OfferedSubstitute[] };
export type OfferWithLines = Offer & { lines: OfferedLine[] };

export const parseLine = (line: OfferLine): OfferedLine => ({
  ...line,
  substitutes: z.array(Substitute).parse(JSON.parse(line.substitutes)),
});

const withLines = { lines: { orderBy: { position: "asc" } } } as const;

export async function offerByTokenHash(db: Db, tokenHash: string) {
  const offer = await db.offer.findUnique({
    where: { tokenHash },
    include: { ...withLines, incident: { select: { orderName: true } } },
  });
  if (!offer) return null;
  const { incident, lines, ...row } = offer;
  return { offer: { ...row, lines: lines.map(parseLine) } as OfferWithLines, orderName: incident.orderName };
}

export async function offerById(db: Db, shop: string, id: string): Promise<OfferWithLines | null> {
  const offer = await db.offer.findFirst({ where: { id, shop }, include: withLines });
  return offer && { ...offer, lines: offer.lines.map(parseLine) };
}

/** Offers in `statuses` that cover any of these incidents. */
export async function offersCovering(
  db: Db,
  shop: string,
  incidentIds: string[],
  statuses: string[],
): Promise<OfferWithLines[]> {
  const offers = await db.offer.findMany({
    where: { shop, status: { in: statuses }, lines: { some: { incidentId: { in: incidentIds } } } },
    include: withLines,
    orderBy: { createdAt: "asc" },
  });
  return offers.map((o) => ({ ...o, lines: o.lines.map(parseLine) }));
}

export async function offersDue(db: Db, shop: string, now: Date): Promise<OfferWithLines[]> {
  const offers = await db.offer.findMany({
    where: { shop, status: "sent", expiresAt: { lte: now } },
    include: withLines,
  });
  return offers.map((o) => ({ ...o, lines: o.lines.map(parseLine) }));
}
