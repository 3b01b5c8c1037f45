// The "inventory.items" import resource against the real database, called directly in transactions as
// the engine calls it: row rules (mapped-and-empty vs unmapped), plan == commit, set-based upsert with
// events, adjustments and low-stock crossings, update-existing off, other organizations untouched,
// a failing in-transaction handler rolling the whole batch back, undo and its refusals.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OrgContext } from "@/core/auth/context";
import { rootDb } from "@/core/db/client";
import type { TxClient } from "@/core/db/tx";
import type { BatchContext, ImportOptions, ParsedRow, RecordChange, RowError } from "@/core/imports/types";
import { registerPluginRegistry } from "@/core/plugins/registry";
import { definePlugin, onEvent, type EventOrigin } from "@/core/plugins/types";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { inventoryEvents, itemUpdated, type ItemRecord } from "../events";
import { itemFingerprint } from "../imports/fingerprint";
import { itemColumns, type ItemRow } from "../items/records";
import { isRowDataError } from "@/core/imports/engine/commit";
import { ConcurrentItemInsert } from "../imports/commit-batch";
import { itemsImportResource as resource } from "../imports/items-resource";
import type { ItemImportRow } from "../imports/row-schema";
import inventory from "../plugin";
import { importBatchContext } from "./import-kit";

type Seen = { event: string; payload: Record<string, unknown>; origin: EventOrigin };
const seen: Seen[] = [];
const eventsOf = (name: string) => seen.filter((s) => s.event === name);

// A spy plugin recording every inventory event with its origin; it throws on an item named "BREAK ME"
// (to prove a failing handler rolls the whole batch back).
const spy = definePlugin({
  id: "import-spy",
  name: "Import spy",
  version: "1.0.0",
  description: "Records inventory events in tests.",
  author: "tests",
  handlers: {
    inTransaction: Object.values(inventoryEvents).map((event) =>
      onEvent({
        event,
        handle: (payload, { origin }) => {
          seen.push({ event: event.name, payload: payload as Record<string, unknown>, origin });
        },
        handleMany: (batch, { origin }) => {
          for (const { payload } of batch) {
            if (event === itemUpdated && (payload as { after: { name: string } }).after.name === "BREAK ME") throw new Error("spy refuses");
            seen.push({ event: event.name, payload: payload as Record<string, unknown>, origin });
          }
        },
      }),
    ),
  },
});

beforeAll(() => registerPluginRegistry({ inventory: async () => ({ default: inventory }), "import-spy": async () => ({ default: spy }) }));
beforeEach(() => {
  seen.length = 0;
});

async function setup(name = "Import Clinic") {
  const org = await createTestOrganization(name);
  await enablePluginFor(org, "inventory");
  await rootDb().pluginInstallation.create({ data: { organizationId: org.org.id, pluginId: "import-spy", enabled: true, version: "1.0.0" } });
  const owner = await org.as("owner");
  const categories = await rootDb().inventoryCategory.findMany({ where: { organizationId: org.org.id }, orderBy: { name: "asc" } });
  return { org, owner, orgId: org.org.id, categories };
}

// Unknown categories are refused unless a test turns "create missing categories" on.
const batchCtx = (owner: OrgContext, options: Partial<ImportOptions> = {}, resourceOptions: Record<string, boolean> = { createCategories: false }): BatchContext =>
  importBatchContext(owner, randomUUID(), options, resourceOptions);

/** Cells as the engine hands them: only mapped fields, strings. Throws on a row the schema refuses. */
function rows(...cells: Record<string, string>[]): ParsedRow<ItemImportRow>[] {
  return cells.map((c, i) => ({ row: i + 1, line: i + 2, data: resource.rowSchema.parse(c) }));
}

const tx = <T>(fn: (tx: TxClient) => Promise<T>) => rootDb().$transaction((t) => fn(t), { timeout: 60_000 });

async function item(orgId: string, sku: string): Promise<ItemRow | undefined> {
  const [row] = await rootDb().$queryRawUnsafe<ItemRow[]>(`SELECT ${itemColumns()} FROM inventory_items WHERE "organizationId" = $1::uuid AND sku = $2`, orgId, sku);
  return row;
}

