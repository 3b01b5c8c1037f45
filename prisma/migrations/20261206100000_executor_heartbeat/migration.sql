-- Embedded Inngest executor liveness: each executor's heartbeat, and which executor holds each leased queue item (prisma/schema/jobs.prisma).
-- AlterTable
ALTER TABLE "job_queue" ADD COLUMN     "claimedBy" UUID;

-- CreateTable
CREATE TABLE "job_executors" (
    "id" UUID NOT NULL,
    "pid" INTEGER NOT NULL,
    "host" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_executors_pkey" PRIMARY KEY ("id")
);
