// Shared helpers of the import engine tests: patients CSV files, uploading them the way the upload
// route does (storeFile + createImport), and reading back an organization's patients.
import { rootDb } from "@/core/db/client";
import { createImport } from "@/core/imports/create";
import { MAX_IMPORT_BYTES, storeFile } from "@/core/imports/storage";
import type { TestOrganization } from "@/core/testing/plugin-test-kit";

export const PATIENT_HEADER = "MRN,First name,Surname,DOB,Phone,Email";

export type PatientLine = { mrn: string; first: string; last: string; dob: string; phone?: string; email?: string };

export function patientsCsv(rows: PatientLine[], header = PATIENT_HEADER): string {
  return [header, ...rows.map((r) => [r.mrn, r.first, r.last, r.dob, r.phone ?? "", r.email ?? ""].join(","))].join("\r\n") + "\r\n";
}

export function manyPatients(n: number, start = 1, tweak?: (i: number) => Partial<PatientLine>): PatientLine[] {
  return Array.from({ length: n }, (_, k) => {
    const i = start + k;
    return { mrn: `MRN-${String(i).padStart(7, "0")}`, first: `First${i}`, last: `Last${i}`, dob: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`, phone: "", email: "", ...tweak?.(i) };
  });
}

export async function* bytesOf(data: Uint8Array | string, piece = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  for (let i = 0; i < bytes.length; i += piece) yield bytes.subarray(i, i + piece);
}

/** Upload = store the bytes + create the import (what POST /api/v1/imports does after authenticating). */
export async function upload(org: TestOrganization, csv: string | Uint8Array, name = "patients.csv", role: "owner" | "staff" = "staff"): Promise<string> {
  const userId = org.members[role].id;
  const { fileId } = await storeFile({ organizationId: org.org.id, purpose: "import", name, createdById: userId, source: bytesOf(csv), maxBytes: MAX_IMPORT_BYTES });
  const { id } = await createImport({ organizationId: org.org.id, userId }, "core.patients", fileId, name);
  return id;
}

export const importRow = (id: string) => rootDb().dataImport.findUniqueOrThrow({ where: { id } });

export const patientsOf = (org: TestOrganization) =>
  rootDb().patient.findMany({ where: { organizationId: org.org.id }, orderBy: { medicalRecordNumber: "asc" } });

export async function setOptions(id: string, opts: { updateExisting?: boolean; mode?: "skip_invalid" | "all_or_nothing" }) {
  await rootDb().dataImport.update({ where: { id }, data: opts });
}
