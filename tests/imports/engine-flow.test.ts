// The import engine on real PostgreSQL with the core.patients resource: preview counts, commit of
// creates/updates/unchanged, the same file twice, "update existing" off, skip bad rows vs all or
// nothing, the error CSV fixed and uploaded again, and events with the import's origin and actor.
import { describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { runCommit } from "@/core/imports/engine/commit";
import { runPreview } from "@/core/imports/engine/preview";
import { errorsCsv } from "@/core/imports/errors-csv";
import { configureImport, getImportView } from "@/core/imports/service";
import { createTestOrganization } from "@/core/testing/plugin-test-kit";
import { importRow, manyPatients, PATIENT_HEADER, patientsCsv, patientsOf, setOptions, upload } from "./engine-kit";

async function previewAndCommit(id: string) {
  await runPreview(id);
  const previewed = await importRow(id);
  expect(previewed.status, previewed.error ?? "").toBe("previewed");
  while (!(await runCommit(id)).done);
  return importRow(id);
}

async function text(gen: AsyncIterable<string>) {
  let s = "";
  for await (const t of gen) s += t;
  return s;
}

describe("preview", () => {
  it("detects, auto-maps by aliases and counts create / update / unchanged / reject without writing", async () => {
    const org = await createTestOrganization();
    await previewAndCommit(await upload(org, patientsCsv(manyPatients(3))));
    const rows = [
      ...manyPatients(2), // MRN 1 unchanged, MRN 2 updated below
      ...manyPatients(3, 10),
      { mrn: "BAD MRN!", first: "X", last: "Y", dob: "2001-01-01" },
      { mrn: "MRN-X1", first: "", last: "Y", dob: "1999-02-30" },
      { mrn: "MRN-0000010", first: "Dup", last: "Licate", dob: "1990-01-01" },
    ];
    rows[1] = { ...rows[1]!, first: "Renamed" };
    const id = await upload(org, patientsCsv(rows));
    const imp = await importRow(id);
    expect(imp.mapping).toEqual({ "0": "medicalRecordNumber", "1": "firstName", "2": "lastName", "3": "dateOfBirth", "4": "phone", "5": "email" });
    expect(imp).toMatchObject({ encoding: "utf-8", delimiter: ",", hasHeader: true, status: "uploaded" });

    const before = await patientsOf(org);
    await runPreview(id);
    const after = await importRow(id);
    expect(after.status).toBe("previewed");
    expect(after.preview).toEqual({ create: 3, update: 1, unchanged: 1, reject: 3 });
    expect(after.totalRows).toBe(8);
    expect(await patientsOf(org)).toEqual(before);

    const view = (await getImportView(await org.as("staff"), id))!;
    expect(view.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [6, "MRN", "Use letters, digits and dashes only"],
      [7, "First name", "First name is required"],
      [7, "DOB", "Enter a valid date (YYYY-MM-DD)"],
      [8, "MRN", "Duplicate Medical record number 'MRN-0000010': first on row 3"],
    ]);
  });

  it("fails with a message naming the unmapped required fields", async () => {
    const org = await createTestOrganization();
    const id = await upload(org, "MRN,Name\r\nA-1,Ann\r\n");
    await runPreview(id);
    const imp = await importRow(id);
    expect(imp.status).toBe("failed");
    expect(imp.error).toBe("Map a column to each required field: First name, Last name, Date of birth.");
  });

  it("with update existing off, existing keys plan and commit as unchanged (skipped)", async () => {
    const org = await createTestOrganization();
    await previewAndCommit(await upload(org, patientsCsv(manyPatients(2))));
    const id = await upload(org, patientsCsv(manyPatients(3, 1, () => ({ first: "Changed" }))));
    await setOptions(id, { updateExisting: false });
    await runPreview(id);
    expect((await importRow(id)).preview).toEqual({ create: 1, update: 0, unchanged: 2, reject: 0 });
    const done = await (async () => { while (!(await runCommit(id)).done); return importRow(id); })();
    expect(done).toMatchObject({ status: "completed", createdCount: 1, updatedCount: 0, unchangedCount: 2 });
    expect((await patientsOf(org)).map((p) => p.firstName)).toEqual(["First1", "First2", "Changed"]);
    expect((await getImportView(await org.as("staff"), id))!.updateExistingHint).toMatch(/skipped/);
  });
});

