// The staged implementation of the "inventory.items" import (imports/staged.ts: plan and commit in
// set-based SQL over data_import_rows) against the row-by-row one (plan.ts, commit-batch.ts), which is
// the reference: the same batch, on two organizations with the same starting data, must give the same
// counts, refused rows, items, stock adjustments, alerts, undo journal and events — for update existing
// on and off, and for "create missing categories" on and off. Then what only the staged path does,
// through the whole engine: the commit never reads the file again, and the staged rows are removed.
import "@/app/_plugins/runtime";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import type { TxClient } from "@/core/db/tx";
import { createImport } from "@/core/imports/create";
import { runCommit } from "@/core/imports/engine/commit";
import { runPreview } from "@/core/imports/engine/preview";
import { stageRows } from "@/core/imports/engine/staging";
import { runUndo } from "@/core/imports/engine/undo";
import { storeFile } from "@/core/imports/storage";
import type { ImportOptions, ParsedRow } from "@/core/imports/types";
import { registerPluginRegistry } from "@/core/plugins/registry";
import { definePlugin, onEvent } from "@/core/plugins/types";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { inventoryEvents } from "../events";
import { ConcurrentItemInsert } from "../imports/commit-batch";
import { itemsImportResource as resource } from "../imports/items-resource";
import type { ItemImportRow } from "../imports/row-schema";
import inventory from "../plugin";
import { importBatchContext } from "./import-kit";

const seen: Array<{ event: string; payload: unknown }> = [];
const spy = definePlugin({
  id: "staged-spy",
  name: "Staged spy",
  version: "1.0.0",
  description: "Records inventory events in tests.",
  author: "tests",
  handlers: {
    inTransaction: Object.values(inventoryEvents).map((event) =>
      onEvent({ event, handle: (payload) => void seen.push({ event: event.name, payload }) }),
    ),
  },
});

beforeAll(() => registerPluginRegistry({ inventory: async () => ({ default: inventory }), "staged-spy": async () => ({ default: spy }) }));
beforeEach(() => {
  seen.length = 0;
});

const tx = <T>(fn: (tx: TxClient) => Promise<T>) => rootDb().$transaction((t) => fn(t), { timeout: 60_000 });

const batchCtx = importBatchContext;

const parsed = (cells: Record<string, string>[]): ParsedRow<ItemImportRow>[] => cells.map((c, i) => ({ row: i + 1, line: i + 2, data: resource.rowSchema.parse(c) }));

/** Ids, timestamps and category ids differ between the two organizations: replaced by placeholders. */
function normalize(value: unknown, categoryNames: Map<string, string>): unknown {
  return JSON.parse(
    JSON.stringify(value)
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => (categoryNames.has(id) ? `category:${categoryNames.get(id)}` : "<id>"))
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g, "<ts>"),
  );
}

// The batch under test, against: GAUZE (20, threshold 10, category A) going low, TAPE (2, low, alert open)
// restocked, SAME given its own values, NAMED renamed with blank cells that must keep its values,
// two new items (one with a category spelled in another case, one with nothing but SKU and name),
// and one naming a category that does not exist.
const START: Record<string, string>[] = [
  { sku: "GAUZE", name: "Gauze", category: "<A>", quantity: "20", reorderThreshold: "10", price: "2.00", unit: "box", expiresOn: "2027-01-01" },
  { sku: "TAPE", name: "Tape", quantity: "2", reorderThreshold: "10" },
  { sku: "SAME", name: "Same", quantity: "5", price: "1.50", unit: "each" },
  { sku: "NAMED", name: "Old name", quantity: "7", unit: "pack", price: "3.10", inStock: "no" },
];
const BATCH: Record<string, string>[] = [
  { sku: "GAUZE", name: "Gauze", quantity: "3", category: "" },
  { sku: "TAPE", name: "Tape", quantity: "50" },
  { sku: "SAME", name: "Same", quantity: "5", price: "1.5", unit: "each" },
  { sku: "NAMED", name: "New name", unit: "", price: "", quantity: "" },
  { sku: "NEW-1", name: "New with category", category: "<a lower>", quantity: "4", reorderThreshold: "6", expiresOn: "2028-02-29", inStock: "no" },
  { sku: "NEW-2", name: "New, defaults" },
  { sku: "NEW-3", name: "Unknown category", category: "No Such Category" },
];

