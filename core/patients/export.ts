// CSV export of patients ("core.patients"): all, the patients list's current filter (its own search,
// patientSearchWhere, and visits filter) or selected ids, always within the caller's organization.
// Headers are the import field labels (core/patients/import-resource.ts) and dates are YYYY-MM-DD, so
// an exported file imports again unchanged. Keyset pages by id. Readable by every member who can read
// records (the list page's own capability).
import type { Prisma } from "@/core/db/generated/client";
import type { ExportDefinition, ExportQuery } from "@/core/imports/types";
import { isUuid } from "@/core/db/ids";
import { isoDate, parseVisitFilter, patientSearchWhere, visitWhere } from "./queries";

/** Same keys and labels as the import resource's fields (a test holds them equal). */
export const PATIENT_EXPORT_COLUMNS = [
  { key: "medicalRecordNumber", header: "Medical record number" },
  { key: "firstName", header: "First name" },
  { key: "lastName", header: "Last name" },
  { key: "dateOfBirth", header: "Date of birth" },
  { key: "phone", header: "Phone" },
  { key: "email", header: "Email" },
  { key: "address", header: "Address" },
  { key: "notes", header: "Notes" },
];

function whereOf(organizationId: string, query: ExportQuery): Prisma.PatientWhereInput {
  if (query.scope === "selected") return { organizationId, id: { in: [...new Set(query.ids.filter(isUuid))] } };
  if (query.scope === "filtered") {
    const q = (query.filter.q ?? "").trim().slice(0, 200);
    return { organizationId, AND: [patientSearchWhere(q), visitWhere(parseVisitFilter(query.filter.visits), new Date())] };
  }
  return { organizationId };
}

export const patientExport: ExportDefinition = {
  columns: PATIENT_EXPORT_COLUMNS,
  allowed: (ctx) => ctx.can("records.read"),
  checkFilter(filter) {
    if (filter.visits !== undefined && filter.visits !== "" && !parseVisitFilter(filter.visits)) return `"visits": must be upcoming or none`;
    return null;
  },
  // ctx.tx may be an unscoped client: every query names the organization itself (whereOf).
  async count({ organizationId, tx }, query) {
    return tx.patient.count({ where: whereOf(organizationId, query) });
  },
  async page({ organizationId, tx }, query, after, limit) {
    const rows = await tx.patient.findMany({
      where: { AND: [whereOf(organizationId, query), after && isUuid(after) ? { id: { gt: after } } : {}] },
      orderBy: { id: "asc" },
      take: limit,
      select: { id: true, medicalRecordNumber: true, firstName: true, lastName: true, dateOfBirth: true, phone: true, email: true, address: true, notes: true },
    });
    return {
      rows: rows.map((p) => ({
        medicalRecordNumber: p.medicalRecordNumber,
        firstName: p.firstName,
        lastName: p.lastName,
        dateOfBirth: isoDate(p.dateOfBirth),
        phone: p.phone ?? "",
        email: p.email ?? "",
        address: p.address ?? "",
        notes: p.notes ?? "",
      })),
      cursor: rows.at(-1)?.id ?? null,
    };
  },
};
