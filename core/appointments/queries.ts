// Appointment reads: filters (status, provider, date range, patient), search and sort in PostgreSQL.
import type { ScopedDb } from "@/core/db/scoped";
import type { Prisma } from "@/core/db/generated/client";
import { clampPage, first, type ListParams, type RawSearchParams } from "@/core/lists/list-params";
import { isUuid } from "@/core/db/ids";
import { APPOINTMENT_STATUSES, type AppointmentSort, type AppointmentStatusValue } from "./schema";

export type AppointmentFilters = {
  status?: AppointmentStatusValue;
  provider?: string;
  from?: string; // YYYY-MM-DD, inclusive, UTC day
  to?: string; // YYYY-MM-DD, inclusive, UTC day
  patientId?: string;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseAppointmentFilters(raw: RawSearchParams): AppointmentFilters {
  const status = first(raw.status);
  const provider = first(raw.provider)?.trim();
  const from = first(raw.from);
  const to = first(raw.to);
  const patientId = first(raw.patientId);
  return {
    status: (APPOINTMENT_STATUSES as readonly string[]).includes(status ?? "") ? (status as AppointmentStatusValue) : undefined,
    provider: provider ? provider.slice(0, 120) : undefined,
    from: from && DAY.test(from) && !Number.isNaN(Date.parse(from)) ? from : undefined,
    to: to && DAY.test(to) && !Number.isNaN(Date.parse(to)) ? to : undefined,
    patientId: patientId && isUuid(patientId) ? patientId : undefined,
  };
}

function whereOf(filters: AppointmentFilters, q: string): Prisma.AppointmentWhereInput {
  const and: Prisma.AppointmentWhereInput[] = [];
  if (filters.status) and.push({ status: filters.status });
  if (filters.provider) and.push({ provider: filters.provider });
  if (filters.patientId) and.push({ patientId: filters.patientId });
  if (filters.from) and.push({ startsAt: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  if (filters.to) and.push({ startsAt: { lt: new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000) } });
  for (const w of q.split(/\s+/).filter(Boolean).slice(0, 5)) {
    and.push({
      OR: [
        { provider: { contains: w, mode: "insensitive" } },
        { patient: { firstName: { contains: w, mode: "insensitive" } } },
        { patient: { lastName: { contains: w, mode: "insensitive" } } },
        { patient: { medicalRecordNumber: { contains: w, mode: "insensitive" } } },
      ],
    });
  }
  return and.length ? { AND: and } : {};
}

function orderBy(sort: AppointmentSort, dir: "asc" | "desc"): Prisma.AppointmentOrderByWithRelationInput[] {
  switch (sort) {
    case "startsAt":
      return [{ startsAt: dir }, { id: dir }];
    case "patient":
      return [{ patient: { lastName: dir } }, { patient: { firstName: dir } }, { startsAt: "asc" }, { id: dir }];
    case "provider":
      return [{ provider: dir }, { startsAt: "asc" }, { id: dir }];
    case "status":
      return [{ status: dir }, { startsAt: "asc" }, { id: dir }];
  }
}

export type AppointmentRow = {
  id: string;
  startsAt: string;
  endsAt: string;
  provider: string;
  status: AppointmentStatusValue;
  patientId: string;
  patientName: string;
};

export async function listAppointments(db: ScopedDb, params: ListParams<AppointmentSort>, filters: AppointmentFilters) {
  const where = whereOf(filters, params.q);
  const total = await db.appointment.count({ where });
  const page = clampPage(params.page, params.pageSize, total);
  const rows = await db.appointment.findMany({
    where,
    orderBy: orderBy(params.sort, params.dir),
    skip: (page - 1) * params.pageSize,
    take: params.pageSize,
    select: {
      id: true, startsAt: true, endsAt: true, provider: true, status: true, patientId: true,
      patient: { select: { firstName: true, lastName: true } },
    },
  });
  return {
    total,
    page,
    rows: rows.map<AppointmentRow>((a) => ({
      id: a.id,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      provider: a.provider,
      status: a.status,
      patientId: a.patientId,
      patientName: `${a.patient.lastName}, ${a.patient.firstName}`,
    })),
  };
}

export async function listProviders(db: ScopedDb): Promise<string[]> {
  const rows = await db.appointment.groupBy({ by: ["provider"], orderBy: { provider: "asc" }, take: 200 });
  return rows.map((r) => r.provider);
}

export async function getAppointment(db: ScopedDb, id: string) {
  if (!isUuid(id)) return null;
  return db.appointment.findFirst({
    where: { id },
    include: { patient: { select: { id: true, firstName: true, lastName: true, medicalRecordNumber: true } } },
  });
}
