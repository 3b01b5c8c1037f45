-- Inventory: the per-organization nightly-check record (plugins/inventory/jobs/nightly-jobs.ts) and an index
-- for the Shopify page's failed items (plugins/inventory/models.prisma).
-- CreateTable
CREATE TABLE "inventory_nightly_checks" (
    "organizationId" UUID NOT NULL,
    "checkedOn" DATE NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "claimedBy" TEXT NOT NULL,
    "lowStock" INTEGER,
    "expiring" INTEGER,
    "mailMessageId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "inventory_nightly_checks_pkey" PRIMARY KEY ("organizationId","checkedOn")
);

-- CreateIndex
CREATE INDEX "inventory_nightly_checks_claimedBy_idx" ON "inventory_nightly_checks"("claimedBy");

-- CreateIndex
CREATE INDEX "inventory_items_organizationId_shopifySyncError_idx" ON "inventory_items"("organizationId", "shopifySyncError");

