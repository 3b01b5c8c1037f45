// Patient reads. Everything is filtered, sorted and paginated in PostgreSQL; search is a substring
// match (trigram-indexed) where every word must match the name, record number or e-mail.
import { isUuid } from "@/core/db/ids";
import type { ScopedDb } from "@/core/db/scoped";
import type { Prisma } from "@/core/db/generated/client";
import { clampPage, type ListParams } from "@/core/lists/list-params";
import type { PatientSort, VisitFilter } from "./schema";

export type PatientRow = {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  medicalRecordNumber: string;
  phone: string | null;
  email: string | null;
  appointmentCount: number;
};

export function patientSearchWhere(q: string): Prisma.PatientWhereInput {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 5);
  if (words.length === 0) return {};
  return {
    AND: words.map((w) => ({
      OR: [
        { firstName: { contains: w, mode: "insensitive" as const } },
        { lastName: { contains: w, mode: "insensitive" as const } },
        { medicalRecordNumber: { contains: w, mode: "insensitive" as const } },
        { email: { contains: w, mode: "insensitive" as const } },
      ],
    })),
  };
}

function orderBy(sort: PatientSort, dir: "asc" | "desc"): Prisma.PatientOrderByWithRelationInput[] {
  switch (sort) {
    case "name":
      return [{ lastName: dir }, { firstName: dir }, { id: dir }];
    case "dateOfBirth":
      return [{ dateOfBirth: dir }, { id: dir }];
    case "medicalRecordNumber":
      return [{ medicalRecordNumber: dir }];
    case "createdAt":
      return [{ createdAt: dir }, { id: dir }];
  }
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);


export function parseVisitFilter(raw: string | string[] | undefined): VisitFilter | undefined {
  const v = Array.isArray(raw) ? raw[0] : raw;
  return v === "upcoming" || v === "none" ? v : undefined;
}

/** EXISTS / NOT EXISTS on appointments, served by the (organizationId, patientId, startsAt) index. */
export function visitWhere(visits: VisitFilter | undefined, now: Date): Prisma.PatientWhereInput {
  if (visits === "upcoming") return { appointments: { some: { status: "scheduled", startsAt: { gte: now } } } };
  if (visits === "none") return { appointments: { none: {} } };
  return {};
}

export async function listPatients(db: ScopedDb, params: ListParams<PatientSort>, filters: { visits?: VisitFilter } = {}, now = new Date()) {
  const where: Prisma.PatientWhereInput = { AND: [patientSearchWhere(params.q), visitWhere(filters.visits, now)] };
  const total = await db.patient.count({ where });
  const page = clampPage(params.page, params.pageSize, total);
  const rows = await db.patient.findMany({
    where,
    orderBy: orderBy(params.sort, params.dir),
    skip: (page - 1) * params.pageSize,
    take: params.pageSize,
    select: {
      id: true, firstName: true, lastName: true, dateOfBirth: true, medicalRecordNumber: true, phone: true, email: true,
      _count: { select: { appointments: true } },
    },
  });
  return {
    total,
    page,
    rows: rows.map<PatientRow>((p) => ({
      id: p.id,
      name: `${p.lastName}, ${p.firstName}`,
      firstName: p.firstName,
      lastName: p.lastName,
      dateOfBirth: isoDate(p.dateOfBirth),
      medicalRecordNumber: p.medicalRecordNumber,
      phone: p.phone,
      email: p.email,
      appointmentCount: p._count.appointments,
    })),
  };
}

/** One patient of the caller's organization, or null (another organization's id is simply not found). */
export async function getPatient(db: ScopedDb, id: string) {
  if (!isUuid(id)) return null;
  return db.patient.findFirst({ where: { id }, include: { _count: { select: { appointments: true } } } });
}

/** Patients for a picker (appointment form): searched in the database, never the whole table. */
export async function searchPatientOptions(db: ScopedDb, q: string, take = 20) {
  const rows = await db.patient.findMany({
    where: patientSearchWhere(q),
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take,
    select: { id: true, firstName: true, lastName: true, medicalRecordNumber: true },
  });
  return rows.map((p) => ({ id: p.id, label: `${p.lastName}, ${p.firstName} (${p.medicalRecordNumber})` }));
}
