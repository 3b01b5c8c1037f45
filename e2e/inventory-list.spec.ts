// The inventory list in the browser, as Acme's owner: filters and search in the URL, bulk actions on
// ticked rows and on "all N matching", delete with confirmation, and purchase orders generated from
// the selection (the order page with its lines, editing, sending and receiving). Inventory is enabled
// for Acme through the Plugins page; each test inserts its own items with a unique SKU prefix.
import { expect, test, type Page } from "@playwright/test";
import { ensureInventoryEnabled, query, signIn, unique } from "./helpers";

type Seed = { name: string; quantity: number; threshold: number; price?: string; inStock?: boolean; categoryId?: string | null };

async function acmeId(): Promise<string> {
  const [org] = await query<{ id: string }>(`SELECT id FROM organizations WHERE slug = 'acme'`);
  return org!.id;
}

/** Inserts items "<prefix> <name>" with SKUs "<prefix>-<i>". */
async function seed(prefix: string, items: Seed[]) {
  const organizationId = await acmeId();
  for (const [i, it] of items.entries()) {
    await query(
      `INSERT INTO inventory_items (id, "organizationId", "categoryId", name, sku, quantity, unit, price, "reorderThreshold", "inStock", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'box', $6, $7, $8, now())`,
      [organizationId, it.categoryId ?? null, `${prefix} ${it.name}`, `${prefix}-${i + 1}`, it.quantity, it.price ?? "4.25", it.threshold, it.inStock ?? true],
    );
  }
}

const itemsOf = (prefix: string) =>
  query<{ name: string; quantity: number; inStock: boolean }>(`SELECT name, quantity, "inStock" FROM inventory_items WHERE sku LIKE $1 ORDER BY name`, [`${prefix}-%`]);


test.beforeEach(async ({ page }) => {
  await signIn(page, "owner@acme.test");
  await ensureInventoryEnabled(page);
});

const table = (page: Page) => page.getByRole("table", { name: "Inventory items" });
const row = (page: Page, name: string) => table(page).getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });

