// Patients as a CSV import resource ("core.patients"), keyed by medical record number within the
// organization. Every write is set-based: one locking SELECT of the batch's existing patients, one
// multi-row INSERT ... ON CONFLICT ("organizationId","medicalRecordNumber") DO NOTHING for the new ones
// and one UPDATE ... FROM unnest for the changed ones, then one emitMany per event type with the same
// record payloads as the patient form (core/events/record-changes.ts), so a plugin cannot tell an
// imported change from one made by hand — except by ctx.origin ({ source: "import", importId }).
//
// Columns that are not mapped are left as they are on update (and empty on create); a mapped column
// with an empty cell clears an optional field. All of it runs in the engine's batch transaction: a
// failure rolls back the batch's rows, events and journal together.
import { z } from "zod";
import { Prisma } from "@/core/db/client";
import type { TxClient } from "@/core/db/tx";
import { patientCreated, patientDeleted, patientUpdated } from "@/core/events/core-events";
import { emitMany } from "@/core/events/emit";
import { created, deleted, patientRecord, updated, type PatientRow } from "@/core/events/record-changes";
import { patientColumns } from "@/core/events/record-sql";
import type { ImportResource, ParsedRow, RecordChange, RowError, RowPlan, UndoConflict } from "@/core/imports/types";
import type { PatientRecord } from "@/core/events/core-events";
import { patientExport } from "./export";
import { patientInputSchema, type PatientData } from "./schema";

const OPTIONAL = ["phone", "email", "address", "notes"] as const;
type Optional = (typeof OPTIONAL)[number];
/** The row as parsed: optional fields are absent (undefined) when their column is not mapped. */
type PatientImportRow = PatientData;

