// Restocking resolves the low-stock alert even when the restock waits for the item's row lock behind
// the very adjustment that opened the alert — on the REST API's hot path (items/stock-hot.ts) with a
// listener of inventory.stock.adjusted enabled, which takes its full transaction. The restock's
// statement starts before the alert commits; the alert must be resolved all the same.
import "@/app/_plugins/runtime";
import { beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import type { EmitMeta } from "@/core/events/emit";
import { registerPluginRegistry } from "@/core/plugins/registry";
import { afterCommit, definePlugin } from "@/core/plugins/types";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { itemRestocked, stockAdjusted } from "../events";
import inventory from "../plugin";
import { adjustStock } from "../items/stock";
import { adjustStockHot } from "../items/stock-hot";

const listener = definePlugin({
  id: "stock-listener",
  name: "Stock listener",
  version: "1.0.0",
  description: "After-commit handlers of inventory.stock.adjusted and .restocked (tests): their outbox rows show the payloads.",
  author: "tests",
  handlers: {
    durable: [
      afterCommit({ id: "adjusted", event: stockAdjusted, handle: async () => undefined }),
      afterCommit({ id: "restocked", event: itemRestocked, handle: async () => undefined }),
    ],
  },
});

beforeAll(() => {
  registerPluginRegistry({ inventory: async () => ({ default: inventory }), "stock-listener": async () => ({ default: listener }) });
});

/** Resolves once a session of this database waits for a lock on inventory_items. */
async function someoneWaitsForTheItem() {
  for (let i = 0; i < 250; i++) {
    const [row] = await rootDb().$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%UPDATE inventory_items%'`;
    if (row!.n > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("the restock never waited for the item's row lock");
}

describe("a restock queued behind the adjustment that crossed below the threshold", () => {
  it("resolves the alert that adjustment opened, and says so in inventory.stock.restocked", async () => {
    const org = await createTestOrganization("Stock Race Clinic");
    await enablePluginFor(org, "inventory");
    await enablePluginFor(org, "stock-listener");
    const meta: EmitMeta = { organization: org.org, actor: { type: "system", name: "test" }, origin: { source: "api" } };
    const item = await rootDb().inventoryItem.create({ data: { organizationId: org.org.id, name: "Gauze", sku: "RACE-1", quantity: 12, reorderThreshold: 10, price: "1.00" } });

    let restock: ReturnType<typeof adjustStockHot> | undefined;
    const crossing = await rootDb().$transaction(async (tx) => {
      const res = await adjustStock(tx, meta, item.id, { delta: -5, reason: "into low stock", source: "form" });
      restock = adjustStockHot(meta, new Set(["inventory", "stock-listener"]), item.id, { delta: 20, reason: "delivery", source: "api" });
      await someoneWaitsForTheItem();
      return res;
    });
    expect(crossing).toMatchObject({ ok: true, newQuantity: 7, lowStock: true });
    expect(await restock).toMatchObject({ ok: true, oldQuantity: 7, newQuantity: 27, lowStock: false });

    const alerts = await rootDb().inventoryStockAlert.findMany({ where: { itemId: item.id } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ status: "resolved", openItemId: null, quantity: 7 });
    const restocked = await rootDb().$queryRaw<Array<{ alertId: string | null }>>`
      SELECT payload->>'alertId' AS "alertId" FROM event_outbox
      WHERE "organizationId" = ${org.org.id}::uuid AND "eventName" = 'inventory.stock.restocked'`;
    expect(restocked).toEqual([{ alertId: alerts[0]!.id }]);
  });
});
