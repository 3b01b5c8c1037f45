-- Job runs as the app records them (issue 17.1), written by the SDK middleware inngest/run-records/middleware.ts
-- on any Inngest backend. The Jobs page reads only these tables.
-- CreateTable
CREATE TABLE "job_run_records" (
    "id" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "appId" TEXT NOT NULL,
    "functionId" TEXT NOT NULL,
    "functionName" TEXT NOT NULL,
    "eventId" TEXT,
    "eventName" TEXT NOT NULL,
    "eventData" JSONB NOT NULL,
    "eventTs" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL DEFAULT 'running',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "maxAttempts" INTEGER NOT NULL,
    "idempotency" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "inFlightSince" TIMESTAMPTZ(3),
    "waiting" JSONB,
    "output" JSONB,
    "outputBytes" INTEGER,
    "error" JSONB,
    "lastError" JSONB,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_run_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_step_records" (
    "runId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "durationMs" INTEGER,
    "outputBytes" INTEGER,
    "error" JSONB,

    CONSTRAINT "job_step_records_pkey" PRIMARY KEY ("runId","stepId")
);

-- CreateIndex
CREATE INDEX "job_run_records_organizationId_startedAt_id_idx" ON "job_run_records"("organizationId", "startedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "job_run_records_organizationId_status_startedAt_idx" ON "job_run_records"("organizationId", "status", "startedAt");

-- CreateIndex
CREATE INDEX "job_run_records_organizationId_functionId_startedAt_idx" ON "job_run_records"("organizationId", "functionId", "startedAt");

-- CreateIndex
CREATE INDEX "job_run_records_organizationId_eventId_idx" ON "job_run_records"("organizationId", "eventId");

-- CreateIndex
CREATE INDEX "job_run_records_startedAt_idx" ON "job_run_records"("startedAt");

-- AddForeignKey
ALTER TABLE "job_run_records" ADD CONSTRAINT "job_run_records_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_step_records" ADD CONSTRAINT "job_step_records_runId_fkey" FOREIGN KEY ("runId") REFERENCES "job_run_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;
