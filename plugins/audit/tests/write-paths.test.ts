// One test per write path: each proves the entries exist with the right action, actor, target,
// per-field changes and origin — forms (server-action mutations), bulk actions (one entry per record,
// appended in batches), REST over real HTTP with an API token (request id and IP), imports (emitMany
// with the import's origin, as the import engine emits), and stock adjustments.
import "@/app/_plugins/runtime";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createApiToken } from "@/core/api-tokens/tokens";
import { bulkUpdateAppointmentStatus } from "@/core/appointments/bulk";
import { createAppointment } from "@/core/appointments/mutations";
import { rootDb } from "@/core/db/client";
import { patientCreated, patientUpdated } from "@/core/events/core-events";
import { emitMany } from "@/core/events/emit";
import { created, patientRecord, updated } from "@/core/events/record-changes";
import { createPatient, deletePatient, updatePatient } from "@/core/patients/mutations";
import { apiClient, startApiServer, type ApiServer } from "@/tests/api/http-server";
import { patientData } from "@/tests/helpers/fixtures";
import { applyBulkChange, runBulkAction, selectionWhere } from "@/plugins/inventory/items/bulk";
import { itemFilterSchema } from "@/plugins/inventory/items/filters";
import { adjustStock } from "@/plugins/inventory/items/stock";
import { updateItem } from "@/plugins/inventory/items/mutations";
import { appendStats, CHUNK_SIZE } from "../chain/append";
import { auditClinic, entriesOf, expectIntact, seedItems } from "./helpers";

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