describe("commit", () => {
  it("creates and updates in batches with the journal; the same file twice writes nothing the second time", async () => {
    const org = await createTestOrganization();
    const csv = patientsCsv(manyPatients(12_345));
    const first = await previewAndCommit(await upload(org, csv));
    expect(first).toMatchObject({ status: "completed", createdCount: 12_345, updatedCount: 0, unchangedCount: 0, rejectedCount: 0, rowsDone: 12_345, resumeRow: 12_346 });
    expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(12_345);
    expect(await rootDb().dataImportChange.count({ where: { importId: first.id } })).toBe(12_345);

    const before = await patientsOf(org);
    const second = await previewAndCommit(await upload(org, csv));
    expect(second.preview).toEqual({ create: 0, update: 0, unchanged: 12_345, reject: 0 });
    expect(second).toMatchObject({ status: "completed", createdCount: 0, updatedCount: 0, unchangedCount: 12_345 });
    expect(await rootDb().dataImportChange.count({ where: { importId: second.id } })).toBe(0);
    expect(await patientsOf(org)).toEqual(before);
  });

  it("updates only mapped columns; an unmapped optional column keeps its value", async () => {
    const org = await createTestOrganization();
    await previewAndCommit(await upload(org, patientsCsv([{ mrn: "A-1", first: "Ann", last: "Lee", dob: "1980-05-06", phone: "555 1234", email: "ann@x.test" }])));
    const imp = await previewAndCommit(await upload(org, "MRN,First name,Surname,DOB\r\nA-1,Anne,Lee,1980-05-06\r\n"));
    expect(imp).toMatchObject({ updatedCount: 1 });
    const [p] = await patientsOf(org);
    expect(p).toMatchObject({ firstName: "Anne", phone: "555 1234", email: "ann@x.test" });
  });
});

describe("title lines above the header", () => {
  it("finds the header below them (the first line that maps every required field), imports the rows with their real line numbers, and lets the member choose another line", async () => {
    const org = await createTestOrganization();
    const csv = ["Patient list — Acme Family Clinic,,,,,", "Exported 2026-03-01 by the front desk,,,,,", PATIENT_HEADER, "MRN-T1,Ada,One,1970-01-01,,", "MRN-T2,Bob,Two,not a date,,"].join("\r\n") + "\r\n";
    const id = await upload(org, csv);
    const imp = await importRow(id);
    expect(imp).toMatchObject({ hasHeader: true, headerRow: 3, headers: PATIENT_HEADER.split(",") });
    expect(Object.values(imp.mapping as Record<string, string>)).toEqual(["medicalRecordNumber", "firstName", "lastName", "dateOfBirth", "phone", "email"]);
    const done = await previewAndCommit(id);
    expect(done).toMatchObject({ status: "completed", createdCount: 1, rejectedCount: 1 });
    expect((await patientsOf(org)).map((p) => p.medicalRecordNumber)).toEqual(["MRN-T1"]);
    // Row 2 of the table is line 5 of the file.
    expect(await rootDb().dataImportError.findMany({ where: { importId: id, phase: "commit" }, select: { rowNumber: true, line: true } })).toEqual([{ rowNumber: 2, line: 5 }]);

    // The member can say where the names are: line 1 here gives the title's cells as column names.
    const other = await upload(org, csv, "again.csv");
    const ctx = await org.as("staff");
    expect(await configureImport(ctx, other, { mapping: {}, headerRow: 1, hasHeader: true, updateExisting: true, mode: "skip_invalid" })).toMatchObject({ ok: true });
    expect(await importRow(other)).toMatchObject({ headerRow: 1, headers: ["Patient list — Acme Family Clinic"] });
    expect(await configureImport(ctx, other, { mapping: {}, headerRow: 7, updateExisting: true, mode: "skip_invalid" })).toMatchObject({ ok: false, fieldErrors: { headerRow: "At most 5 title lines above the header" } });
  });
});

