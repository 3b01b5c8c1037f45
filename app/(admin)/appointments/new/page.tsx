import Link from "next/link";
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import { WidgetZone } from "@/app/_plugins/widget-zone";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/core/auth/context";
import { listProviders } from "@/core/appointments/queries";
import { first, type RawSearchParams } from "@/core/lists/list-params";
import { getPatient } from "@/core/patients/queries";
import { nextFullHour, utcToZonedLocal } from "@/core/time/zoned";
import { AppointmentForm } from "../_components/appointment-form";

export const generateMetadata = titleFrom("appointments.newAppointment");

export default async function NewAppointmentPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCapability("records.write");
  const t = translatorFor(ctx, "appointments");
  const sp = await searchParams;
  const tz = ctx.organization.timezone;
  const [providers, patient] = await Promise.all([listProviders(ctx.db), getPatient(ctx.db, first(sp.patientId) ?? "")]);
  const start = nextFullHour();
  return (
    <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,48rem)_minmax(0,1fr)]">
      <PageHeader className="xl:col-span-2" eyebrow={<Link href="/appointments" className="hover:underline">{t("title")}</Link>} title={t("newAppointment")} />
      <AppointmentForm
        timeZone={tz}
        providers={providers}
        cancelHref={patient ? `/patients/${patient.id}` : "/appointments"}
        defaults={{
          patient: patient ? { id: patient.id, label: `${patient.lastName}, ${patient.firstName} (${patient.medicalRecordNumber})` } : null,
          startsLocal: utcToZonedLocal(start, tz),
          endsLocal: utcToZonedLocal(new Date(start.getTime() + 30 * 60_000), tz),
          provider: "",
          status: "scheduled",
          notes: "",
        }}
      />
      <WidgetZone name="appointments.form.side" ctx={ctx} as="aside" label="Appointment side panels" className="xl:max-w-sm" />
    </div>
  );
}
