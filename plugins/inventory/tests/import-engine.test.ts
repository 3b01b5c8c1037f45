// Inventory items through the whole import engine with a real stored file: storeFile -> createImport
// (detection + automatic mapping by aliases) -> runPreview (counts) -> runCommit until done ->
// export (the real HTTP stream) -> the exported file imported again changes nothing -> runUndo.
import "@/app/_plugins/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { createImport } from "@/core/imports/create";
import { runCommit } from "@/core/imports/engine/commit";
import { runPreview } from "@/core/imports/engine/preview";
import { runUndo } from "@/core/imports/engine/undo";
import { storeFile } from "@/core/imports/storage";
import { configureImport, startCommit, startPreview, undoImport } from "@/core/imports/service";
import { hasPermission } from "@/core/plugins/permissions";
import { createTestOrganization, enablePluginFor, grant } from "@/core/testing/plugin-test-kit";
import { INVENTORY_PERMISSIONS } from "../permissions";
import { startExportServer, type ExportServer } from "@/tests/imports/export-server";

let server: ExportServer;
beforeAll(async () => {
  server = await startExportServer();
});
afterAll(() => server?.close());

async function* bytes(text: string | Uint8Array) {
  yield typeof text === "string" ? new TextEncoder().encode(text) : text;
}

async function importText(org: { organizationId: string; userId: string }, text: string | Uint8Array, opts: { updateExisting?: boolean } = {}) {
  const file = await storeFile({ organizationId: org.organizationId, purpose: "import", name: "items.csv", createdById: org.userId, source: bytes(text), maxBytes: 10_000_000 });
  const { id } = await createImport(org, "inventory.items", file.fileId, "items.csv");
  if (opts.updateExisting === false) await rootDb().dataImport.update({ where: { id }, data: { updateExisting: false } });
  await runPreview(id);
  const previewed = await rootDb().dataImport.findUniqueOrThrow({ where: { id } });
  for (let i = 0; i < 100; i++) if ((await runCommit(id)).done) break;
  const done = await rootDb().dataImport.findUniqueOrThrow({ where: { id }, include: { errors: { orderBy: { rowNumber: "asc" } } } });
  return { id, previewed, done };
}

const items = (organizationId: string) => rootDb().inventoryItem.findMany({ where: { organizationId }, orderBy: { sku: "asc" }, include: { category: true } });

