-- Embedded Inngest executor: step.waitForEvent waits, step.invoke parent links and concurrency limits with keys (prisma/schema/jobs.prisma).
-- AlterTable
ALTER TABLE "job_crons" ADD COLUMN     "concurrency" JSONB;

-- AlterTable
ALTER TABLE "job_runs" ADD COLUMN     "concurrency" JSONB,
ADD COLUMN     "parentRunId" UUID,
ADD COLUMN     "parentStepHash" TEXT;

-- CreateTable
CREATE TABLE "job_concurrency" (
    "runId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "limit" INTEGER NOT NULL,

    CONSTRAINT "job_concurrency_pkey" PRIMARY KEY ("runId","key")
);

-- CreateTable
CREATE TABLE "job_waits" (
    "runId" UUID NOT NULL,
    "stepHash" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "expression" TEXT,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_waits_pkey" PRIMARY KEY ("runId","stepHash")
);

-- CreateIndex
CREATE INDEX "job_concurrency_key_idx" ON "job_concurrency"("key");

-- CreateIndex
CREATE INDEX "job_waits_event_idx" ON "job_waits"("event");

-- CreateIndex
CREATE INDEX "job_runs_parentRunId_idx" ON "job_runs"("parentRunId");

-- AddForeignKey
ALTER TABLE "job_concurrency" ADD CONSTRAINT "job_concurrency_runId_fkey" FOREIGN KEY ("runId") REFERENCES "job_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_waits" ADD CONSTRAINT "job_waits_runId_fkey" FOREIGN KEY ("runId") REFERENCES "job_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