describe("bad rows", () => {
  const mixed = () => patientsCsv([...manyPatients(3), { mrn: "MRN-9", first: "No", last: "Date", dob: "yesterday" }, ...manyPatients(2, 4)]);

  it("the error file keeps the cells of a row wider than the header, under Column N", async () => {
    const org = await createTestOrganization();
    const csv = patientsCsv(manyPatients(1)) + "MRN-W,Wide,Row,1970-01-01,,,one too many,and another\r\n";
    const imp = await previewAndCommit(await upload(org, csv));
    expect(imp).toMatchObject({ createdCount: 1, rejectedCount: 1 });
    expect(await text(errorsCsv({ id: imp.id, status: imp.status, headers: imp.headers as string[] }))).toBe(
      "MRN,First name,Surname,DOB,Phone,Email,Column 7,Column 8,row,line,error\r\nMRN-W,Wide,Row,1970-01-01,,,one too many,and another,2,3,\"row has 8 cells, the header has 6\"\r\n",
    );
  });

  it("skip_invalid: good rows are imported, bad ones reported; the error CSV fixed and uploaded again imports cleanly", async () => {
    const org = await createTestOrganization();
    const id = await upload(org, mixed());
    const imp = await previewAndCommit(id);
    expect(imp).toMatchObject({ status: "completed", createdCount: 5, rejectedCount: 1 });
    const csv = await text(errorsCsv({ id: imp.id, status: imp.status, headers: imp.headers as string[] }));
    // Row 4 of the file, on line 5 (after the header): the error file says where, and keeps every cell.
    expect(csv).toBe("MRN,First name,Surname,DOB,Phone,Email,row,line,error\r\nMRN-9,No,Date,yesterday,,,4,5,DOB: Enter a valid date (YYYY-MM-DD)\r\n");

    const fixed = csv.replace("yesterday", "1970-01-02");
    const again = await upload(org, fixed, "patients-errors.csv");
    // The "row", "line" and "error" columns map to nothing: they are ignored.
    expect(Object.keys((await importRow(again)).mapping as Record<string, string>)).toHaveLength(6);
    const done = await previewAndCommit(again);
    expect(done).toMatchObject({ status: "completed", createdCount: 1, rejectedCount: 0 });
    expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(6);
  });

  it("all_or_nothing: refuses to commit a file whose preview rejected rows; nothing is written", async () => {
    const org = await createTestOrganization();
    const id = await upload(org, mixed());
    await setOptions(id, { mode: "all_or_nothing" });
    await runPreview(id);
    expect((await runCommit(id)).done).toBe(true);
    const imp = await importRow(id);
    expect(imp.status).toBe("failed");
    expect(imp.error).toMatch(/preview rejected 1 row/);
    expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(0);
  });

  it("skip_invalid: a row the database refuses is isolated (halving the batch) and the rest is committed", async () => {
    const org = await createTestOrganization();
    // The database refuses what the row schema allows: a CHECK added for this organization only.
    const rows = manyPatients(5000);
    rows[3210] = { ...rows[3210]!, last: "REFUSE-ME" };
    const id = await upload(org, patientsCsv(rows));
    await runPreview(id);
    const name = `t_refuse_${org.org.id.replace(/-/g, "").slice(0, 12)}`;
    await rootDb().$executeRawUnsafe(`ALTER TABLE patients ADD CONSTRAINT ${name} CHECK ("organizationId" <> '${org.org.id}'::uuid OR "lastName" <> 'REFUSE-ME') NOT VALID`);
    try {
      while (!(await runCommit(id)).done);
    } finally {
      await rootDb().$executeRawUnsafe(`ALTER TABLE patients DROP CONSTRAINT ${name}`);
    }
    const imp = await importRow(id);
    expect(imp).toMatchObject({ status: "completed", createdCount: 4999, rejectedCount: 1 });
    const err = await rootDb().dataImportError.findFirstOrThrow({ where: { importId: id, phase: "commit" } });
    expect(err.rowNumber).toBe(3211);
    expect(err.reason).toMatch(/database refused this row.*t_refuse_/);
    expect(await rootDb().dataImportChange.count({ where: { importId: id } })).toBe(4999);
  });

  it("all_or_nothing: a batch failing in the database mid-way rolls back the batches already committed", async () => {
    const org = await createTestOrganization();
    const rows = manyPatients(12_000);
    rows[11_000] = { ...rows[11_000]!, last: "REFUSE-ME" };
    const id = await upload(org, patientsCsv(rows));
    await setOptions(id, { mode: "all_or_nothing" });
    await runPreview(id);
    const name = `t_refuse_${org.org.id.replace(/-/g, "").slice(0, 12)}`;
    await rootDb().$executeRawUnsafe(`ALTER TABLE patients ADD CONSTRAINT ${name} CHECK ("organizationId" <> '${org.org.id}'::uuid OR "lastName" <> 'REFUSE-ME') NOT VALID`);
    try {
      while (!(await runCommit(id)).done);
    } finally {
      await rootDb().$executeRawUnsafe(`ALTER TABLE patients DROP CONSTRAINT ${name}`);
    }
    const imp = await importRow(id);
    expect(imp.status).toBe("failed");
    expect(imp.error).toMatch(/^All or nothing: the batch of rows 10001-12000 failed: .*t_refuse_.*rolled back: nothing was imported\.$/);
    // Everything was rolled back, so the import claims nothing: no rows done, no counts, no commit errors.
    expect(imp).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 0, rejectedCount: 0, rowsDone: 0, resumeRow: 1 });
    expect(await rootDb().dataImportError.count({ where: { importId: id, phase: "commit" } })).toBe(0);
    expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(0);
    expect(await rootDb().dataImportChange.count({ where: { importId: id } })).toBe(0);
  });
});

