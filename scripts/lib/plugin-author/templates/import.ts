// imports.ts (the records as a CSV import resource: preview, commit, undo run by core) and its test.
import type { Template } from "./types";

export const importTemplate: Template = (n, has) => {
  const T = `${n.snake}_records`;
  const P = `${n.constant}_PERMISSIONS`;
  const events = has("event");
  return [
    {
      path: "imports.ts",
      content: `// ${n.title}'s records as a CSV import resource ("${n.id}.records", keyed by name): core runs upload,
// mapping, preview, the background commit, the error file and undo (core/imports/types.ts); this file
// says what a row is and writes a batch set-based, in the engine's batch transaction (a failure rolls
// the batch back whole, journal${events ? " and events" : ""} included). An unmapped Note column leaves notes as they are.
import { z } from "zod";
import type { TxClient } from "@/core/db/tx";
${events ? `import { emitMany } from "@/core/events/emit";\n` : ""}import type { ImportResource, RecordChange, RowPlan } from "@/core/imports/types";
${events ? `import { recordCreated } from "./events";\n` : ""}import { ${P} } from "./permissions";

type Row = { name: string; note?: string };
type Stored = { id: string; name: string; note: string };

const rowSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(120, "At most 120 characters"),
  note: z.string().trim().max(2000, "At most 2000 characters").optional(),
});

/** The organization's records with these names; locked when \`lock\` (the commit), not in the preview. */
async function existing(tx: TxClient, organizationId: string, names: string[], lock: boolean): Promise<Map<string, Stored>> {
  const rows = lock
    ? await tx.$queryRaw<Stored[]>\`SELECT id::text, name, note FROM ${T} WHERE "organizationId" = \${organizationId}::uuid AND name = ANY(\${names}::text[]) ORDER BY id FOR UPDATE\`
    : await tx.$queryRaw<Stored[]>\`SELECT id::text, name, note FROM ${T} WHERE "organizationId" = \${organizationId}::uuid AND name = ANY(\${names}::text[])\`;
  return new Map(rows.map((r) => [r.name, r]));
}

const differs = (before: Stored, row: Row) => row.note !== undefined && row.note !== before.note;

export const ${n.camel}RecordsImport: ImportResource<Row> = {
  id: "${n.id}.records",
  label: "${n.title} records",
  permission: ${P}.manage,
  fields: [
    { key: "name", label: "Name", required: true, aliases: ["Title"] },
    { key: "note", label: "Note", aliases: ["Notes", "Comment"] },
  ],
  rowSchema: rowSchema as z.ZodType<Row>,
  key: ["name"],
  plan: async (tx, ctx, rows) => {
    const found = await existing(tx, ctx.organization.id, rows.map((r) => r.data.name), false);
    const plans: RowPlan[] = rows.map((r) => {
      const before = found.get(r.data.name);
      if (!before) return "create";
      return ctx.options.updateExisting && differs(before, r.data) ? "update" : "unchanged";
    });
    return { plans };
  },
  commitBatch: async (tx, ctx, rows) => {
    const orgId = ctx.organization.id;
    const found = await existing(tx, orgId, rows.map((r) => r.data.name), true);
    const creates = rows.filter((r) => !found.has(r.data.name));
    const updates = rows.filter((r) => ctx.options.updateExisting && found.has(r.data.name) && differs(found.get(r.data.name)!, r.data));
    const changes: RecordChange[] = [];
    const inserted = creates.length
      ? await tx.$queryRaw<Stored[]>\`
          INSERT INTO ${T} (id, "organizationId", name, note, "createdAt", "updatedAt")
          SELECT gen_random_uuid(), \${orgId}::uuid, t.name, t.note, now(), now()
          FROM unnest(\${creates.map((r) => r.data.name)}::text[], \${creates.map((r) => r.data.note ?? "")}::text[]) AS t(name, note)
          ON CONFLICT ("organizationId", name) DO NOTHING
          RETURNING id::text, name, note\`
      : [];
    for (const r of inserted) changes.push({ recordId: r.id, action: "created", before: null, after: r });
    const insertedNames = new Set(inserted.map((i) => i.name));
    const rejected = creates
      .filter((r) => !insertedNames.has(r.data.name))
      .map((r) => ({ row: r.row, line: r.line, field: "name", reason: \`A record named '\${r.data.name}' was created by someone else during the import; import the file again to update it\` }));
    if (updates.length) {
      const after = await tx.$queryRaw<Stored[]>\`
        UPDATE ${T} AS x SET note = t.note, "updatedAt" = now()
        FROM unnest(\${updates.map((r) => found.get(r.data.name)!.id)}::uuid[], \${updates.map((r) => r.data.note!)}::text[]) AS t(id, note)
        WHERE x."organizationId" = \${orgId}::uuid AND x.id = t.id
        RETURNING x.id::text, x.name, x.note\`;
      for (const a of after) changes.push({ recordId: a.id, action: "updated", before: found.get(a.name)!, after: a });
    }
${events ? `    if (inserted.length) await emitMany(tx, ctx.meta, recordCreated, inserted.map((r) => ({ recordId: r.id, name: r.name })));\n` : ""}    return { changes, unchanged: rows.length - creates.length - updates.length, rejected };
  },
  findUndoConflicts: async (tx, ctx, changes) => {
    const ids = changes.map((c) => c.recordId);
    const rows = await tx.$queryRaw<Stored[]>\`
      SELECT id::text, name, note FROM ${T} WHERE "organizationId" = \${ctx.organization.id}::uuid AND id = ANY(\${ids}::uuid[]) ORDER BY id FOR UPDATE\`;
    const now = new Map(rows.map((r) => [r.id, r]));
    return changes.flatMap((c) => {
      const after = c.after as Stored;
      const current = now.get(c.recordId);
      if (!current) return c.action === "updated" ? [{ recordId: c.recordId, label: after.name, reason: "was deleted after the import" }] : [];
      return current.name !== after.name || current.note !== after.note ? [{ recordId: c.recordId, label: after.name, reason: "was changed after the import" }] : [];
    });
  },
  undoBatch: async (tx, ctx, changes) => {
    const orgId = ctx.organization.id;
    const created = changes.filter((c) => c.action === "created").map((c) => c.recordId);
    if (created.length) await tx.$executeRaw\`DELETE FROM ${T} WHERE "organizationId" = \${orgId}::uuid AND id = ANY(\${created}::uuid[])\`;
    const restores = changes.filter((c) => c.action === "updated").map((c) => c.before as Stored);
    if (restores.length) {
      await tx.$executeRaw\`
        UPDATE ${T} AS x SET note = t.note, "updatedAt" = now()
        FROM unnest(\${restores.map((r) => r.id)}::uuid[], \${restores.map((r) => r.note)}::text[]) AS t(id, note)
        WHERE x."organizationId" = \${orgId}::uuid AND x.id = t.id\`;
    }
  },
};
`,
    },
    {
      path: "tests/imports.test.ts",
      content: `// The CSV import of records through the real engine (tests/kit/imports.ts): preview counts, row
// errors naming the row and field, update of existing records, and undo.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { importCsv, previewCsv, undoImport } from "@/tests/kit/imports";
import { createRecord, listRecords } from "../records";

describe("importing ${n.title} records", () => {
  it("previews, creates and updates by name, and undoes", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "${n.id}");
    const ctx = await org.as("owner");
    await createRecord(ctx, { name: "Existing", note: "old" });

    const preview = await previewCsv(org, "${n.id}.records", "Name,Note\\nExisting,new\\nFresh,first\\n,no name\\n", { updateExisting: true });
    expect(preview.preview).toEqual({ create: 1, update: 1, unchanged: 0, reject: 1 });
    const errors = await rootDb().dataImportError.findMany({ where: { importId: preview.id } });
    expect(errors.map((e) => [e.rowNumber, e.field])).toEqual([[3, "name"]]);

    const done = await importCsv(org, "${n.id}.records", "Name,Note\\nExisting,new\\nFresh,first\\n", { updateExisting: true });
    expect(done).toMatchObject({ status: "completed", createdCount: 1, updatedCount: 1 });
    expect((await listRecords(ctx)).map((r) => [r.name, r.note]).sort()).toEqual([["Existing", "new"], ["Fresh", "first"]]);

    expect(await undoImport(done.id)).toEqual({ ok: true });
    expect((await listRecords(ctx)).map((r) => [r.name, r.note])).toEqual([["Existing", "old"]]);
  });
});
`,
    },
  ];
};
