"use server";
// Server actions for appointment forms, the delete button and the patient picker.
import { revalidatePath } from "@/core/http/revalidate";
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import { searchPatientOptions } from "@/core/patients/queries";
import * as mutations from "./mutations";
import { appointmentInputSchema } from "./schema";

const idSchema = z.uuid("Unknown appointment");
const GONE = { ok: false as const, error: "This appointment no longer exists." };

export async function createAppointmentAction(input: unknown) {
  const res = await orgAction("records.write", appointmentInputSchema, input, mutations.createAppointment);
  if (res.ok) revalidatePath("/appointments");
  return res;
}

export async function updateAppointmentAction(id: string, input: unknown) {
  const res = await orgAction("records.write", appointmentInputSchema, input, (ctx, data) =>
    idSchema.safeParse(id).success ? mutations.updateAppointment(ctx, id, data) : Promise.resolve(GONE),
  );
  if (res.ok) revalidatePath("/appointments");
  return res;
}

export async function deleteAppointmentAction(id: string) {
  const res = await orgAction("records.delete", idSchema, id, mutations.deleteAppointment);
  if (res.ok) revalidatePath("/appointments");
  return res;
}

export async function searchPatientsAction(q: unknown) {
  return orgAction("records.read", z.string().max(100), q, async (ctx, text) => ({
    ok: true as const,
    data: await searchPatientOptions(ctx.db, text),
  }));
}
