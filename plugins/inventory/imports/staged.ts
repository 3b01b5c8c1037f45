// Inventory items planned and committed straight from the staging table (core/imports/engine/
// staging.ts), set-based: the resource's `staged` implementation. No row of the batch passes through
// JavaScript on the way in; what comes back is counts, the (few) refused rows, and event records only
// for events someone subscribes to.
//
// The rules are those of the row-by-row path (prepare.ts, plan.ts, commit-batch.ts, stock-batch.ts),
// which stays for the tests that compare both and as the reference:
//   - a field the row gives (its key is in the staged JSON) is written; one it leaves out keeps the
//     existing item's value, or gets the default (row-schema.ts ITEM_DEFAULTS) on a new item;
//   - categories are matched by name ignoring case and surrounding spaces; "Create missing categories"
//     creates the missing ones in the batch's transaction; an unknown or ambiguous name refuses the row;
//   - an existing item is written only when a value differs (updateExisting off: never); only those are
//     locked, FOR UPDATE in id order (two imports over the same SKUs wait for each other instead of
//     deadlocking), then updated with a plain UPDATE; new SKUs are inserted ON CONFLICT DO NOTHING, and
//     a SKU someone inserted after the statement's snapshot (or an item deleted before it could be
//     locked) throws ConcurrentItemInsert (transient: the batch is retried);
//   - the undo journal (data_import_changes) is written by the same statement: before = the old item's
//     record, after = { id, sku, name, fp2 } (item-sql.ts itemFingerprintSql);
//   - a moved quantity of an existing item is a stock adjustment (reason "CSV import", source import),
//     and the low-stock crossing rules open or resolve alerts — in the same statement too;
//   - events: item created/updated and stock adjusted are emitted with emitMany when the organization
//     has a subscriber to them (their records are built by PostgreSQL); low stock detected and
//     restocked whenever a crossing happened, as applyCrossings does.
// Everything runs in the engine's batch transaction: a failure anywhere rolls the whole batch back.
import type { TxClient } from "@/core/db/tx";
import { emitMany, hasSubscribers, type EmitMeta } from "@/core/events/emit";
import { created, updated } from "@/core/events/record-changes";
import type { BatchContext, RowError, StagedBatch, StagedPlan, StagedResult } from "@/core/imports/types";
import { itemCreated, itemRestocked, itemUpdated, lowStockDetected, stockAdjusted, type ItemRecord } from "../events";
import { itemLabel } from "../items/records";
import { categoryIdOf, createMissingCategories, lookupCategories } from "./category-names";
import { ConcurrentItemInsert, IMPORT_REASON } from "./commit-batch";
import { itemFingerprintSql, itemRecordJsonSql } from "./item-sql";
import { ITEM_DEFAULTS } from "./row-schema";

type CategoryMap = { names: string[]; ids: (string | null)[]; reasons: (string | null)[]; created: string[] };

/** The batch's category names resolved (and, unless dryRun, the missing ones created when allowed). */
async function categoryMap(tx: TxClient, ctx: BatchContext, batch: StagedBatch, dryRun: boolean): Promise<CategoryMap> {
  const rows = await tx.$queryRaw<Array<{ name: string }>>`
    SELECT DISTINCT data->>'category' AS name FROM data_import_rows
    WHERE "importId" = ${batch.importId}::uuid AND row BETWEEN ${batch.fromRow} AND ${batch.toRow} AND data ? 'category'`;
  const names = rows.map((r) => r.name);
  const creating = ctx.resourceOptions.createCategories === true;
  const lookup = await lookupCategories(tx, ctx.organization.id, names);
  const created = creating ? await createMissingCategories(tx, ctx.organization.id, lookup, names, dryRun) : [];
  const out: CategoryMap = { names: [], ids: [], reasons: [], created };
  for (const name of names) {
    const r = categoryIdOf(lookup, name, { row: 0 }, { creating });
    out.names.push(name);
    out.ids.push(r.ok ? (r.id ?? null) : null);
    out.reasons.push(r.ok ? null : r.error.reason);
  }
  return out;
}

