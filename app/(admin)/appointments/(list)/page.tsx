import Link from "next/link";
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import { Plus } from "lucide-react";
import { renderPageOverride } from "@/app/_plugins/page-override";
import { WidgetZone } from "@/app/_plugins/widget-zone";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/core/auth/context";
import { listAppointments, listProviders, parseAppointmentFilters } from "@/core/appointments/queries";
import { APPOINTMENT_SORTS } from "@/core/appointments/schema";
import { parseListParams, type RawSearchParams } from "@/core/lists/list-params";
import { getPatient } from "@/core/patients/queries";
import { AppointmentsTable } from "../_components/appointments-table";
import { orgFormat } from "@/core/format/org-format";

export const generateMetadata = titleFrom("appointments.title");

export default async function AppointmentsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCapability("records.read");
  const fmt = orgFormat(ctx.organization);
  const t = translatorFor(ctx, "appointments");
  const override = await renderPageOverride("appointments.list", ctx, await searchParams);
  if (override) return override;
  const raw = await searchParams;
  const params = parseListParams(raw, APPOINTMENT_SORTS, { sort: "startsAt", dir: "desc" });
  const filters = parseAppointmentFilters(raw);
  const [{ rows, total, page }, providers, patient] = await Promise.all([
    listAppointments(ctx.db, params, filters),
    listProviders(ctx.db),
    filters.patientId ? getPatient(ctx.db, filters.patientId) : null,
  ]);
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("title")}
        description={
          patient ? (
            t.rich("forPatient", {
              name: `${patient.firstName} ${patient.lastName}`,
              patient: (chunks) => <Link href={`/patients/${patient.id}`} className="font-medium underline">{chunks}</Link>,
              all: (chunks) => <Link href="/appointments" className="underline">{chunks}</Link>,
            })
          ) : (
            t("description", { count: fmt.number(total), timezone: ctx.organization.timezone })
          )
        }
        actions={
          ctx.can("records.write") ? (
            <Link href={patient ? `/appointments/new?patientId=${patient.id}` : "/appointments/new"} className={buttonVariants()}>
              <Plus aria-hidden="true" /> New appointment
            </Link>
          ) : null
        }
      />
      <WidgetZone name="appointments.list.top" ctx={ctx} />
      <AppointmentsTable
        rows={rows}
        total={total}
        page={page}
        pageSize={params.pageSize}
        sort={params.sort}
        dir={params.dir}
        providers={providers}
      />
      <WidgetZone name="appointments.list.bottom" ctx={ctx} />
    </div>
  );
}
