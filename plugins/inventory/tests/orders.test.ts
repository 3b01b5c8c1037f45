// Purchase orders against the real database: generation from a selection (only items below their
// threshold, suggested quantities and totals, supplier, the reorder event, the warning when none is
// low), numbering per organization under concurrency, draft line edits, and receiving — stock added
// once as purchase_order adjustments, all in one transaction, refused the second time.
import "@/app/_plugins/runtime";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { saveSettings } from "@/core/plugins/settings/store";
import { createTestOrganization, enablePluginFor, grant } from "@/core/testing/plugin-test-kit";
import { getOrder, listOrders } from "../orders/queries";
import { NONE_BELOW_THRESHOLD } from "../orders/generate";
import { MAX_ORDER_LINES } from "../orders/schema";
import { generateOrderForSelection, receiveOrderAsMember, saveLineQuantities, sendOrder, type GenerateOutcome } from "../orders/service";
import inventory from "../plugin";
import { enableRecorder, eventsOf, installWithRecorder, seen } from "./recorder";

beforeAll(() => installWithRecorder());
beforeEach(() => {
  seen.length = 0;
});

async function setup(name = "Order Clinic") {
  const org = await createTestOrganization(name);
  await enablePluginFor(org, "inventory");
  await enableRecorder(org.org.id);
  return { org, owner: await org.as("owner"), orgId: org.org.id };
}

type ItemSpec = { name: string; quantity: number; threshold: number; price: string };

async function items(orgId: string, prefix: string, specs: ItemSpec[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [i, s] of specs.entries()) {
    const row = await rootDb().inventoryItem.create({
      data: { organizationId: orgId, name: `${prefix} ${s.name}`, sku: `${prefix}-${i}`, quantity: s.quantity, reorderThreshold: s.threshold, price: s.price },
    });
    out[s.name] = row.id;
  }
  return out;
}

const unique = (p: string) => `${p}${Math.random().toString(36).slice(2, 8)}`.toUpperCase();

function created(res: Awaited<ReturnType<typeof generateOrderForSelection>>): Extract<GenerateOutcome, { kind: "created" }> {
  if (!res.ok) throw new Error(res.error);
  if (res.data.kind !== "created") throw new Error(res.message);
  return res.data;
}

const quantityOf = async (id: string) => (await rootDb().inventoryItem.findUniqueOrThrow({ where: { id } })).quantity;

