-- Embedded Inngest executor flow control: durable cron schedules, function idempotency keys and the onFailure handler copied onto runs and crons (prisma/schema/jobs.prisma).
-- AlterTable
ALTER TABLE "job_runs" ADD COLUMN     "failureHandler" JSONB;

-- CreateTable
CREATE TABLE "job_crons" (
    "functionId" TEXT NOT NULL,
    "cron" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "stepUrl" TEXT NOT NULL,
    "maxAttempts" INTEGER NOT NULL,
    "failureHandler" JSONB,
    "nextAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "job_crons_pkey" PRIMARY KEY ("functionId","cron")
);

-- CreateTable
CREATE TABLE "job_idempotency_keys" (
    "functionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "runId" UUID,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "job_idempotency_keys_pkey" PRIMARY KEY ("functionId","key")
);

-- CreateIndex
CREATE INDEX "job_crons_nextAt_idx" ON "job_crons"("nextAt");

-- CreateIndex
CREATE INDEX "job_crons_appId_idx" ON "job_crons"("appId");

-- CreateIndex
CREATE INDEX "job_idempotency_keys_expiresAt_idx" ON "job_idempotency_keys"("expiresAt");

