"use client";
// Create/edit form for a patient: validated in the browser with the same zod schema the server
// action re-checks; server-side field errors (e.g. a duplicate record number) appear inline too.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/core/actions/result";
import { patientInputSchema, type PatientData, type PatientInput } from "@/core/patients/schema";
import { createPatientAction, updatePatientAction } from "@/core/patients/actions";

type Props = { patientId?: string; defaults?: PatientInput; cancelHref: string };

const EMPTY: PatientInput = { firstName: "", lastName: "", dateOfBirth: "", medicalRecordNumber: "", phone: "", email: "", address: "", notes: "" };

export function PatientForm({ patientId, defaults, cancelHref }: Props) {
  const router = useRouter();
  const t = useTranslations("patients");
  const tCommon = useTranslations("common");
  const form = useForm<PatientInput, unknown, PatientData>({
    resolver: zodResolver(patientInputSchema),
    defaultValues: defaults ?? EMPTY,
    mode: "onTouched",
  });
  const { register, handleSubmit, setError, formState } = form;
  const err = (name: keyof PatientInput) => formState.errors[name]?.message;

  const onSubmit = handleSubmit(async (_data, event) => {
    void event;
    const values = form.getValues();
    const res: ActionResult<{ id: string }> = patientId ? await updatePatientAction(patientId, values) : await createPatientAction(values);
    if (!res.ok) {
      for (const [field, message] of Object.entries(res.fieldErrors ?? {})) {
        setError(field as keyof PatientInput, { type: "server", message }, { shouldFocus: true });
      }
      toast.error(res.error);
      return;
    }
    toast.success(res.message ?? t("form.saved"));
    router.push(`/patients/${res.data.id}`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-3xl gap-5" aria-label={patientId ? t("editPatient") : t("newPatient")}>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="firstName" label={t("form.firstName")} required error={err("firstName")}>
          {(a) => <Input {...a} autoComplete="off" {...register("firstName")} />}
        </Field>
        <Field id="lastName" label={t("form.lastName")} required error={err("lastName")}>
          {(a) => <Input {...a} autoComplete="off" {...register("lastName")} />}
        </Field>
        <Field id="dateOfBirth" label={t("form.dateOfBirth")} required error={err("dateOfBirth")}>
          {(a) => <Input {...a} type="date" {...register("dateOfBirth")} />}
        </Field>
        <Field id="medicalRecordNumber" label={t("form.medicalRecordNumber")} required error={err("medicalRecordNumber")} description={t("form.medicalRecordNumberHelp")}>
          {(a) => <Input {...a} autoComplete="off" {...register("medicalRecordNumber")} />}
        </Field>
        <Field id="phone" label={t("form.phone")} error={err("phone")}>
          {(a) => <Input {...a} type="tel" autoComplete="off" {...register("phone")} />}
        </Field>
        <Field id="email" label={t("form.email")} error={err("email")}>
          {(a) => <Input {...a} type="email" autoComplete="off" {...register("email")} />}
        </Field>
      </div>
      <Field id="address" label={t("form.address")} error={err("address")}>
        {(a) => <Textarea {...a} rows={2} {...register("address")} />}
      </Field>
      <Field id="notes" label={t("form.notes")} error={err("notes")}>
        {(a) => <Textarea {...a} rows={4} {...register("notes")} />}
      </Field>
      <div className="flex gap-3">
        <Button type="submit" pending={formState.isSubmitting}>
          {patientId ? t("form.saveChanges") : t("form.create")}
        </Button>
        <Button type="button" variant="outline" onClick={() => router.push(cancelHref)}>
          {tCommon("cancel")}
        </Button>
      </div>
    </form>
  );
}
