// Undoing an import's batch of inventory changes.
//
// Phase 1 (findUndoItemConflicts) locks the batch's items FOR UPDATE, in id order, and refuses — naming
// each item "SKU-1 (Gauze)" — when:
//   - an item the import wrote is not as the import left it (the fingerprint of its values differs
//     from the journal's `after.fp`, fingerprint.ts): someone edited it, adjusted its stock... since.
//     Values, not updatedAt: undoing a LATER import of the same items restores exactly these values
//     but moves updatedAt, and must not block undoing this one afterwards;
//   - an item the import UPDATED was deleted since (there is nothing to restore);
//   - an item the import CREATED has stock adjustments other than imports' own (source "import": this
//     import writes none for new items, a later import's adjustments and their undo's compensating
//     ones are source "import" too — and a later import that left other values is caught by the
//     fingerprint) or purchase-order lines: removing it would erase that history;
//   - the category an updated item had before no longer exists (it could not be restored).
// An item the import created and someone deleted since is no conflict: it is already gone.
//
// Phase 2 (undoItems), set-based, same transaction: created items are deleted (their alerts cascade),
// updated items get their `before` values back (one UPDATE ... FROM jsonb_to_recordset). Stock
// history is append-only — the stock chart reconstructs past quantities from it — so the import's own
// adjustment rows stay and a restored quantity is recorded as a compensating adjustment (reason "CSV
// import undone", source import), with the low-stock crossing rules applied as for any change.
// Events: inventory.item.deleted / .updated with source "import" (meta.origin names the import).
import type { TxClient } from "@/core/db/tx";
import { emitMany } from "@/core/events/emit";
import { deleted, updated } from "@/core/events/record-changes";
import { unprefix } from "@/core/events/record-sql";
import type { BatchContext, RecordChange, UndoConflict } from "@/core/imports/types";
import { formatDateTime } from "@/core/time/zoned";
import { itemDeleted, itemUpdated, type ItemRecord } from "../events";
import { ITEM_COLUMNS, itemRecord, type ItemRow } from "../items/records";
import type { ItemJournalStamp } from "./commit-batch";
import { itemFingerprint } from "./fingerprint";
import { itemFingerprintSql } from "./item-sql";
import { recordQuantityChanges } from "./stock-batch";

export const UNDO_REASON = "CSV import undone";

const cols = (alias: string, prefix = "") => ITEM_COLUMNS.map((c) => `${alias}."${c}" AS "${prefix}${c}"`).join(", ");
const label = (r: { sku: string; name: string }) => `${r.sku} (${r.name})`;


export async function findUndoItemConflicts(tx: TxClient, ctx: BatchContext, changes: RecordChange[]): Promise<UndoConflict[]> {
  if (changes.length === 0) return [];
  const organizationId = ctx.organization.id;
  const rows = await tx.$queryRawUnsafe<Array<ItemRow & { adjustments: number; orderLines: number; fp2: string }>>(
    `SELECT ${cols("i")},
            (SELECT count(*)::int FROM inventory_stock_adjustments a WHERE a."organizationId" = i."organizationId" AND a."itemId" = i.id AND a.source <> 'import') AS adjustments,
            (SELECT count(*)::int FROM inventory_purchase_order_lines l WHERE l."organizationId" = i."organizationId" AND l."itemId" = i.id) AS "orderLines",
            ${itemFingerprintSql("i")} AS fp2
     FROM inventory_items i WHERE i."organizationId" = $1::uuid AND i.id = ANY($2::uuid[])
     ORDER BY i.id FOR UPDATE OF i`,
    organizationId,
    changes.map((c) => c.recordId),
  );
  const current = new Map(rows.map((r) => [r.id, r]));
  const missingCategories = await missingBeforeCategories(tx, organizationId, changes);
  const conflicts: UndoConflict[] = [];
  for (const c of changes) {
    const after = c.after as ItemJournalStamp;
    const row = current.get(c.recordId);
    if (!row) {
      if (c.action === "updated") conflicts.push({ recordId: c.recordId, label: label(after), reason: "was deleted after the import, so its earlier values cannot be restored" });
      continue;
    }
    const now = itemRecord(row);
    // Different values than the import left: fp2 (staged commits, computed by PostgreSQL), fp (row-by-row
    // commits, computed here), or for journals older than both a different updatedAt.
    const changed = after.fp2 !== undefined ? row.fp2 !== after.fp2 : after.fp !== undefined ? itemFingerprint(now) !== after.fp : now.updatedAt !== after.updatedAt;
    if (changed) {
      conflicts.push({ recordId: c.recordId, label: label(now), reason: `changed on ${formatDateTime(row.updatedAt, ctx.organization.timezone)} after the import` });
    } else if (c.action === "created" && row.adjustments > 0) {
      conflicts.push({ recordId: c.recordId, label: label(now), reason: `has ${row.adjustments} stock adjustment${row.adjustments === 1 ? "" : "s"} made after the import` });
    } else if (c.action === "created" && row.orderLines > 0) {
      conflicts.push({ recordId: c.recordId, label: label(now), reason: `is on ${row.orderLines} purchase order${row.orderLines === 1 ? "" : "s"} made after the import` });
    } else if (c.action === "updated" && missingCategories.has((c.before as ItemRecord).categoryId ?? "")) {
      conflicts.push({ recordId: c.recordId, label: label(now), reason: "its category before the import was deleted since, so it cannot be restored" });
    }
  }
  return conflicts;
}

