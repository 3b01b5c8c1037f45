// The REST API's stock adjustment on the hot `pg` pool (items/stock-hot.ts) must leave exactly what
// the Prisma path (items/stock.ts adjustStock) leaves — quantities, adjustment rows, alerts opened and
// resolved, outbox rows for durable handlers — and hand over to the Prisma path whenever an enabled
// plugin handles stock events in-transaction (audit), even one enabled a moment before the change.
import "@/app/_plugins/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/core/api-tokens/tokens";
import { rootDb } from "@/core/db/client";
import type { EmitMeta } from "@/core/events/emit";
import { registerPluginRegistry } from "@/core/plugins/registry";
import { afterCommit, definePlugin } from "@/core/plugins/types";
import { createTestOrganization, enablePluginFor, type TestOrganization } from "@/core/testing/plugin-test-kit";
import audit from "@/plugins/audit/plugin";
import { inventoryEvents } from "../events";
import inventory from "../plugin";
import { apiClient, startApiServer, type ApiServer } from "@/tests/api/http-server";
import { adjustStock, type AdjustOptions } from "../items/stock";
import { adjustStockHot } from "../items/stock-hot";

// A plugin with an after-commit handler for every inventory event: each event then leaves an outbox
// row with its payload, so the two paths' events can be compared row by row.
const outboxRecorder = definePlugin({
  id: "outbox-recorder",
  name: "Outbox recorder",
  version: "1.0.0",
  description: "Durable handlers for every inventory event (tests).",
  author: "tests",
  handlers: { durable: Object.values(inventoryEvents).map((event) => afterCommit({ id: `record-${event.name}`, event, handle: async () => undefined })) },
});

let server: ApiServer;
beforeAll(async () => {
  registerPluginRegistry({ audit: async () => ({ default: audit }), inventory: async () => ({ default: inventory }), "outbox-recorder": async () => ({ default: outboxRecorder }) });
  server = await startApiServer();
});
afterAll(() => server.close());

async function clinic(opts: { recorder?: boolean } = {}) {
  const org = await createTestOrganization("Hot Stock Clinic");
  await enablePluginFor(org, "inventory");
  if (opts.recorder !== false) await enablePluginFor(org, "outbox-recorder");
  const meta: EmitMeta = { organization: org.org, actor: { type: "system", name: "test" }, origin: { source: "api" } };
  return { org, meta };
}

async function newItem(org: TestOrganization, quantity: number, reorderThreshold: number) {
  const sku = `HOT-${Math.random().toString(36).slice(2, 9)}`;
  const row = await rootDb().inventoryItem.create({ data: { organizationId: org.org.id, name: "Gauze", sku, quantity, reorderThreshold, unit: "box", price: "1.00" } });
  return row.id;
}

/** What an adjustment sequence left behind for one item, without ids and times. */
async function trace(organizationId: string, itemId: string) {
  const item = await rootDb().inventoryItem.findUniqueOrThrow({ where: { id: itemId }, select: { quantity: true } });
  const adjustments = await rootDb().inventoryStockAdjustment.findMany({
    where: { itemId },
    orderBy: { createdAt: "asc" },
    select: { delta: true, previousQuantity: true, newQuantity: true, reason: true, source: true },
  });
  const alerts = await rootDb().inventoryStockAlert.findMany({ where: { itemId }, orderBy: { openedAt: "asc" }, select: { status: true, quantity: true, threshold: true, openItemId: true } });
  const outbox = await rootDb().$queryRaw<{ eventName: string; handlerKey: string; payload: Record<string, unknown> }[]>`
    SELECT "eventName", "handlerKey", payload FROM event_outbox
    WHERE "organizationId" = ${organizationId}::uuid AND payload->>'itemId' = ${itemId} ORDER BY id`;
  const strip = ({ alertId, itemId: _i, label: _l, adjustmentId: _a, ...rest }: Record<string, unknown>) => ({ ...rest, hasAlertId: alertId != null });
  return {
    quantity: item.quantity,
    adjustments,
    alerts: alerts.map((a) => ({ ...a, openItemId: a.openItemId ? "item" : null })),
    outbox: outbox.map((o) => ({ eventName: o.eventName, handlerKey: o.handlerKey, payload: strip(o.payload) })),
  };
}