test("filters by stock and category and searches name or SKU, all in the URL", async ({ page }) => {
  // Many steps, each a server round trip (filters, Back and Forward, search, reload).
  test.setTimeout(90_000);
  const p = unique("E2EF").toUpperCase();
  const organizationId = await acmeId();
  const [category] = await query<{ id: string }>(
    `INSERT INTO inventory_categories (id, "organizationId", name, slug, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
    [organizationId, `${p} Category`, p.toLowerCase()],
  );
  await seed(p, [
    { name: "Gloves", quantity: 50, threshold: 10, price: "12.5", categoryId: category!.id },
    { name: "Masks", quantity: 3, threshold: 10 },
    { name: "Tape", quantity: 20, threshold: 5, inStock: false },
  ]);

  await page.goto(`/inventory?q=${p}`);
  await expect(table(page).getByRole("row")).toHaveCount(4);
  await expect(row(page, `${p} Gloves`)).toContainText("In stock (50)");
  await expect(row(page, `${p} Gloves`)).toContainText("$12.50");
  await expect(row(page, `${p} Gloves`)).toContainText(`${p} Category`);
  await expect(row(page, `${p} Masks`)).toContainText("Low (3)");
  await expect(row(page, `${p} Tape`)).toContainText("Marked out of stock");

  await page.getByLabel("Stock", { exact: true }).selectOption({ label: "Low stock" });
  await expect(page).toHaveURL(/stock=low/);
  await expect(table(page).getByRole("row")).toHaveCount(2);
  await expect(row(page, `${p} Masks`)).toBeVisible();

  await page.getByLabel("Stock", { exact: true }).selectOption({ label: "Out of stock" });
  await expect(row(page, `${p} Tape`)).toBeVisible();
  await expect(table(page).getByRole("row")).toHaveCount(2);

  await page.getByLabel("Stock", { exact: true }).selectOption({ label: "Any stock" });
  await expect(page).not.toHaveURL(/stock=/);
  await page.getByLabel("Category", { exact: true }).selectOption({ label: `${p} Category` });
  await expect(page).toHaveURL(new RegExp(`category=${category!.id}`));
  await expect(table(page).getByRole("row")).toHaveCount(2);
  await expect(row(page, `${p} Gloves`)).toBeVisible();

  // Each filter change is a step in the browser's history: Back undoes them one by one. (The
  // browser's own Back, history.back(): these are same-document navigations, with no load event for
  // page.goBack() to wait for.)
  const back = () => page.evaluate(() => history.back());
  await back();
  await expect(page).not.toHaveURL(/category=/);
  await expect(page.getByLabel("Category", { exact: true })).toHaveValue("");
  await expect(table(page).getByRole("row")).toHaveCount(4);
  await back();
  await expect(page).toHaveURL(/stock=out_of_stock/);
  await expect(page.getByLabel("Stock", { exact: true })).toHaveValue("out_of_stock");
  await expect(table(page).getByRole("row")).toHaveCount(2);
  await back();
  await expect(page).toHaveURL(/stock=low/);
  await expect(row(page, `${p} Masks`)).toBeVisible();
  await page.evaluate(() => history.forward());
  await expect(page).toHaveURL(/stock=out_of_stock/);

  // Search by SKU, typed into the search box; the view survives a reload.
  await page.goto("/inventory");
  await page.getByRole("searchbox", { name: "Search" }).fill(`${p}-2`);
  await expect(page).toHaveURL(new RegExp(`q=${p}-2`));
  await expect(table(page).getByRole("row")).toHaveCount(2);
  await page.reload();
  await expect(row(page, `${p} Masks`)).toBeVisible();
  await page.getByRole("searchbox", { name: "Search" }).fill(`${p}-nothing`);
  await expect(page.getByText("No matching results")).toBeVisible();
});

test("marks the ticked rows out of stock and the table shows it", async ({ page }) => {
  const p = unique("E2EM").toUpperCase();
  await seed(p, [
    { name: "Alcohol swabs", quantity: 40, threshold: 10 },
    { name: "Bandages", quantity: 40, threshold: 10 },
    { name: "Cotton", quantity: 40, threshold: 10 },
  ]);
  await page.goto(`/inventory?q=${p}`);
  await page.getByRole("checkbox", { name: `Select ${p} Alcohol swabs` }).check();
  await page.getByRole("checkbox", { name: `Select ${p} Cotton` }).check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText("2 items selected.");
  await bar.getByRole("button", { name: "Mark out of stock" }).click();
  await expect(page.getByText("2 items marked as out of stock.")).toBeVisible();
  await expect(row(page, `${p} Alcohol swabs`)).toContainText("Marked out of stock");
  await expect(row(page, `${p} Cotton`)).toContainText("Marked out of stock");
  await expect(row(page, `${p} Bandages`)).toContainText("In stock (40)");
  // One status per row: a marked row does not also say "In stock (40)".
  await expect(row(page, `${p} Cotton`)).not.toContainText("In stock");
  await expect(bar).toHaveCount(0);
  expect((await itemsOf(p)).map((i) => i.inStock)).toEqual([false, true, false]);

  // And back: only the two that are out of stock change. The rows change as soon as the button is
  // pressed, before the server has answered (held back here for 4 s), and the answer confirms them.
  let release = () => {};
  const answered = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/inventory?q=${p}`, async (route) => {
    if (route.request().method() === "POST") await answered;
    await route.continue();
  });
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Mark in stock" }).click();
  await expect(table(page).getByText("Marked out of stock")).toHaveCount(0, { timeout: 2_000 });
  await expect(row(page, `${p} Cotton`)).toContainText("In stock (40)");
  expect((await itemsOf(p)).map((i) => i.inStock)).toEqual([false, true, false]);
  release();
  await expect(page.getByText("2 items marked as in stock.")).toBeVisible();
  expect((await itemsOf(p)).map((i) => i.inStock)).toEqual([true, true, true]);
  await expect(table(page).getByText("Marked out of stock")).toHaveCount(0);
});

