// The role matrix of Inventory (README, "Roles"), as each demo member of Acme meets it in the browser:
// viewers read, staff adjust stock and create and edit items but do not delete them, admins delete;
// nobody types a new quantity into the edit form (the quantity is shown read-only with a link to Adjust
// stock, which records why). The defaults come with the role: nobody was granted anything.
import { expect, test, type Page } from "@playwright/test";
import { ensureInventoryEnabled, query, signIn, signInWithoutForm, unique } from "./helpers";

// One item walks through the roles in order: read, edited by staff, deleted by an admin.
test.describe.configure({ mode: "serial" });

const p = unique("ROLE");
const name = `${p} Gauze pads`;
let itemId = "";

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, "owner@acme.test");
  await ensureInventoryEnabled(page);
  await page.close();
  const [row] = await query<{ id: string }>(
    `INSERT INTO inventory_items (id, "organizationId", name, sku, quantity, unit, price, "reorderThreshold", "updatedAt")
     SELECT gen_random_uuid(), id, $1, $2, 5, 'box', 3.20, 2, now() FROM organizations WHERE slug = 'acme' RETURNING id::text AS id`,
    [name, `${p}-1`],
  );
  itemId = row!.id;
});

const bulkBar = (page: Page) => page.getByRole("region", { name: "Bulk actions" });

test("a viewer reads the list and the item, with nothing to change: no New item, selection, Edit, Delete or Adjust stock", async ({ page }) => {
  await signInWithoutForm(page, "viewer@acme.test");
  await page.goto(`/inventory?q=${p}`);
  await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByRole("link", { name: "New item" })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: `Select ${name}` })).toHaveCount(0);

  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("item-quantity")).toHaveText("5 boxes");
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Delete/ })).toHaveCount(0);
  await expect(page.getByText("Adjust stock", { exact: true })).toHaveCount(0);
  expect((await page.goto("/inventory/items/new"))?.status()).toBe(403);
  expect((await page.goto(`/inventory/items/${itemId}/edit`))?.status()).toBe(403);
});

test("staff adjust stock and edit details, the quantity read-only with a link to Adjust stock, and cannot delete", async ({ page }) => {
  await signInWithoutForm(page, "staff@acme.test");
  await page.goto(`/inventory/items/${itemId}`);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: /Delete/ })).toHaveCount(0);

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Edit item", level: 1 })).toBeVisible();
  await expect(page.getByRole("spinbutton", { name: "Quantity" })).toHaveCount(0);
  await expect(page.getByTestId("edit-quantity")).toHaveText("5 boxes");
  await page.getByLabel("Unit").fill("pack");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  await expect(page.getByTestId("item-quantity")).toHaveText("5 packs");

  // The edit page's link leads to the adjust form, which records the change with its reason.
  await page.goto(`/inventory/items/${itemId}/edit`);
  await page.getByRole("link", { name: "Adjust stock" }).click();
  await expect(page).toHaveURL(new RegExp(`/inventory/items/${itemId}#adjust$`));
  await page.getByLabel(/Change/).fill("4");
  await page.getByLabel("Reason").fill("Delivery");
  await page.getByRole("button", { name: "Adjust stock" }).click();
  await expect(page.getByTestId("item-quantity")).toHaveText("9 packs");
  await expect(page.getByRole("cell", { name: "Delivery" })).toBeVisible();

  // In the list: marking is editing (offered), deleting is not.
  await page.goto(`/inventory?q=${p}`);
  await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  await expect(bulkBar(page).getByRole("button", { name: "Mark out of stock" })).toBeVisible();
  await expect(bulkBar(page).getByRole("button", { name: /Delete/ })).toHaveCount(0);
  const [row] = await query<{ n: string }>(`SELECT count(*) AS n FROM inventory_items WHERE id = $1::uuid`, [itemId]);
  expect(row!.n).toBe("1");
});

test("an admin deletes, and the members page shows each role's groups as coming with the role", async ({ page }) => {
  await signInWithoutForm(page, "admin@acme.test");
  await page.goto(`/inventory?q=${p}`);
  await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  await expect(bulkBar(page).getByRole("button", { name: "Delete", exact: true })).toBeVisible();

  await page.goto("/settings/members");
  await page.getByRole("row", { name: /Sam Staff/ }).getByRole("link", { name: "Permissions" }).click();
  const staffGroup = page.getByRole("checkbox", { name: "Inventory staff" });
  await expect(staffGroup).toBeChecked();
  await expect(staffGroup).toHaveAccessibleDescription(/Comes with the Staff role/);
  await expect(page.getByRole("checkbox", { name: "Delete items and categories" })).not.toBeChecked();

  await page.goto(`/inventory/items/${itemId}`);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete item" }).click();
  await expect(page).toHaveURL(/\/inventory$/);
  const [row] = await query<{ n: string }>(`SELECT count(*) AS n FROM inventory_items WHERE id = $1::uuid`, [itemId]);
  expect(row!.n).toBe("0");
});