describe("adjust-stock on the hot pool", () => {
  it("leaves exactly what the Prisma path leaves: quantities, history, alerts opened and resolved, outbox rows", async () => {
    const { org, meta } = await clinic();
    const enabled = new Set(["inventory", "outbox-recorder"]);
    const hot = await newItem(org, 12, 10);
    const prisma = await newItem(org, 12, 10);
    // Into low stock (alert + low_detected for the e-mail handler), deeper, refused below zero, back up
    // (resolved + restocked), down again (a second alert).
    const steps: AdjustOptions[] = [
      { delta: -5, reason: "Used", source: "api" },
      { delta: -2, reason: null, source: "api" },
      { delta: -50, reason: "Too much", source: "api" },
      { delta: 20, reason: "Delivery", source: "api" },
      { delta: -25, reason: "Audit count", source: "api" },
    ];
    const hotResults = [];
    const prismaResults = [];
    for (const step of steps) {
      hotResults.push(await adjustStockHot(meta, enabled, hot, step));
      prismaResults.push(await rootDb().$transaction((tx) => adjustStock(tx, meta, prisma, step)));
    }
    const withoutIds = (r: unknown) => JSON.parse(JSON.stringify(r, (k, v) => (k === "itemId" || k === "adjustmentId" ? undefined : v)));
    expect(hotResults.map(withoutIds)).toEqual(prismaResults.map(withoutIds));
    expect(hotResults.map((r) => r && (r.ok ? r.newQuantity : r.reason))).toEqual([7, 5, "insufficient", 25, 0]);

    const hotTrace = await trace(org.org.id, hot);
    expect(hotTrace).toEqual(await trace(org.org.id, prisma));
    expect(hotTrace.alerts.map((a) => a.status)).toEqual(["resolved", "open"]);
    expect(hotTrace.outbox.map((o) => `${o.handlerKey} ${o.eventName}`)).toEqual([
      "outbox-recorder:record-inventory.stock.adjusted inventory.stock.adjusted",
      "inventory:low-stock-email inventory.stock.low_detected",
      "outbox-recorder:record-inventory.stock.low_detected inventory.stock.low_detected",
      "outbox-recorder:record-inventory.stock.adjusted inventory.stock.adjusted",
      "outbox-recorder:record-inventory.stock.adjusted inventory.stock.adjusted",
      "outbox-recorder:record-inventory.stock.restocked inventory.stock.restocked",
      "outbox-recorder:record-inventory.stock.adjusted inventory.stock.adjusted",
      "inventory:low-stock-email inventory.stock.low_detected",
      "outbox-recorder:record-inventory.stock.low_detected inventory.stock.low_detected",
    ]);
  });

  it("with nobody listening to stock.adjusted, takes one statement unless the threshold is crossed — and still leaves what the Prisma path leaves", async () => {
    const { org, meta } = await clinic({ recorder: false });
    const enabled = new Set(["inventory"]);
    const hot = await newItem(org, 30, 10);
    const prisma = await newItem(org, 30, 10);
    const steps: AdjustOptions[] = [
      { delta: -5, reason: "quick", source: "api" }, // 30 → 25: one statement
      { delta: -20, reason: "crossing", source: "api" }, // 25 → 5: crosses, full transaction (alert + e-mail outbox row)
      { delta: -1, reason: "quick while low", source: "api" }, // 5 → 4: stays low, one statement
      { delta: -9, reason: "refused", source: "api" }, // below zero: refused
      { delta: 40, reason: "restock", source: "api" }, // 4 → 44: crosses back, resolves the alert
    ];
    for (const step of steps) {
      const a = await adjustStockHot(meta, enabled, hot, step);
      const b = await rootDb().$transaction((tx) => adjustStock(tx, meta, prisma, step));
      expect(a && { ...a, itemId: 0, adjustmentId: 0 }).toEqual({ ...b, itemId: 0, adjustmentId: 0 });
    }
    const hotTrace = await trace(org.org.id, hot);
    expect(hotTrace).toEqual(await trace(org.org.id, prisma));
    expect(hotTrace.quantity).toBe(44);
    expect(hotTrace.alerts.map((a) => a.status)).toEqual(["resolved"]);
    expect(hotTrace.outbox.map((o) => o.handlerKey)).toEqual(["inventory:low-stock-email"]);
  });

  it("answers not found for an unknown id, a malformed id and another organization's item, changing nothing", async () => {
    const { org, meta } = await clinic();
    const other = await clinic();
    const theirs = await newItem(other.org, 5, 1);
    for (const id of [crypto.randomUUID(), "not-a-uuid", theirs]) {
      expect(await adjustStockHot(meta, new Set(["inventory"]), id, { delta: 1, reason: null, source: "api" })).toEqual({ ok: false, reason: "not_found" });
    }
    expect((await rootDb().inventoryItem.findUniqueOrThrow({ where: { id: theirs } })).quantity).toBe(5);
    expect(await rootDb().inventoryStockAdjustment.count({ where: { organizationId: { in: [org.org.id, other.org.org.id] } } })).toBe(0);
  });

  it("hands over to the Prisma path when the audit plugin is enabled, even if the request did not know yet", async () => {
    const { org, meta } = await clinic();
    const id = await newItem(org, 10, 2);
    await enablePluginFor(org, "audit");
    // Known enabled: not even tried.
    expect(await adjustStockHot(meta, new Set(["inventory", "audit"]), id, { delta: 1, reason: null, source: "api" })).toBeNull();
    // Enabled after the request read its plugins: found in the statement, rolled back, handed over.
    expect(await adjustStockHot(meta, new Set(["inventory"]), id, { delta: 1, reason: null, source: "api" })).toBeNull();
    expect((await rootDb().inventoryItem.findUniqueOrThrow({ where: { id } })).quantity).toBe(10);
    expect(await rootDb().inventoryStockAdjustment.count({ where: { itemId: id } })).toBe(0);

    // Through the API with a token the change is then made, and audited, by the Prisma path.
    const created = await createApiToken(await org.as("owner"), { name: "hot", expiresIn: "30" });
    if (!created.ok) throw new Error(created.error);
    const res = await apiClient(server.url, created.token)("POST", `/api/v1/inventory/items/${id}/adjust-stock`, { amount: 3 });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ oldQuantity: 10, newQuantity: 13 });
    const entries = await rootDb().auditEntry.findMany({ where: { organizationId: org.org.id, targetId: id } });
    expect(entries).toHaveLength(1);
  });

  it("over HTTP with a token: 64 concurrent calls lose no update, and withdrawals stop at zero", async () => {
    const { org } = await clinic();
    const created = await createApiToken(await org.as("owner"), { name: "hot", expiresIn: "30" });
    if (!created.ok) throw new Error(created.error);
    const api = apiClient(server.url, created.token);
    const id = await newItem(org, 1000, 10);
    const amounts = Array.from({ length: 64 }, (_, i) => (i % 2 === 0 ? 100 : -1));
    const results = await Promise.all(amounts.map((amount) => api("POST", `/api/v1/inventory/items/${id}/adjust-stock`, { amount })));
    expect(results.map((r) => r.status)).toEqual(amounts.map(() => 200));
    const expected = 1000 + amounts.reduce((a, b) => a + b, 0);
    expect((await rootDb().inventoryItem.findUniqueOrThrow({ where: { id } })).quantity).toBe(expected);
    expect(await rootDb().inventoryStockAdjustment.count({ where: { itemId: id, apiTokenId: created.summary.id } })).toBe(64);

    const few = await newItem(org, 10, 0);
    const withdrawals = await Promise.all(Array.from({ length: 32 }, () => api("POST", `/api/v1/inventory/items/${few}/adjust-stock`, { amount: -1 })));
    expect(withdrawals.filter((r) => r.status === 200)).toHaveLength(10);
    expect(withdrawals.filter((r) => r.status === 409).map((r) => r.json.error.code)).toEqual(Array(22).fill("insufficient_stock"));
    expect((await rootDb().inventoryItem.findUniqueOrThrow({ where: { id: few } })).quantity).toBe(0);
  });
});
