// Inventory reports, CSV downloads, dashboard widgets and the menu badge against the real database:
// exact figures for a crafted dataset in an organization in New York (days are New York days, also
// across daylight-saving time), with a second organization whose rows must never show up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/core/api-tokens/tokens";
import type { OrgContext } from "@/core/auth/context";
import { rootDb } from "@/core/db/client";
import { hasPermission } from "@/core/plugins/permissions";
import { createTestOrganization, enablePluginFor, grant, type TestOrganization } from "@/core/testing/plugin-test-kit";
import { startApiServer, type ApiServer } from "@/tests/api/http-server";
import { reportRoutes } from "../api/reports";
import { lowStockBadge } from "../menu-badges";
import { adjustmentsOverTime } from "../reports/adjustments-over-time";
import { allItemsBelowThreshold, itemsBelowThreshold } from "../reports/below-threshold";
import { CSV_BOM, csvCell, csvNumber, toCsv } from "../reports/csv";
import { lowStockTrend } from "../reports/low-stock-trend";
import { minusYears, parseReportRange, type ReportRange } from "../reports/range";
import { stockValueByCategory } from "../reports/stock-value";
import { topMovers } from "../reports/top-movers";
import { adjustedBy, lowStockCount, recentAdjustments, stockValueTotal } from "../widgets/queries";

const NY = "America/New_York";
const FORMULA_NAME = "=cmd|' /C calc'!A0";

type Fixture = { org: TestOrganization; ctx: OrgContext; items: Record<string, string>; other: OrgContext; otherItem: string };
let f: Fixture;

async function categoryId(organizationId: string, slug: string) {
  return (await rootDb().inventoryCategory.findFirstOrThrow({ where: { organizationId, slug } })).id;
}

async function item(organizationId: string, data: { name: string; categoryId: string | null; quantity: number; price: string; reorderThreshold: number }) {
  const sku = `R-${crypto.randomUUID().slice(0, 8)}`;
  return (await rootDb().inventoryItem.create({ data: { organizationId, sku, unit: "box", ...data } })).id;
}

async function adjust(organizationId: string, itemId: string, delta: number, at: string, who: { userId?: string; apiTokenId?: string; source?: string } = {}) {
  await rootDb().inventoryStockAdjustment.create({
    data: { organizationId, itemId, delta, previousQuantity: 0, newQuantity: Math.max(0, delta), source: who.source ?? "form", userId: who.userId, apiTokenId: who.apiTokenId, createdAt: new Date(at) },
  });
}

