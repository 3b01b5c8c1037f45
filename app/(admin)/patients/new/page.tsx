import Link from "next/link";
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import { WidgetZone } from "@/app/_plugins/widget-zone";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/core/auth/context";
import { PatientForm } from "../_components/patient-form";

export const generateMetadata = titleFrom("patients.newPatient");

export default async function NewPatientPage() {
  const ctx = await requireCapability("records.write");
  const t = translatorFor(ctx, "patients");
  return (
    <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,48rem)_minmax(0,1fr)]">
      <PageHeader className="xl:col-span-2" eyebrow={<Link href="/patients" className="hover:underline">{t("title")}</Link>} title={t("newPatient")} />
      <PatientForm cancelHref="/patients" />
      <WidgetZone name="patients.form.side" ctx={ctx} as="aside" label="Patient side panels" className="xl:max-w-sm" />
    </div>
  );
}
