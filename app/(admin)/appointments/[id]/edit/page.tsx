import Link from "next/link";
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import { notFound } from "next/navigation";
import { WidgetZone } from "@/app/_plugins/widget-zone";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/core/auth/context";
import { getAppointment, listProviders } from "@/core/appointments/queries";
import { utcToZonedLocal } from "@/core/time/zoned";
import { AppointmentForm } from "../../_components/appointment-form";

export const generateMetadata = titleFrom("appointments.editAppointment");

export default async function EditAppointmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireCapability("records.write");
  const t = translatorFor(ctx, "appointments");
  const [a, providers] = await Promise.all([getAppointment(ctx.db, id), listProviders(ctx.db)]);
  if (!a) notFound();
  const tz = ctx.organization.timezone;
  return (
    <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,48rem)_minmax(0,1fr)]">
      <PageHeader className="xl:col-span-2" eyebrow={<Link href={`/appointments/${a.id}`} className="hover:underline">{t("appointment")}</Link>} title={t("editAppointment")} />
      <AppointmentForm
        appointmentId={a.id}
        timeZone={tz}
        providers={providers}
        cancelHref={`/appointments/${a.id}`}
        defaults={{
          patient: { id: a.patient.id, label: `${a.patient.lastName}, ${a.patient.firstName} (${a.patient.medicalRecordNumber})` },
          startsLocal: utcToZonedLocal(a.startsAt, tz),
          endsLocal: utcToZonedLocal(a.endsAt, tz),
          provider: a.provider,
          status: a.status,
          notes: a.notes ?? "",
        }}
      />
      <WidgetZone name="appointments.form.side" ctx={ctx} as="aside" label="Appointment side panels" className="xl:max-w-sm" />
    </div>
  );
}
