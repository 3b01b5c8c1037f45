// Reading a patient under a row lock inside a write transaction, so the `before` of its event is the
// value the write actually replaces (a concurrent write waits for ours, and vice versa).
import type { ScopedTx } from "@/core/events/emit";
import type { PatientRow } from "@/core/events/record-changes";
import { isUuid } from "@/core/db/ids";
import { patientColumns } from "@/core/events/record-sql";

/**
 * The patient, locked FOR UPDATE until the transaction ends, or null when it is not in the
 * organization. Raw SQL bypasses the scoped client, so the organization id is bound here — callers
 * pass ctx.organization.id, never input.
 */
export async function lockPatient(tx: ScopedTx, organizationId: string, id: string): Promise<PatientRow | null> {
  if (!isUuid(id)) return null;
  const rows = await tx.$queryRaw<PatientRow[]>`
    SELECT ${patientColumns()} FROM patients
    WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid
    FOR UPDATE`;
  return rows[0] ?? null;
}
