-- CreateTable
CREATE TABLE "stored_files" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL DEFAULT 'text/csv',
    "size" BIGINT NOT NULL DEFAULT 0,
    "sha256" TEXT,
    "storage" TEXT NOT NULL DEFAULT 'postgres',
    "storageKey" TEXT,
    "complete" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stored_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stored_file_chunks" (
    "fileId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "stored_file_chunks_pkey" PRIMARY KEY ("fileId","seq")
);

-- CreateTable
CREATE TABLE "data_imports" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "resource" TEXT NOT NULL,
    "fileId" UUID,
    "fileName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'uploaded',
    "encoding" TEXT,
    "delimiter" TEXT,
    "hasHeader" BOOLEAN NOT NULL DEFAULT true,
    "headers" JSONB NOT NULL DEFAULT '[]',
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "updateExisting" BOOLEAN NOT NULL DEFAULT true,
    "mode" TEXT NOT NULL DEFAULT 'skip_invalid',
    "totalRows" INTEGER,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "phaseStartedAt" TIMESTAMPTZ(3),
    "preview" JSONB,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "resumeRow" INTEGER NOT NULL DEFAULT 1,
    "resumeOffset" BIGINT,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "errorFileId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "undoneAt" TIMESTAMPTZ(3),
    "undoneById" UUID,

    CONSTRAINT "data_imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_import_errors" (
    "id" BIGSERIAL NOT NULL,
    "importId" UUID NOT NULL,
    "phase" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "line" INTEGER,
    "column" TEXT,
    "field" TEXT,
    "reason" TEXT NOT NULL,
    "cells" JSONB,

    CONSTRAINT "data_import_errors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_import_changes" (
    "importId" UUID NOT NULL,
    "recordId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB NOT NULL,

    CONSTRAINT "data_import_changes_pkey" PRIMARY KEY ("importId","recordId")
);

-- CreateTable
CREATE TABLE "import_mappings" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "resource" TEXT NOT NULL,
    "headerSignature" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "import_mappings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_exports" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "resource" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "query" JSONB NOT NULL DEFAULT '{}',
    "totalRows" INTEGER,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "fileId" UUID,
    "error" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "data_exports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stored_files_expiresAt_idx" ON "stored_files"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "stored_files_organizationId_id_key" ON "stored_files"("organizationId", "id");

-- CreateIndex
CREATE INDEX "data_imports_organizationId_createdAt_idx" ON "data_imports"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "data_imports_organizationId_id_key" ON "data_imports"("organizationId", "id");

-- CreateIndex
CREATE INDEX "data_import_errors_importId_phase_rowNumber_idx" ON "data_import_errors"("importId", "phase", "rowNumber");

-- CreateIndex
CREATE UNIQUE INDEX "import_mappings_organizationId_resource_headerSignature_key" ON "import_mappings"("organizationId", "resource", "headerSignature");

-- CreateIndex
CREATE INDEX "data_exports_organizationId_createdAt_idx" ON "data_exports"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "data_exports_organizationId_id_key" ON "data_exports"("organizationId", "id");

-- AddForeignKey
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stored_file_chunks" ADD CONSTRAINT "stored_file_chunks_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "stored_files"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_imports" ADD CONSTRAINT "data_imports_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_import_errors" ADD CONSTRAINT "data_import_errors_importId_fkey" FOREIGN KEY ("importId") REFERENCES "data_imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_import_changes" ADD CONSTRAINT "data_import_changes_importId_fkey" FOREIGN KEY ("importId") REFERENCES "data_imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

