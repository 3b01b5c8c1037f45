// Issue 15.2 and 15.9: the quantity limit holds on the RESULTING quantity, atomically, on every path
// that adds stock — the REST API (its hot path, and the transactional path the Audit plugin forces),
// the item page's adjust form, a purchase-order receipt — answering 409 with the reason and changing
// nothing (no adjustment row, no event). An item stored above the limit before the rule existed
// answers 409 too, not a 500 from integer overflow. And numbers from strings are decimal digits only:
// "0x10" and "1e3" are refused, not read as 16 and 1000.
import "@/app/_plugins/runtime";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/core/auth/context";
import { createApiToken } from "@/core/api-tokens/tokens";
import { rootDb } from "@/core/db/client";
import { createTestOrganization, enablePluginFor, type TestOrganization } from "@/core/testing/plugin-test-kit";
import { apiClient, startApiServer, type ApiClient, type ApiServer } from "@/tests/api/http-server";
import { MAX_QUANTITY } from "@/plugins/inventory/items/schema";
import { generateOrderForSelection, receiveOrderAsMember, saveLineQuantities, sendOrder } from "@/plugins/inventory/orders/service";

const session = vi.hoisted(() => ({ ctx: null as OrgContext | null }));
vi.mock("@/core/auth/context", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/core/auth/context")>()),
  getOrgContext: async () => session.ctx,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { adjustStockAction } = await import("@/plugins/inventory/pages/items/item-actions");

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

async function clinic(withAudit = false): Promise<{ org: TestOrganization; api: ApiClient }> {
  const org = await createTestOrganization(withAudit ? "Limit Clinic (audited)" : "Limit Clinic");
  await enablePluginFor(org, "inventory");
  if (withAudit) await enablePluginFor(org, "audit");
  const created = await createApiToken(await org.as("owner"), { name: "limits", expiresIn: "30" });
  if (!created.ok) throw new Error(created.error);
  return { org, api: apiClient(server.url, created.token) };
}

async function item(org: TestOrganization, quantity: number, sku = `LIM-${Math.random().toString(36).slice(2, 8)}`) {
  return rootDb().inventoryItem.create({ data: { organizationId: org.org.id, name: "Saline 0.9%", sku, quantity, reorderThreshold: 10, unit: "bottle" } });
}

const quantityOf = async (id: string) => (await rootDb().inventoryItem.findUniqueOrThrow({ where: { id } })).quantity;
const adjustmentsOf = (itemId: string) => rootDb().inventoryStockAdjustment.count({ where: { itemId } });

describe.each([
  ["the REST API's hot path", false],
  ["the REST API's transactional path (Audit enabled)", true],
])("stock limit through %s", (_, withAudit) => {
  it("refuses an adjustment whose result would pass 1,000,000,000 with 409 quantity_limit, and writes nothing", async () => {
    const { org, api } = await clinic(withAudit);
    const it1 = await item(org, MAX_QUANTITY);
    const over = await api("POST", `/api/v1/inventory/items/${it1.id}/adjust-stock`, { amount: MAX_QUANTITY });
    expect(over.status, JSON.stringify(over.json)).toBe(409);
    expect(over.json.error).toMatchObject({
      code: "quantity_limit",
      message: "1,000,000,000 bottles in stock: adding 1,000,000,000 would make 2,000,000,000, more than the largest quantity allowed, 1,000,000,000.",
    });
    expect((await api("POST", `/api/v1/inventory/items/${it1.id}/adjust-stock`, { amount: 1 })).status).toBe(409);
    expect(await quantityOf(it1.id)).toBe(MAX_QUANTITY);
    expect(await adjustmentsOf(it1.id)).toBe(0);
    // Taking stock out of a full item still works, and up to the limit exactly.
    expect((await api("POST", `/api/v1/inventory/items/${it1.id}/adjust-stock`, { amount: -5 })).json.data).toMatchObject({ newQuantity: MAX_QUANTITY - 5 });
    expect((await api("POST", `/api/v1/inventory/items/${it1.id}/adjust-stock`, { amount: 5 })).json.data).toMatchObject({ newQuantity: MAX_QUANTITY });
    expect(await adjustmentsOf(it1.id)).toBe(2);
  });

  it("answers 409, not 500, for an item stored above the limit before the rule existed", async () => {
    const { org, api } = await clinic(withAudit);
    const legacy = await item(org, 2_000_000_000);
    const res = await api("POST", `/api/v1/inventory/items/${legacy.id}/adjust-stock`, { amount: MAX_QUANTITY });
    expect(res.status, JSON.stringify(res.json)).toBe(409);
    expect(res.json.error.code).toBe("quantity_limit");
    expect(await quantityOf(legacy.id)).toBe(2_000_000_000);
    // Withdrawals that bring it under the limit are allowed.
    const down = await api("POST", `/api/v1/inventory/items/${legacy.id}/adjust-stock`, { amount: -MAX_QUANTITY });
    expect(down.status).toBe(200);
    expect(await quantityOf(legacy.id)).toBe(MAX_QUANTITY);
  });
});

describe("stock limit in the adjust form and a purchase-order receipt", () => {
  it("the adjust form shows the reason under the amount and changes nothing", async () => {
    const { org } = await clinic();
    const full = await item(org, MAX_QUANTITY - 1);
    session.ctx = await org.as("owner");
    expect(await adjustStockAction(full.id, { amount: "2" })).toEqual({
      ok: false,
      error: "999,999,999 bottles in stock: adding 2 would make 1,000,000,001, more than the largest quantity allowed, 1,000,000,000.",
      fieldErrors: { amount: "999,999,999 bottles in stock: adding 2 would make 1,000,000,001, more than the largest quantity allowed, 1,000,000,000." },
    });
    expect(await quantityOf(full.id)).toBe(MAX_QUANTITY - 1);
    expect(await adjustmentsOf(full.id)).toBe(0);
  });

  it("a receipt that would take one item above the limit is refused whole, naming the item; the order stays sent", async () => {
    const { org } = await clinic();
    const owner = await org.as("owner");
    const low = await item(org, 1, "LIM-LOW");
    const huge = await item(org, 2, "LIM-HUGE");
    const res = await generateOrderForSelection(owner, { mode: "ids", ids: [low.id, huge.id] });
    if (!res.ok || res.data.kind !== "created") throw new Error("no order");
    const orderId = res.data.orderId;
    const lines = await rootDb().inventoryPurchaseOrderLine.findMany({ where: { purchaseOrderId: orderId } });
    const hugeLine = lines.find((l) => l.itemId === huge.id)!;
    expect(await saveLineQuantities(owner, { orderId, lines: [{ lineId: hugeLine.id, quantity: String(MAX_QUANTITY) }] })).toMatchObject({ ok: true });
    expect(await sendOrder(owner, orderId)).toMatchObject({ ok: true });
    expect(await receiveOrderAsMember(owner, orderId)).toEqual({
      ok: false,
      error: expect.stringMatching(/was not received: Saline 0\.9% \(LIM-HUGE\): 2 bottles in stock: adding 1,000,000,000 would make 1,000,000,002/),
    });
    expect(await quantityOf(low.id)).toBe(1);
    expect(await quantityOf(huge.id)).toBe(2);
    expect(await rootDb().inventoryStockAdjustment.count({ where: { organizationId: org.org.id } })).toBe(0);
    expect((await rootDb().inventoryPurchaseOrder.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("sent");
  });
});

describe("numbers from strings are decimal digits only", () => {
  it.each(["0x10", "1e3", "0b11", "1.000", " ", "12abc"])("%j is refused as a quantity, a line quantity, an adjustment and a page size", async (text) => {
    const { org, api } = await clinic();
    const created = await api("POST", "/api/v1/inventory/items", { name: "Gauze", sku: `NUM-${Math.random().toString(36).slice(2, 8)}`, reorderThreshold: 5, quantity: text });
    expect(created.status, JSON.stringify(created.json)).toBe(400);
    expect(created.json.error.fields.quantity).toMatch(/Whole numbers only|Enter a quantity/);
    expect((await api("GET", `/api/v1/inventory/items?limit=${encodeURIComponent(text)}`)).status).toBe(400);

    const one = await item(org, 5);
    session.ctx = await org.as("owner");
    const adjusted = await adjustStockAction(one.id, { amount: text });
    expect(adjusted).toMatchObject({ ok: false, fieldErrors: { amount: "Enter a whole number: 10 adds ten, -3 removes three" } });
    expect(await quantityOf(one.id)).toBe(5);
  });

  it("line quantities of a draft order refuse 1e3 and 0x10 and keep the old quantity", async () => {
    const { org } = await clinic();
    const owner = await org.as("owner");
    const low = await item(org, 1);
    const res = await generateOrderForSelection(owner, { mode: "ids", ids: [low.id] });
    if (!res.ok || res.data.kind !== "created") throw new Error("no order");
    const [line] = await rootDb().inventoryPurchaseOrderLine.findMany({ where: { purchaseOrderId: res.data.orderId } });
    for (const text of ["1e3", "0x10"]) {
      const saved = await saveLineQuantities(owner, { orderId: res.data.orderId, lines: [{ lineId: line!.id, quantity: text }] });
      expect(saved, text).toMatchObject({ ok: false, fieldErrors: { "lines.0.quantity": expect.stringContaining("Whole numbers only") } });
    }
    expect((await rootDb().inventoryPurchaseOrderLine.findUniqueOrThrow({ where: { id: line!.id } })).quantity).toBe(line!.quantity);
  });
});