async function adjustmentsOf(itemId: string) {
  return rootDb().inventoryStockAdjustment.findMany({ where: { itemId }, orderBy: { createdAt: "asc" } });
}

const sku = (p: string) => `${p}-${Math.random().toString(36).slice(2, 8)}`.toUpperCase();

describe("row schema", () => {
  it("reports each bad cell on its field with a specific reason", () => {
    const r = resource.rowSchema.safeParse({ sku: "bad sku!", name: "", quantity: "-3", price: "12,50", inStock: "maybe", expiresOn: "31/03/2027", reorderThreshold: "ten" });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField).toEqual({
      sku: "Letters, digits and . _ - / only, starting with a letter or digit",
      name: "Enter a name",
      quantity: "Cannot be negative",
      price: "Enter a price such as 12.50 (at most two decimals, not negative)",
      inStock: '"maybe" is not yes or no: use yes/no, true/false, y/n or 1/0',
      expiresOn: "Use a date such as 2027-03-31 (YYYY-MM-DD)",
      reorderThreshold: '"ten" is not a whole number: enter digits only, such as 12',
    });
  });

  it("reads whole numbers strictly: digits only, never a decimal, exponent, hex or separator read as something else", () => {
    const q = (quantity: string) => {
      const r = resource.rowSchema.safeParse({ sku: "N-1", name: "N", quantity });
      return r.success ? r.data.quantity : r.error.issues[0]!.message;
    };
    expect(q("12")).toBe(12);
    expect(q(" 7 ")).toBe(7);
    expect(q("+3")).toBe(3);
    // "1.000" is a thousand in much of Europe: refused, not stored as 1.
    expect(q("1.000")).toBe('"1.000" is not a whole number (no decimal point or thousands separator): enter digits only, such as 12');
    expect(q("1,000")).toBe('"1,000" is not a whole number (no decimal point or thousands separator): enter digits only, such as 12');
    expect(q("12.0")).toBe('"12.0" is not a whole number (no decimal point or thousands separator): enter digits only, such as 12');
    expect(q("1e3")).toBe('"1e3" is not a whole number: enter digits only, such as 12');
    expect(q("0x10")).toBe('"0x10" is not a whole number: enter digits only, such as 12');
    expect(q("99999999999999999999")).toBe("More than the largest allowed, 1,000,000,000");
  });

  it("unmapped fields and blank cells stay absent (leave as is on update, a new item's default on create)", () => {
    expect(resource.rowSchema.parse({ sku: " A-1 ", name: "Gauze" })).toEqual({ sku: "A-1", name: "Gauze" });
    // The engine leaves blank optional cells out (rowInput); a cell of spaces that reaches the schema is absent too.
    expect(resource.rowSchema.parse({ sku: "A-1", name: "Gauze", category: " ", quantity: " ", unit: " ", price: " ", reorderThreshold: " ", inStock: " ", expiresOn: " " })).toEqual({
      sku: "A-1", name: "Gauze",
    });
    expect(resource.rowSchema.parse({ sku: "A-1", name: "Gauze", price: "4.5", inStock: "N", quantity: "7" })).toMatchObject({ price: "4.50", inStock: false, quantity: 7 });
  });

  it("drops the apostrophe an export adds before a formula character, so such names round-trip", () => {
    expect(resource.rowSchema.parse({ sku: "F-1", name: "'=HYPERLINK(\"x\")" }).name).toBe('=HYPERLINK("x")');
    expect(resource.rowSchema.parse({ sku: "F-1", name: "O'Brien's gauze" }).name).toBe("O'Brien's gauze");
  });
});

