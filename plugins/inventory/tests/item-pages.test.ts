// The item and category pages' server side against the real database: the stock chart's daily closing
// quantities (reconstructed backwards, day boundaries in the organization's time zone), the paginated
// adjustment history and who made each change, the adjust-stock and item-form actions (permissions,
// messages, nothing written on refusal) and the category rules.
import crypto from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/core/auth/context";
import { rootDb } from "@/core/db/client";
import type { EmitMeta } from "@/core/events/emit";
import { createTestOrganization, enablePluginFor, grant, type TestOrganization } from "@/core/testing/plugin-test-kit";
import { zonedLocalToUtc } from "@/core/time/zoned";
import { formatCurrency } from "../components/format-currency";
import { formatQuantity } from "../components/quantity";
import { stockStatus } from "../components/stock-status";
import { summarize } from "../components/stock-chart";
import { adjustmentHistory, parseChartRange, stockSeries } from "../items/history";
import { createItem, DUPLICATE_SKU, UNKNOWN_CATEGORY } from "../items/mutations";
import { itemInput } from "../items/schema";
import { adjustStock } from "../items/stock";
import { categoriesWithCounts, getItemDetail, getOpenAlert } from "../pages/items/item-reads";

// Server actions read the session through getOrgContext: each test chooses who is signed in.
const session = vi.hoisted(() => ({ ctx: null as OrgContext | null }));
vi.mock("@/core/auth/context", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/core/auth/context")>()),
  getOrgContext: async () => session.ctx,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { adjustStockAction, createItemAction, deleteItemAction, updateItemAction } = await import("../pages/items/item-actions");
const { createCategoryAction, deleteCategoryAction, renameCategoryAction } = await import("../pages/items/category-actions");

beforeEach(() => {
  session.ctx = null;
});

type Setup = { org: TestOrganization; ctx: OrgContext; meta: EmitMeta };

async function setup(timezone = "UTC", name = "Stock Clinic"): Promise<Setup> {
  const org = await createTestOrganization(name, timezone);
  await enablePluginFor(org, "inventory");
  const ctx = await org.as("owner");
  return { org, ctx, meta: { organization: ctx.organization, actor: { type: "user", id: ctx.user.id, name: ctx.user.name } } };
}

async function newItem(s: Setup, over: Record<string, unknown> = {}) {
  const data = itemInput.parse({ name: "Nitrile gloves", sku: `GLV-${crypto.randomUUID().slice(0, 8)}`, quantity: 20, reorderThreshold: 10, price: "8.90", ...over });
  const res = await createItem(s.ctx.db, { meta: s.meta, source: "form", userId: s.ctx.user.id }, data);
  if (!res.ok) throw new Error(res.error);
  return res.item;
}

/** Adjusts through the real adjustStock, then moves the adjustment to `at` (the chart is about time). */
async function adjustAt(s: Setup, itemId: string, delta: number, at: Date, extra: { userId?: string | null; apiTokenId?: string | null; source?: "form" | "api" | "import"; reason?: string } = {}) {
  const res = await rootDb().$transaction((tx) =>
    adjustStock(tx, s.meta, itemId, { delta, reason: extra.reason ?? null, source: extra.source ?? "form", userId: extra.userId === undefined ? s.ctx.user.id : extra.userId, apiTokenId: extra.apiTokenId ?? null }),
  );
  if (!res.ok) throw new Error(res.reason);
  await rootDb().inventoryStockAdjustment.update({ where: { id: res.adjustmentId }, data: { createdAt: at } });
  return res;
}

const ny = (local: string) => zonedLocalToUtc(local, "America/New_York")!;

describe("stock chart series", () => {
  it("gives exact daily closing quantities, with day boundaries in the organization's time zone", async () => {
    const s = await setup("America/New_York");
    const item = await newItem(s, { quantity: 50 });
    await rootDb().inventoryItem.update({ where: { id: item.id }, data: { createdAt: ny("2026-03-01T10:00") } });
    await adjustAt(s, item.id, +10, ny("2026-03-04T12:00"));
    // 23:30 in New York is 04:30 UTC the next day: it belongs to March 6 here, not March 7.
    await adjustAt(s, item.id, -4, ny("2026-03-06T23:30"));
    await adjustAt(s, item.id, -6, ny("2026-03-07T00:30"));
    // Just after the spring-forward gap (2:00 -> 3:00 on March 8, 2026).
    await adjustAt(s, item.id, +20, ny("2026-03-08T03:30"));
    await adjustAt(s, item.id, +1, ny("2026-03-10T08:00"));
    // After "now": the current quantity includes it, so the reconstruction must take it out again.
    await adjustAt(s, item.id, -5, ny("2026-03-11T09:00"));
    expect((await rootDb().inventoryItem.findUniqueOrThrow({ where: { id: item.id } })).quantity).toBe(66);

    const series = await stockSeries(s.ctx.organization.id, item.id, { days: 30, timeZone: "America/New_York", now: ny("2026-03-10T12:00") });
    expect(series).toHaveLength(30);
    expect(series![0]!.date).toBe("2026-02-09");
    expect(series!.filter((p) => p.date < "2026-03-01").every((p) => p.quantity === null && p.delta === 0)).toBe(true);
    expect(series!.filter((p) => p.date >= "2026-03-01")).toEqual([
      { date: "2026-03-01", quantity: 50, delta: 0 },
      { date: "2026-03-02", quantity: 50, delta: 0 },
      { date: "2026-03-03", quantity: 50, delta: 0 },
      { date: "2026-03-04", quantity: 60, delta: 10 },
      { date: "2026-03-05", quantity: 60, delta: 0 },
      { date: "2026-03-06", quantity: 56, delta: -4 },
      { date: "2026-03-07", quantity: 50, delta: -6 },
      { date: "2026-03-08", quantity: 70, delta: 20 },
      { date: "2026-03-09", quantity: 70, delta: 0 },
      { date: "2026-03-10", quantity: 71, delta: 1 },
    ]);

    // The same rows in UTC days: the 23:30 withdrawal moves to March 7.
    const utc = await stockSeries(s.ctx.organization.id, item.id, { days: 30, timeZone: "UTC", now: ny("2026-03-10T12:00") });
    expect(utc!.find((p) => p.date === "2026-03-06")).toEqual({ date: "2026-03-06", quantity: 60, delta: 0 });
    expect(utc!.find((p) => p.date === "2026-03-07")).toEqual({ date: "2026-03-07", quantity: 50, delta: -10 });

    const ninety = await stockSeries(s.ctx.organization.id, item.id, { days: 90, timeZone: "America/New_York", now: ny("2026-03-10T12:00") });
    expect(ninety).toHaveLength(90);
    expect(ninety![0]!.date).toBe("2025-12-11");
    expect(ninety!.at(-1)).toEqual({ date: "2026-03-10", quantity: 71, delta: 1 });
  });

  it("ends today at the current quantity, and knows nothing of another organization's item", async () => {
    const s = await setup("Europe/London");
    const item = await newItem(s, { quantity: 7 });
    const series = await stockSeries(s.ctx.organization.id, item.id, { days: 30, timeZone: "Europe/London" });
    expect(series!.at(-1)).toMatchObject({ quantity: 7, delta: 0 });
    const other = await setup("UTC", "Other Clinic");
    expect(await stockSeries(other.ctx.organization.id, item.id, { days: 30, timeZone: "UTC" })).toBeNull();
    expect(await stockSeries(s.ctx.organization.id, "not-a-uuid", { days: 30, timeZone: "UTC" })).toBeNull();
    expect([parseChartRange("90"), parseChartRange("7"), parseChartRange(undefined)]).toEqual([90, 30, 30]);
  });

  it("summarizes the series for screen readers", () => {
    expect(summarize([{ date: "2026-03-01", quantity: null, delta: 0 }, { date: "2026-03-02", quantity: 5, delta: 0 }, { date: "2026-03-03", quantity: 9, delta: 4 }], "box")).toBe(
      "Closing quantity per day from Mar 2, 2026 to Mar 3, 2026: from 5 to 9 boxes; lowest 5 on Mar 2, 2026, highest 9 on Mar 3, 2026.",
    );
    expect(summarize([{ date: "2026-03-01", quantity: 4, delta: 0 }, { date: "2026-03-02", quantity: 4, delta: 0 }], "each")).toBe("No change from Mar 1, 2026 to Mar 2, 2026: 4 each throughout.");
  });
});

describe("adjustment history", () => {
  it("pages newest first without overlap, and names who made each change", async () => {
    const s = await setup();
    const item = await newItem(s, { quantity: 100 });
    const start = Date.parse("2026-06-01T08:00:00Z");
    for (let i = 0; i < 22; i++) await adjustAt(s, item.id, i + 1, new Date(start + i * 3_600_000), { reason: `delivery ${i + 1}` });
    const [token] = await rootDb().$queryRaw<Array<{ id: string }>>`
      INSERT INTO api_tokens (id, "organizationId", "userId", name, "tokenHash", prefix)
      VALUES (gen_random_uuid(), ${s.org.org.id}::uuid, ${s.ctx.user.id}::uuid, 'Warehouse scanner', ${crypto.randomUUID()}, 'rtk_test')
      RETURNING id::text AS id`;
    await adjustAt(s, item.id, -3, new Date(start + 30 * 3_600_000), { userId: s.ctx.user.id, apiTokenId: token!.id, source: "api" });
    await adjustAt(s, item.id, +2, new Date(start + 31 * 3_600_000), { userId: null, source: "import" });

    const org = s.ctx.organization.id;
    const p1 = await adjustmentHistory(org, item.id, { page: 1, pageSize: 10 });
    const p2 = await adjustmentHistory(org, item.id, { page: 2, pageSize: 10 });
    const p3 = await adjustmentHistory(org, item.id, { page: 3, pageSize: 10 });
    expect([p1.total, p1.rows.length, p2.rows.length, p3.rows.length]).toEqual([24, 10, 10, 4]);
    const all = [...p1.rows, ...p2.rows, ...p3.rows];
    expect(new Set(all.map((r) => r.id)).size).toBe(24);
    const times = all.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(p1.rows.slice(0, 3)).toMatchObject([
      { who: "Initial import", whoKind: "source", delta: 2, source: "import" },
      { who: "API token Warehouse scanner", whoKind: "api_token", delta: -3, source: "api" },
      { who: s.ctx.user.name, whoKind: "user", delta: 22, reason: "delivery 22", previousQuantity: 100 + (21 * 22) / 2, newQuantity: 100 + (22 * 23) / 2 },
    ]);
    expect(p3.rows.at(-1)).toMatchObject({ delta: 1, previousQuantity: 100, newQuantity: 101, reason: "delivery 1" });
    // A page past the end shows the last one.
    expect(await adjustmentHistory(org, item.id, { page: 99, pageSize: 10 })).toMatchObject({ page: 3, rows: p3.rows });
    // Another organization sees nothing of it.
    const other = await setup("UTC", "Other Clinic");
    expect(await adjustmentHistory(other.ctx.organization.id, item.id, { page: 1, pageSize: 10 })).toMatchObject({ total: 0, rows: [] });
  });
});

describe("item page reads", () => {
  it("reads the organization's item with its open alert; another organization's id is nothing (the page's 404)", async () => {
    const s = await setup();
    const item = await newItem(s, { quantity: 12, reorderThreshold: 10, expiresOn: "2027-02-28" });
    expect(await getItemDetail(s.ctx.db, item.id)).toMatchObject({ id: item.id, price: "8.90", expiresOn: "2027-02-28", categoryName: null, quantity: 12 });
    expect(await getOpenAlert(s.ctx.db, item.id)).toBeNull();
    await adjustAt(s, item.id, -5, new Date());
    expect(await getOpenAlert(s.ctx.db, item.id)).toMatchObject({ quantity: 7, threshold: 10 });
    const other = await setup("UTC", "Other Clinic");
    expect(await getItemDetail(other.ctx.db, item.id)).toBeNull();
    expect(await getOpenAlert(other.ctx.db, item.id)).toBeNull();
    expect(await getItemDetail(s.ctx.db, "new")).toBeNull();
  });
});

describe("adjust-stock action", () => {
  it("needs inventory.adjust_stock: refused for a viewer, allowed once granted the clerk group", async () => {
    const s = await setup();
    const item = await newItem(s, { quantity: 5 });
    session.ctx = await s.org.as("viewer");
    const denied = await adjustStockAction(item.id, { amount: 3 });
    expect(denied).toEqual({ ok: false, error: `You need the "Adjust stock" permission to do this. Ask an owner or admin of your organization.` });
    expect(await rootDb().inventoryStockAdjustment.count({ where: { itemId: item.id } })).toBe(0);

    await grant(s.org, "viewer", { groups: ["inventory.clerk"] });
    const viewer = await s.org.as("viewer");
    session.ctx = viewer;
    const res = await adjustStockAction(item.id, { amount: 3, reason: "  Delivery  " });
    expect(res).toEqual({ ok: true, data: { oldQuantity: 5, newQuantity: 8 }, message: "Added 3: 5 → 8." });
    expect(await rootDb().inventoryStockAdjustment.findMany({ where: { itemId: item.id } })).toMatchObject([
      { delta: 3, previousQuantity: 5, newQuantity: 8, reason: "Delivery", source: "form", userId: viewer.user.id, apiTokenId: null },
    ]);
    // The clerk may adjust stock, but not edit the item.
    expect(await updateItemAction(item.id, { name: "Renamed" })).toMatchObject({ ok: false, error: expect.stringContaining(`"Create and edit items and categories" permission`) });
  });

  it("explains a refused adjustment on the amount field and changes nothing", async () => {
    const s = await setup();
    const item = await newItem(s, { quantity: 4, unit: "box" });
    session.ctx = s.ctx;
    expect(await adjustStockAction(item.id, { amount: -5 })).toEqual({
      ok: false,
      error: "Only 4 boxes in stock: cannot remove 5. The quantity never goes below zero.",
      fieldErrors: { amount: "Only 4 boxes in stock: cannot remove 5. The quantity never goes below zero." },
    });
    expect(await adjustStockAction(item.id, { amount: 0 })).toMatchObject({ ok: false, fieldErrors: { amount: "Enter a change other than zero" } });
    expect(await adjustStockAction(item.id, { amount: 1.5 })).toMatchObject({ ok: false, fieldErrors: { amount: "Enter a whole number: 10 adds ten, -3 removes three" } });
    expect(await adjustStockAction(item.id, { amount: 2_000_000_000 })).toMatchObject({ ok: false, fieldErrors: { amount: "At most 1,000,000,000 at a time" } });
    expect(await adjustStockAction(item.id, { amount: 1, reason: "x".repeat(501) })).toMatchObject({ ok: false, fieldErrors: { reason: "At most 500 characters" } });
    expect(await adjustStockAction(crypto.randomUUID(), { amount: 1 })).toEqual({ ok: false, error: "This item no longer exists." });
    const other = await setup("UTC", "Other Clinic");
    session.ctx = other.ctx;
    expect(await adjustStockAction(item.id, { amount: 1 })).toEqual({ ok: false, error: "This item no longer exists." });
    expect((await rootDb().inventoryItem.findUniqueOrThrow({ where: { id: item.id } })).quantity).toBe(4);
    expect(await rootDb().inventoryStockAdjustment.count({ where: { itemId: item.id } })).toBe(0);
  });

  it("is refused once the plugin is disabled for the organization", async () => {
    const s = await setup();
    const item = await newItem(s);
    await rootDb().pluginInstallation.update({ where: { organizationId_pluginId: { organizationId: s.org.org.id, pluginId: "inventory" } }, data: { enabled: false } });
    session.ctx = await s.org.as("owner");
    expect(await adjustStockAction(item.id, { amount: 1 })).toMatchObject({ ok: false });
    expect(await rootDb().inventoryStockAdjustment.count({ where: { itemId: item.id } })).toBe(0);
  });
});

describe("item form actions", () => {
  const form = (over: Record<string, unknown> = {}) => ({
    name: "Syringes 5 ml",
    sku: `SYR-${crypto.randomUUID().slice(0, 8)}`,
    categoryId: "",
    quantity: "40",
    unit: "box",
    price: "12.50",
    reorderThreshold: "10",
    inStock: true,
    expiresOn: "",
    shopifyInventoryItemId: "",
    shopifyLocationId: "",
    ...over,
  });

  it("creates from the form's text values, and reports a duplicate SKU and a foreign category on their fields", async () => {
    const s = await setup();
    session.ctx = s.ctx;
    const [category] = await categoriesWithCounts(s.org.org.id);
    const created = await createItemAction(form({ sku: "SYR-DUP", categoryId: category!.id, expiresOn: "2027-01-31" }));
    expect(created).toMatchObject({ ok: true, message: "Item “Syringes 5 ml” created." });
    const row = await rootDb().inventoryItem.findUniqueOrThrow({ where: { id: created.ok ? created.data.id : "" } });
    expect(row).toMatchObject({ sku: "SYR-DUP", quantity: 40, categoryId: category!.id, organizationId: s.org.org.id });
    expect(row.price.toFixed(2)).toBe("12.50");
    expect(row.expiresOn?.toISOString().slice(0, 10)).toBe("2027-01-31");

    expect(await createItemAction(form({ sku: "SYR-DUP" }))).toMatchObject({ ok: false, fieldErrors: { sku: DUPLICATE_SKU } });
    const other = await setup("UTC", "Other Clinic");
    const [foreign] = await categoriesWithCounts(other.org.org.id);
    expect(await createItemAction(form({ categoryId: foreign!.id }))).toMatchObject({ ok: false, fieldErrors: { categoryId: UNKNOWN_CATEGORY } });
    expect(await createItemAction(form({ quantity: "", price: "12.505", reorderThreshold: "1.5", expiresOn: "31/01/2027" }))).toMatchObject({
      ok: false,
      fieldErrors: {
        quantity: "Enter a whole number",
        price: "Enter a price such as 12.50 (at most two decimals, not negative)",
        reorderThreshold: "Whole numbers only (digits, no decimal point or separator)",
        expiresOn: "Use YYYY-MM-DD",
      },
    });
    expect(await rootDb().inventoryItem.count({ where: { organizationId: s.org.org.id } })).toBe(1);
  });

  it("lets staff edit an item's details but not delete it; an admin deletes it", async () => {
    const s = await setup();
    const item = await newItem(s, { quantity: 20 });
    session.ctx = await s.org.as("staff");
    const { quantity: _, ...details } = form({ sku: item.sku, price: "9" });
    expect(await updateItemAction(item.id, details)).toMatchObject({ ok: true });
    const row = await rootDb().inventoryItem.findUniqueOrThrow({ where: { id: item.id } });
    expect([row.quantity, row.price.toFixed(2), row.name]).toEqual([20, "9.00", "Syringes 5 ml"]);
    expect(await deleteItemAction(item.id)).toEqual({ ok: false, error: `You need the "Delete items and categories" permission to do this. Ask an owner or admin of your organization.` });
    expect(await rootDb().inventoryItem.count({ where: { id: item.id } })).toBe(1);

    // An edit sends only what was changed: a stock adjustment made meanwhile is not undone by it.
    await adjustAt(s, item.id, +30, new Date());
    expect(await updateItemAction(item.id, { unit: "pack" })).toMatchObject({ ok: true });
    const edited = await rootDb().inventoryItem.findUniqueOrThrow({ where: { id: item.id } });
    // Only the unit changed: price, stock flag and quantity are what they were.
    expect(edited).toMatchObject({ quantity: 50, unit: "pack", name: "Syringes 5 ml", inStock: true });
    expect(edited.price.toFixed(2)).toBe("9.00");
    expect(await updateItemAction(item.id, { price: "-1" })).toMatchObject({ ok: false, fieldErrors: { price: expect.stringContaining("not negative") } });

    session.ctx = await s.org.as("admin");
    expect(await deleteItemAction(item.id)).toMatchObject({ ok: true, message: "Item “Syringes 5 ml” deleted." });
    expect(await deleteItemAction(item.id)).toEqual({ ok: false, error: "This item no longer exists." });
  });
});

describe("the quantity in the edit form", () => {
  it("is not editable: an edit that sends one is refused for everyone (owners too) and nothing is saved; Adjust stock changes it, with a reason", async () => {
    const s = await setup();
    const item = await newItem(s, { quantity: 20 });
    for (const role of ["owner", "staff"] as const) {
      session.ctx = await s.org.as(role);
      expect(await updateItemAction(item.id, { quantity: "0", name: "Gloves, renamed" })).toEqual({
        ok: false,
        error: "The quantity changes only through Adjust stock, which records why.",
        fieldErrors: { quantity: "The quantity changes only through Adjust stock, which records why." },
      });
    }
    // Neither field was written: the refusal is of the whole edit.
    expect(await rootDb().inventoryItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ quantity: 20, name: "Nitrile gloves" });
    expect(await adjustStockAction(item.id, { amount: -20, reason: "Expired" })).toMatchObject({ ok: true, data: { oldQuantity: 20, newQuantity: 0 } });
    expect((await adjustmentHistory(s.org.org.id, item.id, { page: 1, pageSize: 10 })).rows).toMatchObject([{ delta: -20, reason: "Expired" }]);
  });
});

