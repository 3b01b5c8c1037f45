// Appointment writes through the organization-scoped client. The composite foreign key
// (organizationId, patientId) makes the database reject a patient of another organization (P2003),
// which we report as "patient not found" on the patient field; nothing is written in that case.
import type { OrgContext } from "@/core/auth/context";
import { isNotFound, type ActionResult } from "@/core/actions/result";
import type { AppointmentData } from "./schema";

const isForeignKeyViolation = (err: unknown) =>
  typeof err === "object" && err !== null && (err as { code?: string }).code === "P2003";
const PATIENT_MISSING: ActionResult<never> = {
  ok: false,
  error: "Please correct the highlighted fields.",
  fieldErrors: { patientId: "This patient does not exist in your organization" },
};

function toRow(d: AppointmentData) {
  return { ...d, startsAt: new Date(d.startsAt), endsAt: new Date(d.endsAt) };
}

export async function createAppointment(ctx: OrgContext, data: AppointmentData): Promise<ActionResult<{ id: string }>> {
  try {
    const a = await ctx.db.appointment.create({ data: { ...toRow(data), organizationId: ctx.organization.id }, select: { id: true } });
    return { ok: true, data: a, message: "Appointment created." };
  } catch (err) {
    if (isForeignKeyViolation(err)) return PATIENT_MISSING;
    throw err;
  }
}

export async function updateAppointment(ctx: OrgContext, id: string, data: AppointmentData): Promise<ActionResult<{ id: string }>> {
  try {
    const a = await ctx.db.appointment.update({ where: { id }, data: toRow(data), select: { id: true } });
    return { ok: true, data: a, message: "Appointment saved." };
  } catch (err) {
    if (isForeignKeyViolation(err)) return PATIENT_MISSING;
    if (isNotFound(err)) return { ok: false, error: "This appointment no longer exists." };
    throw err;
  }
}

export async function deleteAppointment(ctx: OrgContext, id: string): Promise<ActionResult<{ id: string }>> {
  try {
    await ctx.db.appointment.delete({ where: { id }, select: { id: true } });
    return { ok: true, data: { id }, message: "Appointment deleted." };
  } catch (err) {
    if (isNotFound(err)) return { ok: false, error: "This appointment no longer exists." };
    throw err;
  }
}
