// Inventory's domain rules against the real database: lifecycle, item writes with their events, atomic
// stock adjustments with threshold crossings (alerts, events, e-mail), settings and their migration.
import "@/app/_plugins/runtime";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import type { EmitMeta } from "@/core/events/emit";
import { saveSettings } from "@/core/plugins/settings/store";
import { runSettingsMigrations } from "@/core/plugins/settings/migrations";
import { createTestOrganization, enablePluginFor, readSettings, runJobsToCompletion } from "@/core/testing/plugin-test-kit";
import { DEFAULT_CATEGORIES, ensureDefaultCategories } from "../categories";
import { createItem, deleteItem, DUPLICATE_SKU, updateItem } from "../items/mutations";
import { itemInput, itemPatch } from "../items/schema";
import { adjustStock } from "../items/stock";
import inventory from "../plugin";
import { shopifyUrlProblem } from "../settings";
import { enableRecorder, eventsOf, installWithRecorder, seen } from "./recorder";

beforeAll(() => installWithRecorder());
beforeEach(() => {
  seen.length = 0;
});

async function setup(name = "Stock Clinic") {
  const org = await createTestOrganization(name);
  await enablePluginFor(org, "inventory");
  await enableRecorder(org.org.id);
  const ctx = await org.as("admin");
  const meta: EmitMeta = { organization: ctx.organization, actor: { type: "user", id: ctx.user.id, name: ctx.user.name } };
  const who = { meta, source: "form" as const, userId: ctx.user.id };
  return { org, ctx, meta, who };
}

async function newItem(s: Awaited<ReturnType<typeof setup>>, over: Record<string, unknown> = {}) {
  const data = itemInput.parse({ name: "Nitrile gloves", sku: `GLV-${Math.random().toString(36).slice(2, 8)}`, quantity: 20, reorderThreshold: 10, price: "8.90", ...over });
  const res = await createItem(s.ctx.db, s.who, data);
  if (!res.ok) throw new Error(res.error);
  return res.item;
}

describe("inventory lifecycle", () => {
  it("gives an organization the four default categories on first enable, once", async () => {
    const { org } = await setup();
    const slugs = async () => (await rootDb().inventoryCategory.findMany({ where: { organizationId: org.org.id }, orderBy: { slug: "asc" } })).map((c) => c.slug);
    expect(await slugs()).toEqual(DEFAULT_CATEGORIES.map((c) => c.slug).sort());
    expect(await rootDb().$transaction((tx) => ensureDefaultCategories(tx, org.org.id))).toBe(0);
    expect(await slugs()).toHaveLength(4);
  });
});

