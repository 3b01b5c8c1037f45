// Core record writes emit core.patient.* and core.appointment.* with before/after values, the changed
// fields and the acting user — single writes and the bulk status update alike — and failed writes
// emit nothing.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bulkUpdateAppointmentStatus } from "@/core/appointments/bulk";
import { createAppointment, deleteAppointment, updateAppointment } from "@/core/appointments/mutations";
import { rootDb } from "@/core/db/client";
import {
  appointmentCreated, appointmentDeleted, appointmentUpdated, patientCreated, patientDeleted, patientUpdated,
} from "@/core/events/core-events";
import type { EventDefinition } from "@/core/events/define-event";
import { createPatient, deletePatient, updatePatient } from "@/core/patients/mutations";
import { afterCommit, definePlugin, onEvent, type Actor } from "@/core/plugins/types";
import { createOrganization, patientData } from "../helpers/fixtures";
import { countingContext, installPlugins, setPluginEnabled } from "./helpers";

type Seen = { event: string; payload: Record<string, unknown> & { id: string; before: unknown; after: unknown; changes: string[] }; actor: Actor };
const seen: Seen[] = [];
const record = (event: EventDefinition) =>
  onEvent({ event, handle: (payload, { actor }) => void seen.push({ event: event.name, payload: payload as Seen["payload"], actor }) });

const recorder = definePlugin({
  id: "recorder", name: "Recorder", version: "1.0.0", description: "", author: "t",
  handlers: {
    inTransaction: [patientCreated, patientUpdated, patientDeleted, appointmentCreated, appointmentUpdated, appointmentDeleted].map(record),
    durable: [afterCommit({ id: "appointment-updated", event: appointmentUpdated, handle: () => {} })],
  },
});

beforeAll(() => installPlugins(recorder));
beforeEach(() => {
  seen.length = 0;
});

async function setup() {
  const a = await createOrganization();
  await setPluginEnabled(a.org.id, "recorder");
  const ctx = await a.as("staff");
  const actor = { type: "user", id: ctx.user.id, name: ctx.user.name };
  return { ...a, ctx, actor };
}

const PATIENT_FIELDS = ["id", "organizationId", "firstName", "lastName", "dateOfBirth", "medicalRecordNumber", "phone", "email", "address", "notes", "createdAt", "updatedAt"];
const APPOINTMENT_FIELDS = ["id", "organizationId", "patientId", "startsAt", "endsAt", "provider", "status", "notes", "createdAt", "updatedAt"];
const iso = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
const appt = (patientId: string, day = "2030-01-01", status: "scheduled" | "completed" | "cancelled" = "scheduled") =>
  ({ patientId, startsAt: `${day}T09:00:00.000Z`, endsAt: `${day}T09:30:00.000Z`, provider: "Dr. Hart", status, notes: null });

