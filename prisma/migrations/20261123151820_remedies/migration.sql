-- CreateTable
CREATE TABLE "Remedy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "decisionKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'decided',
    "params" TEXT NOT NULL,
    "amount" TEXT,
    "currency" TEXT,
    "code" TEXT,
    "shopifyId" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" DATETIME,
    "decidedBy" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "executedAt" DATETIME,
    "redeemedAt" DATETIME,
    "redeemedOrderId" TEXT,
    CONSTRAINT "Remedy_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "lineTitle" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "substitutes" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "refundAmount" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'sent',
    "choice" TEXT,
    "remedyId" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "answeredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Offer_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Remedy_shop_incidentId_idx" ON "Remedy"("shop", "incidentId");

-- CreateIndex
CREATE INDEX "Remedy_shop_code_idx" ON "Remedy"("shop", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Remedy_shop_decisionKey_key" ON "Remedy"("shop", "decisionKey");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_tokenHash_key" ON "Offer"("tokenHash");

-- CreateIndex
CREATE INDEX "Offer_shop_incidentId_idx" ON "Offer"("shop", "incidentId");

-- CreateIndex
CREATE INDEX "Offer_status_expiresAt_idx" ON "Offer"("status", "expiresAt");

