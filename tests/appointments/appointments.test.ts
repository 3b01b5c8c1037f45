// Appointment validation and the filtered list on the real database.
import { describe, expect, it } from "vitest";
import { createAppointment, updateAppointment } from "@/core/appointments/mutations";
import { listAppointments, parseAppointmentFilters } from "@/core/appointments/queries";
import { APPOINTMENT_SORTS, appointmentInputSchema } from "@/core/appointments/schema";
import { rootDb } from "@/core/db/client";
import { parseListParams } from "@/core/lists/list-params";
import { createPatient } from "@/core/patients/mutations";
import { createOrganization, patientData } from "../helpers/fixtures";

const base = { provider: "Dr. Hart", status: "scheduled" as const, notes: null };

describe("appointment input", () => {
  it("requires the end after the start and at most 24 hours later", () => {
    const pid = crypto.randomUUID();
    const before = appointmentInputSchema.safeParse({ ...base, patientId: pid, startsAt: "2030-01-01T10:00:00Z", endsAt: "2030-01-01T09:00:00Z" });
    expect(before.error?.issues[0]).toMatchObject({ path: ["endsAt"], message: "End time must be after the start time" });
    const long = appointmentInputSchema.safeParse({ ...base, patientId: pid, startsAt: "2030-01-01T10:00:00Z", endsAt: "2030-01-03T10:00:00Z" });
    expect(long.error?.issues[0]?.message).toBe("An appointment cannot last longer than 24 hours");
    const bad = appointmentInputSchema.safeParse({ ...base, patientId: "x", startsAt: "soon", endsAt: "later", status: "lost" });
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(["endsAt", "patientId", "startsAt", "status"]);
  });

  it("the database refuses an end before the start on any write path", async () => {
    const a = await createOrganization();
    const p = await createPatient(await a.as("staff"), patientData());
    if (!p.ok) throw new Error("setup");
    await expect(
      rootDb().appointment.create({
        data: { organizationId: a.org.id, patientId: p.data.id, startsAt: new Date("2030-01-01T10:00Z"), endsAt: new Date("2030-01-01T09:00Z"), provider: "X" },
      }),
    ).rejects.toThrow(/appointments_ends_after_starts/);
  });
});

describe("appointment list", () => {
  it("filters by status, provider, date range and patient, and sorts by patient name", async () => {
    const a = await createOrganization();
    const ctx = await a.as("staff");
    const zed = await createPatient(ctx, patientData({ firstName: "Zed", lastName: "Zulu" }));
    const amy = await createPatient(ctx, patientData({ firstName: "Amy", lastName: "Alpha" }));
    if (!zed.ok || !amy.ok) throw new Error("setup");
    const mk = (patientId: string, day: string, provider: string, status: "scheduled" | "completed" | "cancelled") =>
      createAppointment(ctx, { patientId, startsAt: `${day}T09:00:00.000Z`, endsAt: `${day}T09:30:00.000Z`, provider, status, notes: null });
    await mk(zed.data.id, "2030-01-01", "Dr. Hart", "scheduled");
    await mk(zed.data.id, "2030-01-05", "Dr. Mehta", "completed");
    await mk(amy.data.id, "2030-01-03", "Dr. Hart", "cancelled");
    await mk(amy.data.id, "2030-02-01", "Dr. Hart", "scheduled");

    const list = (raw: Record<string, string>) =>
      listAppointments(ctx.db, parseListParams(raw, APPOINTMENT_SORTS, { sort: "startsAt", dir: "asc" }), parseAppointmentFilters(raw));
    expect((await list({})).total).toBe(4);
    expect((await list({ status: "scheduled" })).total).toBe(2);
    expect((await list({ provider: "Dr. Hart" })).total).toBe(3);
    expect((await list({ from: "2030-01-02", to: "2030-01-05" })).rows.map((r) => r.startsAt.slice(0, 10))).toEqual(["2030-01-03", "2030-01-05"]);
    expect((await list({ patientId: amy.data.id })).total).toBe(2);
    expect((await list({ q: "zulu" })).total).toBe(2);
    expect((await list({ status: "bogus", from: "not-a-date" })).total).toBe(4);
    const byPatient = await list({ sort: "patient", dir: "asc" });
    expect(byPatient.rows.map((r) => r.patientName)).toEqual(["Alpha, Amy", "Alpha, Amy", "Zulu, Zed", "Zulu, Zed"]);
  });

  it("moves an appointment and reports a vanished one", async () => {
    const a = await createOrganization();
    const ctx = await a.as("staff");
    const p = await createPatient(ctx, patientData());
    if (!p.ok) throw new Error("setup");
    const ap = await createAppointment(ctx, { ...base, patientId: p.data.id, startsAt: "2030-01-01T09:00:00Z", endsAt: "2030-01-01T09:30:00Z" });
    if (!ap.ok) throw new Error("setup");
    const moved = await updateAppointment(ctx, ap.data.id, { ...base, patientId: p.data.id, startsAt: "2030-01-02T09:00:00Z", endsAt: "2030-01-02T10:00:00Z", status: "completed" });
    expect(moved.ok).toBe(true);
    expect(await ctx.db.appointment.findFirstOrThrow({ where: { id: ap.data.id } })).toMatchObject({ status: "completed", endsAt: new Date("2030-01-02T10:00:00Z") });
    const gone = await updateAppointment(ctx, crypto.randomUUID(), { ...base, patientId: p.data.id, startsAt: "2030-01-02T09:00:00Z", endsAt: "2030-01-02T10:00:00Z" });
    expect(gone).toEqual({ ok: false, error: "This appointment no longer exists." });
  });
});
