-- AlterTable
ALTER TABLE "FulfillmentSnapshot" ADD COLUMN "shippedAt" DATETIME;

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "carrier" TEXT;

-- AlterTable
ALTER TABLE "Remedy" ADD COLUMN "redeemedAmount" TEXT;

-- CreateIndex
CREATE INDEX "FulfillmentSnapshot_shop_shippedAt_idx" ON "FulfillmentSnapshot"("shop", "shippedAt");

-- CreateIndex
CREATE INDEX "Incident_shop_openedAt_idx" ON "Incident"("shop", "openedAt");


-- Rows from before the columns: the carrier of the parcel an incident is about, and when each
-- parcel left, from the fulfillment as Shopify sent it (in UTC, as Prisma writes dates).
UPDATE "Incident" SET "carrier" = (
  SELECT f."trackingCompany" FROM "FulfillmentSnapshot" f
  WHERE f."shop" = "Incident"."shop" AND f."fulfillmentId" = "Incident"."subject"
) WHERE "carrier" IS NULL;
UPDATE "FulfillmentSnapshot" SET "shippedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', json_extract("data", '$.created_at'))
WHERE "shippedAt" IS NULL AND json_extract("data", '$.created_at') IS NOT NULL;
