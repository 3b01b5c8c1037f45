"use client";
// Create/edit form for an appointment. Times are typed on the organization's wall clock (not the
// browser's) and converted to UTC instants before validation, so the server stores what was meant.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { createAppointmentAction, updateAppointmentAction } from "@/core/appointments/actions";
import { APPOINTMENT_STATUSES } from "@/core/appointments/schema";
import { zonedLocalToUtc } from "@/core/time/zoned";
import { PatientPicker } from "./patient-picker";

export type AppointmentFormValues = {
  patient: { id: string; label: string } | null;
  startsLocal: string;
  endsLocal: string;
  provider: string;
  status: (typeof APPOINTMENT_STATUSES)[number];
  notes: string;
};

type FormText = ReturnType<typeof useTranslations<"appointments.form">>;

/** The form's schema, its messages in the reader's language (the server action re-checks with core's). */
function formSchema(timeZone: string, t: FormText) {
  const local = (required: string, invalid: string) => z.string().min(1, required).refine((v) => zonedLocalToUtc(v, timeZone) !== null, invalid);
  return z
    .object({
      patient: z.object({ id: z.uuid(), label: z.string() }, t("choosePatient")).nullable().refine((p) => p !== null, t("choosePatient")),
      startsLocal: local(t("startRequired"), t("startInvalid")),
      endsLocal: local(t("endRequired"), t("endInvalid")),
      provider: z.string().trim().min(1, t("providerRequired")).max(120, t("tooLong", { max: 120 })),
      status: z.enum(APPOINTMENT_STATUSES),
      notes: z.string().max(5000, t("tooLong", { max: 5000 })),
    })
    .refine((v) => !v.startsLocal || !v.endsLocal || v.endsLocal > v.startsLocal, { path: ["endsLocal"], message: t("endAfterStart") });
}

const SERVER_FIELD: Record<string, keyof AppointmentFormValues> = { patientId: "patient", startsAt: "startsLocal", endsAt: "endsLocal", provider: "provider", status: "status", notes: "notes" };

type Props = { appointmentId?: string; defaults: AppointmentFormValues; timeZone: string; providers: string[]; cancelHref: string };

export function AppointmentForm({ appointmentId, defaults, timeZone, providers, cancelHref }: Props) {
  const router = useRouter();
  const t = useTranslations("appointments");
  const tCommon = useTranslations("common");
  const tForm = useTranslations("appointments.form");
  const { register, handleSubmit, control, setError, formState } = useForm<AppointmentFormValues>({
    resolver: zodResolver(formSchema(timeZone, tForm)) as never,
    defaultValues: defaults,
    mode: "onTouched",
  });
  const err = (k: keyof AppointmentFormValues) => formState.errors[k]?.message as string | undefined;

  const onSubmit = handleSubmit(async (v) => {
    const payload = {
      patientId: v.patient?.id ?? "",
      startsAt: zonedLocalToUtc(v.startsLocal, timeZone)?.toISOString() ?? "",
      endsAt: zonedLocalToUtc(v.endsLocal, timeZone)?.toISOString() ?? "",
      provider: v.provider,
      status: v.status,
      notes: v.notes,
    };
    const res = appointmentId ? await updateAppointmentAction(appointmentId, payload) : await createAppointmentAction(payload);
    if (!res.ok) {
      for (const [field, message] of Object.entries(res.fieldErrors ?? {})) {
        setError(SERVER_FIELD[field] ?? "root", { type: "server", message });
      }
      toast.error(res.error);
      return;
    }
    toast.success(res.message ?? t("form.saved"));
    router.push(`/appointments/${res.data.id}`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-3xl gap-5" aria-label={appointmentId ? t("editAppointment") : t("newAppointment")}>
      <Field id="patient" label={t("form.patient")} required error={err("patient")}>
        <Controller
          control={control}
          name="patient"
          render={({ field }) => (
            <PatientPicker
              id="patient"
              value={field.value}
              onChange={(o) => field.onChange(o)}
              invalid={!!err("patient")}
              describedBy={fieldA11y("patient", err("patient"))["aria-describedby"]}
            />
          )}
        />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="startsLocal" label={t("form.starts")} required error={err("startsLocal")} description={t("form.timeZone", { timezone: timeZone })}>
          {(a) => <Input {...a} type="datetime-local" {...register("startsLocal")} />}
        </Field>
        <Field id="endsLocal" label={t("form.ends")} required error={err("endsLocal")}>
          {(a) => <Input {...a} type="datetime-local" {...register("endsLocal")} />}
        </Field>
        <Field id="provider" label={t("form.provider")} required error={err("provider")}>
          {(a) => <Input {...a} list="provider-options" autoComplete="off" {...register("provider")} />}
        </Field>
        <datalist id="provider-options">
          {providers.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <Field id="status" label={t("form.status")} required error={err("status")}>
          {(a) => (
            <Select {...a} {...register("status")}>
              {APPOINTMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field id="notes" label={t("form.notes")} error={err("notes")}>
        {(a) => <Textarea {...a} rows={4} {...register("notes")} />}
      </Field>
      {formState.errors.root ? (
        <p role="alert" className="text-sm font-medium text-danger-text">
          {formState.errors.root.message}
        </p>
      ) : null}
      <div className="flex gap-3">
        <Button type="submit" pending={formState.isSubmitting}>
          {appointmentId ? t("form.saveChanges") : t("form.create")}
        </Button>
        <Button type="button" variant="outline" onClick={() => router.push(cancelHref)}>
          {tCommon("cancel")}
        </Button>
      </div>
    </form>
  );
}