/** The staged rows of the batch with typed values, their category resolved; `given(key)` = the row gives the field. */
const INPUT = (catIdType: "uuid" | "text") => `
  cat AS (SELECT * FROM unnest($3::text[], $4::${catIdType}[], $5::text[]) AS c(name, id, reason)),
  input AS MATERIALIZED (
    SELECT s.row, s.line, s.data, s.data->>'sku' AS sku, s.data->>'name' AS name, c.id AS cat_id, c.reason AS cat_reason
    FROM data_import_rows s LEFT JOIN cat c ON c.name = s.data->>'category'
    WHERE s."importId" = $2::uuid AND s.row BETWEEN $6 AND $7
  ),
  good AS (SELECT * FROM input WHERE cat_reason IS NULL)`;

/** A field's value: the row's when it gives it, else the old item's, else (new item) the default. */
const pick = (field: string, column: string, cast: string, dflt: string) =>
  `CASE WHEN good.data ? '${field}' THEN (good.data->>'${field}')::${cast} WHEN old.id IS NOT NULL THEN old."${column}" ELSE ${dflt} END`;
/** The merged values in VALUE_COLUMNS order: `AS` names for a SELECT list, or bare for a row constructor. */
const MERGED = (categoryCast: string, named = true) =>
  [
    ["good.name", "name"],
    [`CASE WHEN good.data ? 'category' THEN good.cat_id WHEN old.id IS NOT NULL THEN old."categoryId"${categoryCast} ELSE NULL END`, "categoryId"],
    [pick("quantity", "quantity", "int", "$9::int"), "quantity"],
    [pick("unit", "unit", "text", "$10::text"), "unit"],
    [pick("price", "price", "numeric", "$11::numeric"), "price"],
    [pick("reorderThreshold", "reorderThreshold", "int", "$12::int"), "reorderThreshold"],
    [pick("inStock", "inStock", "boolean", "$13::boolean"), "inStock"],
    [pick("expiresOn", "expiresOn", "date", "NULL::date"), "expiresOn"],
  ]
    .map(([expr, as]) => (named ? `${expr} AS "${as}"` : expr))
    .join(",\n  ");
const VALUE_COLUMNS = ["name", "categoryId", "quantity", "unit", "price", "reorderThreshold", "inStock", "expiresOn"] as const;
const tuple = (alias: string) => `(${VALUE_COLUMNS.map((c) => `${alias}."${c}"`).join(", ")})`;

/** The existing items of the good rows' SKUs (an index probe per SKU, not a scan of the organization). */
const OLD = `
  old AS MATERIALIZED (
    SELECT i.* FROM inventory_items i
    WHERE i."organizationId" = $1::uuid AND i.sku = ANY(ARRAY(SELECT sku FROM good))
  )`;

const defaults = () => [ITEM_DEFAULTS.quantity, ITEM_DEFAULTS.unit, ITEM_DEFAULTS.price, ITEM_DEFAULTS.reorderThreshold, ITEM_DEFAULTS.inStock] as const;

export async function planStagedItems(tx: TxClient, ctx: BatchContext, batch: StagedBatch): Promise<StagedPlan> {
  const cats = await categoryMap(tx, ctx, batch, true);
  const [r] = await tx.$queryRawUnsafe<Array<{ create: number; update: number; unchanged: number; rejected: Array<{ row: number; line: number | null; reason: string }> | null }>>(
    `WITH ${INPUT("text")}, ${OLD},
     planned AS (
       SELECT old.id IS NULL AS is_new, (${VALUE_COLUMNS.map((c) => (c === "categoryId" ? `old."categoryId"::text` : `old."${c}"`)).join(", ")}) IS DISTINCT FROM (${MERGED("::text", false)}) AS differs
       FROM good LEFT JOIN old ON old.sku = good.sku
     )
     SELECT (SELECT count(*) FILTER (WHERE is_new) FROM planned)::int AS create,
            (SELECT count(*) FILTER (WHERE NOT is_new AND $8 AND differs) FROM planned)::int AS update,
            (SELECT count(*) FILTER (WHERE NOT is_new AND NOT ($8 AND differs)) FROM planned)::int AS unchanged,
            (SELECT json_agg(json_build_object('row', row, 'line', line, 'reason', cat_reason) ORDER BY row) FROM input WHERE cat_reason IS NOT NULL) AS rejected`,
    ctx.organization.id, batch.importId, cats.names, cats.ids, cats.reasons, batch.fromRow, batch.toRow, ctx.options.updateExisting, ...defaults(),
  );
  return { create: r!.create, update: r!.update, unchanged: r!.unchanged, rejected: refusals(r!.rejected), ...(cats.created.length ? { also: { categories: cats.created } } : {}) };
}

