"use server";
// The viewer's "Verify chain" button (audit.verify): walks the organization's whole chain on the
// server (chain/verify.ts) and reports intact, or the first broken entry.
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import type { ActionResult } from "@/core/actions/result";
import { assertPermission } from "@/core/plugins/permissions";
import { verifyChain, type VerifyResult } from "../chain/verify";
import { AUDIT_PERMISSIONS as P } from "../permissions";

export async function verifyChainAction(): Promise<ActionResult<VerifyResult>> {
  return orgAction("records.read", z.unknown(), undefined, async (ctx): Promise<ActionResult<VerifyResult>> => {
    const denied = await assertPermission(ctx, P.verify);
    if (denied) return denied;
    const result = await verifyChain(ctx.organization.id);
    return result.ok
      ? { ok: true, data: result, message: `Chain intact: ${result.entries.toLocaleString("en-US")} entries verified.` }
      : { ok: true, data: result, message: `Chain broken at entry ${result.seq}: ${result.message}` };
  });
}