describe("generating a purchase order", () => {
  it("makes lines of the selected items below their threshold only: max(threshold × 2 − quantity, 1) at the item's price, with totals and the reorder event", async () => {
    const s = await setup();
    await rootDb().$transaction((tx) => saveSettings(tx, { manifest: inventory, org: s.owner.organization, input: { defaultSupplier: "MedSupply Co." }, actorUserId: s.owner.user.id }));
    const p = unique("GEN");
    const ids = await items(s.orgId, p, [
      { name: "gloves", quantity: 3, threshold: 10, price: "4.25" }, // low: 17 × 4.25 = 72.25
      { name: "masks", quantity: 0, threshold: 5, price: "0.99" }, // low: 10 × 0.99 = 9.90
      { name: "gauze", quantity: 5, threshold: 5, price: "2.00" }, // at the threshold: not low
      { name: "tape", quantity: 40, threshold: 10, price: "1.50" }, // fine
    ]);
    const res = await generateOrderForSelection(s.owner, { mode: "ids", ids: Object.values(ids) });
    const order = created(res);
    expect(res.ok && res.message).toBe(`Purchase order PO-${String(order.number).padStart(4, "0")} created with 2 lines.`);

    const detail = await getOrder(s.orgId, order.orderId);
    expect(detail).toMatchObject({ number: 1, status: "draft", supplier: "MedSupply Co.", total: "82.15" });
    expect(detail!.lines.map((l) => [l.name, l.quantity, l.unitPrice, l.lineTotal])).toEqual([
      [`${p} gloves`, 17, "4.25", "72.25"],
      [`${p} masks`, 10, "0.99", "9.90"],
    ]);
    expect(eventsOf("inventory.reorder.suggested")).toMatchObject([
      { payload: { purchaseOrderId: order.orderId, number: 1, itemIds: [ids.gloves, ids.masks].sort(), supplier: "MedSupply Co." }, actor: { type: "user", id: s.owner.user.id } },
    ]);
  });

  it("works on the whole filtered set ('select all matching'), falls back to 'Unassigned supplier', and never reaches into another organization", async () => {
    const s = await setup();
    const other = await setup("Other Clinic");
    const p = unique("ALL");
    await items(s.orgId, p, [{ name: "a", quantity: 1, threshold: 3, price: "1.00" }, { name: "b", quantity: 9, threshold: 3, price: "1.00" }]);
    await items(other.orgId, p, [{ name: "a", quantity: 1, threshold: 3, price: "1.00" }]);
    const order = created(await generateOrderForSelection(s.owner, { mode: "filter", filter: { q: p } }));
    const detail = await getOrder(s.orgId, order.orderId);
    expect(detail).toMatchObject({ supplier: "Unassigned supplier", total: "5.00" });
    expect(detail!.lines.map((l) => l.name)).toEqual([`${p} a`]);
    expect(await getOrder(other.orgId, order.orderId)).toBeNull();
  });

  it("warns and creates nothing when no selected item is below its threshold", async () => {
    const s = await setup();
    const ids = await items(s.orgId, unique("NONE"), [{ name: "plenty", quantity: 50, threshold: 10, price: "3.00" }]);
    const res = await generateOrderForSelection(s.owner, { mode: "ids", ids: Object.values(ids) });
    expect(res).toEqual({ ok: true, data: { kind: "none" }, message: NONE_BELOW_THRESHOLD });
    expect(await rootDb().inventoryPurchaseOrder.count({ where: { organizationId: s.orgId } })).toBe(0);
    expect(seen).toEqual([]);
  });

  it("numbers orders 1, 2, 3… per organization without a gap or a duplicate when generated concurrently", async () => {
    const s = await setup();
    const other = await setup("Other Clinic");
    const p = unique("NUM");
    const ids = await items(s.orgId, p, [{ name: "x", quantity: 0, threshold: 2, price: "1.00" }]);
    const results = await Promise.all(Array.from({ length: 8 }, () => generateOrderForSelection(s.owner, { mode: "ids", ids: Object.values(ids) })));
    expect(results.map((r) => created(r).number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const otherIds = await items(other.orgId, p, [{ name: "x", quantity: 0, threshold: 2, price: "1.00" }]);
    expect(created(await generateOrderForSelection(other.owner, { mode: "ids", ids: Object.values(otherIds) })).number).toBe(1);
    const list = await listOrders(s.orgId, { page: 1, pageSize: 20 });
    expect(list.rows.map((r) => r.number)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect((await listOrders(s.orgId, { status: "sent", page: 1, pageSize: 20 })).total).toBe(0);
  });

  it(`refuses a selection with more than ${MAX_ORDER_LINES.toLocaleString("en-US")} low items, saying how to narrow it, and creates nothing`, async () => {
    const s = await setup();
    const p = unique("MANY");
    await rootDb().$executeRaw`
      INSERT INTO inventory_items (id, "organizationId", name, sku, quantity, "reorderThreshold", "updatedAt")
      SELECT gen_random_uuid(), ${s.orgId}::uuid, ${p} || ' ' || g, ${p} || '-' || g, 0, 5, now() FROM generate_series(1, ${MAX_ORDER_LINES + 1}) g`;
    const res = await generateOrderForSelection(s.owner, { mode: "filter", filter: { q: p } });
    expect(res).toEqual({ ok: false, error: expect.stringContaining("Narrow the selection") });
    expect(await rootDb().inventoryPurchaseOrder.count({ where: { organizationId: s.orgId } })).toBe(0);
  });

  it("is refused without inventory.manage_purchase_orders", async () => {
    const s = await setup();
    const ids = await items(s.orgId, unique("PRM"), [{ name: "x", quantity: 0, threshold: 2, price: "1.00" }]);
    await grant(s.org, "staff", { groups: ["inventory.clerk"] });
    const res = await generateOrderForSelection(await s.org.as("staff"), { mode: "ids", ids: Object.values(ids) });
    expect(res).toEqual({ ok: false, error: expect.stringContaining('"Manage purchase orders" permission') });
    expect(await rootDb().inventoryPurchaseOrder.count({ where: { organizationId: s.orgId } })).toBe(0);
  });
});

describe("a purchase order's life", () => {
  async function draft() {
    const s = await setup();
    const p = unique("LIFE");
    const ids = await items(s.orgId, p, [
      { name: "gloves", quantity: 3, threshold: 10, price: "4.25" },
      { name: "masks", quantity: 0, threshold: 5, price: "0.99" },
    ]);
    const order = created(await generateOrderForSelection(s.owner, { mode: "ids", ids: Object.values(ids) }));
    const detail = (await getOrder(s.orgId, order.orderId))!;
    seen.length = 0;
    return { s, ids, order, detail };
  }

  it("edits line quantities while a draft, recomputing the totals; bad quantities are refused per line with nothing saved", async () => {
    const { s, order, detail } = await draft();
    const [gloves, masks] = detail.lines;
    const bad = await saveLineQuantities(s.owner, { orderId: order.orderId, lines: [{ lineId: gloves!.id, quantity: 30 }, { lineId: masks!.id, quantity: 0 }] });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { "lines.1.quantity": "At least 1" } });
    expect((await getOrder(s.orgId, order.orderId))!.lines[0]!.quantity).toBe(17);

    expect((await saveLineQuantities(s.owner, { orderId: order.orderId, lines: [{ lineId: gloves!.id, quantity: 30 }] })).ok).toBe(true);
    const after = (await getOrder(s.orgId, order.orderId))!;
    expect(after.lines.map((l) => [l.quantity, l.lineTotal])).toEqual([[30, "127.50"], [10, "9.90"]]);
    expect(after.total).toBe("137.40");

    const other = await setup("Other Clinic");
    expect(await saveLineQuantities(other.owner, { orderId: order.orderId, lines: [{ lineId: gloves!.id, quantity: 1 }] })).toEqual({ ok: false, error: "This purchase order does not exist." });

    expect((await sendOrder(s.owner, order.orderId)).ok).toBe(true);
    const late = await saveLineQuantities(s.owner, { orderId: order.orderId, lines: [{ lineId: gloves!.id, quantity: 5 }] });
    expect(late).toEqual({ ok: false, error: expect.stringContaining("is sent: only a draft's quantities can be changed") });
  });

  it("receives a sent order once: every line a purchase_order adjustment, in one transaction; a second receive, even concurrent, is refused", async () => {
    const { s, ids, order } = await draft();
    expect(await receiveOrderAsMember(s.owner, order.orderId)).toEqual({ ok: false, error: expect.stringContaining("only a sent order can be received") });
    expect(await sendOrder(s.owner, order.orderId)).toMatchObject({ ok: true });
    expect(await sendOrder(s.owner, order.orderId)).toMatchObject({ ok: false, error: expect.stringContaining("only a draft can be sent") });
    // Masks were marked out of stock while on order: receiving them puts them back on the shelf.
    await rootDb().inventoryItem.update({ where: { id: ids.masks! }, data: { inStock: false } });

    const results = await Promise.all([receiveOrderAsMember(s.owner, order.orderId), receiveOrderAsMember(s.owner, order.orderId)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: expect.stringContaining("was already received") });

    expect(await quantityOf(ids.gloves!)).toBe(3 + 17);
    expect(await quantityOf(ids.masks!)).toBe(0 + 10);
    const adjustments = await rootDb().inventoryStockAdjustment.findMany({ where: { organizationId: s.orgId }, orderBy: { delta: "desc" } });
    expect(adjustments).toMatchObject([
      { itemId: ids.gloves, delta: 17, previousQuantity: 3, newQuantity: 20, source: "purchase_order", userId: s.owner.user.id, reason: expect.stringMatching(/^Received with purchase order PO-\d{4}$/) },
      { itemId: ids.masks, delta: 10, previousQuantity: 0, newQuantity: 10, source: "purchase_order" },
    ]);
    expect(eventsOf("inventory.stock.adjusted").map((e) => e.payload.source)).toEqual(["purchase_order", "purchase_order"]);
    // Both crossed back above their thresholds: the restock events (and resolved alerts, had any been open).
    expect(eventsOf("inventory.stock.restocked")).toHaveLength(2);
    expect(await getOrder(s.orgId, order.orderId)).toMatchObject({ status: "received", receivedAt: expect.any(String) });
    expect((await rootDb().inventoryItem.findUniqueOrThrow({ where: { id: ids.masks! } })).inStock).toBe(true);
    // Its item.updated event says why (the gloves were in stock already: no event for them).
    expect(eventsOf("inventory.item.updated").map((e) => [e.payload.id, e.payload.changes, e.payload.source])).toEqual([[ids.masks, ["inStock"], "purchase_order"]]);
    expect(await receiveOrderAsMember(s.owner, order.orderId)).toEqual({ ok: false, error: expect.stringContaining("its stock was added then") });
    expect(await quantityOf(ids.gloves!)).toBe(20);
  });

  it("adds no stock at all when one line cannot be applied, and says which item", async () => {
    const { s, ids, order } = await draft();
    await sendOrder(s.owner, order.orderId);
    // Adding the masks' line (10) would take them above the largest quantity allowed: that line fails.
    await rootDb().inventoryItem.update({ where: { id: ids.masks! }, data: { quantity: 999_999_995 } });
    expect(await receiveOrderAsMember(s.owner, order.orderId)).toEqual({
      ok: false,
      error: expect.stringMatching(/^PO-\d{4} was not received: .* masks \(.*\): 999,999,995 each in stock: adding 10 would make 1,000,000,005, more than the largest quantity allowed, 1,000,000,000\./),
    });
    expect(await quantityOf(ids.gloves!)).toBe(3);
    expect(await rootDb().inventoryStockAdjustment.count({ where: { organizationId: s.orgId } })).toBe(0);
    expect(await getOrder(s.orgId, order.orderId)).toMatchObject({ status: "sent" });
  });
});