function refusals(rows: Array<{ row: number; line: number | null; reason: string }> | null): RowError[] {
  return (rows ?? []).map((e) => ({ row: e.row, ...(e.line != null ? { line: e.line } : {}), field: "category", reason: e.reason }));
}

function who(meta: EmitMeta): { userId: string | null; apiTokenId: string | null } {
  if (meta.actor.type === "user") return { userId: meta.actor.id, apiTokenId: null };
  if (meta.actor.type === "api_token") return { userId: meta.actor.userId, apiTokenId: meta.actor.id };
  return { userId: null, apiTokenId: null };
}

type CommitSummary = {
  created: number;
  updated: number;
  good: number;
  raced: string[] | null;
  rejected: Array<{ row: number; line: number | null; reason: string }> | null;
  created_records: ItemRecord[] | null;
  updated_records: Array<{ before: ItemRecord; after: ItemRecord }> | null;
  adjusted: Array<{ itemId: string; adjustmentId: string; name: string; sku: string; old: number; new: number }> | null;
  low: Array<{ itemId: string; alertId: string; name: string; sku: string; quantity: number; threshold: number }> | null;
  restocked: Array<{ itemId: string; alertId: string | null; name: string; sku: string; old: number; new: number }> | null;
};

// $8 = update existing: off, an existing SKU is left as it is (the conflict's update never applies).
const COMMIT_SQL = (() => {
  const columns = VALUE_COLUMNS.map((c) => `"${c}"`).join(", ");
  const moved = `p.old_id IS NOT NULL AND p.old_quantity <> p.quantity`;
  const intoLow = `p.old_id IS NOT NULL AND NOT (p.old_quantity < p.old_threshold) AND p.quantity < p."reorderThreshold"`;
  const outOfLow = `p.old_id IS NOT NULL AND p.old_quantity < p.old_threshold AND NOT (p.quantity < p."reorderThreshold")`;
  // seen      the batch's SKUs as they are (no lock): a row whose values would not change is neither
  //           locked nor written — a file imported again costs reads only;
  // old       the items that would change, locked FOR UPDATE in id order (latest version: merged below
  //           uses what is there once locked; an item deleted meanwhile is "gone");
  // upd       a plain UPDATE of those still different (no speculative insertion per existing row);
  // ins       the new SKUs, INSERT ... ON CONFLICT DO NOTHING: a SKU someone inserted after our
  //           snapshot is not inserted, and (like a "gone" one) makes the batch throw ConcurrentItemInsert.
  return `
    WITH ${INPUT("uuid")},
    seen AS MATERIALIZED (
      SELECT i.* FROM inventory_items i WHERE i."organizationId" = $1::uuid AND i.sku = ANY(ARRAY(SELECT sku FROM good))
    ),
    changing AS (
      SELECT old.id FROM good JOIN seen old ON old.sku = good.sku
      WHERE $8::boolean AND ${tuple("old")} IS DISTINCT FROM (${MERGED("", false)})
    ),
    old AS MATERIALIZED (
      SELECT i.* FROM inventory_items i WHERE i."organizationId" = $1::uuid AND i.id = ANY(ARRAY(SELECT id FROM changing))
      ORDER BY i.id FOR UPDATE
    ),
    upd_src AS MATERIALIZED (SELECT good.row, old.id, ${MERGED("")} FROM good JOIN old ON old.sku = good.sku),
    upd AS (
      UPDATE inventory_items u SET (${columns}) = (${VALUE_COLUMNS.map((c) => `s."${c}"`).join(", ")}), "updatedAt" = now()
      FROM upd_src s WHERE u.id = s.id AND u."organizationId" = $1::uuid AND ${tuple("u")} IS DISTINCT FROM ${tuple("s")}
      RETURNING u.*
    ),
    ins_src AS MATERIALIZED (
      SELECT good.row, good.sku, ${MERGED("")} FROM good LEFT JOIN seen old ON old.sku = good.sku WHERE old.id IS NULL
    ),
    ins AS (
      INSERT INTO inventory_items (id, "organizationId", sku, ${columns}, "updatedAt")
      SELECT gen_random_uuid(), $1::uuid, sku, ${columns}, now() FROM ins_src ORDER BY row
      ON CONFLICT ("organizationId", sku) DO NOTHING
      RETURNING inventory_items.*
    ),
    p AS MATERIALIZED (
      SELECT ins.*, s.row, true AS inserted, NULL::uuid AS old_id, NULL::int AS old_quantity, NULL::int AS old_threshold, NULL::json AS before_record
      FROM ins JOIN ins_src s ON s.sku = ins.sku
      UNION ALL
      SELECT upd.*, s.row, false, old.id, old.quantity, old."reorderThreshold", ${itemRecordJsonSql("old")}
      FROM upd JOIN upd_src s ON s.id = upd.id JOIN old ON old.id = upd.id
    ),
    raced AS (
      SELECT sku FROM ins_src WHERE sku NOT IN (SELECT sku FROM ins)
      UNION ALL
      SELECT seen.sku FROM changing JOIN seen ON seen.id = changing.id WHERE changing.id NOT IN (SELECT id FROM old)
    ),
    journal AS (
      INSERT INTO data_import_changes ("importId", "recordId", action, before, after)
      SELECT $2::uuid, p.id, CASE WHEN p.old_id IS NULL THEN 'created' ELSE 'updated' END, p.before_record::jsonb,
             jsonb_build_object('id', p.id, 'sku', p.sku, 'name', p.name, 'fp2', ${itemFingerprintSql("p")})
      FROM p WHERE p.inserted OR p.old_id IS NOT NULL
    ),
    adj AS (
      INSERT INTO inventory_stock_adjustments (id, "organizationId", "itemId", delta, "previousQuantity", "newQuantity", reason, source, "userId", "apiTokenId")
      SELECT gen_random_uuid(), $1::uuid, p.id, p.quantity - p.old_quantity, p.old_quantity, p.quantity, $14, 'import', $15::uuid, $16::uuid
      FROM p WHERE ${moved}
      RETURNING id, "itemId"
    ),
    low AS (
      INSERT INTO inventory_stock_alerts (id, "organizationId", "itemId", "openItemId", quantity, threshold)
      SELECT gen_random_uuid(), $1::uuid, p.id, p.id, p.quantity, p."reorderThreshold" FROM p WHERE ${intoLow}
      ON CONFLICT ("organizationId", "openItemId") DO NOTHING
      RETURNING id, "itemId", quantity, threshold
    ),
    resolved AS (
      UPDATE inventory_stock_alerts a SET status = 'resolved', "openItemId" = NULL, "resolvedAt" = now()
      WHERE a."organizationId" = $1::uuid AND a."openItemId" = ANY(ARRAY(SELECT p.id FROM p WHERE ${outOfLow}))
      RETURNING a.id, a."itemId"
    )
    SELECT
      (SELECT count(*) FROM p WHERE p.inserted)::int AS created,
      (SELECT count(*) FROM p WHERE p.old_id IS NOT NULL)::int AS updated,
      (SELECT count(*) FROM good)::int AS good,
      (SELECT json_agg(sku) FROM raced) AS raced,
      (SELECT json_agg(json_build_object('row', row, 'line', line, 'reason', cat_reason) ORDER BY row) FROM input WHERE cat_reason IS NOT NULL) AS rejected,
      CASE WHEN $17 THEN (SELECT json_agg(${itemRecordJsonSql("p")} ORDER BY p.row) FROM p WHERE p.inserted) END AS created_records,
      CASE WHEN $18 THEN (SELECT json_agg(json_build_object('before', p.before_record, 'after', ${itemRecordJsonSql("p")}) ORDER BY p.row) FROM p WHERE p.old_id IS NOT NULL) END AS updated_records,
      CASE WHEN $19 THEN (SELECT json_agg(json_build_object('itemId', p.id, 'adjustmentId', adj.id, 'name', p.name, 'sku', p.sku, 'old', p.old_quantity, 'new', p.quantity) ORDER BY p.row)
                          FROM adj JOIN p ON p.id = adj."itemId") END AS adjusted,
      (SELECT json_agg(json_build_object('itemId', p.id, 'alertId', low.id, 'name', p.name, 'sku', p.sku, 'quantity', low.quantity, 'threshold', low.threshold) ORDER BY p.row)
       FROM low JOIN p ON p.id = low."itemId") AS low,
      (SELECT json_agg(json_build_object('itemId', p.id, 'alertId', resolved.id, 'name', p.name, 'sku', p.sku, 'old', p.old_quantity, 'new', p.quantity) ORDER BY p.row)
       FROM p LEFT JOIN resolved ON resolved."itemId" = p.id WHERE ${outOfLow}) AS restocked`;
})();

