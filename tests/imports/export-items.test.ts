// CSV export of inventory items over real HTTP against the real database: all / filtered (the list's
// own filter) / selected, headers = import labels, formula-injection escaping, organization scoping,
// permissions, bad queries, keyset paging across pages, and the patients export's headers.
import "@/app/_plugins/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { exportRows } from "@/core/imports/export/stream";
import { importResource } from "@/core/imports/registry";
import { PATIENT_EXPORT_COLUMNS, patientExport } from "@/core/patients/export";
import { patientImportResource } from "@/core/patients/import-resource";
import { createTestOrganization, enablePluginFor, type TestOrganization } from "@/core/testing/plugin-test-kit";
import { startExportServer, type ExportServer } from "./export-server";

let server: ExportServer;
beforeAll(async () => {
  server = await startExportServer();
});
afterAll(() => server?.close());

const HEADER = "SKU,Name,Category,Quantity,Unit,Price,Reorder threshold,In stock,Expires on";

async function setup(name = "Export Clinic") {
  const org = await createTestOrganization(name);
  await enablePluginFor(org, "inventory");
  // The starter catalog is imported by a job that does not run here; categories are created on enable.
  const [category] = await rootDb().inventoryCategory.findMany({ where: { organizationId: org.org.id }, orderBy: { name: "asc" } });
  return { org, orgId: org.org.id, category: category! };
}

const member = (o: TestOrganization, role: "owner" | "staff" | "viewer" = "owner") => ({ userId: o.members[role].id, organizationId: o.org.id });

async function seed(orgId: string, items: Array<{ sku: string; name: string; quantity?: number; threshold?: number; categoryId?: string | null; price?: string; expiresOn?: string | null; inStock?: boolean }>) {
  const out: string[] = [];
  for (const i of items) {
    const row = await rootDb().inventoryItem.create({
      data: {
        organizationId: orgId, sku: i.sku, name: i.name, quantity: i.quantity ?? 5, reorderThreshold: i.threshold ?? 2, categoryId: i.categoryId ?? null,
        price: i.price ?? "1.50", expiresOn: i.expiresOn ? new Date(`${i.expiresOn}T00:00:00Z`) : null, inStock: i.inStock ?? true, unit: "box",
      },
    });
    out.push(row.id);
  }
  return out;
}

/** Body text without the BOM, split into lines (CRLF). */
async function csvOf(res: Response): Promise<string[]> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes).split("\r\n").filter((l, i, all) => l !== "" || i < all.length - 1);
}