beforeAll(async () => {
  const org = await createTestOrganization("Reports Clinic", NY);
  await enablePluginFor(org, "inventory"); // the four default categories
  await rootDb().organization.update({ where: { id: org.org.id }, data: { currency: "EUR" } });
  const ctx = await org.as("admin");
  const o = org.org.id;
  const medical = await categoryId(o, "medical-supplies");
  const meds = await categoryId(o, "medications");
  const items = {
    gloves: await item(o, { name: "Gloves", categoryId: medical, quantity: 40, price: "8.90", reorderThreshold: 20 }), // 356.00
    gauze: await item(o, { name: "Gauze", categoryId: medical, quantity: 5, price: "3.40", reorderThreshold: 50 }), // 17.00, short 45
    para: await item(o, { name: "Paracetamol", categoryId: meds, quantity: 0, price: "1.20", reorderThreshold: 30 }), // 0.00, short 30
    loose: await item(o, { name: "Loose item", categoryId: null, quantity: 3, price: "2.50", reorderThreshold: 2 }), // 7.50
    formula: await item(o, { name: FORMULA_NAME, categoryId: null, quantity: 1, price: "1000.00", reorderThreshold: 5 }), // 1000.00, short 4
  };
  const token = await rootDb().apiToken.create({ data: { organizationId: o, userId: ctx.user.id, name: "Scanner", tokenHash: crypto.randomUUID(), prefix: "rtk_test" } });
  // New York is UTC-5 in January: local midnight of 10 January is 05:00 UTC.
  await adjust(o, items.gloves, +10, "2026-01-10T05:00:00.000Z"); // Jan 10, 00:00 — first instant of the range
  await adjust(o, items.gloves, -3, "2026-01-10T04:59:59.999Z"); // Jan 9, 23:59:59.999 — just before it
  await adjust(o, items.gauze, -7, "2026-01-11T04:30:00.000Z"); // Jan 10, 23:30 (already Jan 11 in UTC)
  await adjust(o, items.loose, -1, "2026-01-11T15:00:00.000Z"); // Jan 11
  await adjust(o, items.gauze, +20, "2026-01-12T12:00:00.000Z"); // Jan 12
  await adjust(o, items.para, -5, "2026-01-12T23:00:00.000Z"); // Jan 12, 18:00
  await adjust(o, items.gloves, +100, "2026-01-13T04:59:59.999Z"); // Jan 12, 23:59:59.999 — last instant
  await adjust(o, items.gloves, -50, "2026-01-13T05:00:00.000Z", { source: "import" }); // Jan 13 — just after it
  // Daylight saving starts on 8 March 2026 (02:00 -> 03:00): from then on New York is UTC-4.
  await adjust(o, items.loose, +4, "2026-03-08T04:30:00.000Z", { apiTokenId: token.id, source: "api" }); // Mar 7, 23:30 EST
  await adjust(o, items.loose, +2, "2026-03-09T04:30:00.000Z", { userId: ctx.user.id }); // Mar 9, 00:30 EDT (a fixed -5 h would say Mar 8)

  const otherOrg = await createTestOrganization("Elsewhere Clinic", "UTC");
  await enablePluginFor(otherOrg, "inventory");
  const other = await otherOrg.as("admin");
  const otherItem = await item(otherOrg.org.id, { name: "Gloves", categoryId: await categoryId(otherOrg.org.id, "medical-supplies"), quantity: 1, price: "5000.00", reorderThreshold: 99 });
  await adjust(otherOrg.org.id, otherItem, +999, "2026-01-11T12:00:00.000Z");
  await adjust(otherOrg.org.id, otherItem, -999, "2026-03-09T12:00:00.000Z");
  f = { org, ctx, items, other, otherItem };
});

const jan: ReportRange = { from: "2026-01-10", to: "2026-01-12", days: 3 };
const org = () => f.ctx.organization;

describe("stock value by category", () => {
  it("sums quantity × price per category, with empty categories, No category and the exact total", async () => {
    const r = await stockValueByCategory(org().id);
    expect(r.rows.map((c) => [c.category, c.items, c.units, c.value])).toEqual([
      ["No category", 2, 4, "1007.50"],
      ["Medical Supplies", 2, 45, "373.00"],
      ["Equipment", 0, 0, "0.00"],
      ["Medications", 1, 0, "0.00"],
      ["Office Supplies", 0, 0, "0.00"],
    ]);
    expect(r.total).toEqual({ items: 5, units: 49, value: "1380.50" });
    expect(r.rows.find((c) => c.category === "No category")?.categoryId).toBeNull();
  });

  it("shows the other organization only its own stock", async () => {
    const r = await stockValueByCategory(f.other.organization.id);
    expect(r.total).toEqual({ items: 1, units: 1, value: "5000.00" });
    expect(r.rows.map((c) => c.category)).not.toContain("No category");
  });
});

describe("items below threshold", () => {
  it("counts every low item and lists the largest shortfalls first, each once", async () => {
    const r = await itemsBelowThreshold(org().id);
    expect(r.count).toBe(3);
    expect(r.top.map((i) => [i.name, i.quantity, i.threshold, i.shortfall, i.category])).toEqual([
      ["Gauze", 5, 50, 45, "Medical Supplies"],
      ["Paracetamol", 0, 30, 30, "Medications"],
      [FORMULA_NAME, 1, 5, 4, null],
    ]);
    const top1 = await itemsBelowThreshold(org().id, 1);
    expect(top1).toMatchObject({ count: 3, top: [{ id: f.items.gauze }] });
  });

  it("streams the whole list by name in keyset pages that neither overlap nor skip", async () => {
    const pages: string[][] = [];
    for await (const page of allItemsBelowThreshold(org().id, 2)) pages.push(page.map((r) => r.name));
    expect(pages).toEqual([[FORMULA_NAME, "Gauze"], ["Paracetamol"]]);
  });
});