export async function commitStagedItems(tx: TxClient, ctx: BatchContext, batch: StagedBatch): Promise<StagedResult> {
  const organizationId = ctx.organization.id;
  const meta = ctx.meta;
  const cats = await categoryMap(tx, ctx, batch, false);
  // One transaction connection: asked one after the other.
  const wantCreated = await hasSubscribers(tx, organizationId, itemCreated);
  const wantUpdated = await hasSubscribers(tx, organizationId, itemUpdated);
  const wantAdjusted = await hasSubscribers(tx, organizationId, stockAdjusted);
  const { userId, apiTokenId } = who(meta);
  // The statement joins its CTEs (thousands of rows each) to each other; the planner cannot estimate a
  // data-modifying CTE's rows and picked nested loops over them: 5,000 x 5,000 comparisons, 2.7 s per
  // batch (pg_stat_statements in bench:import --pg-stats). Hash joins take 0.1 s. Items are still found
  // by index (sku = ANY(...)); only joins between the CTEs are affected, and only in this statement.
  await tx.$executeRawUnsafe("SET LOCAL enable_nestloop = off");
  const [s] = await tx.$queryRawUnsafe<CommitSummary[]>(
    COMMIT_SQL,
    organizationId, batch.importId, cats.names, cats.ids, cats.reasons, batch.fromRow, batch.toRow, ctx.options.updateExisting, ...defaults(),
    IMPORT_REASON, userId, apiTokenId, wantCreated, wantUpdated, wantAdjusted,
  );
  await tx.$executeRawUnsafe("SET LOCAL enable_nestloop = on");
  const sum = s!;
  // Inserted by someone else after our snapshot (or deleted before we could lock it): retried whole.
  if (sum.raced?.length) throw new ConcurrentItemInsert(sum.raced);

  if (sum.created_records?.length) await emitMany(tx, meta, itemCreated, sum.created_records.map((r) => ({ ...created(r), source: "import" })));
  if (sum.updated_records?.length) await emitMany(tx, meta, itemUpdated, sum.updated_records.map((p) => ({ ...updated(p.before, p.after), source: "import" })));
  if (sum.adjusted?.length) {
    await emitMany(tx, meta, stockAdjusted, sum.adjusted.map((a) => ({
      itemId: a.itemId, label: itemLabel(a), adjustmentId: a.adjustmentId, oldQuantity: a.old, newQuantity: a.new, delta: a.new - a.old, reason: IMPORT_REASON, source: "import",
    })));
  }
  // As applyCrossings: an alert opened now emits low stock detected (an already open one nothing); every
  // crossing back out emits restocked, with the alert it resolved or null.
  if (sum.low?.length) await emitMany(tx, meta, lowStockDetected, sum.low.map((l) => ({ itemId: l.itemId, label: itemLabel(l), quantity: l.quantity, threshold: l.threshold, alertId: l.alertId })));
  if (sum.restocked?.length) await emitMany(tx, meta, itemRestocked, sum.restocked.map((r) => ({ itemId: r.itemId, label: itemLabel(r), oldQuantity: r.old, newQuantity: r.new, alertId: r.alertId })));

  return { created: sum.created, updated: sum.updated, unchanged: sum.good - sum.created - sum.updated, rejected: refusals(sum.rejected) };
}