describe("GET /api/exports/inventory.items", () => {
  it("streams every item of the organization as CSV with the import's headers, escaping formulas", async () => {
    const s = await setup();
    const other = await setup("Other Clinic");
    await seed(s.orgId, [
      { sku: "EXP-1", name: "Gauze, sterile", categoryId: s.category.id, quantity: 12, threshold: 3, price: "4.50", expiresOn: "2027-03-31" },
      { sku: "EXP-2", name: '=HYPERLINK("http://evil","x")', inStock: false },
      { sku: "EXP-3", name: "Plasters \"XL\"" },
    ]);
    await seed(other.orgId, [{ sku: "EXP-9", name: "Not ours" }]);

    const res = await server.get("/api/exports/inventory.items", member(s.org));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="inventory-items-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = await csvOf(res);
    expect(lines[0]).toBe(HEADER);
    expect(lines.slice(1).sort()).toEqual(
      [
        `EXP-1,"Gauze, sterile",${s.category.name},12,box,4.50,3,yes,2027-03-31`,
        `EXP-2,"'=HYPERLINK(""http://evil"",""x"")",,5,box,1.50,2,no,`,
        'EXP-3,"Plasters ""XL""",,5,box,1.50,2,yes,',
      ].sort(),
    );
  });

  it("exports the list's current filter (search + low stock) and only the selected ids of this organization", async () => {
    const s = await setup();
    const other = await setup("Other Clinic");
    const ids = await seed(s.orgId, [
      { sku: "FLT-1", name: "Saline low", quantity: 1, threshold: 5 },
      { sku: "FLT-2", name: "Saline fine", quantity: 9, threshold: 5 },
      { sku: "FLT-3", name: "Gloves low", quantity: 0, threshold: 5 },
    ]);
    const [foreign] = await seed(other.orgId, [{ sku: "FLT-X", name: "Saline foreign", quantity: 0, threshold: 5 }]);

    const filtered = await csvOf(await server.get("/api/exports/inventory.items?scope=filtered&q=saline&stock=low", member(s.org)));
    expect(filtered.slice(1).map((l) => l.split(",")[0])).toEqual(["FLT-1"]);

    const selected = await csvOf(await server.get(`/api/exports/inventory.items?scope=selected&ids=${ids[1]},${ids[2]},${foreign}`, member(s.org)));
    expect(selected.slice(1).map((l) => l.split(",")[0]).sort()).toEqual(["FLT-2", "FLT-3"]);
  });

  it("refuses bad queries, unknown resources and members without the permission", async () => {
    const s = await setup();
    const bad = await server.get("/api/exports/inventory.items?scope=selected&ids=1,2", member(s.org));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "Selected ids must be record ids (uuids)" });
    const none = await server.get("/api/exports/inventory.items?scope=selected", member(s.org));
    expect((await none.json()).error).toBe("Select at least one row to export");
    expect((await server.get("/api/exports/inventory.items?scope=everything", member(s.org))).status).toBe(400);
    // A filter value the list would drop must not widen the export to every item: 400 naming it.
    const garbage = await server.get("/api/exports/inventory.items?scope=filtered&category=garbage", member(s.org));
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toEqual({ error: 'Invalid filter "category": must be a category id or none' });
    const stock = await server.get("/api/exports/inventory.items?scope=filtered&stock=lots&q=gauze", member(s.org));
    expect(await stock.json()).toEqual({ error: 'Invalid filter "stock": must be in_stock, out_of_stock or low' });
    expect((await server.get("/api/exports/inventory.items?scope=filtered&category=none&stock=low&page=2", member(s.org))).status).toBe(200);
    // The selected ids travel in the URL: 300 fit under Node's 16 KB header limit, more are refused clearly.
    const ids = (n: number) => Array.from({ length: n }, () => crypto.randomUUID()).join(",");
    expect((await server.get(`/api/exports/inventory.items?scope=selected&ids=${ids(300)}`, member(s.org))).status).toBe(200);
    const many = await server.get(`/api/exports/inventory.items?scope=selected&ids=${ids(301)}`, member(s.org));
    expect(many.status).toBe(400);
    expect(await many.json()).toEqual({ error: "Export selected takes at most 300 rows; export the current filter instead" });
    const unknown = await server.get("/api/exports/nope.things", member(s.org));
    expect(unknown.status).toBe(404);

    // Viewers read inventory (inventory.view_items by their role), so they may export it.
    expect((await server.get("/api/exports/inventory.items", member(s.org, "viewer"))).status).toBe(200);

    // Inventory not enabled for the organization: its members have no inventory permission there.
    const plain = await createTestOrganization("No Inventory");
    const denied = await server.get("/api/exports/inventory.items", member(plain, "staff"));
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({ error: "You do not have permission to export inventory items." });
    const anonymous = await fetch(`${server.url}/api/exports/inventory.items`);
    expect(anonymous.status).toBe(401);
  });
});

describe("paging", () => {
  it("walks keyset pages in id order: every row once, across page boundaries", async () => {
    const s = await setup();
    await seed(s.orgId, Array.from({ length: 12 }, (_, i) => ({ sku: `PG-${String(i).padStart(2, "0")}`, name: `Item ${i}` })));
    const resource = (await importResource("inventory.items"))!;
    const pages: number[] = [];
    const skus: string[] = [];
    for await (const row of exportRows({ definition: resource.export!, organizationId: s.orgId, query: { scope: "all" } }, { pageSize: 5, onPage: (n) => void pages.push(n) })) skus.push(row[0]!);
    expect(skus.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `PG-${String(i).padStart(2, "0")}`));
    expect(pages).toEqual([5, 10, 12]);
  });
});

describe("patients export", () => {
  it("has the patient import's field labels as headers, and exports the filtered list of this organization only", async () => {
    expect(PATIENT_EXPORT_COLUMNS).toEqual(patientImportResource.fields.map((f) => ({ key: f.key, header: f.label })));
    // One definition: the import resource exports with this module's (no second, drifting copy).
    expect(patientImportResource.export).toBe(patientExport);
    expect(patientExport.checkFilter!({ visits: "someday" })).toBe('"visits": must be upcoming or none');
    expect(patientExport.checkFilter!({ visits: "upcoming", q: "ana" })).toBeNull();
    const s = await setup();
    const other = await setup("Other Clinic");
    for (const [orgId, mrn, last] of [[s.orgId, "MRN-1", "Alvarez"], [s.orgId, "MRN-2", "Brown"], [other.orgId, "MRN-3", "Alvarez"]] as const) {
      await rootDb().patient.create({ data: { organizationId: orgId, medicalRecordNumber: mrn, firstName: "Ana", lastName: last, dateOfBirth: new Date("1990-04-05T00:00:00Z"), email: null } });
    }
    const ctx = { organizationId: s.orgId, tx: rootDb() as never };
    expect(await patientExport.count(ctx, { scope: "all" })).toBe(2);
    const page = await patientExport.page(ctx, { scope: "filtered", filter: { q: "alvarez" } }, null, 10);
    expect(page.rows).toEqual([{ medicalRecordNumber: "MRN-1", firstName: "Ana", lastName: "Alvarez", dateOfBirth: "1990-04-05", phone: "", email: "", address: "", notes: "" }]);
  });
});
