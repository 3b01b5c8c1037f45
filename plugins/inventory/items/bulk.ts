// Bulk actions of the admin list: mark in stock, mark out of stock, delete — on the selected rows, or
// on every item matching the list's filter ("Select all N matching": the filter is re-evaluated here
// in SQL with the list's own WHERE clause, items/filters.ts, never a list of ids from the browser).
//
// Each change is ONE set-based statement: a MATERIALIZED CTE locks the organization's pending rows
// (FOR UPDATE) and keeps their old values, the UPDATE/DELETE joins them by primary key and returns old
// and new side by side; then one emitMany per event type (inventory.item.updated / .deleted, the same
// payloads items/mutations.ts emits, source "bulk"). Rows that would not change (already in stock when
// marking in stock) are excluded in SQL: they are not written and emit nothing. All or nothing: if the
// statement or an in-transaction handler fails, the transaction rolls back and no row or event is kept.
//
// More than BACKGROUND_THRESHOLD affected rows is more than one request should hold: the action is
// handed to a background job (jobs/bulk-jobs.ts) that applies the same statement in keyset batches of
// BULK_BATCH_SIZE, each batch its own transaction, with progress in inventory_bulk_operations.
import { z } from "zod";
import type { ActionResult } from "@/core/actions/result";
import { invalid } from "@/core/actions/result";
import type { OrgContext } from "@/core/auth/context";
import { Prisma, rootDb } from "@/core/db/client";
import { emitMany, type EmitMeta, type EventTx } from "@/core/events/emit";
import { eventMeta } from "@/core/events/meta";
import { kickOutbox } from "@/core/events/outbox-signal";
import { requestOrigin } from "@/core/http/request-origin";
import { assertPermission } from "@/core/plugins/permissions";
import { numberFormat } from "@/core/format/numbers";
import { pluginTranslator } from "@/core/i18n/translate";
import type { InventoryMessages } from "../messages";
import { deleted, updated } from "@/core/events/record-changes";
import { unprefix } from "@/core/events/record-sql";
import { itemDeleted, itemUpdated } from "../events";
import { INVENTORY_PERMISSIONS } from "../permissions";
import { createAndStartOperation, getOperationRecord, requeueOperation } from "../jobs/bulk-operations";
import { itemFilterSchema, itemWhereSql, type ItemFilter } from "./filters";
import { ITEM_COLUMNS, itemRecord, type ItemRow } from "./records";

export const BULK_ACTIONS = ["mark_in_stock", "mark_out_of_stock", "delete"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** More affected rows than this run as a background job with a progress bar. */
export const BACKGROUND_THRESHOLD = 10_000;
/** Rows per batch (and per transaction) of the background job. */
export const BULK_BATCH_SIZE = 5_000;
/** Most ids one request may name: a selection is made on list pages of at most 100 rows. */
export const MAX_SELECTED_IDS = 1_000;

export const bulkSelectionSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("ids"),
    ids: z.array(z.uuid("Unknown item")).min(1, "Select at least one item").max(MAX_SELECTED_IDS, `Select at most ${MAX_SELECTED_IDS} items, or use "Select all matching"`),
  }),
  z.object({ mode: z.literal("filter"), filter: itemFilterSchema }),
], { error: "Choose the items to act on" });
export type BulkSelection = z.output<typeof bulkSelectionSchema>;

export const bulkInput = z.object({ action: z.enum(BULK_ACTIONS, "Choose a bulk action"), selection: bulkSelectionSchema });
export type BulkInput = z.input<typeof bulkInput>;

/** WHERE over inventory_items (alias `i`) of the selection, always pinned to the organization. */
export function selectionWhere(organizationId: string, selection: BulkSelection): Prisma.Sql {
  if (selection.mode === "filter") return itemWhereSql(organizationId, selection.filter);
  return Prisma.sql`i."organizationId" = ${organizationId}::uuid AND i.id = ANY(${[...new Set(selection.ids)]}::uuid[])`;
}

/** The rows the action would actually change (no-op rows excluded). */
function pendingSql(action: BulkAction): Prisma.Sql {
  if (action === "mark_in_stock") return Prisma.sql`i."inStock" = false`;
  if (action === "mark_out_of_stock") return Prisma.sql`i."inStock" = true`;
  return Prisma.sql`true`;
}

