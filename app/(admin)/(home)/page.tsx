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
import { translatorFor } from "@/core/i18n/translate";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireOrgContext();
  const override = await renderPageOverride("dashboard", ctx, await searchParams);
  if (override) return override;
  const [s, off] = await Promise.all([dashboardSummary(ctx), ctx.role === "owner" ? protectedPluginsOff(ctx.organization.id) : []]);
  const tz = ctx.organization.timezone;
  const fmt = orgFormat(ctx.organization);
  const t = translatorFor(ctx, "dashboard");
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description", { organization: ctx.organization.name, timezone: tz })} />
      {off.map((p) => (
        <div key={p.pluginId} role="alert" className="rounded-lg border border-warning-border bg-warning-soft p-4 text-sm text-warning-text">
          <p className="font-semibold">
            {t("pluginOff", { plugin: p.name, since: fmt.dateTime(p.since) })}
            {p.by ? (p.reason ? t("pluginOffByReason", { by: p.by, reason: p.reason }) : t("pluginOffBy", { by: p.by })) : ""}.
          </p>
          <p className="mt-1">
            {t("pluginOffWhile", { warning: p.warning })} <Link href="/plugins" className="font-medium underline">{translatorFor(ctx, "nav")("plugins")}</Link>
          </p>
        </div>
      ))}
      <WidgetZone name="dashboard.top" ctx={ctx} />
      <section aria-label={t("keyFigures")} className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label={t("patients")} value={fmt.number(s.patients)} hint={t("patientsHint", { count: s.newPatients })} icon={<Users aria-hidden="true" />} />
        <StatCard label={t("today")} value={fmt.number(s.todayCount)} hint={t("todayHint")} icon={<CalendarClock aria-hidden="true" />} />
        <StatCard label={t("nextWeek")} value={fmt.number(s.upcomingCount)} hint={t("nextWeekHint")} icon={<CalendarCheck aria-hidden="true" />} />
        <StatCard
          label={t("cancellationRate")}
          value={s.cancellationRate === null ? "—" : `${s.cancellationRate}%`}
          hint={t("cancellationHint", { count: s.completed30 })}
          icon={<CalendarX aria-hidden="true" />}
        />
      </section>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("upcoming")}</CardTitle>
            <CardDescription>{t("upcomingDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            {s.upcoming.length === 0 ? (
              <EmptyState title={t("nothingScheduled")} description={t("nothingScheduledText")} />
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
            <CardTitle>{t("recentPatients")}</CardTitle>
          </CardHeader>
          <CardContent>
            {s.recentPatients.length === 0 ? (
              <EmptyState title={t("noPatients")} description={t("noPatientsText")} />
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