async function scenario(path: "rows" | "staged", options: Partial<ImportOptions>, resourceOptions: Record<string, boolean>) {
  const t = await createTestOrganization(`Staged ${path}`);
  await enablePluginFor(t, "inventory");
  await rootDb().pluginInstallation.create({ data: { organizationId: t.org.id, pluginId: "staged-spy", enabled: true, version: "1.0.0" } });
  const owner = await t.as("owner");
  const orgId = t.org.id;
  const [catA] = await rootDb().inventoryCategory.findMany({ where: { organizationId: orgId }, orderBy: { name: "asc" } });
  const fill = (cells: Record<string, string>) =>
    Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, v === "<A>" ? catA!.name : v === "<a lower>" ? catA!.name.toLowerCase() : v]));
  // Same start for both: written by the reference path.
  const seed = await rootDb().dataImport.create({ data: { organizationId: orgId, resource: resource.id, fileName: "seed.csv" } });
  await tx((x) => resource.commitBatch(x, batchCtx(owner, seed.id, {}, {}), parsed(START.map(fill))));
  const tape = await rootDb().inventoryItem.findFirstOrThrow({ where: { organizationId: orgId, sku: "TAPE" } });
  await rootDb().inventoryStockAlert.create({ data: { organizationId: orgId, itemId: tape.id, openItemId: tape.id, quantity: 2, threshold: 10 } });
  seen.length = 0;

  const imp = await rootDb().dataImport.create({ data: { organizationId: orgId, resource: resource.id, fileName: "batch.csv" } });
  const ctx = batchCtx(owner, imp.id, options, resourceOptions);
  const rows = parsed(BATCH.map(fill));
  let plan: unknown;
  let result: unknown;
  let journal: unknown;
  if (path === "rows") {
    const planned = await tx((x) => resource.plan(x, ctx, rows));
    const counts = { create: 0, update: 0, unchanged: 0 };
    const rejected: unknown[] = [];
    planned.plans.forEach((p) => (typeof p === "string" ? counts[p]++ : rejected.push({ row: p.row, reason: p.reason })));
    plan = { ...counts, rejected, also: planned.also ?? null };
    const res = await tx((x) => resource.commitBatch(x, ctx, rows));
    const createdN = res.changes.filter((c) => c.action === "created").length;
    result = { created: createdN, updated: res.changes.length - createdN, unchanged: res.unchanged, rejected: res.rejected.map((e) => ({ row: e.row, reason: e.reason })) };
    journal = res.changes.map((c) => ({ action: c.action, sku: (c.after as { sku: string }).sku, before: c.before })).sort((a, b) => a.sku.localeCompare(b.sku));
  } else {
    const staging = rows.map((r) => ({ row: r.row, line: r.line, key: r.data.sku, data: r.data, cells: [] }));
    await stageRows(imp.id, staging);
    const batch = { importId: imp.id, fromRow: 1, toRow: rows.length };
    const planned = await tx((x) => resource.staged!.plan(x, ctx, batch));
    plan = { create: planned.create, update: planned.update, unchanged: planned.unchanged, rejected: planned.rejected.map((e) => ({ row: e.row, reason: e.reason })), also: planned.also ?? null };
    const res = await tx((x) => resource.staged!.commit(x, ctx, batch));
    result = { ...res, rejected: res.rejected.map((e) => ({ row: e.row, reason: e.reason })) };
    const changes = await rootDb().dataImportChange.findMany({ where: { importId: imp.id } });
    journal = changes.map((c) => ({ action: c.action, sku: (c.after as { sku: string }).sku, before: c.before })).sort((a, b) => a.sku.localeCompare(b.sku));
  }

  const categories = await rootDb().inventoryCategory.findMany({ where: { organizationId: orgId } });
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const items = await rootDb().inventoryItem.findMany({ where: { organizationId: orgId }, orderBy: { sku: "asc" }, omit: { createdAt: true, updatedAt: true } });
  const adjustments = await rootDb().inventoryStockAdjustment.findMany({ where: { organizationId: orgId }, include: { item: { select: { sku: true } } }, omit: { createdAt: true } });
  const alerts = await rootDb().inventoryStockAlert.findMany({ where: { organizationId: orgId }, include: { item: { select: { sku: true } } }, omit: { openedAt: true, resolvedAt: true } });
  // In the order they were emitted: both paths emit the same events in the same order.
  const events = seen.map((e) => ({ event: e.event, payload: e.payload }));
  return normalize(
    {
      plan, result, journal, events,
      items: items.map((i) => ({ ...i, price: i.price.toFixed(2) })),
      adjustments: adjustments.sort((a, b) => a.item.sku.localeCompare(b.item.sku) || a.delta - b.delta),
      alerts: alerts.sort((a, b) => a.item.sku.localeCompare(b.item.sku) || a.status.localeCompare(b.status)),
      categories: categories.map((c) => c.name).sort(),
    },
    names,
  );
}

