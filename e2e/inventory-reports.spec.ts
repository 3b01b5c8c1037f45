// Inventory reports, the dashboard widgets and the low-stock menu badge in the browser. The figures
// are organization-wide (the stock value of *all* items, *every* low item), and the other inventory
// specs add items to Acme in parallel, so this spec runs in an organization of its own: created
// through pg with an owner (the demo password), a staff member and a viewer, in Auckland (UTC+12/+13, far from
// the server's UTC, so a day boundary in the wrong zone shows) with euros. Inventory is then enabled
// through the Plugins page, as an owner would, and the data is written through pg with unique names
// and SKUs. The e2e server runs the embedded job executor, so enabling Inventory really runs the
// initial-import job and adds the starter catalog: the spec waits for that run to complete and then
// removes the catalog items, so the figures below are those of the spec's own four items.
import fs from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { createClinic, query, signIn, unique } from "./helpers";

test.describe.configure({ mode: "serial" });

const TZ = "Pacific/Auckland";
const u = unique("R");
const ownerEmail = `reports.owner.${u.toLowerCase()}@e2e.test`;
const staffEmail = `reports.staff.${u.toLowerCase()}@e2e.test`;
const viewerEmail = `reports.viewer.${u.toLowerCase()}@e2e.test`;
const ownerName = `Rita Reports ${u}`;
const names = { syringes: `Syringes ${u}`, gauze: `Gauze ${u}`, ibuprofen: `Ibuprofen ${u}`, formula: `=SUM(1+1) ${u}` };
const ids: Record<keyof typeof names, string> = { syringes: "", gauze: "", ibuprofen: "", formula: "" };

/** A calendar day in Auckland, `offset` days from today there. */
function aucklandDay(offset = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

async function readDownload(download: Download): Promise<string[]> {
  const bytes = await fs.readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for UTF-8
  return bytes.subarray(3).toString("utf8").split("\r\n");
}

async function download(page: Page, section: string): Promise<{ name: string; lines: string[] }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: `Download ${section} as CSV` }).click()]);
  return { name: file.suggestedFilename(), lines: await readDownload(file) };
}

test.beforeAll(async () => {
  await createClinic({ name: `Reports Clinic ${u}`, slug: `reports-${u.toLowerCase()}`, timezone: TZ, currency: "EUR" }, [
    { email: ownerEmail, name: ownerName, role: "owner" },
    { email: staffEmail, name: `Stan Staff ${u}`, role: "staff" },
    { email: viewerEmail, name: `Vera Viewer ${u}`, role: "viewer" },
  ]);
});

