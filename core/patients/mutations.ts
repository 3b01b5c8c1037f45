// Patient writes. Each runs through the organization-scoped client, so a patient id of another
// organization behaves exactly like a non-existent one. A failed write leaves the row unchanged.
import type { OrgContext } from "@/core/auth/context";
import { isNotFound, isUniqueViolation, type ActionResult } from "@/core/actions/result";
import type { PatientData } from "./schema";

const DUPLICATE_MRN = "Another patient in this organization already has this medical record number";

function toRow(data: PatientData) {
  return { ...data, dateOfBirth: new Date(`${data.dateOfBirth}T00:00:00Z`) };
}

export async function createPatient(ctx: OrgContext, data: PatientData): Promise<ActionResult<{ id: string }>> {
  try {
    const p = await ctx.db.patient.create({ data: { ...toRow(data), organizationId: ctx.organization.id }, select: { id: true } });
    return { ok: true, data: p, message: `Patient ${data.firstName} ${data.lastName} created.` };
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { medicalRecordNumber: DUPLICATE_MRN } };
    throw err;
  }
}

export async function updatePatient(ctx: OrgContext, id: string, data: PatientData): Promise<ActionResult<{ id: string }>> {
  try {
    const p = await ctx.db.patient.update({ where: { id }, data: toRow(data), select: { id: true } });
    return { ok: true, data: p, message: `Patient ${data.firstName} ${data.lastName} saved.` };
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { medicalRecordNumber: DUPLICATE_MRN } };
    if (isNotFound(err)) return { ok: false, error: "This patient no longer exists." };
    throw err;
  }
}

/** Deletes the patient and, through the foreign key's ON DELETE CASCADE, their appointments. */
export async function deletePatient(ctx: OrgContext, id: string): Promise<ActionResult<{ id: string }>> {
  try {
    const p = await ctx.db.patient.delete({ where: { id }, select: { id: true, firstName: true, lastName: true } });
    return { ok: true, data: { id: p.id }, message: `Patient ${p.firstName} ${p.lastName} deleted.` };
  } catch (err) {
    if (isNotFound(err)) return { ok: false, error: "This patient no longer exists." };
    throw err;
  }
}