describe("mapping", () => {
  it("configureImport validates the mapping, saves it per header signature and re-applies it", async () => {
    const org = await createTestOrganization();
    const csv = "Code,Given,Family,Born,Misc\r\nA-1,Ann,Lee,1980-05-06,x\r\n";
    const id = await upload(org, csv);
    expect((await importRow(id)).mapping).toEqual({ "3": "dateOfBirth" });
    const ctx = await org.as("staff");
    const bad = await configureImport(ctx, id, { mapping: { "0": "medicalRecordNumber", "1": "firstName", "2": "firstName", "4": "nope" }, updateExisting: true, mode: "skip_invalid" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors).toEqual({ "mapping.2": `"First name" is already mapped to column "Given"`, "mapping.4": `Unknown field "nope" for column "Misc"` });
    const good = await configureImport(ctx, id, { mapping: { "0": "medicalRecordNumber", "1": "firstName", "2": "lastName", "3": "dateOfBirth", "4": "" }, updateExisting: true, mode: "skip_invalid" });
    expect(good.ok).toBe(true);
    // Same headers, other letter case: the saved mapping comes back.
    const next = await upload(org, csv.replace("Code,Given", "CODE,given"));
    expect((await importRow(next)).mapping).toEqual({ "0": "medicalRecordNumber", "1": "firstName", "2": "lastName", "3": "dateOfBirth" });
  });
});

describe("patients export", () => {
  it("pages all / filtered / selected patients of the organization; the exported file imports back as all unchanged", async () => {
    const org = await createTestOrganization();
    const other = await createTestOrganization();
    await previewAndCommit(await upload(org, patientsCsv(manyPatients(7, 1, (i) => ({ first: i === 3 ? "=cmd" : `First${i}`, phone: "+1 555 0100" })))));
    await previewAndCommit(await upload(other, patientsCsv(manyPatients(2))));
    const { patientImportResource } = await import("@/core/patients/import-resource");
    const { csvStream } = await import("@/core/imports/csv/write");
    const def = patientImportResource.export!;
    const db = rootDb() as never;
    expect(await def.count({ organizationId: org.org.id, tx: db }, { scope: "all" })).toBe(7);
    expect(await def.count({ organizationId: org.org.id, tx: db }, { scope: "filtered", filter: { q: "Last7" } })).toBe(1);
    const foreign = (await patientsOf(other))[0]!.id;
    const mine = (await patientsOf(org))[0]!.id;
    expect(await def.count({ organizationId: org.org.id, tx: db }, { scope: "selected", ids: [foreign, mine] })).toBe(1);

    async function* rows() {
      let after: string | null = null;
      for (;;) {
        const page: { rows: Record<string, string>[]; cursor: string | null } = await def.page({ organizationId: org.org.id, tx: db }, { scope: "all" }, after, 3);
        for (const r of page.rows) yield def.columns.map((c) => r[c.key] ?? "");
        if (page.rows.length < 3) return;
        after = page.cursor;
      }
    }
    let csv = "";
    for await (const t of csvStream(def.columns.map((c) => c.header), rows())) csv += t;
    expect(csv.split("\r\n")[0]).toBe("Medical record number,First name,Last name,Date of birth,Phone,Email,Address,Notes");
    expect(csv).toContain(",'=cmd,");
    const again = await previewAndCommit(await upload(org, csv, "export.csv"));
    expect(again.preview).toEqual({ create: 0, update: 0, unchanged: 7, reject: 0 });
    expect((await patientsOf(org)).find((p) => p.lastName === "Last3")!.firstName).toBe("=cmd");
  });
});
