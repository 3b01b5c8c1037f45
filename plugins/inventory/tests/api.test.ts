// The inventory REST API over real HTTP (tests/api/http-server.ts wraps the app's own route handlers)
// against the real database, authenticated with real API tokens: items and categories CRUD, filters,
// ordering and keyset pages, validation errors naming the field, permissions per route, organization
// isolation, the actor and token on events and adjustment rows, and 64 concurrent adjust-stock calls.
import "@/app/_plugins/runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiToken } from "@/core/api-tokens/tokens";
import type { Role } from "@/core/auth/roles";
import { rootDb } from "@/core/db/client";
import { createTestOrganization, enablePluginFor, grant, type TestOrganization } from "@/core/testing/plugin-test-kit";
import { apiClient, startApiServer, type ApiServer } from "@/tests/api/http-server";
import { adjustmentJson, categoryJson, itemJson, one, page } from "../api/json";
import { enableRecorder, eventsOf, installWithRecorder, seen } from "./recorder";

let server: ApiServer;
beforeAll(async () => {
  installWithRecorder();
  server = await startApiServer();
});
afterAll(() => server.close());
beforeEach(() => {
  seen.length = 0;
});

type Clinic = { org: TestOrganization; tokens: Record<Role, { token: string; id: string }>; as: (role: Role) => ReturnType<typeof apiClient> };

async function clinic(name = "API Clinic"): Promise<Clinic> {
  const org = await createTestOrganization(name);
  await enablePluginFor(org, "inventory");
  await enableRecorder(org.org.id);
  const tokens = {} as Clinic["tokens"];
  for (const role of ["owner", "admin", "staff", "viewer"] as const) {
    const res = await createApiToken(await org.as(role), { name: `${role} script`, expiresIn: "30" });
    if (!res.ok) throw new Error(res.error);
    tokens[role] = { token: res.token, id: res.summary.id };
  }
  return { org, tokens, as: (role) => apiClient(server.url, tokens[role].token) };
}

const item = (over: Record<string, unknown> = {}) => ({ name: "Nitrile gloves", sku: `GLV-${Math.random().toString(36).slice(2, 8)}`, quantity: 20, reorderThreshold: 10, price: "8.90", ...over });

