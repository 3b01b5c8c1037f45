// Patient validation, writes and the list query (pagination, sorting, search) on the real database.
import { describe, expect, it } from "vitest";
import { scopedDb } from "@/core/db/scoped";
import { parseListParams } from "@/core/lists/list-params";
import { createPatient, updatePatient } from "@/core/patients/mutations";
import { listPatients } from "@/core/patients/queries";
import { PATIENT_SORTS, patientInputSchema } from "@/core/patients/schema";
import { createOrganization, patientData } from "../helpers/fixtures";

describe("patient input", () => {
  it("reports each bad field with a reason", () => {
    const r = patientInputSchema.safeParse({ firstName: " ", lastName: "X", dateOfBirth: "2999-01-01", medicalRecordNumber: "a b", email: "nope", phone: "abc" });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byField).toMatchObject({
      firstName: "First name is required",
      dateOfBirth: "Date of birth cannot be in the future",
      medicalRecordNumber: "Use letters, digits and dashes only",
      email: "Enter a valid email address",
      phone: "Enter a valid phone number",
    });
  });

  it("normalises blanks to null and e-mails to lower case", () => {
    const r = patientInputSchema.parse({ ...patientData(), phone: "", email: "Ada@Example.COM", notes: "  " });
    expect(r).toMatchObject({ phone: null, email: "ada@example.com", notes: null });
  });
});

describe("patient writes", () => {
  it("rejects a duplicate medical record number within one organization only", async () => {
    const a = await createOrganization();
    const b = await createOrganization();
    const ctx = await a.as("staff");
    expect((await createPatient(ctx, patientData({ medicalRecordNumber: "DUP-1" }))).ok).toBe(true);
    const dup = await createPatient(ctx, patientData({ medicalRecordNumber: "DUP-1" }));
    expect(dup.ok).toBe(false);
    expect(!dup.ok && dup.fieldErrors?.medicalRecordNumber).toMatch(/already has this medical record number/);
    expect(await ctx.db.patient.count({ where: { medicalRecordNumber: "DUP-1" } })).toBe(1);
    // The same number is fine in another organization.
    expect((await createPatient(await b.as("staff"), patientData({ medicalRecordNumber: "DUP-1" }))).ok).toBe(true);
  });

  it("updates a patient and keeps the row unchanged when the update is refused", async () => {
    const a = await createOrganization();
    const ctx = await a.as("staff");
    const p1 = await createPatient(ctx, patientData({ medicalRecordNumber: "KEEP-1", firstName: "One" }));
    const p2 = await createPatient(ctx, patientData({ medicalRecordNumber: "KEEP-2", firstName: "Two" }));
    if (!p1.ok || !p2.ok) throw new Error("setup");
    const res = await updatePatient(ctx, p2.data.id, patientData({ medicalRecordNumber: "KEEP-1", firstName: "Changed" }));
    expect(res.ok).toBe(false);
    const row = await ctx.db.patient.findFirstOrThrow({ where: { id: p2.data.id } });
    expect(row).toMatchObject({ firstName: "Two", medicalRecordNumber: "KEEP-2" });
    expect((await updatePatient(ctx, p2.data.id, patientData({ medicalRecordNumber: "KEEP-2", firstName: "Renamed" }))).ok).toBe(true);
    expect((await ctx.db.patient.findFirstOrThrow({ where: { id: p2.data.id } })).firstName).toBe("Renamed");
  });
});

describe("patient list", () => {
  async function orgWith(n: number) {
    const a = await createOrganization();
    const rows = Array.from({ length: n }, (_, i) => ({
      ...patientData({ firstName: `First${String(i).padStart(2, "0")}`, lastName: i % 2 ? "Odd" : "Even", medicalRecordNumber: `L-${String(i).padStart(3, "0")}` }),
      dateOfBirth: new Date(Date.UTC(1950 + i, 0, 1)),
      organizationId: a.org.id,
    }));
    await scopedDb(a.org.id).patient.createMany({ data: rows });
    return a;
  }

  it("paginates, clamps a page past the end and counts in the database", async () => {
    const a = await orgWith(25);
    const db = (await a.as("viewer")).db;
    const p2 = await listPatients(db, parseListParams({ page: "2", pageSize: "10", sort: "medicalRecordNumber", dir: "asc" }, PATIENT_SORTS, { sort: "name", dir: "asc" }));
    expect(p2.total).toBe(25);
    expect(p2.rows.map((r) => r.medicalRecordNumber)).toEqual(Array.from({ length: 10 }, (_, i) => `L-${String(i + 10).padStart(3, "0")}`));
    const past = await listPatients(db, parseListParams({ page: "99", pageSize: "10" }, PATIENT_SORTS, { sort: "name", dir: "asc" }));
    expect(past.page).toBe(3);
    expect(past.rows).toHaveLength(5);
  });

  it("sorts by date of birth both ways and ignores unknown sort columns", async () => {
    const a = await orgWith(5);
    const db = (await a.as("viewer")).db;
    const desc = await listPatients(db, parseListParams({ sort: "dateOfBirth", dir: "desc" }, PATIENT_SORTS, { sort: "name", dir: "asc" }));
    expect(desc.rows.map((r) => r.dateOfBirth)).toEqual(["1954-01-01", "1953-01-01", "1952-01-01", "1951-01-01", "1950-01-01"]);
    const bogus = parseListParams({ sort: "passwordHash; DROP TABLE", dir: "sideways", pageSize: "7" }, PATIENT_SORTS, { sort: "name", dir: "asc" });
    expect(bogus).toMatchObject({ sort: "name", dir: "asc", pageSize: 20 });
  });

  it("searches substrings of names and record numbers, every word must match", async () => {
    const a = await orgWith(12);
    const db = (await a.as("viewer")).db;
    const q = (text: string) => listPatients(db, parseListParams({ q: text, pageSize: "100" }, PATIENT_SORTS, { sort: "name", dir: "asc" }));
    expect((await q("irst0")).total).toBe(10);
    expect((await q("odd")).total).toBe(6);
    expect((await q("odd first1")).rows.map((r) => r.firstName).sort()).toEqual(["First11"]);
    expect((await q("L-007")).rows.map((r) => r.firstName)).toEqual(["First07"]);
    expect((await q("zzz")).total).toBe(0);
  });

  it("filters by visits: with an upcoming scheduled appointment, or without any appointment", async () => {
    const a = await createOrganization();
    const ctx = await a.as("staff");
    const db = ctx.db;
    const mk = async (first: string) => {
      const p = await createPatient(ctx, patientData({ firstName: first }));
      if (!p.ok) throw new Error("setup");
      return p.data.id;
    };
    const soon = await mk("Soon");
    const past = await mk("Past");
    await mk("Never");
    const at = (d: number) => new Date(Date.now() + d * 86_400_000);
    await db.appointment.createMany({
      data: [
        { organizationId: a.org.id, patientId: soon, startsAt: at(3), endsAt: new Date(at(3).getTime() + 1_800_000), provider: "X", status: "scheduled" },
        { organizationId: a.org.id, patientId: past, startsAt: at(-3), endsAt: new Date(at(-3).getTime() + 1_800_000), provider: "X", status: "completed" },
      ],
    });
    const names = async (visits?: "upcoming" | "none") =>
      (await listPatients(db, parseListParams({}, PATIENT_SORTS, { sort: "name", dir: "asc" }), { visits })).rows.map((r) => r.firstName).sort();
    expect(await names()).toEqual(["Never", "Past", "Soon"]);
    expect(await names("upcoming")).toEqual(["Soon"]);
    expect(await names("none")).toEqual(["Never"]);
  });
});