describe("staged plan and commit = row-by-row plan and commit", () => {
  for (const [label, options, resourceOptions] of [
    ["update existing, unknown categories refused", {}, { createCategories: false }],
    ["update existing off", { updateExisting: false }, { createCategories: false }],
    ["missing categories created", {}, { createCategories: true }],
  ] as const) {
    it(label, async () => {
      const rows = await scenario("rows", options, resourceOptions);
      const staged = await scenario("staged", options, resourceOptions);
      expect(staged).toEqual(rows);
      // The scenario is not vacuous: something of each kind happened in it.
      const r = rows as { result: { created: number; updated: number }; events: unknown[] };
      expect(r.result.created).toBeGreaterThan(0);
      if (options.updateExisting !== false) expect(r.result.updated).toBe(3);
      expect(r.events.length).toBeGreaterThan(0);
    });
  }
});

describe("staged commit races", () => {
  it("a SKU someone else inserts while the batch runs is not overwritten: the batch fails transiently, nothing of it is kept", async () => {
    const t = await createTestOrganization("Staged Race");
    await enablePluginFor(t, "inventory");
    const owner = await t.as("owner");
    const imp = await rootDb().dataImport.create({ data: { organizationId: t.org.id, resource: resource.id, fileName: "race.csv" } });
    const rows = parsed([{ sku: "RACE-1", name: "From the file", quantity: "3" }, { sku: "RACE-2", name: "Also new" }]);
    await stageRows(imp.id, rows.map((r) => ({ row: r.row, line: r.line, key: r.data.sku, data: r.data, cells: [] })));
    // Their insert is uncommitted when our statement takes its snapshot: our INSERT waits on it and
    // finds the conflict once they commit.
    let inserted!: () => void;
    let release!: () => void;
    const insertedP = new Promise<void>((r) => (inserted = r));
    const gate = new Promise<void>((r) => (release = r));
    const theirs = rootDb().$transaction(async (x) => {
      await x.$executeRaw`INSERT INTO inventory_items (id, "organizationId", sku, name, quantity, "updatedAt") VALUES (gen_random_uuid(), ${t.org.id}::uuid, 'RACE-1', 'Theirs', 7, now())`;
      inserted();
      await gate;
    }, { timeout: 30_000 });
    await insertedP;
    const ctx = batchCtx(owner, imp.id, {}, { createCategories: false });
    const ours = tx((x) => resource.staged!.commit(x, ctx, { importId: imp.id, fromRow: 1, toRow: 2 })).then(() => null, (e: unknown) => e);
    await new Promise((r) => setTimeout(r, 500));
    release();
    await theirs;
    expect(await ours).toBeInstanceOf(ConcurrentItemInsert);
    const items = await rootDb().inventoryItem.findMany({ where: { organizationId: t.org.id }, select: { sku: true, name: true, quantity: true } });
    expect(items).toEqual([{ sku: "RACE-1", name: "Theirs", quantity: 7 }]);
    expect(await rootDb().dataImportChange.count({ where: { importId: imp.id } })).toBe(0);
    // The retry sees their item: it updates it (journaled as an update of theirs) and creates the other.
    const res = await tx((x) => resource.staged!.commit(x, ctx, { importId: imp.id, fromRow: 1, toRow: 2 }));
    expect(res).toMatchObject({ created: 1, updated: 1, unchanged: 0 });
    const journal = await rootDb().dataImportChange.findMany({ where: { importId: imp.id } });
    expect(journal.map((j) => [j.action, (j.before as { name: string } | null)?.name ?? null]).sort()).toEqual([["created", null], ["updated", "Theirs"]]);
  });
});

