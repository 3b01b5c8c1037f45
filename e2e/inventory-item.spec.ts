// Inventory's item page in the browser, at Acme: the item form (a duplicate SKU refused on its field,
// then created), adjusting stock (+10, an over-withdrawal refused with the reason, a withdrawal into
// low stock that opens the alert) with the history and quantity updating, the stock chart and its
// 30/90-day switch, missing items as 404, the categories page, and the generated settings page
// refusing bad values.
// Data is created through pg with unique SKUs, so the specs of other inventory features can run in
// parallel against the same organization.
import { expect, test } from "@playwright/test";
import { ensureInventoryEnabled, query, signIn, unique } from "./helpers";

const DUPLICATE_SKU = "Another item in this organization already has this SKU";


/**
 * An Acme item created 40 days ago (at noon, New York time: Acme's time zone decides the chart's days)
 * that went 2 -> 7 (20 days ago) -> 5 (10 days ago), with those two adjustments in its history.
 */
async function itemWithHistory(name: string) {
  const sku = unique("E2E-ADJ-");
  const [item] = await query<{ id: string }>(
    `INSERT INTO inventory_items (id, "organizationId", name, sku, quantity, unit, price, "reorderThreshold", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), id, $1, $2, 5, 'each', 4.50, 3, ${noonDaysAgo(40)}, now() FROM organizations WHERE slug = 'acme'
     RETURNING id::text AS id`,
    [name, sku],
  );
  await query(
    `INSERT INTO inventory_stock_adjustments (id, "organizationId", "itemId", delta, "previousQuantity", "newQuantity", reason, source, "createdAt")
     SELECT gen_random_uuid(), i."organizationId", i.id, v.delta, v.prev, v.next, v.reason, 'import', ${noonDaysAgo("v.ago")}
     FROM inventory_items i,
          (VALUES (5, 2, 7, 'First delivery', 20), (-2, 7, 5, 'Used in clinic', 10)) AS v(delta, prev, next, reason, ago)
     WHERE i.id = $1::uuid`,
    [item!.id],
  );
  return { id: item!.id, sku };
}

/** SQL for noon, New York time, `days` calendar days before today there. */
function noonDaysAgo(days: number | string) {
  return `((date_trunc('day', now() AT TIME ZONE 'America/New_York') - make_interval(days => ${days}) + interval '12 hours') AT TIME ZONE 'America/New_York')`;
}

test.describe.configure({ mode: "serial" });

test.beforeEach(async ({ page }) => {
  await signIn(page, "owner@acme.test");
  await ensureInventoryEnabled(page);
});

test("the item form shows a duplicate SKU on its field, then creates the item; edit and delete it", async ({ page }) => {
  // Four pages and three writes after signing in: on a server that has not rendered them yet (this
  // spec can come first) the pages' first renders load their code, which took it past 45 s.
  test.slow();
  const taken = unique("E2E-DUP-");
  await query(
    `INSERT INTO inventory_items (id, "organizationId", name, sku, "updatedAt") SELECT gen_random_uuid(), id, 'Existing item', $1, now() FROM organizations WHERE slug = 'acme'`,
    [taken],
  );
  const name = unique("Gauze pads ");
  await page.goto("/inventory/items/new");
  await expect(page.getByRole("heading", { name: "New item", level: 1 })).toBeVisible();
  // The form fills in its defaults when it hydrates: typing before that would be reset.
  await expect(page.getByRole("spinbutton", { name: "Quantity", exact: true })).toHaveValue("0");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("textbox", { name: "SKU", exact: true }).fill(taken);
  await page.getByLabel("Category").selectOption({ label: "Medical Supplies" });
  await page.getByRole("spinbutton", { name: "Quantity", exact: true }).fill("25");
  await page.getByLabel("Reorder threshold").fill("5");
  await page.getByLabel("Price (USD)").fill("12.50");
  await page.getByLabel("Expiry date").fill("2027-06-30");
  await page.getByRole("button", { name: "Create item" }).click();
  await expect(page.getByText(DUPLICATE_SKU)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "SKU", exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/inventory\/items\/new$/);

  const sku = unique("E2E-NEW-");
  await page.getByRole("textbox", { name: "SKU", exact: true }).fill(sku);
  await page.getByRole("button", { name: "Create item" }).click();
  await expect(page).toHaveURL(/\/inventory\/items\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("item-quantity")).toHaveText("25 each");
  await expect(page.getByText("In stock (25)")).toBeVisible();
  await expect(page.getByText("$12.50")).toBeVisible();
  await expect(page.getByText("Jun 30, 2027")).toBeVisible();
  const count = async () => Number((await query<{ n: string }>(`SELECT count(*) AS n FROM inventory_items WHERE sku = $1`, [sku]))[0]!.n);
  expect(await count()).toBe(1);

  // Edit the price, then delete the item with confirmation.
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Edit item", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Price (USD)")).toHaveValue("12.50");
  await page.getByLabel("Price (USD)").fill("13.75");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("$13.75")).toBeVisible();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(`Delete ${name}?`);
  await page.getByRole("button", { name: "Delete item" }).click();
  await expect(page).toHaveURL(/\/inventory$/);
  expect(await count()).toBe(0);
});