describe("item writes", () => {
  it("creates an item with its event, and refuses a duplicate SKU in the same organization only", async () => {
    const s = await setup();
    const item = await newItem(s, { sku: "DUP-1" });
    expect(item.organizationId).toBe(s.org.org.id);
    expect(eventsOf("inventory.item.created")).toMatchObject([{ payload: { id: item.id, before: null, after: { sku: "DUP-1", price: "8.90", quantity: 20 }, source: "form" } }]);
    const dup = await createItem(s.ctx.db, s.who, itemInput.parse({ name: "Other", sku: "DUP-1", reorderThreshold: 1 }));
    expect(dup).toMatchObject({ ok: false, status: 409, fieldErrors: { sku: DUPLICATE_SKU } });
    const other = await setup("Other Clinic");
    expect((await createItem(other.ctx.db, other.who, itemInput.parse({ name: "Other", sku: "DUP-1", reorderThreshold: 1 }))).ok).toBe(true);
  });

  it("refuses another organization's category and leaves nothing behind", async () => {
    const s = await setup();
    const other = await setup("Other Clinic");
    const foreign = await rootDb().inventoryCategory.findFirstOrThrow({ where: { organizationId: other.org.org.id } });
    const res = await createItem(s.ctx.db, s.who, itemInput.parse({ name: "X", sku: "X-1", reorderThreshold: 1, categoryId: foreign.id }));
    expect(res).toMatchObject({ ok: false, fieldErrors: { categoryId: "No such category in this organization" } });
    expect(await rootDb().inventoryItem.count({ where: { organizationId: s.org.org.id } })).toBe(0);
  });

  it("updates with the changed fields in the event, and a quantity edit is an adjustment", async () => {
    const s = await setup();
    const item = await newItem(s, { quantity: 20, reorderThreshold: 10 });
    seen.length = 0;
    const res = await updateItem(s.ctx.db, s.who, item.id, { quantity: 5, unit: "box" });
    expect(res.ok).toBe(true);
    expect(eventsOf("inventory.item.updated")).toMatchObject([
      { payload: { id: item.id, changes: ["quantity", "unit"], before: { quantity: 20, unit: "each" }, after: { quantity: 5, unit: "box" }, source: "form" }, actor: { type: "user", id: s.ctx.user.id } },
    ]);
    expect(eventsOf("inventory.stock.adjusted")).toMatchObject([{ payload: { itemId: item.id, oldQuantity: 20, newQuantity: 5, delta: -15 } }]);
    expect(eventsOf("inventory.stock.low_detected")).toMatchObject([{ payload: { itemId: item.id, quantity: 5, threshold: 10 } }]);
    const adj = await rootDb().inventoryStockAdjustment.findMany({ where: { itemId: item.id } });
    expect(adj).toMatchObject([{ delta: -15, previousQuantity: 20, newQuantity: 5, source: "form" }]);
    const alert = await rootDb().inventoryStockAlert.findFirstOrThrow({ where: { itemId: item.id } });
    expect(alert).toMatchObject({ status: "open", quantity: 5, threshold: 10 });
  });

  it("a partial update changes only the fields it names", async () => {
    const s = await setup();
    const item = await newItem(s, { quantity: 33, unit: "box", price: "12.50", reorderThreshold: 5 });
    const res = await updateItem(s.ctx.db, s.who, item.id, itemPatch.parse({ name: "Renamed gloves" }));
    expect(res.ok).toBe(true);
    const row = await rootDb().inventoryItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(row).toMatchObject({ name: "Renamed gloves", quantity: 33, unit: "box", reorderThreshold: 5 });
    expect(row.price.toFixed(2)).toBe("12.50");
    expect(await rootDb().inventoryStockAdjustment.count({ where: { itemId: item.id } })).toBe(0);
  });

  it("deletes an item of the organization only", async () => {
    const s = await setup();
    const other = await setup("Other Clinic");
    const item = await newItem(s);
    expect(await deleteItem(other.ctx.db, other.who, item.id)).toMatchObject({ ok: false, status: 404 });
    seen.length = 0;
    expect((await deleteItem(s.ctx.db, s.who, item.id)).ok).toBe(true);
    expect(eventsOf("inventory.item.deleted")).toMatchObject([{ payload: { id: item.id, after: null, before: { id: item.id } } }]);
    expect(await rootDb().inventoryItem.count({ where: { id: item.id } })).toBe(0);
  });
});

