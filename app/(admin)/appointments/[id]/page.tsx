import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgContext } from "@/core/auth/context";
import { deleteAppointmentAction } from "@/core/appointments/actions";
import { getAppointment } from "@/core/appointments/queries";
import { translatorFor } from "@/core/i18n/translate";
import { DeleteRecordButton } from "../../_components/delete-record-button";
import { statusVariant } from "../_components/status";
import { orgFormat } from "@/core/format/org-format";

export default async function AppointmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireOrgContext();
  const t = translatorFor(ctx, "appointments");
  const a = await getAppointment(ctx.db, id);
  if (!a) notFound();
  const fmt = orgFormat(ctx.organization);
  const when = `${fmt.dateTime(a.startsAt)} – ${fmt.time(a.endsAt)}`;
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<Link href="/appointments" className="hover:underline">Appointments</Link>}
        title={`${a.patient.firstName} ${a.patient.lastName}`}
        description={when}
        actions={
          ctx.can("records.write") ? (
            <div className="flex gap-2">
              <Link href={`/appointments/${a.id}/edit`} className={buttonVariants({ variant: "outline" })}>
                Edit
              </Link>
              {ctx.can("records.delete") ? (
                <DeleteRecordButton
                  id={a.id}
                  action={deleteAppointmentAction}
                  title="Delete this appointment?"
                  description={`The appointment of ${a.patient.firstName} ${a.patient.lastName} on ${when} will be permanently deleted.`}
                  afterHref="/appointments"
                />
              ) : null}
            </div>
          ) : null
        }
      />
      <Card className="max-w-2xl">
        <CardContent className="pt-6">
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-muted-foreground">Patient</dt>
              <dd className="font-medium">
                <Link href={`/patients/${a.patient.id}`} className="hover:underline">
                  {a.patient.lastName}, {a.patient.firstName}
                </Link>{" "}
                <span className="text-muted-foreground">({a.patient.medicalRecordNumber})</span>
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Status</dt>
              <dd>
                <Badge variant={statusVariant(a.status)}>{t(`status.${a.status}`)}</Badge>
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">When</dt>
              <dd className="font-medium tabular-nums">{when}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Provider</dt>
              <dd className="font-medium">{a.provider}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-muted-foreground">Notes</dt>
              <dd className="whitespace-pre-line font-medium">{a.notes ?? "—"}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}
