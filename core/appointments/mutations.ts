// Appointment writes, each in one transaction of the organization-scoped client that also emits the
// core event (core/events/core-events.ts): a plugin's in-transaction handler that throws rolls the
// write back; durable handlers are queued in the outbox only if the write commits. The composite
// foreign key (organizationId, patientId) makes the database reject a patient of another organization
// (P2003), which we report as "patient not found" on the patient field; nothing is written in that case.
import type { OrgContext } from "@/core/auth/context";
import { AUDITED_TX } from "@/core/db/tx";
import type { ActionResult } from "@/core/actions/result";
import { isNotFound } from "@/core/db/errors";
import { appointmentCreated, appointmentDeleted, appointmentUpdated } from "@/core/events/core-events";
import { emit } from "@/core/events/emit";
import { eventMeta } from "@/core/events/meta";
import { requestOrigin } from "@/core/http/request-origin";
import { kickOutbox } from "@/core/events/outbox-signal";
import { appointmentRecord, created, deleted, updated } from "@/core/events/record-changes";
import { lockAppointment } from "./row-lock";
import type { AppointmentData } from "./schema";

const isForeignKeyViolation = (err: unknown) =>
  typeof err === "object" && err !== null && (err as { code?: string }).code === "P2003";
const PATIENT_MISSING: ActionResult<never> = {
  ok: false,
  error: "Please correct the highlighted fields.",
  fieldErrors: { patientId: "This patient does not exist in your organization" },
};
const GONE = { ok: false as const, error: "This appointment no longer exists." };

function toRow(d: AppointmentData) {
  return { ...d, startsAt: new Date(d.startsAt), endsAt: new Date(d.endsAt) };
}

export async function createAppointment(ctx: OrgContext, data: AppointmentData): Promise<ActionResult<{ id: string }>> {
  try {
    const meta = eventMeta(ctx, await requestOrigin("form"));
    const a = await ctx.db.$transaction(async (tx) => {
      const row = await tx.appointment.create({ data: { ...toRow(data), organizationId: ctx.organization.id } });
      await emit(tx, meta, appointmentCreated, created(appointmentRecord(row)));
      return { id: row.id };
    }, AUDITED_TX);
    kickOutbox();
    return { ok: true, data: a, message: "Appointment created." };
  } catch (err) {
    if (isForeignKeyViolation(err)) return PATIENT_MISSING;
    throw err;
  }
}

export async function updateAppointment(ctx: OrgContext, id: string, data: AppointmentData): Promise<ActionResult<{ id: string }>> {
  try {
    const meta = eventMeta(ctx, await requestOrigin("form"));
    const a = await ctx.db.$transaction(async (tx) => {
      const before = await lockAppointment(tx, ctx.organization.id, id);
      if (!before) return null;
      const row = await tx.appointment.update({ where: { id }, data: toRow(data) });
      await emit(tx, meta, appointmentUpdated, updated(appointmentRecord(before), appointmentRecord(row)));
      return { id: row.id };
    }, AUDITED_TX);
    if (!a) return GONE;
    kickOutbox();
    return { ok: true, data: a, message: "Appointment saved." };
  } catch (err) {
    if (isForeignKeyViolation(err)) return PATIENT_MISSING;
    if (isNotFound(err)) return GONE;
    throw err;
  }
}

export async function deleteAppointment(ctx: OrgContext, id: string): Promise<ActionResult<{ id: string }>> {
  try {
    const meta = eventMeta(ctx, await requestOrigin("form"));
    const a = await ctx.db.$transaction(async (tx) => {
      const before = await lockAppointment(tx, ctx.organization.id, id);
      if (!before) return null;
      await tx.appointment.delete({ where: { id }, select: { id: true } });
      await emit(tx, meta, appointmentDeleted, deleted(appointmentRecord(before)));
      return { id };
    }, AUDITED_TX);
    if (!a) return GONE;
    kickOutbox();
    return { ok: true, data: a, message: "Appointment deleted." };
  } catch (err) {
    if (isNotFound(err)) return GONE;
    throw err;
  }
}
