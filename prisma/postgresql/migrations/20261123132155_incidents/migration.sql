-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "customerId" TEXT,
    "customerEmail" TEXT,
    "customerLocale" TEXT,
    "type" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openKey" TEXT,
    "evidence" TEXT NOT NULL,
    "acknowledgeBy" TIMESTAMP(3) NOT NULL,
    "answerBy" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closeReason" TEXT,
    "remedyCost" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentEvent" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "detail" TEXT,
    "source" TEXT,

    CONSTRAINT "IncidentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DetectionTask" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "requestedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DetectionTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Incident_shop_status_idx" ON "Incident"("shop", "status");

-- CreateIndex
CREATE INDEX "Incident_shop_orderId_idx" ON "Incident"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_shop_openKey_key" ON "Incident"("shop", "openKey");

-- CreateIndex
CREATE INDEX "IncidentEvent_shop_incidentId_at_idx" ON "IncidentEvent"("shop", "incidentId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentEvent_incidentId_kind_source_key" ON "IncidentEvent"("incidentId", "kind", "source");

-- CreateIndex
CREATE INDEX "DetectionTask_status_dueAt_idx" ON "DetectionTask"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "DetectionTask_shop_kind_subject_key" ON "DetectionTask"("shop", "kind", "subject");

-- AddForeignKey
ALTER TABLE "IncidentEvent" ADD CONSTRAINT "IncidentEvent_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