export const patientImportResource: ImportResource<PatientImportRow> = {
  id: "core.patients",
  label: "Patients",
  allowed: (ctx) => ctx.can("records.write"),
  fields: [
    { key: "medicalRecordNumber", label: "Medical record number", required: true, aliases: ["MRN", "Record number", "Patient ID", "Chart number"] },
    { key: "firstName", label: "First name", required: true, aliases: ["Given name", "Forename", "First"] },
    { key: "lastName", label: "Last name", required: true, aliases: ["Surname", "Family name", "Last"] },
    { key: "dateOfBirth", label: "Date of birth", required: true, aliases: ["DOB", "Birth date", "Birthdate", "Born"], hint: "YYYY-MM-DD" },
    { key: "phone", label: "Phone", aliases: ["Telephone", "Phone number", "Mobile", "Tel"] },
    { key: "email", label: "Email", aliases: ["E-mail", "Email address", "Mail"] },
    { key: "address", label: "Address", aliases: ["Street address", "Home address"] },
    { key: "notes", label: "Notes", aliases: ["Comments", "Remarks"] },
  ],
  rowSchema: patientInputSchema as unknown as z.ZodType<PatientImportRow>,
  key: ["medicalRecordNumber"],
  plan: async (tx, ctx, rows) => {
    const existing = await existingByMrn(tx, ctx.organization.id, rows, false);
    const plans: (RowPlan | RowError)[] = rows.map((r) => {
      const before = existing.get(r.data.medicalRecordNumber);
      if (!before) return "create";
      if (!ctx.options.updateExisting) return "unchanged";
      return differs(before, r.data) ? "update" : "unchanged";
    });
    return { plans };
  },
  commitBatch: async (tx, ctx, rows) => {
    const orgId = ctx.organization.id;
    const existing = await existingByMrn(tx, orgId, rows, true);
    const creates: ParsedRow<PatientImportRow>[] = [];
    const updates: { row: ParsedRow<PatientImportRow>; before: PatientRow }[] = [];
    let unchanged = 0;
    for (const r of rows) {
      const before = existing.get(r.data.medicalRecordNumber);
      if (!before) creates.push(r);
      else if (ctx.options.updateExisting && differs(before, r.data)) updates.push({ row: r, before });
      else unchanged++;
    }
    const rejected: RowError[] = [];
    const changes: RecordChange[] = [];

    if (creates.length > 0) {
      const inserted = await tx.$queryRaw<PatientRow[]>`
        INSERT INTO patients (id, "organizationId", "firstName", "lastName", "dateOfBirth", "medicalRecordNumber", phone, email, address, notes, "createdAt", "updatedAt")
        SELECT gen_random_uuid(), ${orgId}::uuid, t.first, t.last, t.dob, t.mrn, t.phone, t.email, t.address, t.notes, now(), now()
        FROM unnest(${creates.map((r) => r.data.firstName)}::text[], ${creates.map((r) => r.data.lastName)}::text[],
                    ${creates.map((r) => r.data.dateOfBirth)}::date[], ${creates.map((r) => r.data.medicalRecordNumber)}::text[],
                    ${creates.map((r) => r.data.phone ?? null)}::text[], ${creates.map((r) => r.data.email ?? null)}::text[],
                    ${creates.map((r) => r.data.address ?? null)}::text[], ${creates.map((r) => r.data.notes ?? null)}::text[])
             AS t(first, last, dob, mrn, phone, email, address, notes)
        ON CONFLICT ("organizationId", "medicalRecordNumber") DO NOTHING
        RETURNING ${patientColumns()}`;
      const got = new Set(inserted.map((p) => p.medicalRecordNumber));
      // Someone created the same record number between our locking read and the insert: not ours to
      // overwrite blindly (we hold no `before` of it), so the row is reported and can be imported again.
      for (const r of creates) {
        if (!got.has(r.data.medicalRecordNumber)) {
          rejected.push({ row: r.row, line: r.line, field: "medicalRecordNumber", reason: `A patient with medical record number '${r.data.medicalRecordNumber}' was created by someone else during the import; import the file again to update it` });
        }
      }
      const records = inserted.map(patientRecord);
      for (const rec of records) changes.push({ recordId: rec.id, action: "created", before: null, after: rec });
      await emitMany(tx, ctx.meta, patientCreated, records.map((rec) => created(rec)));
    }

    if (updates.length > 0) {
      const set = (k: Optional) => updates.map((u) => u.row.data[k] !== undefined);
      const val = (k: Optional) => updates.map((u) => u.row.data[k] ?? null);
      const after = await tx.$queryRaw<PatientRow[]>`
        UPDATE patients AS p SET
          "firstName" = t.first, "lastName" = t.last, "dateOfBirth" = t.dob,
          phone = CASE WHEN t.phone_set THEN t.phone ELSE p.phone END,
          email = CASE WHEN t.email_set THEN t.email ELSE p.email END,
          address = CASE WHEN t.address_set THEN t.address ELSE p.address END,
          notes = CASE WHEN t.notes_set THEN t.notes ELSE p.notes END,
          "updatedAt" = now()
        FROM unnest(${updates.map((u) => u.before.id)}::uuid[], ${updates.map((u) => u.row.data.firstName)}::text[],
                    ${updates.map((u) => u.row.data.lastName)}::text[], ${updates.map((u) => u.row.data.dateOfBirth)}::date[],
                    ${val("phone")}::text[], ${set("phone")}::boolean[], ${val("email")}::text[], ${set("email")}::boolean[],
                    ${val("address")}::text[], ${set("address")}::boolean[], ${val("notes")}::text[], ${set("notes")}::boolean[])
             AS t(id, first, last, dob, phone, phone_set, email, email_set, address, address_set, notes, notes_set)
        WHERE p."organizationId" = ${orgId}::uuid AND p.id = t.id
        RETURNING ${patientColumns("p")}`;
      const beforeById = new Map(updates.map((u) => [u.before.id, u.before]));
      const pairs = after.map((a) => ({ before: patientRecord(beforeById.get(a.id)!), after: patientRecord(a) }));
      for (const p of pairs) changes.push({ recordId: p.after.id, action: "updated", before: p.before, after: p.after });
      await emitMany(tx, ctx.meta, patientUpdated, pairs.map((p) => updated(p.before, p.after)));
    }
    return { changes, unchanged, rejected };
  },
  findUndoConflicts: async (tx, ctx, changes) => {
    const ids = changes.map((c) => c.recordId);
    const rows = await tx.$queryRaw<Array<PatientRow & { appointments: number }>>`
      SELECT ${patientColumns("p")},
             (SELECT count(*)::int FROM appointments a WHERE a."organizationId" = p."organizationId" AND a."patientId" = p.id) AS appointments
      FROM patients p WHERE p."organizationId" = ${ctx.organization.id}::uuid AND p.id = ANY(${ids}::uuid[])
      ORDER BY p.id FOR UPDATE OF p`;
    const current = new Map(rows.map((r) => [r.id, r]));
    const conflicts: UndoConflict[] = [];
    for (const c of changes) {
      const after = c.after as PatientRecord;
      const label = `${after.firstName} ${after.lastName} (MRN ${after.medicalRecordNumber})`;
      const now = current.get(c.recordId);
      if (!now) {
        // A created patient deleted since is already undone; an updated one cannot be restored.
        if (c.action === "updated") conflicts.push({ recordId: c.recordId, label, reason: "was deleted after the import" });
        continue;
      }
      if (!sameRecord(patientRecord(now), after)) conflicts.push({ recordId: c.recordId, label, reason: "was changed after the import" });
      else if (c.action === "created" && now.appointments > 0) conflicts.push({ recordId: c.recordId, label, reason: `has ${now.appointments} appointment${now.appointments === 1 ? "" : "s"} booked since the import` });
    }
    return conflicts;
  },
  undoBatch: async (tx, ctx, changes) => {
    const orgId = ctx.organization.id;
    const createdIds = changes.filter((c) => c.action === "created").map((c) => c.recordId);
    if (createdIds.length > 0) {
      const gone = await tx.$queryRaw<PatientRow[]>`
        DELETE FROM patients WHERE "organizationId" = ${orgId}::uuid AND id = ANY(${createdIds}::uuid[])
        RETURNING ${patientColumns()}`;
      await emitMany(tx, ctx.meta, patientDeleted, gone.map((r) => deleted(patientRecord(r))));
    }
    const restores = changes.filter((c) => c.action === "updated").map((c) => c.before as PatientRecord);
    if (restores.length > 0) {
      const col = <K extends keyof PatientRecord>(k: K) => restores.map((b) => b[k]);
      const rows = await tx.$queryRaw<Record<string, unknown>[]>`
        WITH old AS MATERIALIZED (
          SELECT ${patientColumns("p")} FROM patients p WHERE p."organizationId" = ${orgId}::uuid AND p.id = ANY(${col("id")}::uuid[])
        )
        UPDATE patients AS p SET "firstName" = t.first, "lastName" = t.last, "dateOfBirth" = t.dob, "medicalRecordNumber" = t.mrn,
          phone = t.phone, email = t.email, address = t.address, notes = t.notes, "updatedAt" = now()
        FROM unnest(${col("id")}::uuid[], ${col("firstName")}::text[], ${col("lastName")}::text[], ${col("dateOfBirth")}::date[],
                    ${col("medicalRecordNumber")}::text[], ${col("phone")}::text[], ${col("email")}::text[], ${col("address")}::text[], ${col("notes")}::text[])
             AS t(id, first, last, dob, mrn, phone, email, address, notes), old
        WHERE p."organizationId" = ${orgId}::uuid AND p.id = t.id AND old.id::uuid = p.id
        RETURNING ${patientColumns("old", "before.")}, ${patientColumns("p", "after.")}`;
      const pairs = rows.map((r) => ({ before: patientRecord(unprefixed(r, "before.")), after: patientRecord(unprefixed(r, "after.")) }));
      await emitMany(tx, ctx.meta, patientUpdated, pairs.map((p) => updated(p.before, p.after)));
    }
  },
  // The CSV export lives in ./export.ts (headers = the import labels, so an export imports back unchanged).
  export: patientExport,
};

