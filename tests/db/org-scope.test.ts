// The data-access layer keeps every organization inside its own data, whatever the caller passes.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { orgScopedModels, scopedDb } from "@/core/db/scoped";
import { createAppointment } from "@/core/appointments/mutations";
import { createPatient, deletePatient, updatePatient } from "@/core/patients/mutations";
import { getPatient } from "@/core/patients/queries";
import { createOrganization, patientData } from "../helpers/fixtures";

describe("organization-scoped data access", () => {
  it("lists and finds only the caller's organization's records", async () => {
    const a = await createOrganization("A");
    const b = await createOrganization("B");
    const ctxA = await a.as("staff");
    const ctxB = await b.as("staff");
    const pa = await createPatient(ctxA, patientData({ firstName: "Alice" }));
    const pb = await createPatient(ctxB, patientData({ firstName: "Bob" }));
    if (!pa.ok || !pb.ok) throw new Error("setup failed");

    expect((await ctxA.db.patient.findMany()).map((p) => p.firstName)).toEqual(["Alice"]);
    expect(await ctxA.db.patient.count()).toBe(1);
    expect(await getPatient(ctxA.db, pb.data.id)).toBeNull();
    expect(await ctxA.db.patient.findUnique({ where: { id: pb.data.id } })).toBeNull();
    // Even an explicit organizationId of the other organization is overridden.
    expect(await ctxA.db.patient.findMany({ where: { organizationId: b.org.id } })).toHaveLength(1);
    expect((await ctxA.db.patient.findMany({ where: { organizationId: b.org.id } }))[0]!.firstName).toBe("Alice");
  });

  it("cannot update or delete another organization's record, and leaves it untouched", async () => {
    const a = await createOrganization();
    const b = await createOrganization();
    const ctxA = await a.as("admin");
    const pb = await createPatient(await b.as("staff"), patientData({ firstName: "Original" }));
    if (!pb.ok) throw new Error("setup failed");

    const upd = await updatePatient(ctxA, pb.data.id, patientData({ firstName: "Hacked" }));
    expect(upd).toEqual({ ok: false, error: "This patient no longer exists." });
    const del = await deletePatient(ctxA, pb.data.id);
    expect(del.ok).toBe(false);
    await expect(ctxA.db.patient.updateMany({ data: { firstName: "Mass" } })).resolves.toEqual({ count: 0 });

    const still = await rootDb().patient.findUniqueOrThrow({ where: { id: pb.data.id } });
    expect(still.firstName).toBe("Original");
  });

  it("creates records in the caller's organization even when another one is passed", async () => {
    const a = await createOrganization();
    const b = await createOrganization();
    const db = scopedDb(a.org.id);
    const p = await db.patient.create({ data: { ...patientData(), dateOfBirth: new Date("1990-01-01"), organizationId: b.org.id } });
    expect(p.organizationId).toBe(a.org.id);
    await db.patient.createMany({ data: [{ ...patientData(), dateOfBirth: new Date("1990-01-01"), organizationId: b.org.id }] });
    expect(await rootDb().patient.count({ where: { organizationId: b.org.id } })).toBe(0);
    // An update cannot move a record to another organization either.
    await db.patient.update({ where: { id: p.id }, data: { organizationId: b.org.id } });
    expect((await rootDb().patient.findUniqueOrThrow({ where: { id: p.id } })).organizationId).toBe(a.org.id);
  });

  it("refuses an appointment for another organization's patient without writing anything", async () => {
    const a = await createOrganization();
    const b = await createOrganization();
    const ctxA = await a.as("staff");
    const pb = await createPatient(await b.as("staff"), patientData());
    if (!pb.ok) throw new Error("setup failed");
    const res = await createAppointment(ctxA, {
      patientId: pb.data.id,
      startsAt: "2030-01-01T09:00:00.000Z",
      endsAt: "2030-01-01T09:30:00.000Z",
      provider: "Dr. X",
      status: "scheduled",
      notes: null,
    });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.fieldErrors?.patientId).toMatch(/does not exist in your organization/);
    expect(await rootDb().appointment.count({ where: { patientId: pb.data.id } })).toBe(0);
  });

  it("scopes every model of the schema (core and plugins) that has an organizationId", () => {
    const schema = fs
      .readdirSync("prisma/schema")
      .filter((f) => f.endsWith(".prisma"))
      .map((f) => fs.readFileSync(`prisma/schema/${f}`, "utf8"))
      .join("\n");
    const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)]
      .filter(([, , body]) => /^\s+organizationId\s/m.test(body!))
      .map(([, name]) => name);
    expect(new Set(models)).toEqual(orgScopedModels());
  });
});