describe("adjustments over time", () => {
  it("buckets by New York day: boundaries at local midnight, every day present, other organization absent", async () => {
    const r = await adjustmentsOverTime(org(), jan);
    expect(r.days).toEqual([
      { day: "2026-01-10", net: 3, added: 10, removed: 7, count: 2 },
      { day: "2026-01-11", net: -1, added: 0, removed: 1, count: 1 },
      { day: "2026-01-12", net: 115, added: 120, removed: 5, count: 3 },
    ]);
    expect(r.total).toEqual({ net: 117, added: 130, removed: 13, count: 6 });
  });

  it("follows daylight-saving time: the 23-hour day of 8 March and 00:30 EDT on 9 March", async () => {
    const r = await adjustmentsOverTime(org(), { from: "2026-03-07", to: "2026-03-09", days: 3 });
    expect(r.days.map((d) => [d.day, d.net, d.count])).toEqual([
      ["2026-03-07", 4, 1],
      ["2026-03-08", 0, 0],
      ["2026-03-09", 2, 1],
    ]);
  });

  it("gives zero days for a range without adjustments", async () => {
    const r = await adjustmentsOverTime(org(), { from: "2025-06-01", to: "2025-06-02", days: 2 });
    expect(r.days).toEqual([
      { day: "2025-06-01", net: 0, added: 0, removed: 0, count: 0 },
      { day: "2025-06-02", net: 0, added: 0, removed: 0, count: 0 },
    ]);
  });
});

describe("low-stock trend", () => {
  async function alert(organizationId: string, itemId: string, openedAt: string, resolvedAt: string | null) {
    await rootDb().inventoryStockAlert.create({
      data: { organizationId, itemId, openItemId: resolvedAt ? null : itemId, quantity: 1, threshold: 10, status: resolvedAt ? "resolved" : "open", openedAt: new Date(openedAt), resolvedAt: resolvedAt ? new Date(resolvedAt) : null },
    });
  }

  it("counts the items low at the end of each New York day, with those that fell below and were restocked that day", async () => {
    const o = f.org.org.id;
    // Low since before the range and restocked on its second day; low from 23:30 on the first day
    // (already the next day in UTC) and still low; low and restocked within the third day.
    await alert(o, f.items.gauze!, "2026-02-01T12:00:00.000Z", "2026-02-11T15:00:00.000Z");
    await alert(o, f.items.para!, "2026-02-11T04:30:00.000Z", null);
    await alert(o, f.items.loose!, "2026-02-12T14:00:00.000Z", "2026-02-12T20:00:00.000Z");
    // Another organization's alerts never count.
    await alert(f.other.organization.id, f.otherItem, "2026-02-10T12:00:00.000Z", null);

    const r = await lowStockTrend(org(), { from: "2026-02-10", to: "2026-02-13", days: 4 });
    expect(r.days).toEqual([
      { day: "2026-02-10", low: 2, fell: 1, restocked: 0 },
      { day: "2026-02-11", low: 1, fell: 0, restocked: 1 },
      { day: "2026-02-12", low: 1, fell: 1, restocked: 1 },
      { day: "2026-02-13", low: 1, fell: 0, restocked: 0 },
    ]);
    expect(r.total).toEqual({ fell: 2, restocked: 2 });
    // A range that starts after all of it carries the item still low.
    expect((await lowStockTrend(org(), { from: "2026-02-20", to: "2026-02-20", days: 1 })).days).toEqual([{ day: "2026-02-20", low: 1, fell: 0, restocked: 0 }]);
  });
});

