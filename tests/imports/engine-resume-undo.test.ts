// Commit checkpoints, cancel and undo on real PostgreSQL: a commit stopped after a batch (deadline, or
// a crash between batches) resumes exactly after the last committed batch; cancel keeps what was
// committed; undo removes created and restores updated records, and refuses — changing nothing — when
// a record changed after the import, naming it.
import { describe, expect, it } from "vitest";
import { createAppointment } from "@/core/appointments/mutations";
import { rootDb } from "@/core/db/client";
import { runCommit } from "@/core/imports/engine/commit";
import { runPreview } from "@/core/imports/engine/preview";
import { runUndo } from "@/core/imports/engine/undo";
import { cancelImport, getImportView } from "@/core/imports/service";
import { updatePatient } from "@/core/patients/mutations";
import { createTestOrganization } from "@/core/testing/plugin-test-kit";
import { importRow, manyPatients, patientsCsv, patientsOf, upload } from "./engine-kit";

async function committed(id: string) {
  await runPreview(id);
  while (!(await runCommit(id)).done);
  return importRow(id);
}

describe("resuming a commit", () => {
  it("stops after the batch that passes the deadline and resumes from the checkpoint: exact counts, no duplicates", async () => {
    const org = await createTestOrganization();
    const rows = manyPatients(12_500);
    const id = await upload(org, patientsCsv(rows));
    await runPreview(id);

    // A deadline already passed: exactly one batch per call, as if the process stopped after each.
    expect(await runCommit(id, { deadline: 0 })).toEqual({ done: false });
    let imp = await importRow(id);
    expect(imp).toMatchObject({ status: "committing", resumeRow: 5001, createdCount: 5000, rowsDone: 5000 });
    expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(5000);

    expect(await runCommit(id, { deadline: 0 })).toEqual({ done: false });
    expect(await importRow(id)).toMatchObject({ resumeRow: 10_001, createdCount: 10_000 });
    while (!(await runCommit(id, { deadline: 0 })).done);
    imp = await importRow(id);
    expect(imp).toMatchObject({ status: "completed", createdCount: 12_500, updatedCount: 0, unchangedCount: 0, rowsDone: 12_500, resumeRow: 12_501 });
    const patients = await patientsOf(org);
    expect(patients).toHaveLength(12_500);
    expect(new Set(patients.map((p) => p.medicalRecordNumber)).size).toBe(12_500);
    expect(await rootDb().dataImportChange.count({ where: { importId: id } })).toBe(12_500);
    // A late duplicate call (a replayed job step) finds nothing to do.
    expect(await runCommit(id)).toEqual({ done: true });
    expect((await importRow(id)).createdCount).toBe(12_500);
  });

  it("duplicates across the resume point are still caught (the key map is rebuilt from the file)", async () => {
    const org = await createTestOrganization();
    const rows = manyPatients(6000);
    rows[5500] = { ...rows[5500]!, mrn: rows[10]!.mrn };
    const id = await upload(org, patientsCsv(rows));
    await runPreview(id);
    expect((await importRow(id)).preview).toMatchObject({ create: 5999, reject: 1 });
    await runCommit(id, { deadline: 0 });
    while (!(await runCommit(id, { deadline: 0 })).done);
    expect(await importRow(id)).toMatchObject({ status: "completed", createdCount: 5999, rejectedCount: 1 });
    const err = await rootDb().dataImportError.findFirstOrThrow({ where: { importId: id, phase: "commit" } });
    expect(err).toMatchObject({ rowNumber: 5501, column: "MRN", reason: `Duplicate Medical record number '${rows[10]!.mrn}': first on row 11` });
  });
});

describe("a batch failing for a reason other than its data", () => {
  it("is not blamed on rows: the batch rolls back whole, the checkpoint stays, and a retry resumes exactly", async () => {
    const org = await createTestOrganization();
    const rows = manyPatients(9000);
    rows[7000] = { ...rows[7000]!, last: "TRANSIENT" };
    const id = await upload(org, patientsCsv(rows));
    await runPreview(id);
    // A serialization failure (SQLSTATE 40001) on one row of the second batch, for this organization only.
    const tag = org.org.id.replace(/-/g, "").slice(0, 12);
    await rootDb().$executeRawUnsafe(`CREATE FUNCTION t_transient_${tag}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."organizationId" = '${org.org.id}'::uuid AND NEW."lastName" = 'TRANSIENT' THEN RAISE EXCEPTION 'could not serialize' USING ERRCODE = '40001'; END IF; RETURN NEW; END $$`);
    await rootDb().$executeRawUnsafe(`CREATE TRIGGER t_transient_${tag} BEFORE INSERT ON patients FOR EACH ROW EXECUTE FUNCTION t_transient_${tag}()`);
    try {
      expect(await runCommit(id, { deadline: 0 })).toEqual({ done: false });
      await expect(runCommit(id)).rejects.toThrow(/could not serialize/);
      expect(await importRow(id)).toMatchObject({ status: "committing", resumeRow: 5001, createdCount: 5000, rejectedCount: 0 });
      expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(5000);
    } finally {
      await rootDb().$executeRawUnsafe(`DROP TRIGGER t_transient_${tag} ON patients`);
      await rootDb().$executeRawUnsafe(`DROP FUNCTION t_transient_${tag}()`);
    }
    // The job's retry of the step:
    while (!(await runCommit(id)).done);
    expect(await importRow(id)).toMatchObject({ status: "completed", createdCount: 9000, rejectedCount: 0, rowsDone: 9000 });
    expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(9000);
    expect(await rootDb().dataImportChange.count({ where: { importId: id } })).toBe(9000);
  });
});

