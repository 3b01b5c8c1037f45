import Link from "next/link";
import { CalendarCheck, CalendarClock, CalendarX, Users } from "lucide-react";
import { renderPageOverride } from "@/app/_plugins/page-override";
import { WidgetZone } from "@/app/_plugins/widget-zone";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { requireOrgContext } from "@/core/auth/context";
import { dashboardSummary } from "@/core/dashboard/queries";
import { protectedPluginsOff } from "@/core/plugins/protected-status";
import { orgFormat } from "@/core/format/org-format";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireOrgContext();
  const override = await renderPageOverride("dashboard", ctx, await searchParams);
  if (override) return override;
  const [s, off] = await Promise.all([dashboardSummary(ctx), ctx.role === "owner" ? protectedPluginsOff(ctx.organization.id) : []]);
  const tz = ctx.organization.timezone;
  const fmt = orgFormat(ctx.organization);
  return (
    <div className="grid gap-6">
      <PageHeader title="Dashboard" description={`${ctx.organization.name} · times in ${tz}`} />
      {off.map((p) => (
        <div key={p.pluginId} role="alert" className="rounded-lg border border-warning-border bg-warning-soft p-4 text-sm text-warning-text">
          <p className="font-semibold">
            {p.name} is off since {fmt.dateTime(p.since)}
            {p.by ? ` (disabled by ${p.by}${p.reason ? `: “${p.reason}”` : ""})` : ""}.
          </p>
          <p className="mt-1">
            While it is off, {p.warning} <Link href="/plugins" className="font-medium underline">Plugins</Link>
          </p>
        </div>
      ))}
      <WidgetZone name="dashboard.top" ctx={ctx} />
      <section aria-label="Key figures" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Patients" value={fmt.number(s.patients)} hint={`${s.newPatients} added in the last 30 days`} icon={<Users aria-hidden="true" />} />
        <StatCard label="Appointments today" value={fmt.number(s.todayCount)} hint="Scheduled or completed" icon={<CalendarClock aria-hidden="true" />} />
        <StatCard label="Next 7 days" value={fmt.number(s.upcomingCount)} hint="Scheduled appointments" icon={<CalendarCheck aria-hidden="true" />} />
        <StatCard
          label="Cancellation rate"
          value={s.cancellationRate === null ? "—" : `${s.cancellationRate}%`}
          hint={`${s.completed30} completed in the last 30 days`}
          icon={<CalendarX aria-hidden="true" />}
        />
      </section>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Upcoming appointments</CardTitle>
            <CardDescription>The next scheduled visits.</CardDescription>
          </CardHeader>
          <CardContent>
            {s.upcoming.length === 0 ? (
              <EmptyState title="Nothing scheduled" description="New appointments will appear here." />
            ) : (
              <ul className="divide-y divide-border">
                {s.upcoming.map((a) => (
                  <li key={a.id} className="flex items-center justify-between gap-4 py-2.5">
                    <div className="min-w-0">
                      <Link href={`/patients/${a.patient.id}`} className="font-medium hover:underline">
                        {a.patient.lastName}, {a.patient.firstName}
                      </Link>
                      <p className="truncate text-sm text-muted-foreground">{a.provider}</p>
                    </div>
                    <Link href={`/appointments/${a.id}`} className="shrink-0 text-sm tabular-nums text-muted-foreground hover:underline">
                      {fmt.dateTime(a.startsAt)}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Recently added patients</CardTitle>
          </CardHeader>
          <CardContent>
            {s.recentPatients.length === 0 ? (
              <EmptyState title="No patients yet" description="Add your first patient from the Patients page." />
            ) : (
              <ul className="divide-y divide-border">
                {s.recentPatients.map((p) => (
                  <li key={p.id} className="py-2.5">
                    <Link href={`/patients/${p.id}`} className="font-medium hover:underline">
                      {p.lastName}, {p.firstName}
                    </Link>
                    <p className="text-sm text-muted-foreground">{p.medicalRecordNumber}</p>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        {/* A row of their own under the cards; the column starts keep "side" on the right when "main" is empty. */}
        <WidgetZone name="dashboard.main" ctx={ctx} className="lg:col-span-2 lg:col-start-1" />
        <WidgetZone name="dashboard.side" ctx={ctx} className="lg:col-start-3" />
      </div>
    </div>
  );
}
