// SQL column lists for reading core records in raw statements (row locks, DELETE/UPDATE ... RETURNING)
// in exactly the shape Prisma returns them, so record-changes.ts maps both the same way.
import { Prisma } from "@/core/db/client";
import type { AppointmentRow, PatientRow } from "./record-changes";

type Columns<R> = Record<keyof R & string, "" | "::text">;

// uuid and enum columns are cast to text: that is what Prisma's typed client returns for them.
const PATIENT: Columns<PatientRow> = {
  id: "::text", organizationId: "::text", firstName: "", lastName: "", dateOfBirth: "", medicalRecordNumber: "",
  phone: "", email: "", address: "", notes: "", createdAt: "", updatedAt: "",
};
const APPOINTMENT: Columns<AppointmentRow> = {
  id: "::text", organizationId: "::text", patientId: "::text", startsAt: "", endsAt: "", provider: "",
  status: "::text", notes: "", createdAt: "", updatedAt: "",
};

function list<R>(columns: Columns<R>, alias?: string, prefix = ""): Prisma.Sql {
  return Prisma.raw(
    Object.entries(columns)
      .map(([c, cast]) => `${alias ? `${alias}.` : ""}"${c}"${cast} AS "${prefix}${c}"`)
      .join(", "),
  );
}

/** `id::text AS "id", ...` — optionally of a table alias, with a prefix on the output names. */
export const patientColumns = (alias?: string, prefix?: string) => list(PATIENT, alias, prefix);
export const appointmentColumns = (alias?: string, prefix?: string) => list(APPOINTMENT, alias, prefix);

/** The fields of `row` whose names start with `prefix`, without it. */
export function unprefix<T>(row: Record<string, unknown>, prefix: string): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out as T;
}