function unprefixed(row: Record<string, unknown>, prefix: string): PatientRow {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out as PatientRow;
}

/** The organization's patients with the batch's record numbers (locked FOR UPDATE when writing). */
async function existingByMrn(tx: TxClient, organizationId: string, rows: ParsedRow<PatientImportRow>[], lock: boolean): Promise<Map<string, PatientRow>> {
  const mrns = rows.map((r) => r.data.medicalRecordNumber);
  const found = await tx.$queryRaw<PatientRow[]>`
    SELECT ${patientColumns()} FROM patients
    WHERE "organizationId" = ${organizationId}::uuid AND "medicalRecordNumber" = ANY(${mrns}::text[])
    ORDER BY id ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
  return new Map(found.map((p) => [p.medicalRecordNumber, p]));
}

/** Whether writing `data` would change the patient (unmapped optional fields never do). */
function differs(before: PatientRow, data: PatientImportRow): boolean {
  const b = patientRecord(before);
  if (b.firstName !== data.firstName || b.lastName !== data.lastName || b.dateOfBirth !== data.dateOfBirth) return true;
  return OPTIONAL.some((k) => data[k] !== undefined && (data[k] ?? null) !== b[k]);
}

/**
 * Whether the record's content is what the import wrote. updatedAt is not compared: a change made and
 * reverted since (another import and its undo) leaves nothing that undo could destroy.
 */
function sameRecord(a: PatientRecord, b: PatientRecord): boolean {
  return (Object.keys(b) as (keyof PatientRecord)[]).every((k) => k === "updatedAt" || a[k] === b[k]);
}
