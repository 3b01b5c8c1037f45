-- CreateTable
CREATE TABLE "plugin_installations" (
    "organizationId" UUID NOT NULL,
    "pluginId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "version" TEXT NOT NULL,
    "enabledAt" TIMESTAMPTZ(3),
    "disabledAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "plugin_installations_pkey" PRIMARY KEY ("organizationId","pluginId")
);

-- CreateTable
CREATE TABLE "plugin_lifecycle_runs" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" UUID,
    "pluginId" TEXT NOT NULL,
    "hook" TEXT NOT NULL,
    "onceKey" TEXT,
    "fromVersion" TEXT,
    "toVersion" TEXT,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "actor" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plugin_lifecycle_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plugin_settings" (
    "organizationId" UUID NOT NULL,
    "pluginId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "plugin_settings_pkey" PRIMARY KEY ("organizationId","pluginId","key")
);

-- CreateTable
CREATE TABLE "member_permissions" (
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "permission" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_permissions_pkey" PRIMARY KEY ("organizationId","userId","permission")
);

-- CreateTable
CREATE TABLE "member_groups" (
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "groupKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_groups_pkey" PRIMARY KEY ("organizationId","userId","groupKey")
);

-- CreateTable
CREATE TABLE "event_outbox" (
    "id" BIGSERIAL NOT NULL,
    "eventId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "eventName" TEXT NOT NULL,
    "handlerKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "actor" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "plugin_installations_pluginId_enabled_idx" ON "plugin_installations"("pluginId", "enabled");

-- CreateIndex
CREATE INDEX "plugin_lifecycle_runs_organizationId_pluginId_createdAt_idx" ON "plugin_lifecycle_runs"("organizationId", "pluginId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "plugin_lifecycle_runs_onceKey_key" ON "plugin_lifecycle_runs"("onceKey");

-- CreateIndex
CREATE INDEX "event_outbox_status_nextAttemptAt_idx" ON "event_outbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "event_outbox_organizationId_createdAt_idx" ON "event_outbox"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "event_outbox_eventId_handlerKey_key" ON "event_outbox"("eventId", "handlerKey");

-- AddForeignKey
ALTER TABLE "plugin_installations" ADD CONSTRAINT "plugin_installations_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plugin_settings" ADD CONSTRAINT "plugin_settings_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_permissions" ADD CONSTRAINT "member_permissions_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_groups" ADD CONSTRAINT "member_groups_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_outbox" ADD CONSTRAINT "event_outbox_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

