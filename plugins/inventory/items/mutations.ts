// Item writes, each in one transaction with its events (item created/updated/deleted, and for quantity
// changes made by editing the item: the adjustment row, stock adjusted and the threshold crossing).
// Used by the admin forms, the REST API, imports and jobs alike; `meta.actor` says who. A failed write
// (duplicate SKU, category of another organization, vanished item) leaves the database unchanged and
// emits nothing.
import { isUniqueViolation } from "@/core/db/errors";
import type { Prisma } from "@/core/db/client";
import type { ScopedDb } from "@/core/db/scoped";
import { emit, type EmitMeta, type EventTx } from "@/core/events/emit";
import { isUuid } from "@/core/db/ids";
import { created, deleted, updated } from "@/core/events/record-changes";
import { kickOutbox } from "@/core/events/outbox-signal";
import { itemCreated, itemDeleted, itemUpdated, stockAdjusted } from "../events";
import { itemColumns, itemLabel, itemRecord, type ItemRow } from "./records";
import type { ItemData, ItemPatch } from "./schema";
import { applyCrossing, type StockSource } from "./stock";

export type WriteResult = { ok: true; item: ItemRow } | { ok: false; error: string; fieldErrors?: Record<string, string>; status: 400 | 404 | 409 };

export const DUPLICATE_SKU = "Another item in this organization already has this SKU";
export const UNKNOWN_CATEGORY = "No such category in this organization";
const GONE: WriteResult = { ok: false, error: "This item no longer exists.", status: 404 };

type Who = { meta: EmitMeta; source: StockSource; userId?: string | null; apiTokenId?: string | null };

function toColumns(data: Partial<ItemData>) {
  const { expiresOn, ...rest } = data;
  return { ...rest, ...(expiresOn !== undefined ? { expiresOn: expiresOn ? new Date(`${expiresOn}T00:00:00Z`) : null } : {}) };
}

/** The item, locked FOR UPDATE until the transaction ends; null when not in the organization. */
export async function lockItem(tx: EventTx, organizationId: string, id: string): Promise<ItemRow | null> {
  if (!isUuid(id)) return null;
  const rows = await tx.$queryRawUnsafe<ItemRow[]>(
    `SELECT ${itemColumns()} FROM inventory_items WHERE "organizationId" = $1::uuid AND id = $2::uuid FOR UPDATE`,
    organizationId,
    id,
  );
  return rows[0] ?? null;
}

async function categoryOk(tx: EventTx, organizationId: string, categoryId: string | null | undefined): Promise<boolean> {
  if (!categoryId) return true;
  const rows = await tx.$queryRaw<unknown[]>`SELECT 1 FROM inventory_categories WHERE "organizationId" = ${organizationId}::uuid AND id = ${categoryId}::uuid`;
  return rows.length === 1;
}

export async function createItem(db: ScopedDb, who: Who, data: ItemData): Promise<WriteResult> {
  try {
    const result = await db.$transaction(async (tx) => {
      if (!(await categoryOk(tx, who.meta.organization.id, data.categoryId))) return categoryError();
      const input = { ...toColumns(data), organizationId: who.meta.organization.id } as Prisma.InventoryItemUncheckedCreateInput;
      const row = (await tx.inventoryItem.create({ data: input })) as unknown as ItemRow;
      await emit(tx, who.meta, itemCreated, { ...created(itemRecord(row)), source: who.source });
      return { ok: true as const, item: row };
    });
    if (result.ok) kickOutbox();
    return result;
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { sku: DUPLICATE_SKU }, status: 409 };
    throw err;
  }
}

/** Full or partial update. A changed quantity is recorded as a stock adjustment of `who.source`. */
export async function updateItem(db: ScopedDb, who: Who, id: string, data: ItemPatch): Promise<WriteResult> {
  try {
    const result = await db.$transaction(async (tx) => {
      const organizationId = who.meta.organization.id;
      const before = await lockItem(tx, organizationId, id);
      if (!before) return GONE;
      if (data.categoryId !== undefined && !(await categoryOk(tx, organizationId, data.categoryId))) return categoryError();
      const row = (await tx.inventoryItem.update({ where: { id }, data: toColumns(data) })) as unknown as ItemRow;
      const payload = updated(itemRecord(before), itemRecord(row));
      await emit(tx, who.meta, itemUpdated, { ...payload, source: who.source });
      if (row.quantity !== before.quantity) await recordEditAdjustment(tx, who, before, row);
      await applyCrossing(tx, who.meta, {
        itemId: id,
        label: itemLabel(row),
        oldQuantity: before.quantity,
        newQuantity: row.quantity,
        oldThreshold: before.reorderThreshold,
        newThreshold: row.reorderThreshold,
      });
      return { ok: true as const, item: row };
    });
    if (result.ok) kickOutbox();
    return result;
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { sku: DUPLICATE_SKU }, status: 409 };
    throw err;
  }
}

async function recordEditAdjustment(tx: EventTx, who: Who, before: ItemRow, after: ItemRow) {
  const delta = after.quantity - before.quantity;
  const [adj] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO inventory_stock_adjustments (id, "organizationId", "itemId", delta, "previousQuantity", "newQuantity", reason, source, "userId", "apiTokenId")
    VALUES (gen_random_uuid(), ${after.organizationId}::uuid, ${after.id}::uuid, ${delta}, ${before.quantity}, ${after.quantity}, ${"Quantity edited"},
            ${who.source}, ${who.userId ?? null}::uuid, ${who.apiTokenId ?? null}::uuid)
    RETURNING id::text AS id`;
  await emit(tx, who.meta, stockAdjusted, {
    itemId: after.id,
    label: itemLabel(after),
    adjustmentId: adj!.id,
    oldQuantity: before.quantity,
    newQuantity: after.quantity,
    delta,
    reason: "Quantity edited",
    source: who.source,
  });
}

export async function deleteItem(db: ScopedDb, who: Who, id: string): Promise<WriteResult> {
  const result = await db.$transaction(async (tx) => {
    const before = await lockItem(tx, who.meta.organization.id, id);
    if (!before) return GONE;
    await tx.inventoryItem.delete({ where: { id } });
    await emit(tx, who.meta, itemDeleted, { ...deleted(itemRecord(before)), source: who.source });
    return { ok: true as const, item: before };
  });
  if (result.ok) kickOutbox();
  return result;
}

function categoryError(): WriteResult {
  return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { categoryId: UNKNOWN_CATEGORY }, status: 400 };
}