describe("patient events", () => {
  it("created, updated and deleted carry before, after, changes and the acting user", async () => {
    const { ctx, org, actor } = await setup();
    const data = patientData({ firstName: "Ada", dateOfBirth: "1980-12-10" });
    const res = await createPatient(ctx, data);
    expect(res).toEqual({ ok: true, data: { id: expect.any(String) }, message: "Patient Ada Lovelace created." });
    const id = res.ok ? res.data.id : "";
    const created = {
      id, organizationId: org.id, firstName: "Ada", lastName: "Lovelace", dateOfBirth: "1980-12-10", medicalRecordNumber: data.medicalRecordNumber,
      phone: null, email: null, address: null, notes: null, createdAt: iso, updatedAt: iso,
    };
    expect(seen).toEqual([{ event: "core.patient.created", actor, payload: { organizationId: org.id, id, before: null, after: created, changes: PATIENT_FIELDS } }]);
    const createdAfter = seen[0]!.payload.after as Record<string, unknown>;

    seen.length = 0;
    expect(await updatePatient(ctx, id, { ...data, firstName: "Augusta", phone: "+44 20 1234 5678" })).toMatchObject({ ok: true, message: "Patient Augusta Lovelace saved." });
    expect(seen).toHaveLength(1);
    const upd = seen[0]!;
    expect(upd.event).toBe("core.patient.updated");
    expect(upd.actor).toEqual(actor);
    expect(upd.payload.before).toEqual(createdAfter);
    expect(upd.payload.after).toEqual({ ...createdAfter, firstName: "Augusta", phone: "+44 20 1234 5678", updatedAt: iso });
    expect(upd.payload.changes).toEqual(["firstName", "phone"]);
    const updatedAfter = upd.payload.after;

    seen.length = 0;
    expect(await deletePatient(ctx, id)).toEqual({ ok: true, data: { id }, message: "Patient Augusta Lovelace deleted." });
    expect(seen).toEqual([{ event: "core.patient.deleted", actor, payload: { organizationId: org.id, id, before: updatedAfter, after: null, changes: PATIENT_FIELDS } }]);
  });

  it("deleting a patient emits core.appointment.deleted for each of their appointments first", async () => {
    const { ctx } = await setup();
    const p = await createPatient(ctx, patientData());
    if (!p.ok) throw new Error("setup");
    await createAppointment(ctx, appt(p.data.id, "2030-01-01"));
    await createAppointment(ctx, appt(p.data.id, "2030-01-02"));
    seen.length = 0;
    expect((await deletePatient(ctx, p.data.id)).ok).toBe(true);
    expect(seen.map((s) => s.event)).toEqual(["core.appointment.deleted", "core.appointment.deleted", "core.patient.deleted"]);
    expect(seen.slice(0, 2).map((s) => (s.payload.before as { startsAt: string }).startsAt).sort()).toEqual(["2030-01-01T09:00:00.000Z", "2030-01-02T09:00:00.000Z"]);
    expect(await rootDb().appointment.count({ where: { patientId: p.data.id } })).toBe(0);
  });

  it("failed writes keep their results and emit nothing", async () => {
    const { ctx } = await setup();
    const other = await setup();
    const p = await createPatient(ctx, patientData({ medicalRecordNumber: "SAME-1" }));
    const foreign = await createPatient(other.ctx, patientData());
    if (!p.ok || !foreign.ok) throw new Error("setup");
    seen.length = 0;
    expect(await createPatient(ctx, patientData({ medicalRecordNumber: "SAME-1" }))).toMatchObject({ ok: false, fieldErrors: { medicalRecordNumber: expect.stringMatching(/already has/) } });
    const gone = { ok: false, error: "This patient no longer exists." };
    expect(await updatePatient(ctx, foreign.data.id, patientData())).toEqual(gone);
    expect(await deletePatient(ctx, foreign.data.id)).toEqual(gone);
    expect(await deletePatient(ctx, crypto.randomUUID())).toEqual(gone);
    expect(await deletePatient(ctx, "not-a-uuid")).toEqual(gone);
    expect(seen).toEqual([]);
    expect(await rootDb().eventOutbox.count({ where: { organizationId: ctx.organization.id } })).toBe(0);
  });
});

describe("appointment events", () => {
  it("created, updated and deleted; a foreign patient is refused without an event", async () => {
    const { ctx, actor } = await setup();
    const other = await setup();
    const p = await createPatient(ctx, patientData());
    const foreign = await createPatient(other.ctx, patientData());
    if (!p.ok || !foreign.ok) throw new Error("setup");
    seen.length = 0;
    const res = await createAppointment(ctx, appt(p.data.id));
    if (!res.ok) throw new Error(res.error);
    const id = res.data.id;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ event: "core.appointment.created", actor, payload: { id, before: null, changes: APPOINTMENT_FIELDS } });
    expect(seen[0]!.payload.after).toMatchObject({ id, patientId: p.data.id, startsAt: "2030-01-01T09:00:00.000Z", status: "scheduled", provider: "Dr. Hart" });

    seen.length = 0;
    expect(await updateAppointment(ctx, id, { ...appt(p.data.id), status: "completed", notes: "Went well" })).toMatchObject({ ok: true });
    expect(seen[0]).toMatchObject({ event: "core.appointment.updated", payload: { changes: ["status", "notes"], before: { status: "scheduled", notes: null }, after: { status: "completed", notes: "Went well" } } });

    seen.length = 0;
    const missing = { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { patientId: "This patient does not exist in your organization" } };
    expect(await createAppointment(ctx, appt(foreign.data.id))).toEqual(missing);
    expect(await updateAppointment(ctx, id, appt(foreign.data.id))).toEqual(missing);
    expect(await deleteAppointment(other.ctx, id)).toEqual({ ok: false, error: "This appointment no longer exists." });
    expect(seen).toEqual([]);

    expect(await deleteAppointment(ctx, id)).toEqual({ ok: true, data: { id }, message: "Appointment deleted." });
    expect(seen).toMatchObject([{ event: "core.appointment.deleted", payload: { id, after: null, before: { status: "completed" } } }]);
  });
});

