"use server";
// Server actions for patient forms and the delete button. Input is untrusted: validated again here.
import { revalidatePath } from "@/core/http/revalidate";
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import * as mutations from "./mutations";
import { patientInputSchema } from "./schema";

const idSchema = z.uuid("Unknown patient");

export async function createPatientAction(input: unknown) {
  const res = await orgAction("records.write", patientInputSchema, input, mutations.createPatient);
  if (res.ok) revalidatePath("/patients");
  return res;
}

export async function updatePatientAction(id: string, input: unknown) {
  const res = await orgAction("records.write", patientInputSchema, input, (ctx, data) =>
    idSchema.safeParse(id).success
      ? mutations.updatePatient(ctx, id, data)
      : Promise.resolve({ ok: false as const, error: "This patient no longer exists." }),
  );
  if (res.ok) revalidatePath("/patients");
  return res;
}

export async function deletePatientAction(id: string) {
  const res = await orgAction("records.delete", idSchema, id, mutations.deletePatient);
  if (res.ok) revalidatePath("/patients");
  return res;
}
