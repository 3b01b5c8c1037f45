// Fields that need a permission of their own (ImportField.permission): mapping a column to one, and
// previewing, committing or undoing an import that maps one, is refused without that permission — so
// an import can change nothing the member could not change by hand (inventory: quantities only by
// members who may adjust stock, as the form and the API require).
import type { OrgContext } from "@/core/auth/context";
import { hasPermission } from "@/core/plugins/permissions";
import type { ColumnMapping } from "./csv/mapping";
import type { ImportField } from "./types";

export type DeniedField = { column: string; field: ImportField; reason: string };

export async function deniedFields(ctx: OrgContext, fields: readonly ImportField[], mapping: ColumnMapping): Promise<DeniedField[]> {
  const out: DeniedField[] = [];
  for (const [column, key] of Object.entries(mapping)) {
    const field = fields.find((f) => f.key === key);
    if (!field?.permission || (await hasPermission(ctx, field.permission))) continue;
    out.push({ column, field, reason: `Importing "${field.label}" needs the ${field.permission} permission, which you do not have: leave that column unmapped` });
  }
  return out;
}
