// Dashboard figures for the active organization, all computed in PostgreSQL in parallel.
import type { OrgContext } from "@/core/auth/context";
import { zonedDayBounds } from "@/core/time/zoned";

export async function dashboardSummary(ctx: OrgContext, now = new Date()) {
  const { db, organization } = ctx;
  const today = zonedDayBounds(organization.timezone, now);
  const weekAhead = new Date(now.getTime() + 7 * 86_400_000);
  const monthAgo = new Date(now.getTime() - 30 * 86_400_000);
  const [patients, newPatients, todayCount, upcomingCount, completed30, cancelled30, upcoming, recentPatients] = await Promise.all([
    db.patient.count(),
    db.patient.count({ where: { createdAt: { gte: monthAgo } } }),
    db.appointment.count({ where: { startsAt: { gte: today.start, lt: today.end }, status: { not: "cancelled" } } }),
    db.appointment.count({ where: { startsAt: { gte: now, lt: weekAhead }, status: "scheduled" } }),
    db.appointment.count({ where: { startsAt: { gte: monthAgo, lt: now }, status: "completed" } }),
    db.appointment.count({ where: { startsAt: { gte: monthAgo, lt: now }, status: "cancelled" } }),
    db.appointment.findMany({
      where: { startsAt: { gte: now }, status: "scheduled" },
      orderBy: { startsAt: "asc" },
      take: 8,
      select: { id: true, startsAt: true, provider: true, patient: { select: { id: true, firstName: true, lastName: true } } },
    }),
    db.patient.findMany({ orderBy: { createdAt: "desc" }, take: 5, select: { id: true, firstName: true, lastName: true, medicalRecordNumber: true, createdAt: true } }),
  ]);
  const finished = completed30 + cancelled30;
  return {
    patients,
    newPatients,
    todayCount,
    upcomingCount,
    completed30,
    cancellationRate: finished ? Math.round((cancelled30 / finished) * 100) : null,
    upcoming,
    recentPatients,
  };
}
