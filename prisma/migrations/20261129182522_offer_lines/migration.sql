-- CreateTable
CREATE TABLE "OfferLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "offerId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "lineTitle" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "ordered" INTEGER NOT NULL,
    "substitutes" TEXT NOT NULL,
    "refundAmount" TEXT NOT NULL,
    "choice" TEXT,
    "variantId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "remedyId" TEXT,
    CONSTRAINT "OfferLine_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OfferLine_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Each existing offer covered one line: it becomes the offer's first line, its answer the line's.
-- How many the line had then was not kept: the units at stake stand in for it (the whole line, as told).
INSERT INTO "OfferLine" ("id", "offerId", "shop", "incidentId", "position", "lineItemId", "lineTitle", "quantity", "ordered", "substitutes", "refundAmount", "choice", "status", "remedyId")
SELECT 'l' || "id", "id", "shop", "incidentId", 0, "lineItemId", "lineTitle", "quantity", "quantity", "substitutes", "refundAmount",
       CASE WHEN "choice" IN ('substitute', 'refund') THEN "choice" END,
       CASE WHEN "choice" IN ('substitute', 'refund') AND "status" IN ('answered', 'expired') THEN 'done' ELSE 'open' END,
       CASE WHEN "choice" IN ('substitute', 'refund') THEN "remedyId" END
FROM "Offer";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Offer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "allowCancel" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL DEFAULT 'sent',
    "choice" TEXT,
    "remedyId" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "claimedAt" DATETIME,
    "answeredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Offer_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Offer" ("answeredAt", "choice", "createdAt", "currency", "expiresAt", "id", "incidentId", "orderId", "locale", "remedyId", "shop", "status", "tokenHash")
SELECT "answeredAt", CASE WHEN "choice" IN ('substitute', 'refund') THEN 'lines' ELSE "choice" END, "createdAt", "currency", "expiresAt", "id", "incidentId",
       (SELECT "orderId" FROM "Incident" WHERE "Incident"."id" = "Offer"."incidentId"), "locale", "remedyId", "shop", "status", "tokenHash" FROM "Offer";
DROP TABLE "Offer";
ALTER TABLE "new_Offer" RENAME TO "Offer";
CREATE UNIQUE INDEX "Offer_tokenHash_key" ON "Offer"("tokenHash");
CREATE INDEX "Offer_shop_incidentId_idx" ON "Offer"("shop", "incidentId");
CREATE INDEX "Offer_shop_orderId_idx" ON "Offer"("shop", "orderId");
CREATE INDEX "Offer_status_expiresAt_idx" ON "Offer"("status", "expiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OfferLine_shop_incidentId_idx" ON "OfferLine"("shop", "incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferLine_offerId_position_key" ON "OfferLine"("offerId", "position");