describe("items CRUD", () => {
  it("creates, reads, replaces, patches and deletes an item as the token's user, with source api", async () => {
    const c = await clinic();
    const api = c.as("owner");
    const created = await api("POST", "/api/v1/inventory/items", item({ name: "Gauze pads", sku: "GZ-1", unit: "box", expiresOn: "2027-01-31" }));
    expect(created.status).toBe(201);
    const body = one(itemJson).parse(created.json).data;
    expect(body).toMatchObject({ name: "Gauze pads", sku: "GZ-1", quantity: 20, unit: "box", price: "8.90", currency: "USD", lowStock: false, expiresOn: "2027-01-31", categoryId: null });
    expect(eventsOf("inventory.item.created")).toMatchObject([{ payload: { id: body.id, source: "api" }, actor: { type: "api_token", id: c.tokens.owner.id, userId: c.org.members.owner.id } }]);

    const got = await api("GET", `/api/v1/inventory/items/${body.id}`);
    expect(got.status).toBe(200);
    expect(got.json.data).toEqual(body);

    // PATCH changes only what was sent: the quantity, unit and price stay.
    const patched = await api("PATCH", `/api/v1/inventory/items/${body.id}`, { name: "Sterile gauze pads" });
    expect(patched.status).toBe(200);
    expect(patched.json.data).toMatchObject({ name: "Sterile gauze pads", quantity: 20, unit: "box", price: "8.90", expiresOn: "2027-01-31" });

    // PUT replaces the details; without quantity the stock stays as it is.
    const category = await rootDb().inventoryCategory.findFirstOrThrow({ where: { organizationId: c.org.org.id, slug: "medical-supplies" } });
    const put = await api("PUT", `/api/v1/inventory/items/${body.id}`, { name: "Gauze", sku: "GZ-1", reorderThreshold: 30, categoryId: category.id, price: 2.5 });
    expect(put.status).toBe(200);
    expect(put.json.data).toMatchObject({ name: "Gauze", quantity: 20, unit: "each", price: "2.50", reorderThreshold: 30, lowStock: true, categoryId: category.id, categoryName: "Medical Supplies", expiresOn: null });

    const del = await api("DELETE", `/api/v1/inventory/items/${body.id}`);
    expect(del.status).toBe(204);
    expect(del.json).toBeNull();
    expect((await api("GET", `/api/v1/inventory/items/${body.id}`)).status).toBe(404);
    expect((await api("DELETE", `/api/v1/inventory/items/${body.id}`)).status).toBe(404);
    expect(eventsOf("inventory.item.deleted")).toMatchObject([{ payload: { id: body.id, source: "api" }, actor: { type: "api_token" } }]);
  });

  it("answers 400 naming each bad field, 400 for invalid JSON, 415 for a non-JSON body, and writes nothing", async () => {
    const c = await clinic();
    const api = c.as("owner");
    const bad = await api("POST", "/api/v1/inventory/items", { name: "", sku: "bad sku!", price: "1.234", quantity: -1, quantiy: 5 });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: "validation_failed",
      fields: {
        name: "Enter a name",
        sku: "Letters, digits and . _ - / only, starting with a letter or digit",
        price: "Enter a price such as 12.50 (at most two decimals, not negative)",
        quantity: "Cannot be negative",
        reorderThreshold: expect.any(String),
        quantiy: "Unknown field",
      },
    });
    const broken = await api("POST", "/api/v1/inventory/items", '{"name": "x",');
    expect(broken.status).toBe(400);
    expect(broken.json.error.code).toBe("invalid_json");
    expect(broken.json.error.message).toMatch(/^The request body is not valid JSON/);
    const notJson = await api("POST", "/api/v1/inventory/items", "name=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(notJson.status).toBe(415);
    const emptyPatch = await api("PATCH", `/api/v1/inventory/items/${crypto.randomUUID()}`, {});
    expect(emptyPatch.status).toBe(400);
    expect(emptyPatch.json.error.fields).toEqual({ _body: "Send at least one field to change" });
    expect(await rootDb().inventoryItem.count({ where: { organizationId: c.org.org.id } })).toBe(0);
  });

  it("refuses a duplicate SKU (409, field sku) and another organization's category (400, field categoryId)", async () => {
    const c = await clinic();
    const other = await clinic("Other Clinic");
    const api = c.as("owner");
    expect((await api("POST", "/api/v1/inventory/items", item({ sku: "DUP-1" }))).status).toBe(201);
    const dup = await api("POST", "/api/v1/inventory/items", item({ sku: "DUP-1" }));
    expect(dup.status).toBe(409);
    expect(dup.json.error).toMatchObject({ code: "conflict", fields: { sku: "Another item in this organization already has this SKU" } });
    const foreign = await rootDb().inventoryCategory.findFirstOrThrow({ where: { organizationId: other.org.org.id } });
    const cross = await api("POST", "/api/v1/inventory/items", item({ categoryId: foreign.id }));
    expect(cross.status).toBe(400);
    expect(cross.json.error.fields).toEqual({ categoryId: "No such category in this organization" });
  });

  it("does not show or touch another organization's item: 404 for read, write, adjust and delete", async () => {
    const c = await clinic();
    const other = await clinic("Other Clinic");
    const theirs = (await other.as("owner")("POST", "/api/v1/inventory/items", item())).json.data.id;
    const api = c.as("owner");
    expect((await api("GET", `/api/v1/inventory/items/${theirs}`)).status).toBe(404);
    expect((await api("PATCH", `/api/v1/inventory/items/${theirs}`, { name: "Mine now" })).status).toBe(404);
    expect((await api("POST", `/api/v1/inventory/items/${theirs}/adjust-stock`, { amount: 5 })).status).toBe(404);
    expect((await api("DELETE", `/api/v1/inventory/items/${theirs}`)).status).toBe(404);
    expect((await api("GET", "/api/v1/inventory/items/not-a-uuid")).status).toBe(404);
    expect((await api("GET", "/api/v1/inventory/items")).json.data).toEqual([]);
    const row = await rootDb().inventoryItem.findUniqueOrThrow({ where: { id: theirs } });
    expect(row).toMatchObject({ name: "Nitrile gloves", quantity: 20 });
  });
});