describe("forms (server-action mutations)", () => {
  it("records created, updated and deleted patients with the user, per-field before/after and source form", async () => {
    const org = await auditClinic();
    const ctx = await org.as("staff");
    const res = await createPatient(ctx, patientData({ firstName: "Ada", lastName: "Byron", medicalRecordNumber: "MRN-A1" }));
    if (!res.ok) throw new Error(res.error);
    const id = res.data.id;
    await updatePatient(ctx, id, patientData({ firstName: "Ada", lastName: "Lovelace", medicalRecordNumber: "MRN-A1" }));
    await deletePatient(ctx, id);
    const entries = await entriesOf(org.org.id, { targetType: "core.patient" });
    expect(entries.map((e) => e.action)).toEqual(["created", "updated", "deleted"]);
    for (const e of entries) {
      expect(e).toMatchObject({ actorType: "user", actorId: org.members.staff.id, actorLabel: ctx.user.name, targetId: id, source: "form" });
      expect(e.eventId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(entries[1]!.changes).toEqual([{ field: "lastName", before: "Byron", after: "Lovelace" }]);
    expect(entries[1]!.targetLabel).toBe("Ada Lovelace (MRN-A1)");
    expect(entries[0]!.changes).toContainEqual({ field: "firstName", before: null, after: "Ada" });
    expect(entries[2]!.changes).toContainEqual({ field: "medicalRecordNumber", before: "MRN-A1", after: null });
    await expectIntact(org.org.id);
  });

  it("writes nothing for a save that changed nothing, and nothing for a failed (rolled-back) write", async () => {
    const org = await auditClinic();
    const ctx = await org.as("staff");
    const data = patientData({ medicalRecordNumber: "MRN-SAME" });
    const res = await createPatient(ctx, data);
    if (!res.ok) throw new Error(res.error);
    await updatePatient(ctx, res.data.id, data);
    const dup = await createPatient(ctx, patientData({ medicalRecordNumber: "MRN-SAME" }));
    expect(dup.ok).toBe(false);
    expect((await entriesOf(org.org.id)).filter((e) => e.targetType === "core.patient").map((e) => e.action)).toEqual(["created"]);
  });
});

describe("bulk actions", () => {
  it("appointments: one bulk_updated entry per changed appointment, appended with ONE insert", async () => {
    const org = await auditClinic();
    const ctx = await org.as("staff");
    const p = await createPatient(ctx, patientData());
    if (!p.ok) throw new Error(p.error);
    const ids: string[] = [];
    for (const day of ["2030-01-01", "2030-01-02", "2030-01-03"]) {
      const a = await createAppointment(ctx, { patientId: p.data.id, startsAt: `${day}T09:00:00.000Z`, endsAt: `${day}T09:30:00.000Z`, provider: "Dr Who", status: "scheduled", notes: null });
      if (!a.ok) throw new Error(a.error);
      ids.push(a.data.id);
    }
    const before = appendStats.insertStatements;
    const res = await bulkUpdateAppointmentStatus(ctx, ids, "completed");
    expect(res).toMatchObject({ ok: true, data: { updated: 3 } });
    expect(appendStats.insertStatements - before).toBe(1);
    const bulk = await entriesOf(org.org.id, { action: "bulk_updated" });
    expect(bulk).toHaveLength(3);
    expect(new Set(bulk.map((e) => e.targetId))).toEqual(new Set(ids));
    for (const e of bulk) expect(e).toMatchObject({ targetType: "core.appointment", source: "bulk", actorId: org.members.staff.id, changes: [{ field: "status", before: "scheduled", after: "completed" }] });
    await expectIntact(org.org.id);
  });

  it("inventory: the list's bulk action records each item; 12,000 rows are appended in chunks, not row by row", async () => {
    const org = await auditClinic("Bulk Clinic", ["inventory"]);
    const items = await seedItems(org.org.id, 12_000);
    const ctx = await org.as("owner");
    const before = appendStats.insertStatements;
    const res = await runBulkAction(ctx, { action: "mark_out_of_stock", selection: { mode: "ids", ids: items.slice(0, 3).map((i) => i.id) } });
    expect(res).toMatchObject({ ok: true, data: { kind: "done", affected: 3 } });
    expect(appendStats.insertStatements - before).toBe(1);
    const three = await entriesOf(org.org.id, { action: "bulk_updated" });
    expect(three.map((e) => e.targetId).sort()).toEqual(items.slice(0, 3).map((i) => i.id).sort());
    expect(three[0]).toMatchObject({ targetType: "inventory.item", source: "bulk", changes: [{ field: "inStock", before: true, after: false }] });

    // The set-based path the background job uses, over everything left (11,997 rows): ceil(n / CHUNK_SIZE) inserts.
    const mid = appendStats.insertStatements;
    const { count } = await rootDb().$transaction(
      (tx) => applyBulkChange(tx, { organization: ctx.organization, actor: { type: "user", id: ctx.user.id, name: ctx.user.name }, origin: { source: "bulk" } }, "mark_out_of_stock", selectionWhere(org.org.id, { mode: "filter", filter: itemFilterSchema.parse({}) })),
      { timeout: 120_000 },
    );
    expect(count).toBe(11_997);
    expect(appendStats.insertStatements - mid).toBe(Math.ceil(11_997 / CHUNK_SIZE));
    expect(await entriesOf(org.org.id, { action: "bulk_updated" })).toHaveLength(12_000);
    await expectIntact(org.org.id);
  }, 120_000);
});

describe("REST API", () => {
  it("records the API token as actor (with its user), the request id and the client IP (behind a trusted proxy)", async () => {
    process.env.RITIKO_TRUSTED_PROXY = "1"; // forwarded headers are believed only then (origin-ip.test.ts)
    onTestFinished(() => void delete process.env.RITIKO_TRUSTED_PROXY);
    const org = await auditClinic("Api Clinic", ["inventory"]);
    const token = await createApiToken(await org.as("owner"), { name: "stock script", expiresIn: "30" });
    if (!token.ok) throw new Error(token.error);
    const api = apiClient(server.url, token.token);
    const made = await api("POST", "/api/v1/inventory/items", { name: "Gauze", sku: "GZ-9", quantity: 5, reorderThreshold: 1, price: "2.00" }, { "x-request-id": "req-audit-0001", "x-forwarded-for": "203.0.113.9" });
    expect(made.status).toBe(201);
    const id = made.json.data.id as string;
    const patched = await api("PATCH", `/api/v1/inventory/items/${id}`, { name: "Sterile gauze" }, { "x-request-id": "req-audit-0002", "x-real-ip": "198.51.100.7" });
    expect(patched.status).toBe(200);
    const entries = await entriesOf(org.org.id, { targetType: "inventory.item" });
    expect(entries).toMatchObject([
      { action: "created", actorType: "api_token", actorId: token.summary.id, actorUserId: org.members.owner.id, actorLabel: expect.stringContaining('API token "stock script"'), source: "api", requestId: "req-audit-0001", ip: "203.0.113.9", targetId: id },
      { action: "updated", actorType: "api_token", source: "api", requestId: "req-audit-0002", ip: "198.51.100.7", changes: [{ field: "name", before: "Gauze", after: "Sterile gauze" }], targetLabel: "Sterile gauze (GZ-9)" },
    ]);
    await expectIntact(org.org.id);
  });
});

describe("imports", () => {
  it("records each imported record as imported, with the import id, in one batch", async () => {
    const org = await auditClinic();
    const ctx = await org.as("staff");
    const importId = "0198f3a0-0000-7000-8000-000000000001";
    const before = appendStats.insertStatements;
    // What the import engine does per batch (core/imports/engine/context.ts, core/patients/import-resource.ts):
    // set-based writes, then one emitMany per event type with origin { source: "import", importId }.
    const ids = await rootDb().$transaction(async (tx) => {
      const rows = [];
      for (const n of [1, 2]) rows.push(await tx.patient.create({ data: { ...patientData({ firstName: `Imp${n}` }), dateOfBirth: new Date("1980-12-10T00:00:00Z"), organizationId: org.org.id } }));
      const meta = { organization: ctx.organization, actor: { type: "user" as const, id: ctx.user.id, name: ctx.user.name }, origin: { source: "import" as const, importId } };
      await emitMany(tx, meta, patientCreated, rows.map((r) => created(patientRecord(r))));
      const changed = await tx.patient.update({ where: { id: rows[0]!.id }, data: { phone: "+1 555 0100" } });
      await emitMany(tx, meta, patientUpdated, [updated(patientRecord(rows[0]!), patientRecord(changed))]);
      return rows.map((r) => r.id);
    });
    expect(appendStats.insertStatements - before).toBe(2);
    const entries = await entriesOf(org.org.id, { action: "imported" });
    expect(entries).toHaveLength(3);
    for (const e of entries) expect(e).toMatchObject({ source: "import", importId, actorId: org.members.staff.id });
    expect(entries.map((e) => e.targetId)).toEqual([ids[0], ids[1], ids[0]]);
    expect(entries[2]!.changes).toEqual([{ field: "phone", before: null, after: "+1 555 0100" }]);
  });
});

describe("stock adjustments", () => {
  it("records an adjustment as an update of the item's quantity, and an edited quantity only once", async () => {
    const org = await auditClinic("Stock Clinic", ["inventory"]);
    const [item] = await seedItems(org.org.id, 1, "STK");
    const ctx = await org.as("owner");
    const meta = { organization: ctx.organization, actor: { type: "user" as const, id: ctx.user.id, name: ctx.user.name }, origin: { source: "form" as const } };
    const adj = await rootDb().$transaction((tx) => adjustStock(tx, meta, item!.id, { delta: -7, reason: "Used in clinic", source: "form", userId: ctx.user.id }));
    expect(adj.ok).toBe(true);
    const edit = await updateItem(ctx.db, { meta, source: "form", userId: ctx.user.id }, item!.id, { quantity: 60 });
    expect(edit.ok).toBe(true);
    const entries = await entriesOf(org.org.id, { targetType: "inventory.item" });
    expect(entries).toMatchObject([
      { action: "updated", changes: [{ field: "quantity", before: 50, after: 43 }, { field: "adjustment reason", before: null, after: "Used in clinic" }] },
      { action: "updated", changes: [{ field: "quantity", before: 43, after: 60 }] },
    ]);
    expect(entries).toHaveLength(2);
  });
});
