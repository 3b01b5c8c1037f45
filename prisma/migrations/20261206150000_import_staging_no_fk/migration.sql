-- Staged rows are written 5,000 at a time by the preview: the foreign key to data_imports checked every
-- one of them (0.5-0.7 s per 100,000 rows). The sweeper removes the rows of an import that no longer
-- exists instead (core/imports/engine/staging.ts dropOrphanStaging).
ALTER TABLE "data_import_rows" DROP CONSTRAINT "data_import_rows_importId_fkey";
