-- Imports at the speed of set-based SQL (issue 13).
--
-- 1. The staging table: the preview writes every validated row of the file here (its values as the
--    resources row schema made them, its original cells for the error file, its key for duplicate
--    detection) and the commit merges batches of it into the table of the resource without parsing the file
--    again, and a resumed commit continues from it. Logged (not UNLOGGED): a crash of PostgreSQL must
--    not empty it under an import that is half committed. Rows go when the import is finished
--    (core/imports/sweeper.ts) or previewed again.
CREATE TABLE "data_import_rows" (
    "importId" UUID NOT NULL,
    "row" INTEGER NOT NULL,
    "line" INTEGER,
    "key" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "cells" JSONB NOT NULL,

    CONSTRAINT "data_import_rows_pkey" PRIMARY KEY ("importId","row")
);
-- The duplicate-key check of the whole file, in the database instead of a map in the memory of the app.
CREATE UNIQUE INDEX "data_import_rows_importId_key_key" ON "data_import_rows"("importId", "key");
ALTER TABLE "data_import_rows" ADD CONSTRAINT "data_import_rows_importId_fkey" FOREIGN KEY ("importId") REFERENCES "data_imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Imports previewed before staging existed have nothing staged: they are previewed again (the
-- member presses Preview, nothing was written to their resource yet). An import caught mid-commit by the
-- upgrade cannot resume without its staged rows: it is failed, saying so, and can be undone.
UPDATE "data_imports" SET status = 'uploaded', preview = NULL, "rowsDone" = 0, "totalRows" = NULL, "updatedAt" = now()
WHERE status IN ('previewing', 'previewed');
UPDATE "data_imports" SET status = 'failed', "finishedAt" = now(), "updatedAt" = now(),
  error = 'The upgrade to staged imports interrupted this import after ' || "rowsDone" || ' rows. Undo it, or import the rest of the file again.'
WHERE status = 'committing';

-- 2. inventory_items: indexes a bulk write pays for on every row, redesigned with the measurements in
--    bench/import/README.md. Each b-tree costs about 0.25 s per 100,000 inserted rows.
--    - in-stock filter + name order: only the rare side (out of stock) needs an index, "in stock"
--      sorted by name walks the name index and finds its rows at once.
DROP INDEX "inventory_items_organizationId_inStock_name_idx";
CREATE INDEX "inventory_items_out_of_stock_name_idx" ON "inventory_items"("organizationId", "name", "id") WHERE NOT "inStock";
--    - expiry: the nightly check asks for items expiring before a date, never for items without one.
DROP INDEX "inventory_items_organizationId_expiresOn_idx";
CREATE INDEX "inventory_items_expiring_idx" ON "inventory_items"("organizationId", "expiresOn") WHERE "expiresOn" IS NOT NULL;
--    - Shopify sync errors: the Shopify page counts and lists (by name) failed items only.
DROP INDEX "inventory_items_organizationId_shopifySyncError_idx";
CREATE INDEX "inventory_items_sync_error_idx" ON "inventory_items"("organizationId", "name", "id") WHERE "shopifySyncError" IS NOT NULL;
