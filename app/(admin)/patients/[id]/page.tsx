import Link from "next/link";
import { translatorFor } from "@/core/i18n/translate";
import { WidgetZone } from "@/app/_plugins/widget-zone";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgContext } from "@/core/auth/context";
import { deletePatientAction } from "@/core/patients/actions";
import { getPatient, isoDate } from "@/core/patients/queries";
import { ageOn } from "@/core/time/zoned";
import { DeleteRecordButton } from "../../_components/delete-record-button";
import { statusVariant } from "../../appointments/_components/status";
import { orgFormat } from "@/core/format/org-format";

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireOrgContext();
  const patient = await getPatient(ctx.db, id);
  if (!patient) notFound();
  const appointments = await ctx.db.appointment.findMany({
    where: { patientId: patient.id },
    orderBy: { startsAt: "desc" },
    take: 10,
    select: { id: true, startsAt: true, provider: true, status: true },
  });
  const dob = isoDate(patient.dateOfBirth);
  const fmt = orgFormat(ctx.organization);
  const t = translatorFor(ctx, "patients");
  const tAppointments = translatorFor(ctx, "appointments");
  const details: [string, string | null][] = [
    ["Medical record number", patient.medicalRecordNumber],
    ["Date of birth", `${fmt.day(dob)} (age ${ageOn(dob)})`],
    ["Phone", patient.phone],
    ["Email", patient.email],
    ["Address", patient.address],
    ["Notes", patient.notes],
  ];
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<Link href="/patients" className="hover:underline">{t("title")}</Link>}
        title={`${patient.firstName} ${patient.lastName}`}
        description={t("added", { date: fmt.date(patient.createdAt) })}
        actions={
          ctx.can("records.write") ? (
            <div className="flex gap-2">
              <Link href={`/patients/${patient.id}/edit`} className={buttonVariants({ variant: "outline" })}>
                Edit
              </Link>
              {ctx.can("records.delete") ? (
                <DeleteRecordButton
                  id={patient.id}
                  action={deletePatientAction}
                  title={`Delete ${patient.firstName} ${patient.lastName}?`}
                  description={`This permanently deletes the patient${patient._count.appointments ? ` and their ${patient._count.appointments} appointment${patient._count.appointments === 1 ? "" : "s"}` : ""}. This cannot be undone.`}
                  afterHref="/patients"
                />
              ) : null}
            </div>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm">
              {details.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-muted-foreground">{label}</dt>
                  <dd className="whitespace-pre-line font-medium">{value ?? "—"}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader className="flex flex-row items-center justify-between gap-2">
            <CardTitle>Appointments ({patient._count.appointments})</CardTitle>
            <div className="flex gap-2">
              {patient._count.appointments > 10 ? (
                <Link href={`/appointments?patientId=${patient.id}`} className={buttonVariants({ variant: "ghost", size: "sm" })}>
                  View all
                </Link>
              ) : null}
              {ctx.can("records.write") ? (
                <Link href={`/appointments/new?patientId=${patient.id}`} className={buttonVariants({ variant: "outline", size: "sm" })}>
                  New appointment
                </Link>
              ) : null}
            </div>
          </CardHeader>
          <CardContent>
            {appointments.length === 0 ? (
              <EmptyState title="No appointments" description="This patient has no appointments yet." />
            ) : (
              <ul className="divide-y divide-border">
                {appointments.map((a) => (
                  <li key={a.id} className="flex items-center justify-between gap-4 py-2.5">
                    <div>
                      <Link href={`/appointments/${a.id}`} className="font-medium tabular-nums hover:underline">
                        {fmt.dateTime(a.startsAt)}
                      </Link>
                      <p className="text-sm text-muted-foreground">{a.provider}</p>
                    </div>
                    <Badge variant={statusVariant(a.status)}>{tAppointments(`status.${a.status}`)}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
      {/* Plugins' views of this record, e.g. the audit log's history of the patient. */}
      <WidgetZone name="record.history" ctx={ctx} record={{ type: "core.patient", id: patient.id }} as="section" label="History" />
    </div>
  );
}