test("adjusting stock updates the quantity at once and the history; an over-withdrawal is refused with the reason", async ({ page }) => {
  const name = unique("Syringes ");
  const item = await itemWithHistory(name);
  await page.goto(`/inventory/items/${item.id}`);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("item-quantity")).toHaveText("5 each");
  await expect(page.getByRole("heading", { name: "Adjustments (2)" })).toBeVisible();

  await page.getByLabel("Change (each)").fill("10");
  await page.getByLabel("Reason").fill("Delivery from supplier");
  await page.getByRole("button", { name: "Adjust stock" }).click();
  await expect(page.getByTestId("item-quantity")).toHaveText("15 each");
  const history = page.getByRole("table", { name: "Adjustment history" });
  const newest = history.getByRole("row").nth(1);
  await expect(newest).toContainText("Olivia Owner");
  await expect(newest).toContainText("+10");
  await expect(newest).toContainText("5 → 15");
  await expect(newest).toContainText("Delivery from supplier");
  await expect(page.getByRole("heading", { name: "Adjustments (3)" })).toBeVisible();

  await page.getByLabel("Change (each)").fill("-100");
  await page.getByRole("button", { name: "Adjust stock" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Only 15 each in stock: cannot remove 100. The quantity never goes below zero." })).toBeVisible();
  await expect(page.getByLabel("Change (each)")).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(page.getByTestId("item-quantity")).toHaveText("15 each");
  await expect(page.getByRole("heading", { name: "Adjustments (3)" })).toBeVisible();

  // Below the threshold of 3: the low-stock alert opens and the badge says so. The quantity and badge
  // change as soon as the form is sent, before the server has answered (held back here), and the
  // answer confirms them.
  let release = () => {};
  const answered = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/inventory/items/${item.id}`, async (route) => {
    if (route.request().method() === "POST") await answered;
    await route.continue();
  });
  await page.getByLabel("Change (each)").fill("-13");
  await page.getByRole("button", { name: "Adjust stock" }).click();
  await expect(page.getByTestId("item-quantity")).toHaveText("2 each", { timeout: 2_000 });
  await expect(page.getByText("Low (2)")).toBeVisible();
  expect((await query<{ quantity: number }>(`SELECT quantity FROM inventory_items WHERE id = $1::uuid`, [item.id]))[0]!.quantity).toBe(15);
  release();
  await expect(page.getByText("Removed 13: 15 → 2.")).toBeVisible();
  expect((await query<{ quantity: number }>(`SELECT quantity FROM inventory_items WHERE id = $1::uuid`, [item.id]))[0]!.quantity).toBe(2);
  await expect(page.getByTestId("item-quantity")).toHaveText("2 each");
  await expect(page.getByRole("status").filter({ hasText: "Low-stock alert open" })).toBeVisible();
  await expect(history.getByRole("row").nth(1)).toContainText("15 → 2");
});

test("the stock chart shows 30 or 90 days, with its data as a table for screen readers", async ({ page }) => {
  const item = await itemWithHistory(unique("Bandages "));
  await page.goto(`/inventory/items/${item.id}`);
  const chart30 = page.getByRole("img", { name: /Stock over the last 30 days/ });
  await expect(chart30).toBeVisible();
  // The summary: 2 at the start of the window, 7 after the delivery, 5 now.
  await expect(chart30).toHaveAccessibleName(/from 2 to 5 each; lowest 2 on .*, highest 7 on /);
  const data30 = page.getByRole("table", { name: "Stock over the last 30 days: closing quantity per day" });
  await expect(data30.locator("tbody tr")).toHaveCount(30);
  await expect(page.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "true");

  await page.getByRole("link", { name: "90 days" }).click();
  await expect(page).toHaveURL(/days=90/);
  const chart90 = page.getByRole("img", { name: /Stock over the last 90 days/ });
  await expect(chart90).toBeVisible();
  const data90 = page.getByRole("table", { name: "Stock over the last 90 days: closing quantity per day" });
  await expect(data90.locator("tbody tr")).toHaveCount(90);
  // 40 days of the 90 the item existed; before that there is no quantity to show.
  await expect(data90.locator("tbody tr").filter({ hasText: "Not yet in inventory" })).toHaveCount(49);
  await expect(page.getByRole("link", { name: "90 days" })).toHaveAttribute("aria-current", "true");

  await page.getByRole("link", { name: "30 days" }).click();
  await expect(page.getByRole("img", { name: /Stock over the last 30 days/ })).toBeVisible();
});

test("an item that does not exist in the organization is a 404", async ({ page }) => {
  expect((await page.goto("/inventory/items/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
  expect((await page.goto("/inventory/items/not-an-id"))?.status()).toBe(404);
  expect((await page.goto("/inventory/items/00000000-0000-4000-8000-000000000000/edit"))?.status()).toBe(404);
});

test("categories: create with a unique slug, rename, and a category in use cannot be deleted", async ({ page }) => {
  const name = unique("E2E Cat ");
  await page.goto("/inventory/categories");
  await page.getByRole("textbox", { name: "New category" }).fill(name);
  await page.getByRole("button", { name: "Add category" }).click();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(name.toLowerCase().replace(/ /g, "-"));
  await expect(row.getByRole("cell").nth(2)).toHaveText("0");

  // The same name in other letters and punctuation is the same slug: refused, with the reason.
  await page.getByRole("textbox", { name: "New category" }).fill(`${name.toUpperCase()}!`);
  await page.getByRole("button", { name: "Add category" }).click();
  await expect(page.getByText(`Another category already has the slug “${name.toLowerCase().replace(/ /g, "-")}”`)).toBeVisible();

  const renamed = `${name} Renamed`;
  await row.getByRole("button", { name: `Rename ${name}` }).click();
  await page.getByRole("textbox", { name: `New name for ${name}` }).fill(renamed);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const renamedRow = page.getByRole("row", { name: new RegExp(renamed) });
  await expect(renamedRow).toContainText(`${name.toLowerCase().replace(/ /g, "-")}-renamed`);

  await query(
    `INSERT INTO inventory_items (id, "organizationId", "categoryId", name, sku, "updatedAt")
     SELECT gen_random_uuid(), c."organizationId", c.id, 'Item in category', $2, now() FROM inventory_categories c
     JOIN organizations o ON o.id = c."organizationId" WHERE o.slug = 'acme' AND c.name = $1`,
    [renamed, unique("E2E-CAT-")],
  );
  await page.reload();
  await expect(renamedRow.getByRole("cell").nth(2)).toHaveText("1");
  await renamedRow.getByRole("button", { name: `Delete ${renamed}` }).click();
  await page.getByRole("button", { name: "Delete category" }).click();
  await expect(page.getByRole("alertdialog").getByRole("alert")).toHaveText("1 item still uses this category. Move it to another category first.");
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.reload();
  await expect(renamedRow).toBeVisible();

  await query(`DELETE FROM inventory_items WHERE "categoryId" = (SELECT id FROM inventory_categories WHERE name = $1)`, [renamed]);
  await page.reload();
  await renamedRow.getByRole("button", { name: `Delete ${renamed}` }).click();
  await page.getByRole("button", { name: "Delete category" }).click();
  await expect(page.getByText(`Category “${renamed}” deleted.`)).toBeVisible();
  await expect(renamedRow).toHaveCount(0);
});

test("the generated Inventory settings page refuses a zero threshold and an http:// Shopify URL, and saves valid values", async ({ page }) => {
  await page.goto("/plugins/inventory/settings");
  const threshold = page.getByLabel("Default low-stock threshold");
  const shopUrl = page.getByLabel("Shopify shop URL");
  // The form fills its inputs when it hydrates; the threshold always has a value, so wait for it.
  await expect(threshold).toHaveValue(/^\d+$/);
  const [oldThreshold, oldUrl] = [await threshold.inputValue(), await shopUrl.inputValue()];

  await threshold.fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Must be at least 1")).toBeVisible();

  // Values that differ from what is stored (a re-run finds the last run's), so the save has something to do.
  const newThreshold = oldThreshold === "25" ? "26" : "25";
  const newUrl = oldUrl === "https://e2e-clinic.myshopify.com" ? "https://e2e-clinic-2.myshopify.com" : "https://e2e-clinic.myshopify.com";
  await threshold.fill(newThreshold);
  await shopUrl.fill(newUrl.replace("https://", "http://"));
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("The shop URL must start with https://")).toBeVisible();

  await shopUrl.fill(newUrl);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Default low-stock threshold")).toHaveValue(newThreshold);
  await expect(page.getByLabel("Shopify shop URL")).toHaveValue(newUrl);

  // Put Acme's settings back for the other inventory specs.
  await page.getByLabel("Default low-stock threshold").fill(oldThreshold);
  await page.getByLabel("Shopify shop URL").fill(oldUrl);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();
});