/** Bounds of one background batch: keyset after `afterId`, only rows that existed at `asOf`. */
export type BatchBounds = { afterId?: string | null; limit?: number; asOf?: Date };

function boundsSql(b: BatchBounds): { where: Prisma.Sql; tail: Prisma.Sql } {
  const parts: Prisma.Sql[] = [];
  if (b.afterId) parts.push(Prisma.sql`i.id > ${b.afterId}::uuid`);
  if (b.asOf) parts.push(Prisma.sql`i."createdAt" <= ${b.asOf}`);
  return {
    where: parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty,
    // Always in id order: rows are locked in the order they are returned, so two bulk statements over
    // overlapping rows wait for each other instead of deadlocking.
    tail: b.limit ? Prisma.sql`ORDER BY i.id LIMIT ${b.limit}` : Prisma.sql`ORDER BY i.id`,
  };
}

/** Number of rows the action would change, counting at most `cap` (cheap "more than N?" checks). */
export async function countPending(organizationId: string, action: BulkAction, selection: BulkSelection, cap?: number, asOf?: Date): Promise<number> {
  const where = Prisma.sql`${selectionWhere(organizationId, selection)} AND ${pendingSql(action)} ${boundsSql({ asOf }).where}`;
  const inner = cap ? Prisma.sql`SELECT 1 FROM inventory_items i WHERE ${where} LIMIT ${cap}` : Prisma.sql`SELECT 1 FROM inventory_items i WHERE ${where}`;
  const [row] = await rootDb().$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM (${inner}) AS pending`;
  return row?.n ?? 0;
}

const columns = (alias: string, prefix = "") => Prisma.raw(ITEM_COLUMNS.map((c) => `${alias}."${c}" AS "${prefix}${c}"`).join(", "));

/**
 * Applies the action to the selected pending rows in ONE statement and emits one event per changed row
 * in `tx`. Returns how many rows changed and the greatest id among them (the keyset cursor of the next
 * background batch). The caller owns the transaction.
 */
export async function applyBulkChange(
  tx: EventTx,
  meta: EmitMeta,
  action: BulkAction,
  where: Prisma.Sql,
  bounds: BatchBounds = {},
  /** The events' `source`: "bulk" for the list's actions; receiving an order passes "purchase_order". */
  source = "bulk",
): Promise<{ count: number; lastId: string | null }> {
  const b = boundsSql(bounds);
  const scope = Prisma.sql`${where} AND ${pendingSql(action)} ${b.where}`;
  if (action === "delete") {
    const rows = await tx.$queryRaw<ItemRow[]>`
      WITH doomed AS MATERIALIZED (
        SELECT i.id FROM inventory_items i WHERE ${scope} ${b.tail} FOR UPDATE
      )
      DELETE FROM inventory_items AS d USING doomed WHERE d.id = doomed.id
      RETURNING ${columns("d")}`;
    rows.sort(byId);
    await emitMany(tx, meta, itemDeleted, rows.map((r) => ({ ...deleted(itemRecord(r)), source })));
    return { count: rows.length, lastId: rows.at(-1)?.id ?? null };
  }
  const inStock = action === "mark_in_stock";
  // MATERIALIZED and joined by primary key only (as core/appointments/bulk.ts): the locking read runs
  // once, and each row is then found by key, whatever the planner thinks of fresh statistics.
  const rows = await tx.$queryRaw<Record<string, unknown>[]>`
    WITH old AS MATERIALIZED (
      SELECT ${columns("i")} FROM inventory_items i WHERE ${scope} ${b.tail} FOR UPDATE
    )
    UPDATE inventory_items AS u SET "inStock" = ${inStock}, "updatedAt" = now()
    FROM old WHERE u.id = old.id
    RETURNING ${columns("old", "before.")}, ${columns("u", "after.")}`;
  const pairs = rows.map((r) => ({ before: unprefix<ItemRow>(r, "before."), after: unprefix<ItemRow>(r, "after.") })).sort((x, y) => byId(x.after, y.after));
  await emitMany(tx, meta, itemUpdated, pairs.map((p) => ({ ...updated(itemRecord(p.before), itemRecord(p.after)), source })));
  return { count: pairs.length, lastId: pairs.at(-1)?.after.id ?? null };
}

// uuid text order equals PostgreSQL's uuid order (both compare the bytes from the left).
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export type BulkOutcome =
  | { kind: "done"; action: BulkAction; affected: number }
  | { kind: "background"; action: BulkAction; operationId: string; total: number };


/** Marking items in or out of stock is editing them; deleting is its own permission (staff may not). */
const permissionFor = (action: BulkAction) => (action === "delete" ? INVENTORY_PERMISSIONS.delete : INVENTORY_PERMISSIONS.manage);

/**
 * Runs a bulk action for the member (who needs inventory.manage_items, or inventory.delete_items to
 * delete). Up to BACKGROUND_THRESHOLD affected rows: at once, in one transaction. More (only possible
 * with "select all matching"): a background operation over the frozen filter.
 */
export async function runBulkAction(ctx: OrgContext, input: unknown): Promise<ActionResult<BulkOutcome>> {
  const parsed = bulkInput.safeParse(input);
  const denied = await assertPermission(ctx, permissionFor(parsed.success ? parsed.data.action : "mark_in_stock"));
  if (denied) return denied;
  if (!parsed.success) return invalid(parsed.error);
  const { action, selection } = parsed.data;
  const organizationId = ctx.organization.id;
  const pending = await countPending(organizationId, action, selection, BACKGROUND_THRESHOLD + 1);
  if (pending > BACKGROUND_THRESHOLD && selection.mode === "filter") {
    // The exact count for the progress bar; the job re-evaluates the same filter batch by batch, over
    // the items that existed when the operation was created.
    const total = await countPending(organizationId, action, selection);
    const started = await createAndStartOperation(ctx, { action, filter: selection.filter, total });
    if (!started.ok) return started;
    return {
      ok: true,
      data: { kind: "background", action, operationId: started.data.operationId, total },
      message: pluginTranslator<InventoryMessages>(ctx, "inventory")("bulkResult.background", { n: formatted(ctx, total) }),
    };
  }
  const meta = eventMeta(ctx, await requestOrigin("bulk"));
  const { count: affected } = await ctx.db.$transaction((tx) => applyBulkChange(tx, meta, action, selectionWhere(organizationId, selection)), {
    // emitMany validates every payload and in-transaction handlers may run per row: allow more than
    // Prisma's 5 s default for 10,000 rows.
    timeout: 60_000,
    maxWait: 10_000,
  });
  kickOutbox();
  // The toast's words in the member's language, the number in the organization's locale.
  const t = pluginTranslator<InventoryMessages>(ctx, "inventory");
  const message = affected === 0 ? t("bulkResult.nothing", { action }) : t("bulkResult.done", { action, count: affected, n: formatted(ctx, affected) });
  return { ok: true, data: { kind: "done", action, affected }, message };
}

const formatted = (ctx: OrgContext, n: number) => numberFormat(ctx.organization.locale)!.format(n);

/** Retries a failed background operation: the remaining rows of its frozen filter, from where it stopped. */
export async function retryBulkOperation(ctx: OrgContext, id: string): Promise<ActionResult<{ operationId: string }>> {
  // Someone who can neither edit nor delete items learns nothing about operations, not even which exist.
  const [editDenied, deleteDenied] = await Promise.all([assertPermission(ctx, INVENTORY_PERMISSIONS.manage), assertPermission(ctx, INVENTORY_PERMISSIONS.delete)]);
  if (editDenied && deleteDenied) return editDenied;
  if (!z.uuid().safeParse(id).success) return { ok: false, error: "No such operation." };
  const op = await getOperationRecord(ctx.organization.id, id);
  if (!op) return { ok: false, error: "No such operation." };
  const filter = itemFilterSchema.safeParse(op.filter);
  const action = z.enum(BULK_ACTIONS).safeParse(op.action);
  if (!filter.success || !action.success) return { ok: false, error: "This operation's stored filter is no longer valid; start the action again from the list." };
  const denied = await assertPermission(ctx, permissionFor(action.data));
  if (denied) return denied;
  const remaining = await countPending(ctx.organization.id, action.data, { mode: "filter", filter: filter.data }, undefined, op.createdAt);
  return requeueOperation(ctx, id, remaining);
}

export type { ItemFilter };