describe("item lists", () => {
  it("filters, orders (ordering=-quantity) and pages with cursors in the database", async () => {
    const c = await clinic();
    const api = c.as("owner");
    const quantities = [5, 40, 12, 40, 0, 33, 7];
    for (const [i, quantity] of quantities.entries()) {
      expect((await api("POST", "/api/v1/inventory/items", item({ name: `Syringe ${i}`, sku: `SYR-${i}`, quantity, reorderThreshold: 10 }))).status).toBe(201);
    }
    await api("POST", "/api/v1/inventory/items", item({ name: "Bandage", sku: "BND-1", quantity: 3, inStock: false }));

    const seenIds: string[] = [];
    const seenQuantities: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api("GET", `/api/v1/inventory/items?q=syringe&ordering=-quantity&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      const body = page(itemJson).parse(res.json);
      seenIds.push(...body.data.map((r) => r.id));
      seenQuantities.push(...body.data.map((r) => r.quantity));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seenQuantities).toEqual([...quantities].sort((a, b) => b - a));
    expect(new Set(seenIds).size).toBe(quantities.length);

    const low = await api("GET", "/api/v1/inventory/items?stock=low&ordering=quantity");
    expect(low.json.data.map((r: { sku: string }) => r.sku)).toEqual(["SYR-4", "BND-1", "SYR-0", "SYR-6"]);
    const out = await api("GET", "/api/v1/inventory/items?stock=out_of_stock");
    expect(out.json.data.map((r: { sku: string }) => r.sku)).toEqual(["BND-1"]);
    const byName = await api("GET", "/api/v1/inventory/items?q=SYR-3");
    expect(byName.json.data.map((r: { name: string }) => r.name)).toEqual(["Syringe 3"]);
  });

  it("lists low-stock items, lowest first, with their own pages", async () => {
    const c = await clinic();
    const api = c.as("viewer");
    await grant(c.org, "viewer", { permissions: ["inventory.view_items"] });
    const owner = c.as("owner");
    for (const [sku, quantity] of [["A", 9], ["B", 50], ["C", 1], ["D", 10], ["E", 4]] as const) {
      await owner("POST", "/api/v1/inventory/items", item({ sku, quantity, reorderThreshold: 10 }));
    }
    const first = await api("GET", "/api/v1/inventory/items/low-stock?limit=2");
    expect(first.status).toBe(200);
    expect(first.json.data.map((r: { sku: string }) => r.sku)).toEqual(["C", "E"]);
    const second = await api("GET", `/api/v1/inventory/items/low-stock?limit=2&cursor=${first.json.nextCursor}`);
    expect(second.json.data.map((r: { sku: string; lowStock: boolean }) => [r.sku, r.lowStock])).toEqual([["A", true]]);
    expect(second.json.nextCursor).toBeNull();
  });

  it("rejects unknown orderings, parameters and foreign cursors with the parameter named", async () => {
    const c = await clinic();
    const api = c.as("owner");
    const bad = await api("GET", "/api/v1/inventory/items?ordering=-colour&limit=500&stock=maybe&sort=name");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["limit", "ordering", "sort", "stock"]);
    expect(bad.json.error.fields.sort).toBe("Unknown field");
    expect(bad.json.error.fields.limit).toBe("limit must be a whole number from 1 to 200");
    for (const limit of ["abc", "0", "1.5", ""]) {
      expect((await api("GET", `/api/v1/inventory/items?limit=${limit}`)).json.error.fields, limit).toEqual({ limit: "limit must be a whole number from 1 to 200" });
    }
    for (const sku of ["A-1", "A-2"]) await api("POST", "/api/v1/inventory/items", item({ sku }));
    const byName = await api("GET", "/api/v1/inventory/items?limit=1");
    const replay = await api("GET", `/api/v1/inventory/items?limit=1&ordering=-price&cursor=${byName.json.nextCursor}`);
    expect(replay.status).toBe(400);
    expect(replay.json.error.fields.cursor).toBe("This cursor belongs to ordering=name; keep the ordering while paging");
    expect((await api("GET", "/api/v1/inventory/items?cursor=garbage")).json.error.fields.cursor).toMatch(/^Not a cursor of this API/);
  });
});

describe("categories", () => {
  it("creates with a derived slug, refuses a duplicate slug, renames, lists with item counts, and refuses to delete a used one", async () => {
    const c = await clinic();
    const api = c.as("owner");
    const created = await api("POST", "/api/v1/inventory/categories", { name: "Dental Supplies" });
    expect(created.status).toBe(201);
    const cat = one(categoryJson).parse(created.json).data;
    expect(cat).toMatchObject({ name: "Dental Supplies", slug: "dental-supplies", itemCount: 0 });
    const dup = await api("POST", "/api/v1/inventory/categories", { name: "Dental supplies!" });
    expect(dup.status).toBe(409);
    expect(dup.json.error.fields).toEqual({ slug: "Another category in this organization already has this slug" });
    const badSlug = await api("POST", "/api/v1/inventory/categories", { name: "X", slug: "Not A Slug" });
    expect(badSlug.json.error.fields.slug).toBe("Lower-case letters, digits and single dashes, e.g. dental-supplies");

    const renamed = await api("PATCH", `/api/v1/inventory/categories/${cat.id}`, { name: "Dentistry" });
    expect(renamed.json.data).toMatchObject({ name: "Dentistry", slug: "dental-supplies" });
    expect((await api("PUT", `/api/v1/inventory/categories/${cat.id}`, { name: "Dental", slug: "medications" })).status).toBe(409);

    await api("POST", "/api/v1/inventory/items", item({ categoryId: cat.id }));
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api("GET", `/api/v1/inventory/categories?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      const body = page(categoryJson).parse(res.json);
      names.push(...body.data.map((x) => `${x.name}:${x.itemCount}`));
      cursor = body.nextCursor;
    } while (cursor);
    expect(names).toEqual(["Dentistry:1", "Equipment:0", "Medical Supplies:0", "Medications:0", "Office Supplies:0"]);

    const refused = await api("DELETE", `/api/v1/inventory/categories/${cat.id}`);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: "conflict", message: "1 item uses this category; move those items to another category (or delete them) first." });
    const unused = (await api("POST", "/api/v1/inventory/categories", { name: "Spare" })).json.data.id;
    expect((await api("DELETE", `/api/v1/inventory/categories/${unused}`)).status).toBe(204);
    expect((await api("GET", `/api/v1/inventory/categories/${unused}`)).status).toBe(404);

    const other = await clinic("Other Clinic");
    expect((await other.as("owner")("GET", `/api/v1/inventory/categories/${cat.id}`)).status).toBe(404);
    expect((await other.as("owner")("DELETE", `/api/v1/inventory/categories/${cat.id}`)).status).toBe(404);
  });
});

