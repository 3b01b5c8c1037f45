-- The Inventory plugin's tables (plugins/inventory/models.prisma).
-- CreateTable
CREATE TABLE "inventory_categories" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

CONSTRAINT "inventory_categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory_items" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "categoryId" UUID,
    "name" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 0,
    "unit" TEXT NOT NULL DEFAULT 'each',
    "price" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "reorderThreshold" INTEGER NOT NULL DEFAULT 10,
    "inStock" BOOLEAN NOT NULL DEFAULT true,
    "expiresOn" DATE,
    "shopifyInventoryItemId" TEXT,
    "shopifyLocationId" TEXT,
    "shopifySyncedAt" TIMESTAMPTZ(3),
    "shopifySyncError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

CONSTRAINT "inventory_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory_stock_adjustments" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "delta" INTEGER NOT NULL,
    "previousQuantity" INTEGER NOT NULL,
    "newQuantity" INTEGER NOT NULL,
    "reason" TEXT,
    "source" TEXT NOT NULL,
    "userId" UUID,
    "apiTokenId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

CONSTRAINT "inventory_stock_adjustments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory_stock_alerts" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "openItemId" UUID,
    "quantity" INTEGER NOT NULL,
    "threshold" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),

CONSTRAINT "inventory_stock_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory_purchase_orders" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "supplier" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "notes" TEXT,
    "total" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "receivedAt" TIMESTAMPTZ(3),

CONSTRAINT "inventory_purchase_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory_purchase_order_lines" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "purchaseOrderId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPrice" DECIMAL(12,2) NOT NULL,
    "lineTotal" DECIMAL(14,2) NOT NULL,

CONSTRAINT "inventory_purchase_order_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory_bulk_operations" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "filter" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

CONSTRAINT "inventory_bulk_operations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "inventory_categories_organizationId_name_idx" ON "inventory_categories"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "inventory_categories_organizationId_slug_key" ON "inventory_categories"("organizationId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "inventory_categories_organizationId_id_key" ON "inventory_categories"("organizationId", "id");

-- CreateIndex
CREATE INDEX "inventory_items_organizationId_name_id_idx" ON "inventory_items"("organizationId", "name", "id");

-- CreateIndex
CREATE INDEX "inventory_items_organizationId_updatedAt_id_idx" ON "inventory_items"("organizationId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "inventory_items_organizationId_quantity_id_idx" ON "inventory_items"("organizationId", "quantity", "id");

-- CreateIndex
CREATE INDEX "inventory_items_organizationId_price_id_idx" ON "inventory_items"("organizationId", "price", "id");

-- CreateIndex
CREATE INDEX "inventory_items_organizationId_categoryId_name_idx" ON "inventory_items"("organizationId", "categoryId", "name");

-- CreateIndex
CREATE INDEX "inventory_items_organizationId_inStock_name_idx" ON "inventory_items"("organizationId", "inStock", "name");

-- CreateIndex
CREATE INDEX "inventory_items_organizationId_expiresOn_idx" ON "inventory_items"("organizationId", "expiresOn");

-- CreateIndex
CREATE INDEX "inventory_items_name_trgm" ON "inventory_items" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "inventory_items_sku_trgm" ON "inventory_items" USING GIN ("sku" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "inventory_items_organizationId_sku_key" ON "inventory_items"("organizationId", "sku");

-- CreateIndex
CREATE UNIQUE INDEX "inventory_items_organizationId_id_key" ON "inventory_items"("organizationId", "id");

-- CreateIndex
CREATE INDEX "inventory_stock_adjustments_organizationId_itemId_createdAt_idx" ON "inventory_stock_adjustments"("organizationId", "itemId", "createdAt");

-- CreateIndex
CREATE INDEX "inventory_stock_adjustments_organizationId_createdAt_idx" ON "inventory_stock_adjustments"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "inventory_stock_alerts_organizationId_status_openedAt_idx" ON "inventory_stock_alerts"("organizationId", "status", "openedAt");

-- CreateIndex
CREATE INDEX "inventory_stock_alerts_organizationId_itemId_idx" ON "inventory_stock_alerts"("organizationId", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "inventory_stock_alerts_organizationId_openItemId_key" ON "inventory_stock_alerts"("organizationId", "openItemId");

-- CreateIndex
CREATE INDEX "inventory_purchase_orders_organizationId_status_createdAt_idx" ON "inventory_purchase_orders"("organizationId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "inventory_purchase_orders_organizationId_number_key" ON "inventory_purchase_orders"("organizationId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "inventory_purchase_orders_organizationId_id_key" ON "inventory_purchase_orders"("organizationId", "id");

-- CreateIndex
CREATE INDEX "inventory_purchase_order_lines_organizationId_itemId_idx" ON "inventory_purchase_order_lines"("organizationId", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "inventory_purchase_order_lines_purchaseOrderId_itemId_key" ON "inventory_purchase_order_lines"("purchaseOrderId", "itemId");

-- CreateIndex
CREATE INDEX "inventory_bulk_operations_organizationId_createdAt_idx" ON "inventory_bulk_operations"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "inventory_items" ADD CONSTRAINT "inventory_items_organizationId_categoryId_fkey" FOREIGN KEY ("organizationId", "categoryId") REFERENCES "inventory_categories"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory_stock_adjustments" ADD CONSTRAINT "inventory_stock_adjustments_organizationId_itemId_fkey" FOREIGN KEY ("organizationId", "itemId") REFERENCES "inventory_items"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory_stock_alerts" ADD CONSTRAINT "inventory_stock_alerts_organizationId_itemId_fkey" FOREIGN KEY ("organizationId", "itemId") REFERENCES "inventory_items"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory_purchase_order_lines" ADD CONSTRAINT "inventory_purchase_order_lines_organizationId_purchaseOrde_fkey" FOREIGN KEY ("organizationId", "purchaseOrderId") REFERENCES "inventory_purchase_orders"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory_purchase_order_lines" ADD CONSTRAINT "inventory_purchase_order_lines_organizationId_itemId_fkey" FOREIGN KEY ("organizationId", "itemId") REFERENCES "inventory_items"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
