// Patient writes. Each runs in one transaction of the organization-scoped client, so a patient id of
// another organization behaves exactly like a non-existent one, and emits its core event
// (core/events/core-events.ts) in that transaction: a plugin's in-transaction handler that throws
// rolls the write back, and durable handlers are queued in the outbox only if the write commits.
// A failed write leaves the row unchanged and emits nothing.
import type { OrgContext } from "@/core/auth/context";
import { AUDITED_TX } from "@/core/db/tx";
import type { ActionResult } from "@/core/actions/result";
import { isNotFound, isUniqueViolation } from "@/core/db/errors";
import { appointmentDeleted, patientCreated, patientDeleted, patientUpdated } from "@/core/events/core-events";
import { emit, emitMany } from "@/core/events/emit";
import { eventMeta } from "@/core/events/meta";
import { requestOrigin } from "@/core/http/request-origin";
import { kickOutbox } from "@/core/events/outbox-signal";
import { appointmentRecord, created, deleted, patientRecord, updated } from "@/core/events/record-changes";
import { deleteAppointmentsOfPatient } from "@/core/appointments/row-lock";
import { lockPatient } from "./row-lock";
import type { PatientData } from "./schema";

const DUPLICATE_MRN = "Another patient in this organization already has this medical record number";
const GONE = { ok: false as const, error: "This patient no longer exists." };

function toRow(data: PatientData) {
  return { ...data, dateOfBirth: new Date(`${data.dateOfBirth}T00:00:00Z`) };
}

export async function createPatient(ctx: OrgContext, data: PatientData): Promise<ActionResult<{ id: string }>> {
  try {
    const meta = eventMeta(ctx, await requestOrigin("form"));
    const p = await ctx.db.$transaction(async (tx) => {
      const row = await tx.patient.create({ data: { ...toRow(data), organizationId: ctx.organization.id } });
      await emit(tx, meta, patientCreated, created(patientRecord(row)));
      return { id: row.id };
    }, AUDITED_TX);
    kickOutbox();
    return { ok: true, data: p, message: `Patient ${data.firstName} ${data.lastName} created.` };
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { medicalRecordNumber: DUPLICATE_MRN } };
    throw err;
  }
}

export async function updatePatient(ctx: OrgContext, id: string, data: PatientData): Promise<ActionResult<{ id: string }>> {
  try {
    const meta = eventMeta(ctx, await requestOrigin("form"));
    const p = await ctx.db.$transaction(async (tx) => {
      const before = await lockPatient(tx, ctx.organization.id, id);
      if (!before) return null;
      const row = await tx.patient.update({ where: { id }, data: toRow(data) });
      await emit(tx, meta, patientUpdated, updated(patientRecord(before), patientRecord(row)));
      return { id: row.id };
    }, AUDITED_TX);
    if (!p) return GONE;
    kickOutbox();
    return { ok: true, data: p, message: `Patient ${data.firstName} ${data.lastName} saved.` };
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { medicalRecordNumber: DUPLICATE_MRN } };
    if (isNotFound(err)) return GONE;
    throw err;
  }
}

/**
 * Deletes the patient and their appointments. The appointments are deleted here, in one statement,
 * rather than left to the foreign key's ON DELETE CASCADE, so that each emits core.appointment.deleted
 * like any other deletion (the cascade stays as the database's guarantee).
 */
export async function deletePatient(ctx: OrgContext, id: string): Promise<ActionResult<{ id: string }>> {
  try {
    const meta = eventMeta(ctx, await requestOrigin("form"));
    const p = await ctx.db.$transaction(async (tx) => {
      const before = await lockPatient(tx, ctx.organization.id, id);
      if (!before) return null;
      const appointments = await deleteAppointmentsOfPatient(tx, ctx.organization.id, id);
      await emitMany(tx, meta, appointmentDeleted, appointments.map((a) => deleted(appointmentRecord(a))));
      await tx.patient.delete({ where: { id }, select: { id: true } });
      await emit(tx, meta, patientDeleted, deleted(patientRecord(before)));
      return before;
    }, AUDITED_TX);
    if (!p) return GONE;
    kickOutbox();
    return { ok: true, data: { id: p.id }, message: `Patient ${p.firstName} ${p.lastName} deleted.` };
  } catch (err) {
    if (isNotFound(err)) return GONE;
    throw err;
  }
}