describe("adjust-stock", () => {
  it("returns old and new quantity, records the adjustment with the user and token, and never goes below zero", async () => {
    const c = await clinic();
    const api = c.as("owner");
    const id = (await api("POST", "/api/v1/inventory/items", item({ quantity: 12, reorderThreshold: 10, unit: "box" }))).json.data.id;
    seen.length = 0;
    const res = await api("POST", `/api/v1/inventory/items/${id}/adjust-stock`, { amount: -5, reason: "Used in surgery" });
    expect(res.status).toBe(200);
    const data = one(adjustmentJson).parse(res.json).data;
    expect(data).toMatchObject({ itemId: id, amount: -5, oldQuantity: 12, newQuantity: 7, lowStock: true });
    const rows = await rootDb().inventoryStockAdjustment.findMany({ where: { itemId: id } });
    expect(rows).toMatchObject([{ id: data.adjustmentId, delta: -5, previousQuantity: 12, newQuantity: 7, reason: "Used in surgery", source: "api", userId: c.org.members.owner.id, apiTokenId: c.tokens.owner.id }]);
    const actor = { type: "api_token", id: c.tokens.owner.id, userId: c.org.members.owner.id };
    expect(eventsOf("inventory.stock.adjusted")).toMatchObject([{ payload: { itemId: id, oldQuantity: 12, newQuantity: 7, delta: -5, source: "api" }, actor }]);
    expect(eventsOf("inventory.stock.low_detected")).toMatchObject([{ payload: { itemId: id, quantity: 7, threshold: 10 }, actor }]);

    const tooMuch = await api("POST", `/api/v1/inventory/items/${id}/adjust-stock`, { amount: -8 });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.json.error).toMatchObject({ code: "insufficient_stock", message: "Only 7 boxes in stock: cannot remove 8. The quantity never goes below zero." });
    for (const [body, field, message] of [
      [{ amount: 0 }, "amount", "amount must not be zero"],
      [{ amount: 1.5 }, "amount", "amount must be a whole number"],
      [{ amount: "5" }, "amount", "amount must be a whole number"],
      [{ amount: 2_000_000_000 }, "amount", "amount must be between -1000000000 and 1000000000"],
      [{ reason: "no amount" }, "amount", "amount is required"],
      [{ amount: null }, "amount", "amount must be a whole number"],
      [{ amount: 1, reason: "x".repeat(501) }, "reason", "At most 500 characters"],
    ] as const) {
      const r = await api("POST", `/api/v1/inventory/items/${id}/adjust-stock`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.fields[field]).toBe(message);
    }
    expect((await rootDb().inventoryItem.findUniqueOrThrow({ where: { id } })).quantity).toBe(7);
    expect(await rootDb().inventoryStockAdjustment.count({ where: { itemId: id } })).toBe(1);
  });

  it("loses no update: 64 concurrent HTTP requests end at the exact quantity with 64 adjustment rows", async () => {
    const c = await clinic();
    const api = c.as("owner");
    const id = (await api("POST", "/api/v1/inventory/items", item({ quantity: 1000, reorderThreshold: 10 }))).json.data.id;
    // +100s and -1s: no mix of at most 64 of them sums to zero, so every intermediate quantity is
    // distinct and the responses' (old → new) pairs must form one chain.
    const amounts = Array.from({ length: 64 }, (_, i) => (i % 2 === 0 ? 100 : -1));
    const results = await Promise.all(amounts.map((amount) => api("POST", `/api/v1/inventory/items/${id}/adjust-stock`, { amount })));
    expect(results.map((r) => r.status)).toEqual(amounts.map(() => 200));
    const expected = 1000 + amounts.reduce((a, b) => a + b, 0);
    expect((await api("GET", `/api/v1/inventory/items/${id}`)).json.data.quantity).toBe(expected);
    const rows = await rootDb().inventoryStockAdjustment.findMany({ where: { itemId: id }, orderBy: { previousQuantity: "asc" } });
    expect(rows).toHaveLength(64);
    expect(rows.every((r) => r.source === "api" && r.apiTokenId === c.tokens.owner.id)).toBe(true);
    // Each call saw the quantity another left behind: from 1000 to the final quantity without a gap
    // or a repeat.
    const steps = new Map(results.map((r) => [r.json.data.oldQuantity as number, r.json.data.newQuantity as number]));
    expect(steps.size).toBe(64);
    let q = 1000;
    for (let i = 0; i < 64; i++) q = steps.get(q)!;
    expect(q).toBe(expected);
  });

  it("under 64 concurrent withdrawals of 1 from 10, exactly 10 succeed and the quantity ends at 0", async () => {
    const c = await clinic();
    const api = c.as("owner");
    const id = (await api("POST", "/api/v1/inventory/items", item({ quantity: 10, reorderThreshold: 0 }))).json.data.id;
    const results = await Promise.all(Array.from({ length: 64 }, () => api("POST", `/api/v1/inventory/items/${id}/adjust-stock`, { amount: -1 })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(10);
    expect(results.filter((r) => r.status === 409)).toHaveLength(54);
    expect((await rootDb().inventoryItem.findUniqueOrThrow({ where: { id } })).quantity).toBe(0);
    expect(await rootDb().inventoryStockAdjustment.count({ where: { itemId: id } })).toBe(10);
  });
});

describe("permissions per route", () => {
  it("gives each role the README's defaults: viewers read, staff adjust, create and edit but not delete, admins everything", async () => {
    const c = await clinic();
    const owner = c.as("owner");
    const id = (await owner("POST", "/api/v1/inventory/items", item({ quantity: 5 }))).json.data.id;
    const category = (await owner("POST", "/api/v1/inventory/categories", { name: "Gloves" })).json.data.id;

    const viewer = c.as("viewer");
    expect((await viewer("GET", "/api/v1/inventory/items")).status).toBe(200);
    expect((await viewer("GET", `/api/v1/inventory/items/${id}`)).status).toBe(200);
    expect((await viewer("GET", "/api/v1/inventory/categories")).status).toBe(200);
    expect((await viewer("GET", "/api/v1/inventory/items/low-stock")).status).toBe(200);
    const noReports = await viewer("GET", "/api/v1/inventory/reports/stock-value.csv");
    expect(noReports.status).toBe(403);
    expect(noReports.json.error).toMatchObject({ code: "forbidden", message: "This needs the inventory.view_reports permission." });
    expect((await viewer("POST", "/api/v1/inventory/items", item())).status).toBe(403);
    expect((await viewer("PATCH", `/api/v1/inventory/items/${id}`, { name: "x" })).status).toBe(403);
    expect((await viewer("DELETE", `/api/v1/inventory/items/${id}`)).status).toBe(403);
    expect((await viewer("POST", `/api/v1/inventory/items/${id}/adjust-stock`, { amount: 1 })).status).toBe(403);
    expect((await viewer("POST", "/api/v1/inventory/categories", { name: "Mine" })).status).toBe(403);

    const staff = c.as("staff");
    const csv = await fetch(`${server.url}/api/v1/inventory/reports/stock-value.csv`, { headers: { authorization: `Bearer ${c.tokens.staff.token}` } });
    expect([csv.status, csv.headers.get("content-type")]).toEqual([200, "text/csv; charset=utf-8"]);
    expect((await staff("POST", `/api/v1/inventory/items/${id}/adjust-stock`, { amount: 1 })).status).toBe(200);
    const created = await staff("POST", "/api/v1/inventory/items", item());
    expect(created.status).toBe(201);
    expect((await staff("PATCH", `/api/v1/inventory/items/${id}`, { unit: "pair" })).status).toBe(200);
    expect((await staff("POST", "/api/v1/inventory/categories", { name: "Masks" })).status).toBe(201);
    const noDelete = await staff("DELETE", `/api/v1/inventory/items/${id}`);
    expect(noDelete.status).toBe(403);
    expect(noDelete.json.error).toMatchObject({ code: "forbidden", message: "This needs the inventory.delete_items permission." });
    expect((await staff("DELETE", `/api/v1/inventory/categories/${category}`)).status).toBe(403);
    expect(await rootDb().inventoryItem.count({ where: { organizationId: c.org.org.id } })).toBe(2);

    const admin = c.as("admin");
    expect((await admin("DELETE", `/api/v1/inventory/items/${created.json.data.id}`)).status).toBe(204);
    expect((await admin("DELETE", `/api/v1/inventory/categories/${category}`)).status).toBe(204);

    // A grant adds to the role's defaults: a viewer made clerk adjusts stock, and still cannot edit.
    await grant(c.org, "viewer", { groups: ["inventory.clerk"] });
    expect((await viewer("POST", `/api/v1/inventory/items/${id}/adjust-stock`, { amount: 1 })).status).toBe(200);
    expect((await viewer("PATCH", `/api/v1/inventory/items/${id}`, { name: "x" })).status).toBe(403);
    expect((await rootDb().inventoryItem.findUniqueOrThrow({ where: { id } })).quantity).toBe(7);
  });

  it("answers 404 for every endpoint while the plugin is disabled for the organization", async () => {
    const org = await createTestOrganization();
    const token = await createApiToken(await org.as("owner"), { name: "x", expiresIn: "30" });
    if (!token.ok) throw new Error(token.error);
    const api = apiClient(server.url, token.token);
    expect((await api("GET", "/api/v1/inventory/items")).status).toBe(404);
    expect((await api("POST", `/api/v1/inventory/items/${crypto.randomUUID()}/adjust-stock`, { amount: 1 })).status).toBe(404);
  });
});
