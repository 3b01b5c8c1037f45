-- Embedded Inngest executor: events, runs, memoized steps and the leased work queue (prisma/schema/jobs.prisma).
-- CreateTable
CREATE TABLE "job_events" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "id" UUID NOT NULL,
    "appId" TEXT NOT NULL,
    "functionId" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL,
    "stepUrl" TEXT NOT NULL,
    "output" JSONB,
    "error" JSONB,
    "organizationId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "startedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_steps" (
    "id" BIGSERIAL NOT NULL,
    "runId" UUID NOT NULL,
    "stepHash" TEXT NOT NULL,
    "data" JSONB,
    "error" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_queue" (
    "id" BIGSERIAL NOT NULL,
    "runId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "stepHash" TEXT,
    "dueAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_queue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "job_events_dedupeKey_key" ON "job_events"("dedupeKey");

-- CreateIndex
CREATE INDEX "job_events_name_ts_idx" ON "job_events"("name", "ts");

-- CreateIndex
CREATE INDEX "job_runs_functionId_createdAt_idx" ON "job_runs"("functionId", "createdAt");

-- CreateIndex
CREATE INDEX "job_runs_organizationId_createdAt_idx" ON "job_runs"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "job_runs_status_idx" ON "job_runs"("status");

-- CreateIndex
CREATE UNIQUE INDEX "job_steps_runId_stepHash_key" ON "job_steps"("runId", "stepHash");

-- CreateIndex
CREATE INDEX "job_queue_dueAt_idx" ON "job_queue"("dueAt");

-- CreateIndex
CREATE INDEX "job_queue_runId_idx" ON "job_queue"("runId");

-- AddForeignKey
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "job_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_steps" ADD CONSTRAINT "job_steps_runId_fkey" FOREIGN KEY ("runId") REFERENCES "job_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_queue" ADD CONSTRAINT "job_queue_runId_fkey" FOREIGN KEY ("runId") REFERENCES "job_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