describe("stock adjustments", () => {
  it("adjusts atomically, records old and new quantity and who, never below zero", async () => {
    const s = await setup();
    const item = await newItem(s, { quantity: 3, unit: "box" });
    const res = await rootDb().$transaction((tx) => adjustStock(tx, s.meta, item.id, { delta: 7, reason: "Delivery", source: "form", userId: s.ctx.user.id }));
    expect(res).toMatchObject({ ok: true, oldQuantity: 3, newQuantity: 10, delta: 7 });
    const refused = await rootDb().$transaction((tx) => adjustStock(tx, s.meta, item.id, { delta: -11, reason: null, source: "api" }));
    expect(refused).toEqual({ ok: false, reason: "insufficient", quantity: 10, message: "Only 10 boxes in stock: cannot remove 11. The quantity never goes below zero." });
    expect((await rootDb().inventoryItem.findUniqueOrThrow({ where: { id: item.id } })).quantity).toBe(10);
    expect(await rootDb().inventoryStockAdjustment.count({ where: { itemId: item.id } })).toBe(1);
  });

  it("loses no update when 64 adjustments of one item run at once", async () => {
    const s = await setup();
    const item = await newItem(s, { quantity: 1000 });
    const deltas = Array.from({ length: 64 }, (_, i) => (i % 3 === 0 ? -7 : 5));
    // 64 transactions queue for the pool and the row lock one after another: on a loaded 2-core CI box the
    // last waited longer than Prisma's default 2 s to start (a refusal, not a lost update). The claim here
    // is that none is lost, so each may wait as long as it needs.
    const WAIT = { maxWait: 120_000, timeout: 120_000 };
    await Promise.all(deltas.map((delta) => rootDb().$transaction((tx) => adjustStock(tx, s.meta, item.id, { delta, reason: null, source: "api" }), WAIT)));
    const expected = 1000 + deltas.reduce((a, b) => a + b, 0);
    expect((await rootDb().inventoryItem.findUniqueOrThrow({ where: { id: item.id } })).quantity).toBe(expected);
    const adjustments = await rootDb().inventoryStockAdjustment.findMany({ where: { itemId: item.id }, orderBy: { createdAt: "asc" } });
    expect(adjustments).toHaveLength(64);
    // Every adjustment saw the quantity the previous one left: the history chains without gaps.
    const chain = [...adjustments].sort((a, b) => a.previousQuantity - b.previousQuantity || a.newQuantity - b.newQuantity);
    expect(adjustments.every((a) => a.newQuantity === a.previousQuantity + a.delta)).toBe(true);
    expect(new Set(chain.map((a) => a.previousQuantity)).size).toBeGreaterThan(1);
  });

  it("writes the low-stock e-mail in the organization's language and number format (a clinic in Spain)", async () => {
    const s = await setup("Existencias Clinic");
    await rootDb().organization.update({ where: { id: s.org.org.id }, data: { locale: "es-ES" } });
    const spanish = { ...s, meta: { ...s.meta, organization: { ...s.meta.organization, locale: "es-ES" } } };
    await rootDb().$transaction((tx) => saveSettings(tx, { manifest: inventory, org: spanish.meta.organization, input: { notificationEmail: "stock@clinic.test" }, actorUserId: s.ctx.user.id }));
    const item = await newItem(spanish, { name: "Guantes", quantity: 12000, reorderThreshold: 10000 });
    await rootDb().$transaction((tx) => adjustStock(tx, spanish.meta, item.id, { delta: -4000, reason: null, source: "form" }));
    await runJobsToCompletion();
    const [mail] = await rootDb().mailMessage.findMany({ where: { organizationId: s.org.org.id } });
    expect(mail).toMatchObject({ subject: `Existencias bajas: Guantes (${item.sku}) — Existencias Clinic`, text: expect.stringContaining("le quedan 8000 (umbral 10.000).\n\nRepón pronto.") });
  });

  it("opens one alert when crossing below the threshold, none while staying low, and resolves it when restocked", async () => {
    const s = await setup();
    await rootDb().$transaction((tx) => saveSettings(tx, { manifest: inventory, org: s.ctx.organization, input: { notificationEmail: "stock@clinic.test" }, actorUserId: s.ctx.user.id }));
    const item = await newItem(s, { quantity: 12, reorderThreshold: 10 });
    const adjust = (delta: number) => rootDb().$transaction((tx) => adjustStock(tx, s.meta, item.id, { delta, reason: null, source: "form" }));
    await adjust(-1); // 11: fine
    await adjust(-3); // 8: crosses below
    await adjust(-2); // 6: stays low
    expect(eventsOf("inventory.stock.low_detected")).toHaveLength(1);
    const alerts = await rootDb().inventoryStockAlert.findMany({ where: { itemId: item.id } });
    expect(alerts).toMatchObject([{ status: "open", quantity: 8, threshold: 10 }]);
    await runJobsToCompletion();
    const mails = await rootDb().mailMessage.findMany({ where: { organizationId: s.org.org.id } });
    expect(mails).toMatchObject([{ to: "stock@clinic.test", status: "caught", source: "inventory.low-stock-alert", subject: expect.stringContaining("Low stock: Nitrile gloves") }]);
    await adjust(+10); // 16: restocked
    const after = await rootDb().inventoryStockAlert.findMany({ where: { itemId: item.id } });
    expect(after).toMatchObject([{ status: "resolved", openItemId: null }]);
    expect(eventsOf("inventory.stock.restocked")).toMatchObject([{ payload: { itemId: item.id, oldQuantity: 6, newQuantity: 16, alertId: alerts[0]!.id } }]);
    await adjust(-7); // 9: a new crossing, a new alert
    expect(await rootDb().inventoryStockAlert.count({ where: { itemId: item.id, status: "open" } })).toBe(1);
    expect(await rootDb().inventoryStockAlert.count({ where: { itemId: item.id } })).toBe(2);
  });

  it("sends no low-stock e-mail when alerts are off or no address is set", async () => {
    const s = await setup();
    const item = await newItem(s, { quantity: 12, reorderThreshold: 10 });
    await rootDb().$transaction((tx) => adjustStock(tx, s.meta, item.id, { delta: -5, reason: null, source: "form" }));
    await runJobsToCompletion();
    expect(await rootDb().mailMessage.count({ where: { organizationId: s.org.org.id } })).toBe(0);
  });
});

