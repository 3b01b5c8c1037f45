-- Crash recovery (issue 20): which job step owns a running import/export (a newer step takes over,
-- the older one stops), and heartbeats the sweeper uses to find work whose run was lost.
ALTER TABLE "data_imports" ADD COLUMN "runnerId" UUID;

ALTER TABLE "data_exports" ADD COLUMN "runnerId" UUID,
ADD COLUMN "heartbeatAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

ALTER TABLE "inventory_bulk_operations" ADD COLUMN "heartbeatAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- The sweeper's scans: only unfinished work, a handful of rows at most.
CREATE INDEX "data_imports_unfinished_idx" ON "data_imports" ("updatedAt") WHERE status IN ('previewing', 'committing');
CREATE INDEX "data_exports_unfinished_idx" ON "data_exports" ("heartbeatAt") WHERE status IN ('queued', 'running');
CREATE INDEX "inventory_bulk_operations_unfinished_idx" ON "inventory_bulk_operations" ("heartbeatAt") WHERE status IN ('queued', 'running');