describe("inventory.items through the engine", () => {
  it("imports a file mapped by aliases, exports it, re-imports the export unchanged, and undoes", async () => {
    const t = await createTestOrganization("Engine Clinic");
    await enablePluginFor(t, "inventory");
    const org = { organizationId: t.org.id, userId: t.members.owner.id };
    const [category] = await rootDb().inventoryCategory.findMany({ where: { organizationId: t.org.id }, orderBy: { name: "asc" } });

    // Semicolons, CRLF, aliases for every header, a formula-looking name, a bad row and a category name
    // that cannot be created (missing categories are created by default: see the test below).
    const csv = [
      "Item code;Product;Category;Qty;Unit;Unit price;Reorder level;In stock;Expiry",
      `ENG-1;Gauze;${category!.name.toLowerCase()};12;box;4.5;5;yes;2027-03-31`,
      "ENG-2;=SUM(A1:A9);;0;each;1;10;no;",
      "ENG-3;Tape;;-4;each;1;10;yes;",
      "ENG-4;Pads;—;1;each;1;1;yes;",
      "",
    ].join("\r\n");
    const first = await importText(org, csv);
    expect(first.previewed.preview).toEqual({ create: 2, update: 0, unchanged: 0, reject: 2 });
    expect(first.done).toMatchObject({ status: "completed", createdCount: 2, updatedCount: 0, rejectedCount: 2 });
    expect(first.done.errors.filter((e) => e.phase === "commit" || e.phase === "preview").map((e) => [e.rowNumber, e.field, e.reason]).filter((x, i, all) => all.findIndex((y) => y[0] === x[0]) === i)).toEqual([
      [3, "quantity", "Cannot be negative"],
      [4, "category", "'—' cannot be a category name: use at least one letter or digit"],
    ]);
    const imported = await items(t.org.id);
    expect(imported.map((i) => [i.sku, i.name, i.category?.id ?? null, i.quantity, i.price.toFixed(2), i.inStock])).toEqual([
      ["ENG-1", "Gauze", category!.id, 12, "4.50", true],
      ["ENG-2", "=SUM(A1:A9)", null, 0, "1.00", false],
    ]);

    // Export: the formula is escaped; importing the export back changes nothing at all.
    const exported = new Uint8Array(await (await server.get("/api/exports/inventory.items", { userId: t.members.owner.id, organizationId: t.org.id })).arrayBuffer());
    const text = new TextDecoder().decode(exported);
    expect(text).toContain("ENG-2,'=SUM(A1:A9),,0,each,1.00,10,no,");
    const again = await importText(org, exported);
    expect(again.previewed.preview).toEqual({ create: 0, update: 0, unchanged: 2, reject: 0 });
    expect(again.done).toMatchObject({ status: "completed", createdCount: 0, updatedCount: 0, unchangedCount: 2 });
    expect(await items(t.org.id)).toEqual(imported);

    // A change, then undo of that import: restored exactly (values), the history records both ways.
    const change = await importText(org, "SKU,Name,Quantity\r\nENG-1,Gauze,2\r\n");
    expect(change.done).toMatchObject({ status: "completed", updatedCount: 1 });
    expect((await items(t.org.id))[0]!.quantity).toBe(2);
    expect(await runUndo(change.id)).toEqual({ ok: true });
    const restored = await items(t.org.id);
    expect(restored.map((i) => [i.sku, i.quantity, i.price.toFixed(2), i.expiresOn?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["ENG-1", 12, "4.50", "2027-03-31"],
      ["ENG-2", 0, "1.00", null],
    ]);
    const history = await rootDb().inventoryStockAdjustment.findMany({ where: { itemId: restored[0]!.id }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => [h.delta, h.reason])).toEqual([[-10, "CSV import"], [10, "CSV import undone"]]);

    // The later import was undone, so the items are exactly as the first import left them (only
    // updatedAt and the import-made stock history moved): the first import can be undone too.
    expect(await runUndo(first.id)).toEqual({ ok: true });
    expect(await items(t.org.id)).toEqual([]);
  });

  it("undo refuses when an imported item was edited since, naming it", async () => {
    const t = await createTestOrganization("Undo Clinic");
    await enablePluginFor(t, "inventory");
    const org = { organizationId: t.org.id, userId: t.members.owner.id };
    const run = await importText(org, "SKU,Name,Quantity\r\nUND-1,Gauze,5\r\nUND-2,Tape,6\r\n");
    expect(run.done.createdCount).toBe(2);
    await rootDb().inventoryItem.updateMany({ where: { organizationId: t.org.id, sku: "UND-2" }, data: { name: "Tape (edited)" } });
    const res = await runUndo(run.id);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.conflicts).toEqual([{ recordId: expect.any(String), label: "UND-2 (Tape (edited))", reason: expect.stringMatching(/^changed on .+ after the import$/) }]);
    expect((await items(t.org.id)).map((i) => i.sku)).toEqual(["UND-1", "UND-2"]);
  });
});

describe("the quantity column needs adjust-stock, as the form and the API do", () => {
  it("refuses mapping, previewing, committing and undoing with it for a member who may manage items but not adjust stock; without the column the import runs", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "inventory");
    // A viewer granted manage-items: no role has that without adjust-stock by default.
    await grant(org, "viewer", { permissions: [INVENTORY_PERMISSIONS.manage] });
    const staff = await org.as("viewer");
    expect(await hasPermission(staff, INVENTORY_PERMISSIONS.adjust)).toBe(false);
    const file = await storeFile({ organizationId: org.org.id, purpose: "import", name: "items.csv", createdById: staff.user.id, source: bytes("SKU,Name,Quantity\nQ-1,Gauze,5\n"), maxBytes: 10_000_000 });
    const { id } = await createImport({ organizationId: org.org.id, userId: staff.user.id }, "inventory.items", file.fileId, "items.csv");
    const reason = 'Importing "Quantity" needs the inventory.adjust_stock permission, which you do not have: leave that column unmapped';

    // The automatic mapping took the column; the preview is refused, and so is keeping it mapped.
    expect(await startPreview(staff, id)).toEqual({ ok: false, error: `${reason}.` });
    expect(await configureImport(staff, id, { mapping: { "0": "sku", "1": "name", "2": "quantity" }, updateExisting: true, mode: "skip_invalid" })).toEqual({
      ok: false,
      error: reason,
      fieldErrors: { "mapping.2": reason },
    });
    // Unmapped, the import runs and writes no quantity (a new item gets the form's 0).
    expect(await configureImport(staff, id, { mapping: { "0": "sku", "1": "name" }, updateExisting: true, mode: "skip_invalid" })).toMatchObject({ ok: true });
    await runPreview(id);
    for (let i = 0; i < 10; i++) if ((await runCommit(id)).done) break;
    expect((await items(org.org.id)).map((i) => [i.sku, i.quantity])).toEqual([["Q-1", 0]]);

    // An import with quantities (by the owner; other headers, as the mapping saved above would apply)
    // cannot be undone by this member either.
    const owner = await org.as("owner");
    const byOwner = await importText({ organizationId: org.org.id, userId: owner.user.id }, "SKU,Name,Qty\nQ-2,Tape,9\n");
    expect(byOwner.done.status).toBe("completed");
    expect(await undoImport(staff, byOwner.id)).toEqual({ ok: false, error: 'Undoing this import would change "Quantity" back, which needs the inventory.adjust_stock permission.' });
    expect(await startCommit(staff, byOwner.id)).toMatchObject({ ok: false });
  });
});