describe("plan and commit", () => {
  it("creates items with categories matched by name case-insensitively; the plan predicts the commit; unknown categories are rejected", async () => {
    const s = await setup();
    const cat = s.categories[0]!;
    const a = sku("NEW");
    const b = sku("NEW");
    const c = sku("NEW");
    const input = rows(
      { sku: a, name: "Gauze", category: cat.name.toUpperCase(), quantity: "12", price: "3.5", reorderThreshold: "5", expiresOn: "2027-03-31" },
      { sku: b, name: "Tape" },
      { sku: c, name: "Pads", category: "Nonexistent" },
    );
    const ctx = batchCtx(s.owner);
    const { plans } = await tx((t) => resource.plan(t, ctx, input));
    expect(plans.slice(0, 2)).toEqual(["create", "create"]);
    expect(plans[2]).toEqual({ row: 3, line: 4, field: "category", reason: `No category named 'Nonexistent' — create it on the Categories page, turn on "Create missing categories", or leave the cell empty` });

    const res = await tx((t) => resource.commitBatch(t, ctx, input));
    expect(res.changes.map((x) => x.action)).toEqual(["created", "created"]);
    expect(res.unchanged).toBe(0);
    expect(res.rejected).toEqual([plans[2] as RowError]);

    const ga = (await item(s.orgId, a))!;
    expect({ cat: ga.categoryId, q: ga.quantity, price: Number(ga.price), t: ga.reorderThreshold, exp: ga.expiresOn?.toISOString().slice(0, 10) }).toEqual({ cat: cat.id, q: 12, price: 3.5, t: 5, exp: "2027-03-31" });
    const gb = (await item(s.orgId, b))!;
    expect({ cat: gb.categoryId, q: gb.quantity, unit: gb.unit, t: gb.reorderThreshold, inStock: gb.inStock }).toEqual({ cat: null, q: 0, unit: "each", t: 10, inStock: true });
    expect(await item(s.orgId, c)).toBeUndefined();

    const createdEvents = eventsOf("inventory.item.created");
    expect(createdEvents.map((e) => e.payload.source)).toEqual(["import", "import"]);
    expect(createdEvents.map((e) => (e.payload.after as { sku: string }).sku)).toEqual([a, b]);
    expect(createdEvents[0]!.origin).toEqual({ source: "import", importId: ctx.importId });
    // The journal's `after` is the stamp of the item the event describes (id, SKU, name, values' fingerprint).
    const ev = createdEvents[0]!.payload.after as ItemRecord;
    expect(res.changes[0]!.after).toEqual({ id: ev.id, sku: ev.sku, name: ev.name, fp: itemFingerprint(ev) });
    // New items start their history with no adjustment (as the item form).
    expect(await adjustmentsOf(ga.id)).toEqual([]);
  });

  it("refuses a category name two categories share (case-insensitively) instead of guessing", async () => {
    const s = await setup();
    await rootDb().inventoryCategory.createMany({
      data: [
        { organizationId: s.orgId, name: "Sterile", slug: `sterile-${randomUUID().slice(0, 6)}` },
        { organizationId: s.orgId, name: "STERILE", slug: `sterile-${randomUUID().slice(0, 6)}` },
      ],
    });
    const ctx = batchCtx(s.owner);
    const input = rows({ sku: sku("AMB"), name: "Swabs", category: "sterile" });
    expect((await tx((t) => resource.plan(t, ctx, input))).plans).toEqual([
      { row: 1, line: 2, field: "category", reason: "Several categories are named 'sterile' — rename one of them on the Categories page" },
    ]);
    const res = await tx((t) => resource.commitBatch(t, ctx, input));
    expect(res.changes).toEqual([]);
    expect(res.rejected).toHaveLength(1);
  });

  it("the same rows twice: the second run changes nothing, writes nothing and emits nothing", async () => {
    const s = await setup();
    const a = sku("TWICE");
    const input = rows({ sku: a, name: "Gloves", quantity: "40", price: "9.99", inStock: "yes", unit: "box" });
    await tx((t) => resource.commitBatch(t, batchCtx(s.owner), input));
    const first = (await item(s.orgId, a))!;
    seen.length = 0;
    const ctx = batchCtx(s.owner);
    expect((await tx((t) => resource.plan(t, ctx, input))).plans).toEqual(["unchanged"]);
    const res = await tx((t) => resource.commitBatch(t, ctx, input));
    expect(res).toEqual({ changes: [], unchanged: 1, rejected: [] });
    expect(seen).toEqual([]);
    expect((await item(s.orgId, a))!.updatedAt.getTime()).toBe(first.updatedAt.getTime());
  });

  it("updates only mapped fields; a blank cell leaves the stored value alone; quantity changes are adjustments with crossings", async () => {
    const s = await setup();
    const [cat] = s.categories;
    const a = sku("UPD");
    const b = sku("UPD");
    await tx((t) =>
      resource.commitBatch(t, batchCtx(s.owner), rows(
        { sku: a, name: "Gauze", category: cat!.name, quantity: "20", reorderThreshold: "10", price: "2.00", expiresOn: "2027-01-01", unit: "box" },
        { sku: b, name: "Tape", quantity: "2", reorderThreshold: "10" },
      )),
    );
    // b is low since creation: open its alert as the nightly check would.
    const bRow = (await item(s.orgId, b))!;
    await rootDb().inventoryStockAlert.create({ data: { organizationId: s.orgId, itemId: bRow.id, openItemId: bRow.id, quantity: 2, threshold: 10 } });
    seen.length = 0;

    // a: quantity mapped (20 -> 3, below threshold 10), category mapped but blank (kept: a blank cell
    // is no wish to clear it); unit, price, expiry not mapped (kept). b: quantity 2 -> 50 (back above).
    const ctx = batchCtx(s.owner);
    const input = rows({ sku: a, name: "Gauze", quantity: "3", category: "" }, { sku: b, name: "Tape", quantity: "50", category: "" });
    expect((await tx((t) => resource.plan(t, ctx, input))).plans).toEqual(["update", "update"]);
    const res = await tx((t) => resource.commitBatch(t, ctx, input));
    expect(res.changes.map((c) => c.action)).toEqual(["updated", "updated"]);
    expect((res.changes[0]!.before as { quantity: number }).quantity).toBe(20);

    const ga = (await item(s.orgId, a))!;
    expect({ q: ga.quantity, cat: ga.categoryId, unit: ga.unit, price: Number(ga.price), exp: ga.expiresOn?.toISOString().slice(0, 10) }).toEqual({ q: 3, cat: cat!.id, unit: "box", price: 2, exp: "2027-01-01" });
    const [adj] = await adjustmentsOf(ga.id);
    expect(adj).toMatchObject({ delta: -17, previousQuantity: 20, newQuantity: 3, reason: "CSV import", source: "import", userId: s.owner.user.id });

    expect(eventsOf("inventory.item.updated").map((e) => [e.payload.source, e.payload.changes])).toEqual([["import", ["quantity"]], ["import", ["quantity"]]]);
    expect(eventsOf("inventory.stock.adjusted").map((e) => [e.payload.delta, e.payload.source, e.payload.reason])).toEqual([[-17, "import", "CSV import"], [48, "import", "CSV import"]]);
    const low = eventsOf("inventory.stock.low_detected");
    expect(low.map((e) => [e.payload.itemId, e.payload.quantity, e.payload.threshold])).toEqual([[ga.id, 3, 10]]);
    const alerts = await rootDb().inventoryStockAlert.findMany({ where: { organizationId: s.orgId }, orderBy: { openedAt: "asc" } });
    expect(alerts.find((x) => x.itemId === ga.id)).toMatchObject({ status: "open", quantity: 3, id: low[0]!.payload.alertId });
    expect(alerts.find((x) => x.itemId === bRow.id)).toMatchObject({ status: "resolved", openItemId: null });
    expect(eventsOf("inventory.stock.restocked").map((e) => [e.payload.itemId, e.payload.oldQuantity, e.payload.newQuantity, e.payload.alertId])).toEqual([
      [bRow.id, 2, 50, alerts.find((x) => x.itemId === bRow.id)!.id],
    ]);
  });

  it("update existing off: existing SKUs are left unchanged, new ones created", async () => {
    const s = await setup();
    const a = sku("OFF");
    const b = sku("OFF");
    await tx((t) => resource.commitBatch(t, batchCtx(s.owner), rows({ sku: a, name: "Old name", quantity: "5" })));
    seen.length = 0;
    const ctx = batchCtx(s.owner, { updateExisting: false });
    const input = rows({ sku: a, name: "New name", quantity: "99" }, { sku: b, name: "Fresh" });
    expect((await tx((t) => resource.plan(t, ctx, input))).plans).toEqual(["unchanged", "create"]);
    const res = await tx((t) => resource.commitBatch(t, ctx, input));
    expect(res.changes.map((c) => c.action)).toEqual(["created"]);
    expect(res.unchanged).toBe(1);
    expect((await item(s.orgId, a))!).toMatchObject({ name: "Old name", quantity: 5 });
    expect(eventsOf("inventory.item.updated")).toEqual([]);
  });

  it("never touches another organization's item with the same SKU, and refuses a SKU twice in one batch", async () => {
    const s = await setup();
    const other = await setup("Other Clinic");
    const a = sku("ISO");
    await tx((t) => resource.commitBatch(t, batchCtx(other.owner), rows({ sku: a, name: "Theirs", quantity: "7" })));
    const theirs = (await item(other.orgId, a))!;
    const res = await tx((t) => resource.commitBatch(t, batchCtx(s.owner), rows({ sku: a, name: "Ours", quantity: "1" }, { sku: a, name: "Ours again" })));
    expect(res.changes.map((c) => c.action)).toEqual(["created"]);
    expect(res.rejected).toEqual([{ row: 2, line: 3, field: "sku", reason: `SKU ${a} appears twice in the file (first in row 1)` }]);
    expect(await item(other.orgId, a)).toEqual(theirs);
    expect((await item(s.orgId, a))!.name).toBe("Ours");
  });

  it("a SKU someone else inserts while the batch runs is not overwritten: the batch fails transiently, its retry journals an update", async () => {
    const s = await setup();
    const a = sku("RACE");
    // Their insert is uncommitted when our statement takes its snapshot: `old` cannot see it, and our
    // INSERT waits on it, then takes the ON CONFLICT path once they commit.
    let inserted!: () => void;
    let release!: () => void;
    const insertedP = new Promise<void>((r) => (inserted = r));
    const gate = new Promise<void>((r) => (release = r));
    const theirs = rootDb().$transaction(async (t) => {
      await t.$executeRaw`INSERT INTO inventory_items (id, "organizationId", sku, name, quantity, "updatedAt") VALUES (gen_random_uuid(), ${s.orgId}::uuid, ${a}, 'Theirs', 7, now())`;
      inserted();
      await gate;
    }, { timeout: 30_000 });
    await insertedP;
    const ours = tx((t) => resource.commitBatch(t, batchCtx(s.owner), rows({ sku: a, name: "From the file", quantity: "3" })));
    const settled = ours.then(() => null, (e: unknown) => e);
    await new Promise((r) => setTimeout(r, 500));
    release();
    await theirs;
    const err = await settled;
    expect(err).toBeInstanceOf(ConcurrentItemInsert);
    expect(isRowDataError(err)).toBe(false);
    const kept = (await item(s.orgId, a))!;
    expect({ name: kept.name, quantity: kept.quantity }).toEqual({ name: "Theirs", quantity: 7 });
    expect(eventsOf("inventory.item.created")).toEqual([]);

    // The retry sees their item and journals a real update, with their values as `before`.
    const res = await tx((t) => resource.commitBatch(t, batchCtx(s.owner), rows({ sku: a, name: "From the file", quantity: "3" })));
    expect(res.changes.map((c) => [c.action, (c.before as { name: string } | null)?.name])).toEqual([["updated", "Theirs"]]);
  });

  it("a failing in-transaction handler rolls the whole batch back: no item, adjustment or alert of it is kept", async () => {
    const s = await setup();
    const a = sku("ATOM");
    const b = sku("ATOM");
    await tx((t) => resource.commitBatch(t, batchCtx(s.owner), rows({ sku: a, name: "Fine", quantity: "50" })));
    const before = (await item(s.orgId, a))!;
    await expect(tx((t) => resource.commitBatch(t, batchCtx(s.owner), rows({ sku: b, name: "New one" }, { sku: a, name: "BREAK ME", quantity: "1" })))).rejects.toThrow(/spy refuses/);
    expect(await item(s.orgId, b)).toBeUndefined();
    expect(await item(s.orgId, a)).toEqual(before);
    expect(await adjustmentsOf(before.id)).toEqual([]);
    expect(await rootDb().inventoryStockAlert.count({ where: { itemId: before.id } })).toBe(0);
  });
});

