// Writing one batch of inventory rows: ONE set-based statement upserts the whole batch —
//   input  the rows as arrays (unnest), with a bit mask of the fields the file gives;
//   old    the organization's existing items with those SKUs, locked FOR UPDATE in id order (two
//          imports over the same SKUs wait for each other instead of deadlocking), their values kept;
//          `sku = ANY(array)` (not IN (SELECT … FROM input)) so the planner probes the unique
//          (organizationId, sku) index instead of scanning the organization's items on every batch;
//   merged the row's values over the old item's (fields the file does not give stay as they were);
//   up     INSERT ... ON CONFLICT (organization, sku) DO UPDATE only WHERE a value differs, so
//          unchanged rows are neither written nor returned (updateExisting off: DO NOTHING);
// and returns new and old side by side. Then, set-based as well: stock adjustments (reason "CSV
// import", source import) for quantities that moved, the low-stock crossing rules, and one emitMany
// per event type (item created/updated with source "import"; meta carries origin {source, importId}).
//
// All of it runs in the engine's batch transaction: if any statement or an in-transaction event
// handler fails, the whole batch (items, adjustments, alerts, events, undo journal) rolls back.
// A SKU created concurrently by someone else between the statement's snapshot and its insert is
// updated with the file's values (ON CONFLICT), including defaults for fields the file does not give.
import type { TxClient } from "@/core/db/tx";
import { emitMany } from "@/core/events/emit";
import { created, updated } from "@/core/events/record-changes";
import { unprefix } from "@/core/events/record-sql";
import type { BatchContext, BatchResult, ParsedRow, RecordChange } from "@/core/imports/types";
import { itemCreated, itemUpdated, type ItemRecord } from "../events";
import { ITEM_COLUMNS, itemRecord, type ItemRow } from "../items/records";
import { FIELD_BITS, prepareRows } from "./prepare";
import type { ItemImportRow } from "./row-schema";
import { recordQuantityChanges } from "./stock-batch";

export const IMPORT_REASON = "CSV import";

/**
 * What the undo journal keeps of the item as the import left it: enough to name it and to see that
 * it changed since (every write of an item sets updatedAt = now()). Not the whole record: the journal
 * gets one row per imported item, and sending 1,000,000 full records as JSON doubled the import time.
 */
export type ItemJournalStamp = Pick<ItemRecord, "id" | "sku" | "name" | "updatedAt">;
const journalStamp = (r: ItemRecord): ItemJournalStamp => ({ id: r.id, sku: r.sku, name: r.name, updatedAt: r.updatedAt });

const cols = (alias: string, prefix = "") => ITEM_COLUMNS.map((c) => `${alias}."${c}" AS "${prefix}${c}"`).join(", ");
const VALUE_COLUMNS = ["name", "categoryId", "quantity", "unit", "price", "reorderThreshold", "inStock", "expiresOn"] as const;

/** A field's value: the file's when its bit is set or the item is new, else the old item's. */
const pick = (col: string, bit: number) => `CASE WHEN old.id IS NULL OR input.m & ${bit} <> 0 THEN input."${col}" ELSE old."${col}" END AS "${col}"`;