describe("cancel", () => {
  it("stops before the next batch; committed batches stay, are counted, and can be undone", async () => {
    const org = await createTestOrganization();
    const id = await upload(org, patientsCsv(manyPatients(15_000)));
    await runPreview(id);
    await runCommit(id, { deadline: 0 });
    const res = await cancelImport(await org.as("staff"), id);
    expect(res).toMatchObject({ ok: true });
    expect(await runCommit(id)).toEqual({ done: true });
    const imp = await importRow(id);
    expect(imp).toMatchObject({ status: "cancelled", createdCount: 5000, rowsDone: 5000 });
    expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(5000);
    expect((await getImportView(await org.as("staff"), id))!.can.undo).toBe(true);
    expect(await runUndo(id)).toEqual({ ok: true });
    expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(0);
    expect((await importRow(id)).status).toBe("undone");
  });

  it("before the commit, cancelling just closes the import", async () => {
    const org = await createTestOrganization();
    const id = await upload(org, patientsCsv(manyPatients(3)));
    await runPreview(id);
    expect(await cancelImport(await org.as("staff"), id)).toMatchObject({ ok: true, message: expect.stringMatching(/Nothing was written/) });
    expect(await runCommit(id)).toEqual({ done: true });
    expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(0);
  });
});

describe("undo", () => {
  it("removes the patients the import created and restores the ones it updated", async () => {
    const org = await createTestOrganization();
    await committed(await upload(org, patientsCsv(manyPatients(3, 1, () => ({ phone: "555 0000" })))));
    const original = await patientsOf(org);
    const id = await upload(org, patientsCsv([...manyPatients(2, 1, () => ({ first: "New", phone: "" })), ...manyPatients(2, 100)]));
    const imp = await committed(id);
    expect(imp).toMatchObject({ createdCount: 2, updatedCount: 2 });
    expect((await patientsOf(org)).filter((p) => p.firstName === "New")).toHaveLength(2);

    expect(await runUndo(id)).toEqual({ ok: true });
    const after = await patientsOf(org);
    expect(after.map(({ updatedAt: _u, ...p }) => p)).toEqual(original.map(({ updatedAt: _u, ...p }) => p));
    const done = await importRow(id);
    expect(done).toMatchObject({ status: "undone", undoneById: org.members.staff.id });
    expect(done.undoneAt).toBeInstanceOf(Date);
    // Once undone, a second undo has nothing to do.
    expect(await runUndo(id)).toEqual({ ok: false, conflicts: [] });
  });

  it("refuses, changing nothing, when a record changed after the import or got an appointment — naming them", async () => {
    const org = await createTestOrganization();
    const id = await committed(await upload(org, patientsCsv(manyPatients(4)))).then((i) => i.id);
    const ctx = await org.as("staff");
    const [p1, p2] = await patientsOf(org);
    const edited = await updatePatient(ctx, p1!.id, { firstName: "Edited", lastName: p1!.lastName, dateOfBirth: "1970-01-01", medicalRecordNumber: p1!.medicalRecordNumber, phone: null, email: null, address: null, notes: null });
    expect(edited.ok).toBe(true);
    const appt = await createAppointment(ctx, { patientId: p2!.id, startsAt: new Date("2031-01-01T09:00:00Z"), endsAt: new Date("2031-01-01T09:30:00Z"), provider: "Dr. Hart", status: "scheduled", notes: null } as never);
    expect(appt.ok).toBe(true);
    const before = await patientsOf(org);

    const res = await runUndo(id);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.conflicts.map((c) => `${c.label} ${c.reason}`).sort()).toEqual([
      `First2 Last2 (MRN ${p2!.medicalRecordNumber}) has 1 appointment booked since the import`,
      `First1 Last1 (MRN ${p1!.medicalRecordNumber}) was changed after the import`,
    ].sort());
    expect(await patientsOf(org)).toEqual(before);
    const imp = await importRow(id);
    expect(imp.status).toBe("completed");
    expect(imp.error).toMatch(/^Undo refused, nothing was changed: 2 records changed after the import: /);
    expect(imp.error).toContain(`(MRN ${p1!.medicalRecordNumber}) was changed after the import`);
  });
});
