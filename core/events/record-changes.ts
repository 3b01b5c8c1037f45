// Turning database rows into the JSON records of core events (core-events.ts), and the list of changed
// fields. Used by core/patients and core/appointments for single and bulk writes alike, so a bulk
// write's events are indistinguishable from those of the same changes made one by one.
import type { AppointmentRecord, PatientRecord } from "./core-events";

/** The row shape Prisma (and our raw SQL) returns for a patient. */
export type PatientRow = {
  id: string; organizationId: string; firstName: string; lastName: string; dateOfBirth: Date; medicalRecordNumber: string;
  phone: string | null; email: string | null; address: string | null; notes: string | null; createdAt: Date; updatedAt: Date;
};

export type AppointmentRow = {
  id: string; organizationId: string; patientId: string; startsAt: Date; endsAt: Date; provider: string;
  status: AppointmentRecord["status"]; notes: string | null; createdAt: Date; updatedAt: Date;
};

export function patientRecord(r: PatientRow): PatientRecord {
  return {
    id: r.id,
    organizationId: r.organizationId,
    firstName: r.firstName,
    lastName: r.lastName,
    // A DATE column comes back as UTC midnight: the calendar date is its first ten characters.
    dateOfBirth: r.dateOfBirth.toISOString().slice(0, 10),
    medicalRecordNumber: r.medicalRecordNumber,
    phone: r.phone,
    email: r.email,
    address: r.address,
    notes: r.notes,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function appointmentRecord(r: AppointmentRow): AppointmentRecord {
  return {
    id: r.id,
    organizationId: r.organizationId,
    patientId: r.patientId,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    provider: r.provider,
    status: r.status,
    notes: r.notes,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Bookkeeping columns that change on every write and are therefore never listed as a change. */
const NOT_A_CHANGE = new Set(["updatedAt"]);

/** Fields whose value differs between two records of the same kind (values are JSON scalars). */
export function changedFields<R extends Record<string, unknown>>(before: R, after: R): (keyof R & string)[] {
  return (Object.keys(after) as (keyof R & string)[]).filter((k) => !NOT_A_CHANGE.has(k) && before[k] !== after[k]);
}

/** Every field: the `changes` of a created or deleted record. */
export function allFields<R extends Record<string, unknown>>(record: R): (keyof R & string)[] {
  return Object.keys(record) as (keyof R & string)[];
}

/** Payload helpers: the three shapes of a record event. */
export const created = <R extends { id: string; organizationId: string }>(after: R) => ({
  organizationId: after.organizationId, id: after.id, before: null, after, changes: allFields(after),
});
export const updated = <R extends { id: string; organizationId: string }>(before: R, after: R) => ({
  organizationId: after.organizationId, id: after.id, before, after, changes: changedFields(before, after),
});
export const deleted = <R extends { id: string; organizationId: string }>(before: R) => ({
  organizationId: before.organizationId, id: before.id, before, after: null, changes: allFields(before),
});