describe("top movers", () => {
  it("ranks by units added plus removed in the range, with net change and the quantity now", async () => {
    const r = await topMovers(org(), jan);
    expect(r.map((m) => [m.name, m.moved, m.net, m.adjustments, m.quantity])).toEqual([
      ["Gloves", 110, 110, 2, 40],
      ["Gauze", 27, 13, 2, 5],
      ["Paracetamol", 5, -5, 1, 0],
      ["Loose item", 1, -1, 1, 3],
    ]);
    expect((await topMovers(org(), jan, 2)).map((m) => m.name)).toEqual(["Gloves", "Gauze"]);
    expect(await topMovers(f.other.organization, { from: "2026-01-10", to: "2026-01-12", days: 3 })).toMatchObject([{ id: f.otherItem, moved: 999 }]);
  });
});

describe("report range", () => {
  // 03:00 UTC on 15 January is still 14 January in New York.
  const now = new Date("2026-01-15T03:00:00.000Z");
  const parse = (from?: string | string[], to?: string) => parseReportRange({ from, to }, NY, now);

  it("defaults to the last 30 days up to today in the organization's time zone", () => {
    expect(parse()).toEqual({ ok: true, range: { from: "2025-12-16", to: "2026-01-14", days: 30 } });
    expect(parse("", "")).toEqual(parse());
    expect(parse(undefined, "2026-01-10")).toEqual({ ok: true, range: { from: "2025-12-12", to: "2026-01-10", days: 30 } });
    expect(parse(["2026-01-01", "2026-01-05"], "2026-01-02")).toEqual({ ok: true, range: { from: "2026-01-01", to: "2026-01-02", days: 2 } });
  });

  it("refuses malformed and impossible dates, a start after the end and an end after today", () => {
    expect(parse("2026/01/01", "tomorrow")).toEqual({
      ok: false,
      errors: { from: "Enter the start date as YYYY-MM-DD", to: "Enter the end date as YYYY-MM-DD" },
      input: { from: "2026/01/01", to: "tomorrow" },
    });
    expect(parse("2026-02-30", "2026-01-14")).toMatchObject({ ok: false, errors: { from: "2026-02-30 is not a date in the calendar" } });
    expect(parse("2026-01-12", "2026-01-10")).toMatchObject({ ok: false, errors: { from: "The start date must be on or before the end date (2026-01-10)" } });
    expect(parse("2026-01-01", "2026-01-15")).toMatchObject({ ok: false, errors: { to: "The end date cannot be after today (2026-01-14)" } });
    expect(parse("2026-01-14", "2026-01-14")).toEqual({ ok: true, range: { from: "2026-01-14", to: "2026-01-14", days: 1 } });
  });

  it("allows at most two years", () => {
    expect(parse("2024-01-14", "2026-01-14")).toEqual({ ok: true, range: { from: "2024-01-14", to: "2026-01-14", days: 732 } });
    expect(parse("2024-01-13", "2026-01-14")).toMatchObject({
      ok: false,
      errors: { from: "The range can be at most 2 years: with an end date of 2026-01-14, start on 2024-01-14 or later" },
    });
    expect(minusYears("2028-02-29", 2)).toBe("2026-02-28");
  });
});

describe("CSV", () => {
  it("defuses formula starts in text cells, keeps numbers as numbers, and quotes per RFC 4180", () => {
    expect(csvCell("=1+2")).toBe("'=1+2");
    expect(csvCell("+31 20 555")).toBe("'+31 20 555");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
    expect(csvCell('=HYPERLINK("http://x.test","y")')).toBe(`"'=HYPERLINK(""http://x.test"",""y"")"`);
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell("Chloé")).toBe("Chloé");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(csvNumber("-12.50"))).toBe("-12.50");
    expect(csvCell(null)).toBe("");
    expect(() => csvNumber("=1")).toThrow(/Not a decimal/);
    expect(toCsv(["a", "b"], [[1, "x,y"]])).toBe(`${CSV_BOM}a,b\r\n1,"x,y"\r\n`);
  });
});

