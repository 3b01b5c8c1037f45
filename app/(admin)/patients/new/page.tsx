import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/core/auth/context";
import { PatientForm } from "../_components/patient-form";

export const metadata = { title: "New patient" };

export default async function NewPatientPage() {
  await requireCapability("records.write");
  return (
    <div className="grid gap-6">
      <PageHeader eyebrow={<Link href="/patients" className="hover:underline">Patients</Link>} title="New patient" />
      <PatientForm cancelHref="/patients" />
    </div>
  );
}
