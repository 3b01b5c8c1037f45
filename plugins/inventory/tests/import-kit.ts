// What the import engine hands a resource, for tests that call the "inventory.items" resource directly.
import type { OrgContext } from "@/core/auth/context";
import type { BatchContext, ImportOptions } from "@/core/imports/types";

/** The batch context of an import by `owner` (skip invalid rows, update existing unless `options` say otherwise). */
export function importBatchContext(owner: OrgContext, importId: string, options: Partial<ImportOptions>, resourceOptions: Record<string, boolean>): BatchContext {
  return {
    organization: owner.organization,
    meta: { organization: owner.organization, actor: { type: "user", id: owner.user.id, name: owner.user.name }, origin: { source: "import", importId } },
    importId,
    options: { updateExisting: true, mode: "skip_invalid", ...options },
    resourceOptions,
  };
}