function upsertSql(updateExisting: boolean): string {
  const conflict = updateExisting
    ? `DO UPDATE SET ${VALUE_COLUMNS.map((c) => `"${c}" = EXCLUDED."${c}"`).join(", ")}, "updatedAt" = now()
       WHERE (${VALUE_COLUMNS.map((c) => `inventory_items."${c}"`).join(", ")}) IS DISTINCT FROM (${VALUE_COLUMNS.map((c) => `EXCLUDED."${c}"`).join(", ")})`
    : "DO NOTHING";
  return `
    WITH input AS (
      SELECT * FROM unnest($2::text[], $3::text[], $4::uuid[], $5::int[], $6::text[], $7::numeric[], $8::int[], $9::bool[], $10::date[], $11::int[])
        AS t(sku, name, "categoryId", quantity, unit, price, "reorderThreshold", "inStock", "expiresOn", m)
    ),
    old AS MATERIALIZED (
      SELECT ${cols("i")} FROM inventory_items i
      WHERE i."organizationId" = $1::uuid AND i.sku = ANY($2::text[])
      ORDER BY i.id FOR UPDATE
    ),
    merged AS (
      SELECT input.sku, input.name, ${pick("categoryId", FIELD_BITS.categoryId)}, ${pick("quantity", FIELD_BITS.quantity)}, ${pick("unit", FIELD_BITS.unit)},
             ${pick("price", FIELD_BITS.price)}, ${pick("reorderThreshold", FIELD_BITS.reorderThreshold)}, ${pick("inStock", FIELD_BITS.inStock)},
             ${pick("expiresOn", FIELD_BITS.expiresOn)}
      FROM input LEFT JOIN old ON old.sku = input.sku
    ),
    up AS (
      INSERT INTO inventory_items (id, "organizationId", sku, ${VALUE_COLUMNS.map((c) => `"${c}"`).join(", ")}, "updatedAt")
      SELECT gen_random_uuid(), $1::uuid, sku, ${VALUE_COLUMNS.map((c) => `"${c}"`).join(", ")}, now() FROM merged
      ON CONFLICT ("organizationId", sku) ${conflict}
      RETURNING ${ITEM_COLUMNS.map((c) => `inventory_items."${c}"`).join(", ")}
    )
    SELECT ${cols("up", "after.")}, ${cols("old", "before.")} FROM up LEFT JOIN old ON old.id = up.id`;
}

export async function commitItems(tx: TxClient, ctx: BatchContext, rows: ParsedRow<ItemImportRow>[]): Promise<BatchResult> {
  const organizationId = ctx.organization.id;
  const { prepared, errors } = await prepareRows(tx, organizationId, rows);
  const rejected = [...errors.values()];
  if (prepared.length === 0) return { changes: [], unchanged: 0, rejected };

  const result = await tx.$queryRawUnsafe<Record<string, unknown>[]>(
    upsertSql(ctx.options.updateExisting),
    organizationId,
    prepared.map((p) => p.sku),
    prepared.map((p) => p.name),
    prepared.map((p) => p.categoryId),
    prepared.map((p) => p.quantity),
    prepared.map((p) => p.unit),
    prepared.map((p) => p.price),
    prepared.map((p) => p.reorderThreshold),
    prepared.map((p) => p.inStock),
    prepared.map((p) => p.expiresOn),
    prepared.map((p) => p.mask),
  );

  // File order, so events and the journal follow the rows.
  const order = new Map(prepared.map((p, i) => [p.sku, i]));
  const pairs = result
    .map((r) => {
      const before = unprefix<ItemRow>(r, "before.");
      return { after: unprefix<ItemRow>(r, "after."), before: before.id ? before : null };
    })
    .sort((a, b) => order.get(a.after.sku)! - order.get(b.after.sku)!);

  const changes: RecordChange[] = [];
  const createdPayloads = [];
  const updatedPayloads = [];
  for (const p of pairs) {
    const after = itemRecord(p.after);
    if (p.before) {
      const before = itemRecord(p.before);
      changes.push({ recordId: after.id, action: "updated", before, after: journalStamp(after) });
      updatedPayloads.push({ ...updated(before, after), source: "import" });
    } else {
      changes.push({ recordId: after.id, action: "created", before: null, after: journalStamp(after) });
      createdPayloads.push({ ...created(after), source: "import" });
    }
  }
  await emitMany(tx, ctx.meta, itemCreated, createdPayloads);
  await emitMany(tx, ctx.meta, itemUpdated, updatedPayloads);
  // As items/mutations.ts updateItem: a changed quantity is an adjustment and every update checks the
  // threshold crossing. New items record no adjustment (their quantity is where the history starts).
  await recordQuantityChanges(
    tx,
    ctx.meta,
    pairs.flatMap((p) =>
      p.before
        ? [{ itemId: p.after.id, name: p.after.name, sku: p.after.sku, oldQuantity: p.before.quantity, newQuantity: p.after.quantity, oldThreshold: p.before.reorderThreshold, newThreshold: p.after.reorderThreshold }]
        : [],
    ),
    { reason: IMPORT_REASON, source: "import" },
  );
  return { changes, unchanged: prepared.length - pairs.length, rejected };
}
