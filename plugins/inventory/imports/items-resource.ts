// "inventory.items": inventory items as a CSV-importable and exportable resource (core/imports/types.ts).
// Keyed by SKU within the organization. What a row is and how empty/unmapped cells are treated:
// row-schema.ts. How a batch is written: commit-batch.ts. Undo: undo.ts. Export: items-export.ts.
import type { ImportResource } from "@/core/imports/types";
import { INVENTORY_PERMISSIONS } from "../permissions";
import { commitItems } from "./commit-batch";
import { itemsExport } from "./items-export";
import { planItems } from "./plan";
import { commitStagedItems, planStagedItems } from "./staged";
import { quickItemRow } from "./row-quick";
import { itemImportFields, itemImportRow, type ItemImportRow } from "./row-schema";
import { findUndoItemConflicts, undoItems } from "./undo";

export const ITEMS_RESOURCE_ID = "inventory.items";

export const itemsImportResource: ImportResource<ItemImportRow> = {
  id: ITEMS_RESOURCE_ID,
  label: "Inventory items",
  // Creating and editing items (and undoing that) is what inventory.manage_items allows in the UI.
  permission: INVENTORY_PERMISSIONS.manage,
  fields: itemImportFields,
  rowSchema: itemImportRow,
  // Plainly valid rows without zod (row-quick.ts): the schema was most of the preview's app CPU.
  quickRow: quickItemRow,
  key: ["sku"],
  plan: planItems,
  options: [
    {
      key: "createCategories",
      label: "Create missing categories",
      description: "A category the file names that does not exist yet is created (matched by name, ignoring case and surrounding spaces). Off: such rows are rejected.",
      default: true,
    },
  ],
  commitBatch: commitItems,
  // The engine's fast path: plan and commit set-based over the staging table (staged.ts).
  staged: { plan: planStagedItems, commit: commitStagedItems },
  findUndoConflicts: findUndoItemConflicts,
  undoBatch: undoItems,
  export: itemsExport,
};