async function missingBeforeCategories(tx: TxClient, organizationId: string, changes: RecordChange[]): Promise<Set<string>> {
  const ids = [...new Set(changes.flatMap((c) => (c.action === "updated" && (c.before as ItemRecord).categoryId ? [(c.before as ItemRecord).categoryId!] : [])))];
  if (ids.length === 0) return new Set();
  const found = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT id::text AS id FROM inventory_categories WHERE "organizationId" = $1::uuid AND id = ANY($2::uuid[])`,
    organizationId,
    ids,
  );
  const have = new Set(found.map((r) => r.id));
  return new Set(ids.filter((id) => !have.has(id)));
}

export async function undoItems(tx: TxClient, ctx: BatchContext, changes: RecordChange[]): Promise<void> {
  const organizationId = ctx.organization.id;
  const createdIds = changes.filter((c) => c.action === "created").map((c) => c.recordId);
  if (createdIds.length > 0) {
    const gone = await tx.$queryRawUnsafe<ItemRow[]>(
      `DELETE FROM inventory_items d WHERE d."organizationId" = $1::uuid AND d.id = ANY($2::uuid[]) RETURNING ${cols("d")}`,
      organizationId,
      createdIds,
    );
    await emitMany(tx, ctx.meta, itemDeleted, gone.map((r) => ({ ...deleted(itemRecord(r)), source: "import" })));
  }

  const restore = changes.filter((c) => c.action === "updated").map((c) => c.before as ItemRecord);
  if (restore.length === 0) return;
  const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(
    `WITH r AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, "categoryId" uuid, name text, quantity int, unit text, price numeric,
                     "reorderThreshold" int, "inStock" boolean, "expiresOn" date, "shopifyInventoryItemId" text, "shopifyLocationId" text)
     ),
     old AS MATERIALIZED (
       SELECT ${cols("i")} FROM inventory_items i WHERE i."organizationId" = $1::uuid AND i.id IN (SELECT id FROM r) ORDER BY i.id FOR UPDATE
     )
     UPDATE inventory_items u SET "categoryId" = r."categoryId", name = r.name, quantity = r.quantity, unit = r.unit, price = r.price,
            "reorderThreshold" = r."reorderThreshold", "inStock" = r."inStock", "expiresOn" = r."expiresOn",
            "shopifyInventoryItemId" = r."shopifyInventoryItemId", "shopifyLocationId" = r."shopifyLocationId", "updatedAt" = now()
     FROM r JOIN old ON old.id = r.id
     WHERE u.id = r.id AND u."organizationId" = $1::uuid
     RETURNING ${cols("old", "before.")}, ${cols("u", "after.")}`,
    organizationId,
    JSON.stringify(restore),
  );
  const pairs = rows.map((r) => ({ before: unprefix<ItemRow>(r, "before."), after: unprefix<ItemRow>(r, "after.") }));
  await emitMany(tx, ctx.meta, itemUpdated, pairs.map((p) => ({ ...updated(itemRecord(p.before), itemRecord(p.after)), source: "import" })));
  await recordQuantityChanges(
    tx,
    ctx.meta,
    pairs.map((p) => ({ itemId: p.after.id, name: p.after.name, sku: p.after.sku, oldQuantity: p.before.quantity, newQuantity: p.after.quantity, oldThreshold: p.before.reorderThreshold, newThreshold: p.after.reorderThreshold })),
    { reason: UNDO_REASON, source: "import" },
  );
}
