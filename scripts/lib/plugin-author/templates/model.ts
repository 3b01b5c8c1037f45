// models.prisma (one model), records.ts (its reads and writes through the organization-scoped
// client) and a test that one organization never sees another's records.
import type { Template } from "./types";

export const model: Template = (n, has) => {
  const M = `${n.camel}Record`;
  const emits = has("event");
  return [
    {
      path: "models.prisma",
      content: `// ${n.title}'s records. Plugin models cannot declare relations to core models, so organizationId is
// a plain column: the organization-scoped client (core/db/scoped.ts) filters on it because of its name.
// After a change here: \`npm run ritiko -- plugin migrate ${n.id} --name <what_changed>\`.
model ${n.pascal}Record {
  id             String   @id @default(uuid(7)) @db.Uuid
  organizationId String   @db.Uuid
  name           String
  note           String   @default("")
  createdAt      DateTime @default(now()) @db.Timestamptz(3)
  updatedAt      DateTime @default(now()) @updatedAt @db.Timestamptz(3)

  @@unique([organizationId, name])
  @@index([organizationId, createdAt])
  @@map("${n.snake}_records")
}
`,
    },
    {
      path: "records.ts",
      content: `// ${n.title}'s records, always through the organization-scoped client (ctx.db): a query cannot reach
// another organization's rows.
import { z } from "zod";
import type { OrgContext } from "@/core/auth/context";
import { isUuid } from "@/core/db/ids";
${emits ? `import type { TxClient } from "@/core/db/tx";\nimport { emit } from "@/core/events/emit";\nimport { recordCreated } from "./events";\n` : ""}
export const recordInput = z.object({
  name: z.string().trim().min(1, "Name is required").max(120, "Name: at most 120 characters"),
  note: z.string().trim().max(2000, "Note: at most 2000 characters").default(""),
});
export type RecordInput = z.output<typeof recordInput>;

export function listRecords(ctx: OrgContext, take = 50, skip = 0) {
  return ctx.db.${M}.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, skip });
}

export function countRecords(ctx: OrgContext) {
  return ctx.db.${M}.count();
}

export function getRecord(ctx: OrgContext, id: string) {
  return isUuid(id) ? ctx.db.${M}.findFirst({ where: { id } }) : Promise.resolve(null);
}

/** Creates a record${emits ? " and emits " + n.snake + ".record_created in the same transaction" : ""}. A name the organization already uses throws a unique violation (P2002). */
export function createRecord(ctx: OrgContext, input: RecordInput) {
${
  emits
    ? `  return ctx.db.$transaction(async (tx) => {
    const record = await tx.${M}.create({ data: { organizationId: ctx.organization.id, name: input.name, note: input.note } });
    await emit(tx as unknown as TxClient, { organization: ctx.organization, actor: { type: "user", id: ctx.user.id, name: ctx.user.name } }, recordCreated, { recordId: record.id, name: record.name });
    return record;
  });`
    : `  return ctx.db.${M}.create({ data: { organizationId: ctx.organization.id, name: input.name, note: input.note } });`
}
}
`,
    },
    {
      path: "tests/records.test.ts",
      content: `// Records against the real database: scoped to their organization, names unique within it.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "@/core/db/errors";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { createRecord, getRecord, listRecords } from "../records";

describe("${n.title} records", () => {
  it("belong to one organization: another never lists or reads them", async () => {
    const maple = await createTestOrganization("Maple Clinic");
    const birch = await createTestOrganization("Birch Clinic");
    await enablePluginFor(maple, "${n.id}");
    const mine = await createRecord(await maple.as("owner"), { name: "First", note: "" });
    expect((await listRecords(await maple.as("owner"))).map((r) => r.name)).toEqual(["First"]);
    expect(await listRecords(await birch.as("owner"))).toEqual([]);
    expect(await getRecord(await birch.as("owner"), mine.id)).toBeNull();
  });

  it("refuses a second record with the same name in the organization, and keeps the first", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "${n.id}");
    const ctx = await org.as("owner");
    await createRecord(ctx, { name: "Same", note: "first" });
    const err = await createRecord(ctx, { name: "Same", note: "second" }).catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
    expect((await listRecords(ctx)).map((r) => r.note)).toEqual(["first"]);
  });
});
`,
    },
  ];
};
