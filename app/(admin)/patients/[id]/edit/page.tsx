import Link from "next/link";
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import { notFound } from "next/navigation";
import { WidgetZone } from "@/app/_plugins/widget-zone";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/core/auth/context";
import { getPatient, isoDate } from "@/core/patients/queries";
import { PatientForm } from "../../_components/patient-form";

export const generateMetadata = titleFrom("patients.editPatient");

export default async function EditPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireCapability("records.write");
  const t = translatorFor(ctx, "patients");
  const p = await getPatient(ctx.db, id);
  if (!p) notFound();
  return (
    <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,48rem)_minmax(0,1fr)]">
      <PageHeader className="xl:col-span-2" eyebrow={<Link href={`/patients/${p.id}`} className="hover:underline">{p.firstName} {p.lastName}</Link>} title={t("editPatient")} />
      <PatientForm
        patientId={p.id}
        cancelHref={`/patients/${p.id}`}
        defaults={{
          firstName: p.firstName,
          lastName: p.lastName,
          dateOfBirth: isoDate(p.dateOfBirth),
          medicalRecordNumber: p.medicalRecordNumber,
          phone: p.phone ?? "",
          email: p.email ?? "",
          address: p.address ?? "",
          notes: p.notes ?? "",
        }}
      />
      <WidgetZone name="patients.form.side" ctx={ctx} as="aside" label="Patient side panels" className="xl:max-w-sm" />
    </div>
  );
}