describe("undo", () => {
  async function imported(s: Awaited<ReturnType<typeof setup>>) {
    const keep = sku("UNDO");
    const fresh = sku("UNDO");
    await tx((t) => resource.commitBatch(t, batchCtx(s.owner), rows({ sku: keep, name: "Existing", quantity: "30", price: "1.00", reorderThreshold: "10" })));
    const original = (await item(s.orgId, keep))!;
    const ctx = batchCtx(s.owner);
    const res = await tx((t) => resource.commitBatch(t, ctx, rows({ sku: keep, name: "Renamed", quantity: "4", price: "2.00" }, { sku: fresh, name: "Brand new", quantity: "8" })));
    return { ctx, changes: res.changes, keep, fresh, original };
  }

  it("removes created items and restores updated ones, recording the quantity restore as a compensating adjustment", async () => {
    const s = await setup();
    const { ctx, changes, keep, fresh, original } = await imported(s);
    seen.length = 0;
    const conflicts = await tx((t) => resource.findUndoConflicts(t, ctx, changes));
    expect(conflicts).toEqual([]);
    await tx(async (t) => {
      expect(await resource.findUndoConflicts(t, ctx, changes)).toEqual([]);
      await resource.undoBatch(t, ctx, changes);
    });
    expect(await item(s.orgId, fresh)).toBeUndefined();
    const restored = (await item(s.orgId, keep))!;
    expect({ name: restored.name, q: restored.quantity, price: Number(restored.price) }).toEqual({ name: original.name, q: 30, price: 1 });
    // History is append-only: the import's -26 stays and the undo adds +26.
    expect((await adjustmentsOf(original.id)).map((a) => [a.delta, a.reason, a.source])).toEqual([[-26, "CSV import", "import"], [26, "CSV import undone", "import"]]);
    // The import made it low (4 < 10): undo crossed back and resolved the alert.
    expect(await rootDb().inventoryStockAlert.findMany({ where: { itemId: original.id }, select: { status: true } })).toEqual([{ status: "resolved" }]);
    expect(eventsOf("inventory.item.deleted").map((e) => [(e.payload.before as { sku: string }).sku, e.payload.source])).toEqual([[fresh, "import"]]);
    expect(eventsOf("inventory.item.updated").map((e) => [(e.payload.after as { name: string }).name, e.payload.source])).toEqual([[original.name, "import"]]);
    expect(eventsOf("inventory.stock.restocked")).toHaveLength(1);
    expect(eventsOf("inventory.item.deleted")[0]!.origin).toEqual({ source: "import", importId: ctx.importId });
  });

  it("refuses, naming the items, when they changed after the import, gained history or lost what undo needs", async () => {
    const s = await setup();
    const { ctx, changes, keep, fresh } = await imported(s);
    const kept = (await item(s.orgId, keep))!;
    const created = (await item(s.orgId, fresh))!;
    // Someone edits the updated item; the created one lands on a purchase order.
    await rootDb().$executeRaw`UPDATE inventory_items SET name = 'Edited later', "updatedAt" = '2027-02-03T10:15:00Z' WHERE id = ${kept.id}::uuid`;
    const po = await rootDb().inventoryPurchaseOrder.create({ data: { organizationId: s.orgId, number: 1, supplier: "Acme" } });
    await rootDb().inventoryPurchaseOrderLine.create({ data: { organizationId: s.orgId, purchaseOrderId: po.id, itemId: created.id, quantity: 5, unitPrice: 1, lineTotal: 5 } });

    const conflicts = await tx((t) => resource.findUndoConflicts(t, ctx, changes));
    expect(conflicts).toEqual([
      { recordId: kept.id, label: `${keep} (Edited later)`, reason: expect.stringMatching(/^changed on .*2027.* after the import$/) },
      { recordId: created.id, label: `${fresh} (Brand new)`, reason: "is on 1 purchase order made after the import" },
    ]);
  });

  it("refuses a created item with someone else's stock adjustment, and an updated item deleted since", async () => {
    const s = await setup();
    const { ctx, changes, keep, fresh } = await imported(s);
    const kept = (await item(s.orgId, keep))!;
    const created = (await item(s.orgId, fresh))!;
    await rootDb().inventoryStockAdjustment.create({ data: { organizationId: s.orgId, itemId: created.id, delta: 0, previousQuantity: 8, newQuantity: 8, reason: "count", source: "form" } });
    await rootDb().$executeRaw`DELETE FROM inventory_items WHERE id = ${kept.id}::uuid`;
    const conflicts = await tx((t) => resource.findUndoConflicts(t, ctx, changes));
    expect(conflicts).toEqual([
      { recordId: kept.id, label: `${keep} (Renamed)`, reason: "was deleted after the import, so its earlier values cannot be restored" },
      { recordId: created.id, label: `${fresh} (Brand new)`, reason: "has 1 stock adjustment made after the import" },
    ]);
  });

  it("two imports over the same items: undo the second, then the first — both succeed and restore the original state", async () => {
    const s = await setup();
    const keep = sku("TWICE");
    const fresh = sku("TWICE");
    await tx((t) => resource.commitBatch(t, batchCtx(s.owner), rows({ sku: keep, name: "Original", quantity: "30", price: "1.00", reorderThreshold: "10" })));
    const original = (await item(s.orgId, keep))!;
    const first = batchCtx(s.owner);
    const one = await tx((t) => resource.commitBatch(t, first, rows({ sku: keep, name: "First", quantity: "20" }, { sku: fresh, name: "Made by first", quantity: "8" })));
    const second = batchCtx(s.owner);
    const two = await tx((t) => resource.commitBatch(t, second, rows({ sku: keep, name: "Second", quantity: "5" }, { sku: fresh, name: "Renamed by second", quantity: "3" })));
    expect(two.changes.map((c) => c.action)).toEqual(["updated", "updated"]);
    // The first import's items changed since: it cannot be undone while the second stands.
    expect((await tx((t) => resource.findUndoConflicts(t, first, one.changes))).map((c) => c.label)).toEqual([`${keep} (Second)`, `${fresh} (Renamed by second)`]);

    await tx(async (t) => {
      expect(await resource.findUndoConflicts(t, second, two.changes)).toEqual([]);
      await resource.undoBatch(t, second, two.changes);
    });
    // Undo #2 moved updatedAt and added compensating adjustments (source import) to the item #1
    // created: neither is "someone changed it" — its values are exactly as #1 left them.
    await tx(async (t) => {
      expect(await resource.findUndoConflicts(t, first, one.changes)).toEqual([]);
      await resource.undoBatch(t, first, one.changes);
    });
    expect(await item(s.orgId, fresh)).toBeUndefined();
    const restored = (await item(s.orgId, keep))!;
    expect({ ...restored, updatedAt: null }).toEqual({ ...original, updatedAt: null });
  });

  it("after undoing a later import, an edit by hand of an item is still refused", async () => {
    const s = await setup();
    const fresh = sku("HAND");
    const first = batchCtx(s.owner);
    const one = await tx((t) => resource.commitBatch(t, first, rows({ sku: fresh, name: "Made by first", quantity: "8" })));
    const second = batchCtx(s.owner);
    const two = await tx((t) => resource.commitBatch(t, second, rows({ sku: fresh, name: "Renamed by second", quantity: "3" })));
    await tx((t) => resource.undoBatch(t, second, two.changes));
    const made = (await item(s.orgId, fresh))!;
    // Same values, different timestamp? Not a change. A different value: a change.
    await rootDb().$executeRaw`UPDATE inventory_items SET "updatedAt" = now() + interval '1 minute' WHERE id = ${made.id}::uuid`;
    expect(await tx((t) => resource.findUndoConflicts(t, first, one.changes))).toEqual([]);
    await rootDb().$executeRaw`UPDATE inventory_items SET unit = 'box' WHERE id = ${made.id}::uuid`;
    expect(await tx((t) => resource.findUndoConflicts(t, first, one.changes))).toEqual([
      { recordId: made.id, label: `${fresh} (Made by first)`, reason: expect.stringMatching(/^changed on .* after the import$/) },
    ]);
  });

  it("a created item deleted since is no conflict: undo has nothing left to remove", async () => {
    const s = await setup();
    const { ctx, changes, fresh } = await imported(s);
    const created = (await item(s.orgId, fresh))!;
    await rootDb().$executeRaw`DELETE FROM inventory_items WHERE id = ${created.id}::uuid`;
    const onlyCreated: RecordChange[] = changes.filter((c) => c.action === "created");
    expect(await tx((t) => resource.findUndoConflicts(t, ctx, onlyCreated))).toEqual([]);
    await tx((t) => resource.undoBatch(t, ctx, onlyCreated));
    expect(eventsOf("inventory.item.deleted")).toEqual([]);
  });
});
