// Reading and deleting appointments with their before-values inside a write transaction (see
// core/patients/row-lock.ts for why the lock). Raw SQL bypasses the scoped client: the organization id
// is bound here, and callers pass ctx.organization.id, never input.
import type { ScopedTx } from "@/core/events/emit";
import type { AppointmentRow } from "@/core/events/record-changes";
import { isUuid } from "@/core/db/ids";
import { appointmentColumns } from "@/core/events/record-sql";

/** The appointment, locked FOR UPDATE until the transaction ends, or null when not in the organization. */
export async function lockAppointment(tx: ScopedTx, organizationId: string, id: string): Promise<AppointmentRow | null> {
  if (!isUuid(id)) return null;
  const rows = await tx.$queryRaw<AppointmentRow[]>`
    SELECT ${appointmentColumns()} FROM appointments
    WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid
    FOR UPDATE`;
  return rows[0] ?? null;
}

/** Deletes every appointment of a patient in one statement and returns them as they were. */
export function deleteAppointmentsOfPatient(tx: ScopedTx, organizationId: string, patientId: string): Promise<AppointmentRow[]> {
  return tx.$queryRaw<AppointmentRow[]>`
    DELETE FROM appointments WHERE "organizationId" = ${organizationId}::uuid AND "patientId" = ${patientId}::uuid
    RETURNING ${appointmentColumns()}`;
}