describe("create missing categories (on by default)", () => {
  it("the preview lists the categories it would create, the commit creates them once (any script, case-insensitive), and off they are refused", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "inventory");
    const owner = await org.as("owner");
    const who = { organizationId: org.org.id, userId: owner.user.id };
    const csv = ["SKU,Name,Category", "C-1,Nitrile gloves,Gloves", "C-2,Latex gloves, gloves ", "C-3,Gauze,medical supplies", "C-4,Syringe,医疗用品"].join("\n") + "\n";
    const { id, previewed, done } = await importText(who, csv);
    // "Medical Supplies" exists (a default): matched whatever the case; "Gloves" once, in the file's first spelling.
    expect(previewed.preview).toEqual({ create: 4, update: 0, unchanged: 0, reject: 0, also: { categories: ["Gloves", "医疗用品"] } });
    expect(done).toMatchObject({ status: "completed", createdCount: 4, rejectedCount: 0 });
    const byName = new Map((await rootDb().inventoryCategory.findMany({ where: { organizationId: org.org.id } })).map((c) => [c.name, c]));
    expect(byName.get("Gloves")).toMatchObject({ slug: "gloves" });
    expect(byName.get("医疗用品")!.slug).toMatch(/^c-[0-9a-f]{8}$/);
    expect((await items(org.org.id)).map((i) => [i.sku, i.category?.name])).toEqual([
      ["C-1", "Gloves"],
      ["C-2", "Gloves"],
      ["C-3", "Medical Supplies"],
      ["C-4", "医疗用品"],
    ]);
    expect((await rootDb().dataImport.findUniqueOrThrow({ where: { id } })).resourceOptions).toEqual({});

    // Off: rows naming an unknown category are refused, nothing is created.
    const off = await storeFile({ organizationId: org.org.id, purpose: "import", name: "off.csv", createdById: owner.user.id, source: bytes("SKU,Name,Category\nD-1,Tape,Adhesives\n"), maxBytes: 10_000_000 });
    const { id: offId } = await createImport(who, "inventory.items", off.fileId, "off.csv");
    expect(await configureImport(owner, offId, { mapping: { "0": "sku", "1": "name", "2": "category" }, updateExisting: true, mode: "skip_invalid", resourceOptions: { createCategories: false } })).toMatchObject({ ok: true });
    await runPreview(offId);
    for (let i = 0; i < 10; i++) if ((await runCommit(offId)).done) break;
    const refused = await rootDb().dataImport.findUniqueOrThrow({ where: { id: offId }, include: { errors: true } });
    expect(refused).toMatchObject({ createdCount: 0, rejectedCount: 1 });
    expect(refused.errors.map((e) => e.reason)).toContain(`No category named 'Adhesives' — create it on the Categories page, turn on "Create missing categories", or leave the cell empty`);
    expect(await rootDb().inventoryCategory.count({ where: { organizationId: org.org.id, name: "Adhesives" } })).toBe(0);
    const fresh = await storeFile({ organizationId: org.org.id, purpose: "import", name: "x.csv", createdById: owner.user.id, source: bytes("SKU,Name\nE-1,Pen\n"), maxBytes: 10_000_000 });
    const { id: freshId } = await createImport(who, "inventory.items", fresh.fileId, "x.csv");
    expect(await configureImport(owner, freshId, { mapping: { "0": "sku", "1": "name" }, updateExisting: true, mode: "skip_invalid", resourceOptions: { createAll: true } })).toMatchObject({
      ok: false,
      fieldErrors: { "resourceOptions.createAll": "Unknown option" },
    });
  });
});