describe("bulkUpdateAppointmentStatus", () => {
  it("updates in ONE statement, emits one event per changed row, and never touches another organization's rows", async () => {
    const { ctx, actor, org } = await setup();
    const other = await setup();
    const p = await createPatient(ctx, patientData());
    const q = await createPatient(other.ctx, patientData());
    if (!p.ok || !q.ok) throw new Error("setup");
    const mine = await Promise.all(["2030-01-01", "2030-01-02", "2030-01-03"].map((d) => createAppointment(ctx, appt(p.data.id, d))));
    const done = await createAppointment(ctx, appt(p.data.id, "2030-01-04", "cancelled"));
    const theirs = await Promise.all(["2030-01-01", "2030-01-02"].map((d) => createAppointment(other.ctx, appt(q.data.id, d))));
    const ids = (rs: { ok: boolean; data?: { id: string } }[]) => rs.map((r) => r.data!.id);
    const theirsBefore = await rootDb().appointment.findMany({ where: { id: { in: ids(theirs) } }, orderBy: { id: "asc" } });
    seen.length = 0;

    const log: string[] = [];
    const res = await bulkUpdateAppointmentStatus(countingContext(ctx, log), [...ids(mine), ...ids([done]), ...ids(theirs), crypto.randomUUID()], "cancelled");
    expect(res).toEqual({ ok: true, data: { updated: 3 }, message: "3 appointments updated." });
    // The write is one UPDATE; the events cost one read of the enabled plugins and one outbox INSERT.
    expect(log).toEqual(["$queryRaw UPDATE", "pluginInstallation.findMany", "$executeRaw INSERT"]);

    expect(seen.map((s) => s.payload.id).sort()).toEqual(ids(mine).sort());
    for (const s of seen) {
      expect(s).toMatchObject({ event: "core.appointment.updated", actor, payload: { organizationId: org.id, changes: ["status"] } });
      const { before, after } = s.payload as unknown as Record<"before" | "after", { status: string; updatedAt: string }>;
      expect(before.status).toBe("scheduled");
      expect(after).toEqual({ ...before, status: "cancelled", updatedAt: iso });
      expect(after.updatedAt > before.updatedAt).toBe(true);
    }
    expect(await rootDb().eventOutbox.count({ where: { organizationId: org.id, handlerKey: "recorder:appointment-updated" } })).toBe(3);
    // The other organization's appointments, although their ids were passed, are exactly as before.
    expect(await rootDb().appointment.findMany({ where: { id: { in: ids(theirs) } }, orderBy: { id: "asc" } })).toEqual(theirsBefore);
    expect(await rootDb().eventOutbox.count({ where: { organizationId: other.org.id } })).toBe(0);
  });

  it("handles 10,000 rows in a few statements", async () => {
    const { ctx, org } = await setup();
    const p = await createPatient(ctx, patientData());
    if (!p.ok) throw new Error("setup");
    const rows = await rootDb().$queryRaw<{ id: string }[]>`
      INSERT INTO appointments (id, "organizationId", "patientId", "startsAt", "endsAt", provider, "updatedAt")
      SELECT gen_random_uuid(), ${org.id}::uuid, ${p.data.id}::uuid, t, t + interval '30 minutes', 'Dr. Bulk', now()
      FROM generate_series(1, 10000) AS i, LATERAL (SELECT timestamptz '2030-01-01' + i * interval '1 hour' AS t) AS s
      RETURNING id::text`;
    seen.length = 0;
    const log: string[] = [];
    const res = await bulkUpdateAppointmentStatus(countingContext(ctx, log), rows.map((r) => r.id), "completed");
    expect(res).toMatchObject({ ok: true, data: { updated: 10_000 } });
    expect(log).toEqual(["$queryRaw UPDATE", "pluginInstallation.findMany", "$executeRaw INSERT"]);
    expect(seen).toHaveLength(10_000);
    expect(await rootDb().eventOutbox.count({ where: { organizationId: org.id, eventName: "core.appointment.updated" } })).toBe(10_000);
  });

  it("rejects bad input without writing", async () => {
    const { ctx } = await setup();
    expect(await bulkUpdateAppointmentStatus(ctx, ["nope"], "completed")).toMatchObject({ ok: false, fieldErrors: { "ids.0": "Unknown appointment" } });
    expect(await bulkUpdateAppointmentStatus(ctx, [], "completed")).toMatchObject({ ok: false });
    // @ts-expect-error not a status
    expect(await bulkUpdateAppointmentStatus(ctx, [crypto.randomUUID()], "lost")).toMatchObject({ ok: false, fieldErrors: { status: "Choose a status" } });
    expect(seen).toEqual([]);
  });
});