test("the owner enables Inventory on the Plugins page", async ({ page }) => {
  await signIn(page, ownerEmail);
  await page.goto("/plugins");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Inventory/ }) });
  await card.getByRole("button", { name: "Enable Inventory" }).click();
  await expect(card.getByRole("button", { name: "Disable Inventory" })).toBeVisible();
  const orgId = `(SELECT o.id FROM organizations o WHERE o.slug = 'reports-${u.toLowerCase()}')`;
  await expect
    .poll(async () => (await query<{ status: string }>(`SELECT status FROM job_runs WHERE "organizationId" = ${orgId}::text AND "functionId" LIKE '%initial-import'`))[0]?.status, {
      message: "the initial-import job of the new organization completes",
      timeout: 60_000,
    })
    .toBe("completed");
  expect(Number((await query<{ n: string }>(`SELECT count(*) AS n FROM inventory_items WHERE "organizationId" = ${orgId}`))[0]!.n)).toBeGreaterThan(0);
  await query(`DELETE FROM inventory_items WHERE "organizationId" = ${orgId}`);

  // The data: four items (one named like a spreadsheet formula), three of them below threshold, and
  // adjustments on Auckland days — two on yesterday's edges (00:05 and 23:55), two three days ago,
  // one forty days ago (outside the default 30 days, inside 90).
  const orgSql = `(SELECT o.id FROM organizations o WHERE o.slug = 'reports-${u.toLowerCase()}')`;
  const cat = (slug: string) => `(SELECT c.id FROM inventory_categories c WHERE c."organizationId" = ${orgSql} AND c.slug = '${slug}')`;
  const rows: Array<[keyof typeof names, string, number, string, number]> = [
    ["syringes", cat("medical-supplies"), 100, "0.25", 50], // 25.00
    ["gauze", cat("medical-supplies"), 4, "3.40", 20], // 13.60, short 16
    ["ibuprofen", cat("medications"), 2, "1.65", 30], // 3.30, short 28
    ["formula", "NULL", 1, "120.00", 5], // 120.00, short 4
  ];
  for (const [key, category, quantity, price, threshold] of rows) {
    const [row] = await query<{ id: string }>(
      `INSERT INTO inventory_items (id, "organizationId", "categoryId", name, sku, quantity, unit, price, "reorderThreshold", "updatedAt")
       VALUES (gen_random_uuid(), ${orgSql}, ${category}, $1, $2, $3, 'each', $4, $5, now()) RETURNING id::text AS id`,
      [names[key], `E2E-REP-${key}-${u}`, quantity, price, threshold],
    );
    ids[key] = row!.id;
  }
  const at = (offset: number, time: string) => `(('${aucklandDay(offset)}'::date + time '${time}') AT TIME ZONE '${TZ}')`;
  const adjustments: Array<[keyof typeof names, number, string, string, boolean]> = [
    ["syringes", 30, at(-1, "00:05"), "import", false],
    ["syringes", -10, at(-1, "23:55"), "form", true],
    ["gauze", -6, at(-3, "12:00"), "form", false],
    ["ibuprofen", -8, at(-3, "13:00"), "form", false],
    ["syringes", 500, at(-40, "12:00"), "form", false],
  ];
  for (const [key, delta, when, source, byOwner] of adjustments) {
    await query(
      `INSERT INTO inventory_stock_adjustments (id, "organizationId", "itemId", delta, "previousQuantity", "newQuantity", source, "userId", "createdAt")
       VALUES (gen_random_uuid(), ${orgSql}, $1::uuid, $2, 0, 0, $3, ${byOwner ? `(SELECT id FROM users WHERE email = '${ownerEmail}')` : "NULL"}, ${when})`,
      [ids[key], delta, source],
    );
  }
  // Their low-stock alerts: gauze and ibuprofen fell below their thresholds three days ago, with those adjustments.
  for (const [key, time] of [["gauze", "12:00"], ["ibuprofen", "13:00"]] as const) {
    await query(
      `INSERT INTO inventory_stock_alerts (id, "organizationId", "itemId", "openItemId", quantity, threshold, status, "openedAt")
       VALUES (gen_random_uuid(), ${orgSql}, $1::uuid, $1::uuid, 0, 20, 'open', ${at(-3, time)})`,
      [ids[key]],
    );
  }

});