describe("categories", () => {
  it("creates categories named in any script: a stable short id stands in where no Latin spelling exists", async () => {
    const s = await setup();
    session.ctx = s.ctx;
    // Names in other scripts get a slug too: a stable short id where no Latin spelling exists.
    for (const name of ["医疗用品", "Медикаменты", "لوازم طبية", "אספקה רפואית", "Vitamins 维生素"]) {
      const res = await createCategoryAction({ name });
      expect(res, name).toMatchObject({ ok: true });
      const row = await rootDb().inventoryCategory.findUniqueOrThrow({ where: { id: res.ok ? res.data.id : "" } });
      expect(row.name).toBe(name);
      expect(row.slug).toMatch(name.startsWith("Vitamins") ? /^vitamins-[0-9a-f]{8}$/ : /^c-[0-9a-f]{8}$/);
    }
  });

  it("creates with a slug unique per organization, renames, and lists item counts", async () => {
    const s = await setup();
    session.ctx = s.ctx;
    const created = await createCategoryAction({ name: "  Dental Supplies " });
    expect(created).toMatchObject({ ok: true, message: "Category “Dental Supplies” created." });
    const id = created.ok ? created.data.id : "";
    expect(await rootDb().inventoryCategory.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Dental Supplies", slug: "dental-supplies", organizationId: s.org.org.id });
    const dupMessage = "Another category already has the slug “dental-supplies”: choose a name that differs in more than case or punctuation.";
    expect(await createCategoryAction({ name: "dental supplies!" })).toMatchObject({ ok: false, fieldErrors: { name: dupMessage } });
    expect(await createCategoryAction({ name: "!!!" })).toMatchObject({ ok: false, fieldErrors: { name: "Use at least one letter or digit" } });
    expect(await createCategoryAction({ name: " " })).toMatchObject({ ok: false, fieldErrors: { name: "Enter a name" } });
    // Another organization may use the same name.
    const other = await setup("UTC", "Other Clinic");
    session.ctx = other.ctx;
    expect(await createCategoryAction({ name: "Dental Supplies" })).toMatchObject({ ok: true });
    expect(await renameCategoryAction(id, { name: "Stolen" })).toEqual({ ok: false, error: "This category no longer exists." });

    session.ctx = s.ctx;
    expect(await renameCategoryAction(id, { name: "Medications" })).toMatchObject({ ok: false, fieldErrors: { name: expect.stringContaining("“medications”") } });
    expect(await renameCategoryAction(id, { name: "Dental & Oral Care" })).toMatchObject({ ok: true, message: "Category renamed to “Dental & Oral Care”." });
    expect(await rootDb().inventoryCategory.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Dental & Oral Care", slug: "dental-oral-care" });

    await newItem(s, { categoryId: id });
    await newItem(s, { categoryId: id });
    const listed = await categoriesWithCounts(s.org.org.id);
    expect(listed.map((c) => [c.name, c.items])).toEqual([
      ["Dental & Oral Care", 2],
      ["Equipment", 0],
      ["Medical Supplies", 0],
      ["Medications", 0],
      ["Office Supplies", 0],
    ]);
  });

  it("refuses to delete a category items still use, and deletes an unused one", async () => {
    const s = await setup();
    session.ctx = s.ctx;
    const [used, unused] = await categoriesWithCounts(s.org.org.id);
    for (let i = 0; i < 3; i++) await newItem(s, { categoryId: used!.id });
    expect(await deleteCategoryAction(used!.id)).toEqual({ ok: false, error: "3 items still use this category. Move them to another category first." });
    expect(await rootDb().inventoryCategory.count({ where: { id: used!.id } })).toBe(1);
    session.ctx = await s.org.as("viewer");
    expect(await deleteCategoryAction(unused!.id)).toMatchObject({ ok: false, error: expect.stringContaining("permission") });
    session.ctx = s.ctx;
    expect(await deleteCategoryAction(unused!.id)).toMatchObject({ ok: true, message: `Category “${unused!.name}” deleted.` });
    expect(await rootDb().inventoryCategory.count({ where: { id: unused!.id } })).toBe(0);
    expect(await deleteCategoryAction(unused!.id)).toEqual({ ok: false, error: "This category no longer exists." });
  });
});

describe("components", () => {
  it("says marked out of stock (whatever the quantity), out of stock, low (n) or in stock (n): one status", () => {
    expect([stockStatus(0, 10), stockStatus(3, 10), stockStatus(10, 10), stockStatus(-1, 0)].map((s) => s.label)).toEqual(["Out of stock", "Low (3)", "In stock (10)", "Out of stock"]);
    expect([stockStatus(50, 10, false), stockStatus(0, 10, false), stockStatus(50, 10, true)].map((s) => s.label)).toEqual(["Marked out of stock", "Marked out of stock", "In stock (50)"]);
  });

  it("makes the unit agree with the quantity, and leaves abbreviations and phrases as typed", () => {
    expect([formatQuantity(1, "bottle"), formatQuantity(24, "bottle"), formatQuantity(0, "pack"), formatQuantity(1200, "box")]).toEqual(["1 bottle", "24 bottles", "0 packs", "1,200 boxes"]);
    expect([formatQuantity(1, "boxes"), formatQuantity(-1, "box", { sign: true }), formatQuantity(5, "box", { sign: true })]).toEqual(["1 box", "-1 box", "+5 boxes"]);
    expect(["each", "ml", "mg", "pcs", "IU", "box of 100", "10ml"].map((u) => formatQuantity(3, u))).toEqual(["3 each", "3 ml", "3 mg", "3 pcs", "3 IU", "3 box of 100", "3 10ml"]);
  });

  it("formats amounts exactly in the organization's currency", () => {
    expect(formatCurrency("1234.5", "USD")).toBe("$1,234.50");
    expect(formatCurrency("8.90", "GBP")).toBe("£8.90");
    expect(formatCurrency("9999999999.99", "EUR")).toBe("€9,999,999,999.99");
    expect(formatCurrency(12, "usd")).toBe("$12.00");
    expect(formatCurrency("abc", "USD")).toBe("—");
    expect(formatCurrency("5.00", "XX1")).toBe("5.00 XX1");
  });
});
