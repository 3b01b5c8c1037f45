"use client";
// Create/edit form for an appointment. Times are typed on the organization's wall clock (not the
// browser's) and converted to UTC instants before validation, so the server stores what was meant.
import { useRouter } from "next/navigation";
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
import { APPOINTMENT_STATUSES, STATUS_LABELS } from "@/core/appointments/schema";
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

function formSchema(timeZone: string) {
  const local = (label: string) =>
    z.string().min(1, `${label} is required`).refine((v) => zonedLocalToUtc(v, timeZone) !== null, `Enter a valid ${label.toLowerCase()}`);
  return z
    .object({
      patient: z.object({ id: z.uuid(), label: z.string() }, "Choose a patient").nullable().refine((p) => p !== null, "Choose a patient"),
      startsLocal: local("Start time"),
      endsLocal: local("End time"),
      provider: z.string().trim().min(1, "Provider is required").max(120, "Must be at most 120 characters"),
      status: z.enum(APPOINTMENT_STATUSES),
      notes: z.string().max(5000, "Must be at most 5000 characters"),
    })
    .refine((v) => !v.startsLocal || !v.endsLocal || v.endsLocal > v.startsLocal, { path: ["endsLocal"], message: "End time must be after the start time" });
}

const SERVER_FIELD: Record<string, keyof AppointmentFormValues> = { patientId: "patient", startsAt: "startsLocal", endsAt: "endsLocal", provider: "provider", status: "status", notes: "notes" };

type Props = { appointmentId?: string; defaults: AppointmentFormValues; timeZone: string; providers: string[]; cancelHref: string };

export function AppointmentForm({ appointmentId, defaults, timeZone, providers, cancelHref }: Props) {
  const router = useRouter();
  const { register, handleSubmit, control, setError, formState } = useForm<AppointmentFormValues>({
    resolver: zodResolver(formSchema(timeZone)) as never,
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
    toast.success(res.message ?? "Saved.");
    router.push(`/appointments/${res.data.id}`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-3xl gap-5" aria-label={appointmentId ? "Edit appointment" : "New appointment"}>
      <Field id="patient" label="Patient" required error={err("patient")}>
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
        <Field id="startsLocal" label="Starts" required error={err("startsLocal")} description={`Time zone: ${timeZone}`}>
          {(a) => <Input {...a} type="datetime-local" {...register("startsLocal")} />}
        </Field>
        <Field id="endsLocal" label="Ends" required error={err("endsLocal")}>
          {(a) => <Input {...a} type="datetime-local" {...register("endsLocal")} />}
        </Field>
        <Field id="provider" label="Provider" required error={err("provider")}>
          {(a) => <Input {...a} list="provider-options" autoComplete="off" {...register("provider")} />}
        </Field>
        <datalist id="provider-options">
          {providers.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <Field id="status" label="Status" required error={err("status")}>
          {(a) => (
            <Select {...a} {...register("status")}>
              {APPOINTMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field id="notes" label="Notes" error={err("notes")}>
        {(a) => <Textarea {...a} rows={4} {...register("notes")} />}
      </Field>
      {formState.errors.root ? (
        <p role="alert" className="text-sm font-medium text-danger-text">
          {formState.errors.root.message}
        </p>
      ) : null}
      <div className="flex gap-3">
        <Button type="submit" pending={formState.isSubmitting}>
          {appointmentId ? "Save changes" : "Create appointment"}
        </Button>
        <Button type="button" variant="outline" onClick={() => router.push(cancelHref)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