describe("CSV download route", () => {
  const route = reportRoutes[0]!;
  const get = (file: string, query = "", ctx = f.ctx) =>
    route.handler({ ctx, params: { file }, request: new Request(`http://app.test/api/v1/inventory/reports/${file}${query}`), actor: { type: "user", id: ctx.user.id, name: ctx.user.name }, can: (p) => hasPermission(ctx, p) });
  const lines = async (res: Response) => {
    // res.text() would drop the byte-order mark (UTF-8 decode strips it): read the bytes themselves.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith(CSV_BOM)).toBe(true);
    return text.slice(1).split("\r\n");
  };

  it("needs inventory.view_reports", () => {
    expect(route).toMatchObject({ method: "GET", path: "reports/:file", permission: "inventory.view_reports" });
  });

  it("sends stock value as a text/csv attachment with plain numbers and the currency in the header", async () => {
    const res = await get("stock-value.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="inventory-stock-value-${org().slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await lines(res)).toEqual([
      "Category,Items,Units in stock,Stock value (EUR)",
      "No category,2,4,1007.50",
      "Medical Supplies,2,45,373.00",
      "Equipment,0,0,0.00",
      "Medications,1,0,0.00",
      "Office Supplies,0,0,0.00",
      "Total,5,49,1380.50",
      "",
    ]);
  });

  it("streams every item below threshold with the formula-like name defused", async () => {
    expect(await lines(await get("below-threshold.csv"))).toEqual([
      "Item,SKU,Category,Quantity,Reorder threshold,Shortfall,Unit",
      expect.stringMatching(/^'=cmd\|' \/C calc'!A0,R-[0-9a-f]{8},,1,5,4,box$/),
      expect.stringMatching(/^Gauze,R-[0-9a-f]{8},Medical Supplies,5,50,45,box$/),
      expect.stringMatching(/^Paracetamol,R-[0-9a-f]{8},Medications,0,30,30,box$/),
      "",
    ]);
  });

  it("sends the range's days and top movers, named after the range", async () => {
    const res = await get("adjustments.csv", "?from=2026-01-10&to=2026-01-12");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="inventory-adjustments-${org().slug}-2026-01-10-to-2026-01-12.csv"`);
    expect(await lines(res)).toEqual(["Date,Net change,Units added,Units removed,Adjustments", "2026-01-10,3,10,7,2", "2026-01-11,-1,0,1,1", "2026-01-12,115,120,5,3", ""]);
    const movers = await lines(await get("top-movers.csv", "?from=2026-01-10&to=2026-01-12"));
    expect(movers[0]).toBe("Rank,Item,SKU,Units moved,Net change,Adjustments,Quantity now,Unit");
    expect(movers.slice(1, -1).map((l) => l.split(",").filter((_, i) => i !== 2))).toEqual([
      ["1", "Gloves", "110", "110", "2", "40", "box"],
      ["2", "Gauze", "27", "13", "2", "5", "box"],
      ["3", "Paracetamol", "5", "-5", "1", "0", "box"],
      ["4", "Loose item", "1", "-1", "1", "3", "box"],
    ]);
  });

  it("answers 400 with the field messages for a bad range and 404 for an unknown report", async () => {
    const bad = await get("adjustments.csv", "?from=2026-01-12&to=2026-01-10");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "validation_failed", fields: { from: "The start date must be on or before the end date (2026-01-10)" } } });
    const unknown = await get("patients.csv");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toContain("stock-value.csv");
    expect((await get("stock-value")).status).toBe(404);
  });

  it("gives the other organization its own figures only", async () => {
    const rows = await lines(await get("stock-value.csv", "", f.other));
    expect(rows.at(-2)).toBe("Total,1,1,5000.00");
    expect(rows[0]).toBe("Category,Items,Units in stock,Stock value (USD)");
  });
});

describe("CSV download over real HTTP", () => {
  let server: ApiServer;
  beforeAll(async () => {
    server = await startApiServer();
  });
  afterAll(() => server.close());

  const tokenFor = async (role: "owner" | "staff" | "viewer") => {
    const res = await createApiToken(await f.org.as(role), { name: `${role} reports`, expiresIn: "30" });
    if (!res.ok) throw new Error(res.error);
    return res.token;
  };
  const download = (token: string, path = "/api/v1/inventory/reports/adjustments.csv?from=2026-01-10&to=2026-01-12") =>
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it("sends the file to a member with inventory.view_reports, 403 without it (signed-out: e2e)", async () => {
    const owner = await download(await tokenFor("owner"));
    expect(owner.status).toBe(200);
    expect(owner.headers.get("content-disposition")).toBe(`attachment; filename="inventory-adjustments-${org().slug}-2026-01-10-to-2026-01-12.csv"`);
    const bytes = new Uint8Array(await owner.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe("Date,Net change,Units added,Units removed,Adjustments\r\n2026-01-10,3,10,7,2\r\n2026-01-11,-1,0,1,1\r\n2026-01-12,115,120,5,3\r\n");

    // Staff see the reports by their role; viewers (who read items) do not, until granted.
    expect((await download(await tokenFor("staff"))).status).toBe(200);
    const viewerToken = await tokenFor("viewer");
    const denied = await download(viewerToken);
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.message).toContain("inventory.view_reports");
    await grant(f.org, "viewer", { permissions: ["inventory.view_reports"] });
    expect((await download(viewerToken)).status).toBe(200);
  });
});

describe("dashboard widgets and the menu badge", () => {
  it("count low stock like the report, and the badge shows the same number", async () => {
    expect(await lowStockCount(org().id)).toBe(3);
    expect(await lowStockBadge(f.ctx)).toBe(3);
    expect(await lowStockCount(f.other.organization.id)).toBe(1);
  });

  it("stop the badge's count past 99 (the sidebar shows 99+) while the widget counts them all", async () => {
    const many = await createTestOrganization("Many Low Clinic");
    await rootDb().inventoryItem.createMany({
      data: Array.from({ length: 130 }, (_, i) => ({ organizationId: many.org.id, name: `Low ${i}`, sku: `LOW-${i}`, quantity: 1, reorderThreshold: 5, price: "1.00" })),
    });
    expect(await lowStockCount(many.org.id)).toBe(130);
    expect(await lowStockBadge(await many.as("owner"))).toBe(100);
  });

  it("total the stock value exactly as the report does", async () => {
    expect(await stockValueTotal(org().id)).toEqual({ value: "1380.50", items: 5 });
    expect(await stockValueTotal(f.other.organization.id)).toEqual({ value: "5000.00", items: 1 });
  });

  it("list the five newest adjustments with item, change and who made them", async () => {
    const rows = await recentAdjustments(org().id);
    expect(rows.map((a) => [a.itemName, a.delta, adjustedBy(a), a.createdAt.toISOString()])).toEqual([
      ["Loose item", 2, f.ctx.user.name, "2026-03-09T04:30:00.000Z"],
      ["Loose item", 4, "API token “Scanner”", "2026-03-08T04:30:00.000Z"],
      ["Gloves", -50, "Import", "2026-01-13T05:00:00.000Z"],
      ["Gloves", 100, "Stock form", "2026-01-13T04:59:59.999Z"],
      ["Paracetamol", -5, "Stock form", "2026-01-12T23:00:00.000Z"],
    ]);
  });

  it("show nothing for an organization without inventory data", async () => {
    const empty = await createTestOrganization("Empty Clinic");
    const ctx = await empty.as("owner");
    expect(await lowStockBadge(ctx)).toBeNull();
    expect(await stockValueTotal(empty.org.id)).toEqual({ value: "0.00", items: 0 });
    expect(await recentAdjustments(empty.org.id)).toEqual([]);
    expect(await stockValueByCategory(empty.org.id)).toEqual({ rows: [], total: { items: 0, units: 0, value: "0.00" } });
  });
});