test("selects all matching items across pages and deletes them after confirming", async ({ page }) => {
  const p = unique("E2ED").toUpperCase();
  await seed(p, Array.from({ length: 25 }, (_, i) => ({ name: `Syringe ${String(i + 1).padStart(2, "0")}`, quantity: 5, threshold: 2 })));
  await page.goto(`/inventory?q=${p}`);
  await expect(page.getByText("Showing 1–20 of 25")).toBeVisible();
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText("20 items selected.");
  await bar.getByRole("button", { name: "Select all 25 matching items" }).click();
  await expect(bar).toContainText("All 25 items matching are selected.");

  // Cancel first: nothing is deleted.
  await bar.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete all 25 items matching?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(await itemsOf(p)).toHaveLength(25);

  await bar.getByRole("button", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete 25 items" }).click();
  await expect(page.getByText("25 items deleted.")).toBeVisible();
  await expect(page.getByText("No matching results")).toBeVisible();
  expect(await itemsOf(p)).toHaveLength(0);
});

test("pages by cursor with First, Previous, Next and Last, and starts again on a new sort", async ({ page }) => {
  const p = unique("E2EK").toUpperCase();
  await seed(p, Array.from({ length: 25 }, (_, i) => ({ name: `Lancet ${String(i + 1).padStart(2, "0")}`, quantity: 30 - i, threshold: 2 })));
  await page.goto(`/inventory?q=${p}&pageSize=10`);
  const pager = page.getByRole("navigation", { name: "Pagination" });
  const names = async () => (await table(page).getByRole("link").allTextContents()).map((n) => n.replace(`${p} Lancet `, ""));
  await expect(page.getByText("Showing 1–10 of 25")).toBeVisible();
  await expect(pager.getByRole("button", { name: "Previous" })).toBeDisabled();
  await expect(pager.getByRole("button", { name: "First page" })).toBeDisabled();

  await pager.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Showing 11–20 of 25")).toBeVisible();
  await expect(page).toHaveURL(/after=/);
  await expect(page.getByText("Page 2 of 3")).toBeVisible();
  expect(await names()).toEqual(["11", "12", "13", "14", "15", "16", "17", "18", "19", "20"]);

  await pager.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Showing 21–25 of 25")).toBeVisible();
  await expect(pager.getByRole("button", { name: "Next" })).toBeDisabled();
  await expect(pager.getByRole("button", { name: "Last page" })).toBeDisabled();

  // The URL is the view: a reload shows the same rows.
  await page.reload();
  await expect(page.getByText("Showing 21–25 of 25")).toBeVisible();

  await pager.getByRole("button", { name: "Previous" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(page.getByText("Showing 11–20 of 25")).toBeVisible();
  expect((await names())[0]).toBe("11");

  await pager.getByRole("button", { name: "First page" }).click();
  await expect(page.getByText("Showing 1–10 of 25")).toBeVisible();
  await pager.getByRole("button", { name: "Last page" }).click();
  await expect(page).toHaveURL(/last=1/);
  // The last page ends at the last row.
  await expect(page.getByText("Showing 16–25 of 25")).toBeVisible();
  await expect(page.getByText("Page 3 of 3")).toBeVisible();

  // Sorting by quantity drops the cursor: the new order's first page.
  await table(page).getByRole("button", { name: "Quantity" }).click();
  await expect(page).not.toHaveURL(/last=1|after=|before=/);
  await expect(page.getByText("Showing 1–10 of 25")).toBeVisible();
});

test("generates a purchase order from the items below threshold and receives it", async ({ page }) => {
  const p = unique("E2EP").toUpperCase();
  await seed(p, [
    { name: "Gauze", quantity: 2, threshold: 10, price: "4.25" }, // 18 × 4.25 = 76.50
    { name: "Lancets", quantity: 0, threshold: 5, price: "1.50" }, // 10 × 1.50 = 15.00
    { name: "Plasters", quantity: 80, threshold: 10, price: "2.00" }, // not low: no line
  ]);
  await page.goto(`/inventory?q=${p}`);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Generate purchase order" }).click();

  await expect(page).toHaveURL(/\/inventory\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: /Purchase order PO-\d{4}/ })).toBeVisible();
  await expect(page.getByText(/created with 2 lines/)).toBeVisible();
  const lines = page.getByRole("table", { name: "Order lines" });
  await expect(lines.getByRole("row")).toHaveCount(4); // header, 2 lines, total
  await expect(lines.getByRole("row", { name: new RegExp(`${p} Gauze`) })).toContainText("$76.50");
  await expect(lines.getByRole("row", { name: new RegExp(`${p} Lancets`) })).toContainText("$15.00");
  await expect(lines.getByText(`${p} Plasters`)).toHaveCount(0);
  await expect(page.getByLabel(`Quantity of ${p} Gauze`)).toHaveValue("18");
  await expect(page.getByTestId("order-total")).toHaveText("$91.50");

  // Edit a quantity while a draft: totals follow, and stay after saving.
  await page.getByLabel(`Quantity of ${p} Lancets`).fill("0");
  await page.getByRole("button", { name: "Save quantities" }).click();
  await expect(page.getByText("At least 1")).toBeVisible();
  await page.getByLabel(`Quantity of ${p} Lancets`).fill("20");
  await expect(page.getByTestId("order-total")).toHaveText("$106.50");
  await page.getByRole("button", { name: "Save quantities" }).click();
  await expect(page.getByText(/quantities saved/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Quantity of ${p} Lancets`)).toHaveValue("20");

  await page.getByRole("button", { name: "Mark as sent" }).click();
  await expect(page.getByText(/marked as sent/)).toBeVisible();
  await expect(page.getByLabel(`Quantity of ${p} Lancets`)).toHaveCount(0);
  await page.getByRole("button", { name: "Mark as received" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Receive and add stock" }).click();
  await expect(page.getByText(/received: stock added for 2 items/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Received");
  await expect(page.getByRole("button", { name: "Mark as received" })).toHaveCount(0);
  expect((await itemsOf(p)).map((i) => i.quantity)).toEqual([20, 20, 80]);

  // The list shows the new stock, and the order in the order list.
  await page.goto(`/inventory?q=${p}`);
  await expect(row(page, `${p} Gauze`)).toContainText("In stock (20)");
  await page.goto("/inventory/orders?status=received");
  await expect(page.getByRole("table", { name: "Purchase orders" })).toContainText("Received");
});

test("warns, and stays on the list, when no selected item is below its threshold", async ({ page }) => {
  const p = unique("E2EW").toUpperCase();
  await seed(p, [
    { name: "Thermometers", quantity: 30, threshold: 5 },
    { name: "Tongue depressors", quantity: 30, threshold: 5 },
  ]);
  await page.goto(`/inventory?q=${p}`);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Generate purchase order" }).click();
  await expect(page.getByText("No items below reorder threshold selected.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/inventory\\?q=${p}$`));
});
