"use server";
// Server actions of the Jobs page: thin wrappers over core/jobs/operations.ts for owners and admins.
import { revalidatePath } from "@/core/http/revalidate";
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import * as mutations from "@/core/jobs/operations";

// Run ids are the job runner's: UUIDs from the embedded executor, ULIDs from Inngest.
const idSchema = z.string().trim().min(1, mutations.JOB_NOT_FOUND).max(200, mutations.JOB_NOT_FOUND);

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
