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
// A SKU created concurrently by someone else after the `old` CTE's snapshot (their insert committed
// while this statement ran) would hit ON CONFLICT and be overwritten — and journaled as "created", so
// an undo would delete THEIR item. RETURNING (xmax = 0) tells a real insert from a conflict update: a
// row that was not inserted yet has no `old` row is exactly that race, and the batch throws
// ConcurrentItemInsert — a transient (not row-data) error: the batch transaction rolls back whole and
// the job retries the batch from its checkpoint, where `old` sees the item and journals a real update.
import type { TxClient } from "@/core/db/tx";
import { emitMany } from "@/core/events/emit";
import { created, updated } from "@/core/events/record-changes";
import { unprefix } from "@/core/events/record-sql";
import type { BatchContext, BatchResult, ParsedRow, RecordChange } from "@/core/imports/types";
import { itemCreated, itemUpdated, type ItemRecord } from "../events";
import { ITEM_COLUMNS, itemRecord, type ItemRow } from "../items/records";
import { itemFingerprint } from "./fingerprint";
import { FIELD_BITS, prepareRows } from "./prepare";
import type { ItemImportRow } from "./row-schema";
import { recordQuantityChanges } from "./stock-batch";

export const IMPORT_REASON = "CSV import";

/**
 * What the undo journal keeps of the item as the import left it: enough to name it and to see that
 * it changed since — `fp`, a sha1 of its values (fingerprint.ts; not updatedAt, which an undo of a
 * later import moves although it restores the values). Not the whole record: the journal gets one row
 * per imported item, and sending 1,000,000 full records as JSON doubled the import time.
 * (Journals written before `fp` existed carry `updatedAt` instead; undo still understands them. The
 * staged commit, staged.ts, writes `fp2`, computed by PostgreSQL: item-sql.ts itemFingerprintSql.)
 */
export type ItemJournalStamp = Pick<ItemRecord, "id" | "sku" | "name"> & { fp?: string; fp2?: string; updatedAt?: string };
const journalStamp = (r: ItemRecord): ItemJournalStamp => ({ id: r.id, sku: r.sku, name: r.name, fp: itemFingerprint(r) });

/**
 * Someone else inserted one of the batch's SKUs after the statement's snapshot. Transient: the engine
 * (core/imports/engine/commit.ts isRowDataError) does not blame rows for it; the batch rolls back and
 * is retried from the checkpoint.
 */
export class ConcurrentItemInsert extends Error {
  readonly transient = true;
  constructor(readonly skus: string[]) {
    super(`SKU ${skus.slice(0, 5).join(", ")}${skus.length > 5 ? ` and ${skus.length - 5} more` : ""} was created by someone else while this batch was written; the batch will be retried`);
    this.name = "ConcurrentItemInsert";
  }
}

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
      RETURNING ${ITEM_COLUMNS.map((c) => `inventory_items."${c}"`).join(", ")}, (inventory_items.xmax = 0) AS inserted
    )
    SELECT ${cols("up", "after.")}, ${cols("old", "before.")}, up.inserted FROM up LEFT JOIN old ON old.id = up.id`;
}

export async function commitItems(tx: TxClient, ctx: BatchContext, rows: ParsedRow<ItemImportRow>[]): Promise<BatchResult> {
  const organizationId = ctx.organization.id;
  const { prepared, errors } = await prepareRows(tx, organizationId, rows, { create: ctx.resourceOptions.createCategories === true, dryRun: false });
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

  // Updated by ON CONFLICT yet not in `old`: inserted by someone else after our snapshot (see header).
  const raced = result.filter((r) => r.inserted === false && r["before.id"] == null).map((r) => String(r["after.sku"]));
  if (raced.length > 0) throw new ConcurrentItemInsert(raced);

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