describe("settings", () => {
  it("accepts only https *.myshopify.com shop URLs", () => {
    expect(shopifyUrlProblem("https://my-shop.myshopify.com")).toBeNull();
    expect(shopifyUrlProblem("http://my-shop.myshopify.com")).toBe("The shop URL must start with https://");
    expect(shopifyUrlProblem("https://my-shop.example.com")).toBe("The shop must be a *.myshopify.com address");
    expect(shopifyUrlProblem("https://my-shop.myshopify.com/admin")).toBe("Give only the shop address, without a path, port or query");
    expect(shopifyUrlProblem("my-shop")).toBe("Enter a full URL, e.g. https://my-shop.myshopify.com");
  });

  it("validates the threshold range and the e-mail, saving nothing on error", async () => {
    const s = await setup();
    const save = (input: Record<string, unknown>) => rootDb().$transaction((tx) => saveSettings(tx, { manifest: inventory, org: s.ctx.organization, input, actorUserId: s.ctx.user.id }));
    expect(await save({ lowStockThreshold: 0 })).toMatchObject({ ok: false, fieldErrors: { lowStockThreshold: expect.any(String) } });
    expect(await save({ lowStockThreshold: 1001 })).toMatchObject({ ok: false });
    expect(await save({ notificationEmail: "not-an-email", lowStockThreshold: 50 })).toMatchObject({ ok: false, fieldErrors: { notificationEmail: expect.any(String) } });
    expect(await readSettings(s.org, "inventory", "lowStockThreshold")).toBe(10);
    expect(await save({ lowStockThreshold: 1000 })).toMatchObject({ ok: true });
  });

  it("migrates 1.0 settings: email_notifications becomes both alert flags and is removed", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "inventory");
    await rootDb().pluginSetting.create({ data: { organizationId: org.org.id, pluginId: "inventory", key: "email_notifications", value: false } });
    const applied = await rootDb().$transaction((tx) => runSettingsMigrations(tx, inventory, org.org, "1.0.0", "2.0.0"));
    expect(applied).toEqual([{ from: "1.0.0", to: "2.0.0" }]);
    expect(await readSettings(org, "inventory", "enableLowStockAlerts")).toBe(false);
    expect(await readSettings(org, "inventory", "enableExpirationAlerts")).toBe(false);
    expect(await rootDb().pluginSetting.count({ where: { organizationId: org.org.id, pluginId: "inventory", key: "email_notifications" } })).toBe(0);
  });
});
