-- Hello plugin: greetings (plugins/hello/models.prisma).
-- CreateTable
CREATE TABLE "hello_greetings" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "message" TEXT NOT NULL,
    "patientId" UUID,
    "createdById" UUID,
    "announcedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hello_greetings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "hello_greetings_organizationId_createdAt_idx" ON "hello_greetings"("organizationId", "createdAt");