async function* bytes(text: string) {
  yield new TextEncoder().encode(text);
}

describe("through the engine", () => {
  it("the commit merges the staged rows without reading the file (deleted after the preview); staged rows go when it completes; undo sees edits made since", async () => {
    const t = await createTestOrganization("Staged Engine");
    await enablePluginFor(t, "inventory");
    const org = { organizationId: t.org.id, userId: t.members.owner.id };
    const n = 12_345;
    const lines = ["SKU,Name,Quantity,Reorder threshold"];
    for (let i = 1; i <= n; i++) lines.push(`ST-${i},Item ${i},${i % 50},10`);
    lines.push("ST-7,Duplicate of row 7,1,1");
    const file = await storeFile({ organizationId: org.organizationId, purpose: "import", name: "items.csv", createdById: org.userId, source: bytes(lines.join("\n")), maxBytes: 10_000_000 });
    const { id } = await createImport(org, "inventory.items", file.fileId, "items.csv");
    await runPreview(id);
    expect((await rootDb().dataImport.findUniqueOrThrow({ where: { id } })).preview).toEqual({ create: n, update: 0, unchanged: 0, reject: 1 });
    expect(await rootDb().dataImportRow.count({ where: { importId: id } })).toBe(n);
    const dup = await rootDb().dataImportError.findFirstOrThrow({ where: { importId: id, phase: "preview" } });
    expect(dup).toMatchObject({ rowNumber: n + 1, reason: "Duplicate SKU 'ST-7': first on row 7" });

    // The file is gone: a commit that read it again would fail.
    await rootDb().storedFile.delete({ where: { id: file.fileId } });
    expect(await runCommit(id, { deadline: 0 })).toEqual({ done: false });
    expect(await rootDb().dataImport.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "committing", resumeRow: 5001, createdCount: 5000 });
    while (!(await runCommit(id, { deadline: 0 })).done);
    const done = await rootDb().dataImport.findUniqueOrThrow({ where: { id } });
    expect(done).toMatchObject({ status: "completed", createdCount: n, rejectedCount: 1, rowsDone: n + 1 });
    expect(await rootDb().inventoryItem.count({ where: { organizationId: t.org.id } })).toBe(n);
    expect(await rootDb().dataImportChange.count({ where: { importId: id } })).toBe(n);
    expect(await rootDb().dataImportError.findFirst({ where: { importId: id, phase: "commit" } })).toMatchObject({ rowNumber: n + 1, reason: dup.reason });
    expect(await rootDb().dataImportRow.count({ where: { importId: id } })).toBe(0);

    // Edited by hand since: undo refuses, naming it, and changes nothing.
    await rootDb().inventoryItem.updateMany({ where: { organizationId: t.org.id, sku: "ST-42" }, data: { name: "Edited" } });
    const refused = await runUndo(id);
    expect(JSON.stringify(refused)).toContain("ST-42 (Edited)");
    expect(await rootDb().inventoryItem.count({ where: { organizationId: t.org.id } })).toBe(n);
  });
});
