import Link from "next/link";
import { WidgetZone } from "@/app/_plugins/widget-zone";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/core/auth/context";
import { PatientForm } from "../_components/patient-form";

export const metadata = { title: "New patient" };

export default async function NewPatientPage() {
  const ctx = await requireCapability("records.write");
  return (
    <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,48rem)_minmax(0,1fr)]">
      <PageHeader className="xl:col-span-2" eyebrow={<Link href="/patients" className="hover:underline">Patients</Link>} title="New patient" />
      <PatientForm cancelHref="/patients" />
      <WidgetZone name="patients.form.side" ctx={ctx} as="aside" label="Patient side panels" className="xl:max-w-sm" />
    </div>
  );
}
