"use server";
// Server actions of the Jobs page: thin wrappers over the embedded executor's operator actions
// (inngest/executor/admin/operator.ts) for owners and admins.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import * as mutations from "@/inngest/executor/admin/operator";

const idSchema = z.uuid(mutations.JOB_NOT_FOUND);

export async function rerunJobAction(runId: string) {
  const res = await orgAction("organization.manage", idSchema, runId, mutations.rerunJob);
  if (res.ok) revalidatePath("/jobs");
  return res;
}

export async function cancelJobAction(runId: string) {
  const res = await orgAction("organization.manage", idSchema, runId, mutations.cancelJob);
  if (res.ok) revalidatePath("/jobs");
  return res;
}