test("the reports show stock value, low stock, adjustments by Auckland day and top movers; the range changes and is validated", async ({ page }) => {
  await signIn(page, ownerEmail);
  await page.goto("/inventory/reports");
  await expect(page.getByRole("heading", { name: "Inventory reports", level: 1 })).toBeVisible();
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(aucklandDay(-29));
  await expect(page.getByLabel("To", { exact: true })).toHaveValue(aucklandDay(0));

  const value = page.getByRole("table", { name: "Stock value by category" });
  await expect(value.getByRole("row", { name: /No category/ })).toContainText("€120.00");
  await expect(value.getByRole("row", { name: /Medical Supplies/ })).toContainText("€38.60");
  await expect(value.getByRole("row", { name: /Medications/ })).toContainText("€3.30");
  await expect(value.getByRole("row", { name: /Equipment/ })).toContainText("€0.00");
  await expect(value.getByRole("row", { name: /Total/ })).toHaveText(/Total\s*4\s*107\s*€161\.90/);

  await expect(page.getByTestId("below-threshold-count")).toHaveText("3");
  const low = page.getByRole("table", { name: "Items below threshold" });
  await expect(low.getByRole("row").nth(1)).toContainText(names.ibuprofen);
  await expect(low.getByRole("row").nth(2)).toContainText(names.gauze);
  await expect(low.getByRole("row").nth(3)).toContainText(names.formula);
  await expect(low.getByRole("link", { name: names.gauze })).toHaveAttribute("href", `/inventory/items/${ids.gauze}`);

  // Last 30 days: both of yesterday's edge adjustments count for yesterday; forty days ago does not.
  await expect(page.getByTestId("adjustments-summary")).toHaveText(/Net change \+6 · 30 added · 24 removed · 4 adjustments/);
  const perDay = page.getByRole("table", { name: "Adjustments per day" });
  await expect(perDay.getByRole("row")).toHaveCount(1 + 30 + 1);
  await expect(perDay.locator(`tr[data-day="${aucklandDay(-1)}"]`)).toHaveText(/\+20\s*30\s*10\s*2$/);
  await expect(perDay.locator(`tr[data-day="${aucklandDay(-3)}"]`)).toHaveText(/-14\s*0\s*14\s*2$/);
  // The charts: a figure each, named for what it shows; the axes in the organization's currency with
  // every tick label inside the chart (none cut off), the exact value in a tooltip.
  for (const name of ["Stock value by category", "Units added and removed per day", "Top movers"]) await expect(page.getByRole("figure", { name })).toBeVisible();
  const valueChart = page.locator('[data-chart="stock-value-chart"]');
  // A bar per category with stock value (Equipment's €0.00 has none; the table lists it).
  await expect(valueChart.locator(".recharts-bar-rectangle")).toHaveCount(3);
  const ticks = await valueChart.evaluate((fig) => {
    const svg = fig.querySelector("svg.recharts-surface")!.getBoundingClientRect();
    return [...fig.querySelectorAll(".recharts-cartesian-axis-tick-value")].map((t) => {
      const b = t.getBoundingClientRect();
      return { text: t.textContent ?? "", inside: b.left >= svg.left - 0.5 && b.right <= svg.right + 0.5 && b.top >= svg.top - 0.5 && b.bottom <= svg.bottom + 0.5 };
    });
  });
  expect(ticks.some((t) => t.text.startsWith("€"))).toBe(true);
  expect(ticks.filter((t) => !t.inside)).toEqual([]);
  await valueChart.locator(".recharts-bar-rectangle").first().hover();
  await expect(valueChart.locator(".recharts-tooltip-wrapper")).toContainText(/€\d+\.\d\d/);
  await expect(page.getByRole("figure", { name: "Units added and removed per day" })).toHaveAccessibleDescription(/30 in, 24 out \(net \+6\) over 4 adjustments/);
  const movers = page.getByRole("table", { name: "Top movers" });
  await expect(movers.getByRole("row")).toHaveCount(4);
  await expect(movers.getByRole("row").nth(1)).toHaveText(new RegExp(`1\\s*${names.syringes}.*40\\s*\\+20\\s*2`));
  await expect(movers.getByRole("row").nth(2)).toContainText(names.ibuprofen);
  await expect(movers.getByRole("row").nth(3)).toContainText(names.gauze);
  // The low-stock trend: none low four days ago, two from three days ago on (low at day's end, fell below, restocked).
  const trend = page.getByRole("table", { name: "Low stock per day" });
  await expect(trend.locator(`tr[data-day="${aucklandDay(-4)}"]`)).toHaveText(/0\s*0\s*0$/);
  await expect(trend.locator(`tr[data-day="${aucklandDay(-3)}"]`)).toHaveText(/2\s*2\s*0$/);
  await expect(trend.locator(`tr[data-day="${aucklandDay(0)}"]`)).toHaveText(/2\s*0\s*0$/);
  await expect(page.getByRole("figure", { name: "Items low on stock at the end of each day" })).toHaveAccessibleDescription(/at most 2 .*; 2 fell below, 0 restocked\./);

  // A longer range through the form: the delivery forty days ago now leads the movers.
  await page.getByLabel("From", { exact: true }).fill(aucklandDay(-89));
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${aucklandDay(-89)}&to=${aucklandDay(0)}`));
  await expect(page.getByTestId("adjustments-summary")).toHaveText(/Net change \+506 · 530 added · 24 removed · 5 adjustments/);
  await expect(movers.getByRole("row").nth(1)).toHaveText(new RegExp(`${names.syringes}.*540\\s*\\+520\\s*3`));
  await expect(perDay.getByRole("row")).toHaveCount(1 + 90 + 1);

  // Invalid ranges: the message at the field, the current-state reports still there.
  await page.getByLabel("From", { exact: true }).fill(aucklandDay(-1));
  await page.getByLabel("To", { exact: true }).fill(aucklandDay(-2));
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText(`The start date must be on or before the end date (${aucklandDay(-2)})`)).toBeVisible();
  await expect(page.getByLabel("From", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Correct the dates above to see this report.")).toHaveCount(3);
  await expect(page.getByTestId("below-threshold-count")).toHaveText("3");
  await expect(page.getByRole("link", { name: "Download Top movers as CSV" })).toHaveCount(0);
  await page.goto(`/inventory/reports?from=2020-01-01&to=${aucklandDay(-1)}`);
  await expect(page.getByText(/The range can be at most 2 years/)).toBeVisible();
  await page.goto(`/inventory/reports?from=${aucklandDay(0)}&to=${aucklandDay(1)}`);
  await expect(page.getByText(`The end date cannot be after today (${aucklandDay(0)})`)).toBeVisible();
});

test("each report downloads as CSV with plain numbers and defused formulas", async ({ page }) => {
  await signIn(page, ownerEmail);
  await page.goto(`/inventory/reports?from=${aucklandDay(-89)}&to=${aucklandDay(0)}`);

  const value = await download(page, "Stock value by category");
  expect(value.name).toBe(`inventory-stock-value-reports-${u.toLowerCase()}-${aucklandDay(0)}.csv`);
  expect(value.lines).toEqual([
    "Category,Items,Units in stock,Stock value (EUR)",
    "No category,1,1,120.00",
    "Medical Supplies,2,104,38.60",
    "Medications,1,2,3.30",
    "Equipment,0,0,0.00",
    "Office Supplies,0,0,0.00",
    "Total,4,107,161.90",
    "",
  ]);

  const low = await download(page, "Items below threshold");
  expect(low.lines[0]).toBe("Item,SKU,Category,Quantity,Reorder threshold,Shortfall,Unit");
  expect(low.lines.slice(1, -1).sort()).toEqual(
    [`'${names.formula},E2E-REP-formula-${u},,1,5,4,each`, `${names.gauze},E2E-REP-gauze-${u},Medical Supplies,4,20,16,each`, `${names.ibuprofen},E2E-REP-ibuprofen-${u},Medications,2,30,28,each`].sort(),
  );

  const days = await download(page, "Adjustments over time");
  expect(days.name).toBe(`inventory-adjustments-reports-${u.toLowerCase()}-${aucklandDay(-89)}-to-${aucklandDay(0)}.csv`);
  expect(days.lines).toHaveLength(1 + 90 + 1);
  expect(days.lines).toContain(`${aucklandDay(-1)},20,30,10,2`);
  expect(days.lines).toContain(`${aucklandDay(-40)},500,500,0,1`);
  expect(days.lines).toContain(`${aucklandDay(-2)},0,0,0,0`);

  const trend = await download(page, "Low-stock trend");
  expect(trend.name).toBe(`inventory-low-stock-trend-reports-${u.toLowerCase()}-${aucklandDay(-89)}-to-${aucklandDay(0)}.csv`);
  expect(trend.lines[0]).toBe("Date,Items low at day's end,Fell below threshold,Restocked");
  expect(trend.lines).toHaveLength(1 + 90 + 1);
  expect(trend.lines).toContain(`${aucklandDay(-4)},0,0,0`);
  expect(trend.lines).toContain(`${aucklandDay(-3)},2,2,0`);

  const movers = await download(page, "Top movers");
  expect(movers.lines.slice(0, 4)).toEqual([
    "Rank,Item,SKU,Units moved,Net change,Adjustments,Quantity now,Unit",
    `1,${names.syringes},E2E-REP-syringes-${u},540,520,3,100,each`,
    `2,${names.ibuprofen},E2E-REP-ibuprofen-${u},8,-8,1,2,each`,
    `3,${names.gauze},E2E-REP-gauze-${u},6,-6,1,4,each`,
  ]);

  // Signed out, the file is not served.
  const anonymous = await page.context().browser()!.newContext();
  expect((await anonymous.request.get(`${new URL(page.url()).origin}/api/v1/inventory/reports/stock-value.csv`)).status()).toBe(401);
  await anonymous.close();
});

