-- CreateTable
CREATE TABLE "OfferLine" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "OfferLine_pkey" PRIMARY KEY ("id")
);

-- Each existing offer covered one line: it becomes the offer's first line, its answer the line's.
-- How many the line had then was not kept: the units at stake stand in for it (the whole line, as told).
INSERT INTO "OfferLine" ("id", "offerId", "shop", "incidentId", "position", "lineItemId", "lineTitle", "quantity", "ordered", "substitutes", "refundAmount", "choice", "status", "remedyId")
SELECT 'l' || "id", "id", "shop", "incidentId", 0, "lineItemId", "lineTitle", "quantity", "quantity", "substitutes", "refundAmount",
       CASE WHEN "choice" IN ('substitute', 'refund') THEN "choice" END,
       CASE WHEN "choice" IN ('substitute', 'refund') AND "status" IN ('answered', 'expired') THEN 'done' ELSE 'open' END,
       CASE WHEN "choice" IN ('substitute', 'refund') THEN "remedyId" END
FROM "Offer";

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN "allowCancel" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "claimedAt" TIMESTAMP(3),
ADD COLUMN "orderId" TEXT;
UPDATE "Offer" SET "orderId" = (SELECT "orderId" FROM "Incident" WHERE "Incident"."id" = "Offer"."incidentId"),
  "choice" = CASE WHEN "choice" IN ('substitute', 'refund') THEN 'lines' ELSE "choice" END;
ALTER TABLE "Offer" ALTER COLUMN "orderId" SET NOT NULL,
DROP COLUMN "lineItemId",
DROP COLUMN "lineTitle",
DROP COLUMN "quantity",
DROP COLUMN "refundAmount",
DROP COLUMN "substitutes";

-- CreateIndex
CREATE INDEX "OfferLine_shop_incidentId_idx" ON "OfferLine"("shop", "incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferLine_offerId_position_key" ON "OfferLine"("offerId", "position");

-- CreateIndex
CREATE INDEX "Offer_shop_orderId_idx" ON "Offer"("shop", "orderId");

-- AddForeignKey
ALTER TABLE "OfferLine" ADD CONSTRAINT "OfferLine_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferLine" ADD CONSTRAINT "OfferLine_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