test("the dashboard shows low stock, stock value and recent adjustments, and the menu badge the low-stock count", async ({ page }) => {
  await signIn(page, ownerEmail);
  const lowWidget = page.getByLabel("Low stock", { exact: true });
  await expect(lowWidget.getByTestId("low-stock-count")).toHaveText("3");
  await expect(lowWidget.getByRole("link", { name: "Review low-stock items" })).toHaveAttribute("href", "/inventory?stock=low");
  await expect(page.getByLabel("Stock value", { exact: true }).getByTestId("stock-value-total")).toHaveText("€161.90");
  await expect(page.getByLabel("Stock value", { exact: true })).toContainText("On hand across 4 items");

  const recent = page.getByRole("list", { name: "Recent stock adjustments" }).getByRole("listitem");
  await expect(recent).toHaveCount(5);
  await expect(recent.nth(0)).toContainText(names.syringes);
  await expect(recent.nth(0)).toContainText("-10 each");
  await expect(recent.nth(0)).toContainText(ownerName);
  await expect(recent.nth(1)).toContainText("+30 each");
  await expect(recent.nth(1)).toContainText("Import");
  await expect(recent.nth(2)).toContainText(names.ibuprofen);
  await expect(recent.nth(4)).toContainText("+500 each");
  await expect(recent.nth(0).getByRole("link", { name: names.syringes })).toHaveAttribute("href", `/inventory/items/${ids.syringes}`);

  // The badge on "Items": the same count, read out with the link. A badge is decoration that a page
  // leaves out when its query misses the sidebar's 300 ms budget (core/plugins/menus.ts), as it can on
  // a loaded machine: the next load shows it, so the check reloads until it is there.
  await expect(async () => {
    await page.reload();
    await page.getByRole("button", { name: /Inventory/ }).click();
    await expect(page.getByRole("link", { name: /^Items\s*,\s*3 items$/ })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // Restocking one item moves every figure on the next load.
  await query(`UPDATE inventory_items SET quantity = 40 WHERE id = $1::uuid`, [ids.gauze]);
  await page.reload();
  await expect(lowWidget.getByTestId("low-stock-count")).toHaveText("2");
  await expect(page.getByLabel("Stock value", { exact: true }).getByTestId("stock-value-total")).toHaveText("€284.30");
});

test("a viewer reads stock on the dashboard but has no reports (menu, page or CSV); staff have them by their role", async ({ page }) => {
  await signIn(page, viewerEmail);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Low stock", { exact: true }).getByTestId("low-stock-count")).toHaveText("2");
  await page.getByRole("button", { name: /Inventory/ }).click();
  await expect(page.getByRole("link", { name: /^Items/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Reports", exact: true })).toHaveCount(0);
  expect((await page.goto("/inventory/reports"))?.status()).toBe(403);
  expect((await page.request.get("/api/v1/inventory/reports/stock-value.csv")).status()).toBe(403);

  await page.context().clearCookies();
  await signIn(page, staffEmail);
  expect((await page.goto("/inventory/reports"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Inventory reports", level: 1 })).toBeVisible();
  expect((await page.request.get("/api/v1/inventory/reports/stock-value.csv")).status()).toBe(200);
});
