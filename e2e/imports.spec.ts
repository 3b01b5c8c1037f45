// CSV import in the browser, end to end through the real server and the embedded job executor (the
// e2e server runs both, playwright.config.ts): upload by drag and drop or the file picker, the
// detected columns auto-mapped (one changed by hand), the dry run's counts and first errors, the
// background commit with its progress bar, the items on /inventory, the rejected rows as a CSV that
// is fixed and imported again, undo (and its refusal once an imported item was edited), a 20,000-row
// import whose bar is seen mid-way, survives a reload and is cancelled, and a patients import.
// Every test uses SKUs / record numbers unique to it, so it can run next to the other specs at Acme.
import fs from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ensureInventoryEnabled, query, signIn, unique } from "./helpers";

// In order, in one worker (one import commit at a time per organization anyway); a failure does
// not skip the tests after it.
test.describe.configure({ mode: "default" });


/** A real drag and drop: a DataTransfer holding the file, dispatched as dragenter, dragover, drop. */
async function dropFile(page: Page, name: string, content: string) {
  const zone = page.getByTestId("upload-dropzone");
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type: "text/csv" }));
      return dt;
    },
    { name, content },
  );
  for (const type of ["dragenter", "dragover", "drop"]) await zone.dispatchEvent(type, { dataTransfer });
}

/** The file picker of the drop zone. */
async function pickFile(page: Page, name: string, content: string | Buffer) {
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
}

/** Waits for the upload to land on the import's page; returns the import id. */
async function landedOnImport(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** One number of a counts block ("Preview counts" / "Import counts"). */
const countOf = (page: Page, block: string, label: string): Locator =>
  page.getByLabel(block, { exact: true }).locator("div").filter({ has: page.getByText(label, { exact: true }) }).locator("dd");

async function expectCounts(page: Page, block: "Preview counts" | "Import counts", counts: Record<string, number>) {
  for (const [label, value] of Object.entries(counts)) await expect(countOf(page, block, label), `${block}: ${label}`).toHaveText(value.toLocaleString("en-US"), { timeout: 30_000 });
}

const mappingSelect = (page: Page, header: string) => page.getByRole("table", { name: "Column mapping" }).getByLabel(header, { exact: true });

async function preview(page: Page) {
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Preview", exact: true })).toBeVisible({ timeout: 30_000 });
}

async function commitAndWait(page: Page, rowsLabel: string) {
  await page.getByRole("button", { name: `Import ${rowsLabel}` }).click();
  await expect(page.getByRole("heading", { name: "Import completed" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("import-percent")).toHaveText("100%");
}

async function undo(page: Page) {
  await page.getByRole("button", { name: "Undo this import" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Undo this import?" });
  await dialog.getByRole("button", { name: "Undo import" }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

const skus = async (prefix: string) =>
  (await query<{ sku: string }>(`SELECT sku FROM inventory_items i JOIN organizations o ON o.id = i."organizationId" WHERE o.slug = 'acme' AND sku LIKE $1 ORDER BY sku`, [`${prefix}%`])).map((r) => r.sku);

test.beforeEach(async ({ page }) => {
  await signIn(page, "owner@acme.test");
  await ensureInventoryEnabled(page);
});

test("inventory items: drop a CSV, map, preview, import with progress, fix the rejected row, undo, and an undo refused after an edit", async ({ page }) => {
  test.setTimeout(120_000);
  const p = unique("E2EIMP").toUpperCase();
  // "Amount" is no known name of a field: it is mapped to Quantity by hand. Row 4's price is not a number.
  const csv = ["SKU,Product,Amount,Unit price", `${p}-1,${p} gauze,10,2.50`, `${p}-2,${p} gloves,20,7.25`, `${p}-3,${p} swabs,30,1.00`, `${p}-4,${p} tape,40,abc`].join("\r\n") + "\r\n";

  // The sidebar leads to the imports; the chooser lists what this member may import.
  await page.getByRole("link", { name: "Imports", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Imports", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "New import" }).first().click();
  await expect(page.getByRole("list", { name: "What to import" })).toContainText("Patients");
  await page.getByRole("list", { name: "What to import" }).getByRole("link", { name: /Inventory items/ }).click();
  await expect(page).toHaveURL(/\/imports\/new\?resource=inventory\.items$/);
  await expect(page.getByRole("heading", { name: "Import inventory items", level: 1 })).toBeVisible();

  // A file that is not CSV is refused before anything is sent.
  await pickFile(page, "photo.png", "not a csv");
  await expect(page.getByRole("alert").filter({ hasText: "“photo.png” is not a CSV file" })).toBeVisible();

  await dropFile(page, `${p}.csv`, csv);
  const firstImport = await landedOnImport(page);
  await expect(page.getByRole("heading", { name: `${p}.csv`, level: 1 })).toBeVisible();
  await expect(page.getByLabel("Encoding")).toHaveValue("utf-8");
  await expect(page.getByLabel("Delimiter")).toHaveValue(",");
  await expect(page.getByLabel("Column names")).toHaveValue("1");
  // Auto-mapped by header names and aliases, with sample values.
  await expect(mappingSelect(page, "SKU")).toHaveValue("sku");
  await expect(mappingSelect(page, "Product")).toHaveValue("name");
  await expect(mappingSelect(page, "Unit price")).toHaveValue("price");
  await expect(mappingSelect(page, "Amount")).toHaveValue("");
  await expect(page.getByRole("table", { name: "Column mapping" })).toContainText(`${p} gloves`);

  // A field mapped twice is refused on both columns; then Amount -> Quantity by hand.
  await mappingSelect(page, "Amount").selectOption("price");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Price is mapped to more than one column").first()).toBeVisible();
  await mappingSelect(page, "Amount").selectOption("quantity");
  await expect(page.getByText("Price is mapped to more than one column")).toHaveCount(0);

  await preview(page);
  await expectCounts(page, "Preview counts", { Create: 3, Update: 0, Unchanged: 0, Reject: 1 });
  const errors = page.getByRole("table", { name: "Rejected rows" });
  await expect(errors.locator("tbody tr")).toHaveCount(1);
  await expect(errors.locator("tbody tr").first().locator("td").nth(0)).toHaveText("4");
  await expect(errors.locator("tbody tr").first().locator("td").nth(1)).toHaveText("Unit price");
  await expect(errors.locator("tbody tr").first().locator("td").nth(2)).toContainText("Enter a price such as 12.50");
  // The dry run wrote nothing.
  expect(await skus(p)).toEqual([]);

  await commitAndWait(page, "3 rows");
  await expectCounts(page, "Import counts", { Created: 3, Updated: 0, Unchanged: 0, Rejected: 1 });
  expect(await skus(p)).toEqual([`${p}-1`, `${p}-2`, `${p}-3`]);
  // The history lists it; a reload shows the same outcome (state comes from the server).
  await page.reload();
  await expect(page.getByRole("heading", { name: "Import completed" })).toBeVisible();

  // The rejected rows as CSV: original columns plus the error.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download rejected rows (CSV)" }).click()]);
  const errorCsv = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = errorCsv.split(/\r?\n/).filter((l) => l !== "");
  expect(lines).toHaveLength(2);
  // The original columns, then where the row was (data row 4, line 5 of the file) and why.
  expect(lines[0]).toBe("SKU,Product,Amount,Unit price,row,line,error");
  expect(lines[1]).toContain(`${p}-4,${p} tape,40,abc,4,5,`);
  expect(lines[1]).toContain("Enter a price such as 12.50");

  // The inventory list shows the imported items.
  await page.goto(`/inventory?q=${p}`);
  await expect(page.getByRole("link", { name: `${p} gauze` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${p} swabs` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${p} tape` })).toHaveCount(0);

  // Fix the price in the downloaded file and import it again: 1 created.
  const fixed = errorCsv.replace(`${p}-4,${p} tape,40,abc`, `${p}-4,${p} tape,40,4.50`);
  await page.goto("/imports/new?resource=inventory.items");
  await pickFile(page, `${p}-fixed.csv`, fixed);
  const secondImport = await landedOnImport(page);
  await expect(mappingSelect(page, "SKU")).toHaveValue("sku");
  await mappingSelect(page, "Amount").selectOption("quantity");
  await preview(page);
  await expectCounts(page, "Preview counts", { Create: 1, Update: 0, Unchanged: 0, Reject: 0 });
  await commitAndWait(page, "1 row");
  await expectCounts(page, "Import counts", { Created: 1, Rejected: 0 });
  expect(await skus(p)).toEqual([`${p}-1`, `${p}-2`, `${p}-3`, `${p}-4`]);

  // Undo the first import: its three items are gone, the fixed row's item stays.
  await page.goto(`/imports/${firstImport}`);
  await undo(page);
  await expect(page.getByRole("heading", { name: "Import undone" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Undone on .* by /)).toBeVisible();
  expect(await skus(p)).toEqual([`${p}-4`]);
  await page.goto(`/inventory?q=${p}`);
  await expect(page.getByRole("link", { name: `${p} tape` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${p} gauze` })).toHaveCount(0);

  // Edit the second import's item by hand, then try to undo that import: refused, naming the item.
  await page.getByRole("link", { name: `${p} tape` }).click();
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Edit item", level: 1 })).toBeVisible();
  await page.getByLabel("Price (USD)").fill("5.75");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("$5.75")).toBeVisible();
  await page.goto(`/imports/${secondImport}`);
  await undo(page);
  await expect(page.getByRole("alert").filter({ hasText: `${p}-4` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Import completed" })).toBeVisible();
  expect(await skus(p)).toEqual([`${p}-4`]);

  // Both imports are in the history, newest first.
  await page.goto("/imports");
  const rows = page.getByRole("table", { name: "Imports" }).locator("tbody tr");
  await expect(rows.filter({ hasText: `${p}-fixed.csv` })).toContainText("Completed");
  await expect(rows.filter({ hasText: `${p}.csv` })).toContainText("Undone");
  const order = await rows.allTextContents();
  expect(order.findIndex((t) => t.includes(`${p}-fixed.csv`))).toBeLessThan(order.findIndex((t) => t.includes(`${p}.csv`)));
});

test("a 100,000-row import shows its progress mid-way, keeps it over a reload, and can be cancelled", async ({ page }) => {
  // Big enough that the commit is still running after a reload and a click (20,000 rows were
  // committed in under the time that takes once the commit became set-based).
  test.setTimeout(240_000);
  const p = unique("E2EBIG").toUpperCase();
  const lines = ["SKU,Name,Quantity,Price"];
  for (let i = 1; i <= 100_000; i++) lines.push(`${p}-${String(i).padStart(6, "0")},${p} item ${i},${i % 50},${(i % 97) + 0.5}`);
  await page.goto("/imports/new?resource=inventory.items");
  await pickFile(page, `${p}.csv`, lines.join("\n") + "\n");
  const id = await landedOnImport(page);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Preview", exact: true })).toBeVisible({ timeout: 90_000 });
  await expectCounts(page, "Preview counts", { Create: 100_000, Reject: 0 });

  await page.getByRole("button", { name: "Import 100,000 rows" }).click();
  const bar = page.getByRole("progressbar", { name: "Import progress" });
  // Seen strictly between 0% and 100% while the job runs.
  await expect
    .poll(async () => Number(await bar.getAttribute("aria-valuenow").catch(() => null)), { timeout: 60_000, intervals: [100] })
    .toBeGreaterThan(0);
  const mid = Number(await bar.getAttribute("aria-valuenow"));
  expect(mid).toBeLessThan(100);
  await expect(page.getByText(/rows\/s/)).toBeVisible();

  // A reload shows the running import again (its state is the server's).
  await page.reload();
  await expect(page.getByRole("button", { name: "Cancel import" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel import" }).click();
  await expect(page.getByRole("heading", { name: "Import cancelled" })).toBeVisible({ timeout: 60_000 });
  const [row] = await query<{ status: string; createdCount: number }>(`SELECT status, "createdCount" FROM data_imports WHERE id = $1`, [id]);
  expect(row!.status).toBe("cancelled");
  expect(row!.createdCount).toBeGreaterThan(0);
  expect(row!.createdCount).toBeLessThan(100_000);
  // What was written before the cancel stays, and matches the counts.
  expect((await skus(p)).length).toBe(row!.createdCount);
  await expectCounts(page, "Import counts", { Created: row!.createdCount });
  await expect(page.getByRole("button", { name: "Undo this import" })).toBeVisible();
});

test("patients: the picker, auto-mapped columns, preview and import; the records are on the patients list", async ({ page }) => {
  // Two uploads, two previews and a commit through the job runner: on a loaded CI box the last
  // assertion's page was already right when the default 45 s ran out (loaded run C).
  test.setTimeout(120_000);
  const p = unique("E2EPAT").toUpperCase();
  const csv = ["MRN,First name,Last name,DOB,Phone", `${p}-1,Ada,${p}lovelace,1985-12-10,555-0101`, `${p}-2,Grace,${p}hopper,1990-01-31,`].join("\n");
  await page.goto("/imports/new");
  await page.getByRole("list", { name: "What to import" }).getByRole("link", { name: /Patients/ }).click();
  await expect(page.getByRole("heading", { name: "Import patients", level: 1 })).toBeVisible();

  // An empty file: the server's reason is shown, and nothing is created.
  await pickFile(page, "empty.csv", "");
  await expect(page.getByRole("alert").filter({ hasText: /empty/i })).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(/\/imports\/new/);

  await pickFile(page, `${p}.csv`, csv);
  await landedOnImport(page);
  await expect(mappingSelect(page, "MRN")).toHaveValue("medicalRecordNumber");
  await expect(mappingSelect(page, "First name")).toHaveValue("firstName");
  await expect(mappingSelect(page, "Last name")).toHaveValue("lastName");
  await expect(mappingSelect(page, "DOB")).toHaveValue("dateOfBirth");
  await expect(mappingSelect(page, "Phone")).toHaveValue("phone");
  await preview(page);
  await expectCounts(page, "Preview counts", { Create: 2, Update: 0, Unchanged: 0, Reject: 0 });
  await commitAndWait(page, "2 rows");
  await expectCounts(page, "Import counts", { Created: 2, Rejected: 0 });

  await page.goto(`/patients?q=${p}`);
  await expect(page.getByRole("link", { name: new RegExp(`${p}lovelace`, "i") }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`${p}hopper`, "i") }).first()).toBeVisible();

  // The same file again: the saved mapping is re-applied, and nothing changes (same file = same state).
  await page.goto("/imports/new?resource=core.patients");
  await pickFile(page, `${p}-again.csv`, csv);
  await landedOnImport(page);
  await expect(page.getByText("Mapping from your last import of these columns.")).toBeVisible();
  await expect(mappingSelect(page, "MRN")).toHaveValue("medicalRecordNumber");
  await preview(page);
  await expectCounts(page, "Preview counts", { Create: 0, Update: 0, Unchanged: 2, Reject: 0 });
});

test("while a file uploads, its columns and first rows show at once, read on the device, and its columns can be mapped already", async ({ page }) => {
  await signIn(page, "owner@acme.test");
  await page.goto("/imports/new?resource=core.patients");
  // Hold the upload on the way to the server: the preview must not wait for it.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/v1/imports?*", async (route) => {
    await held;
    await route.continue();
  });
  const p = unique("FR");
  const rows = Array.from({ length: 5000 }, (_, i) => `${p}-${i};Ada ${i};Lovelace;1915-12-10;Nut allergy`);
  await pickFile(page, "semicolons.csv", ["MRN;First name;Surname;DOB;Kin", ...rows].join("\n") + "\n");
  const first = page.getByRole("region", { name: "First rows of semicolons.csv" });
  await expect(first).toContainText("5 columns, semicolon-separated");
  await expect(first.getByRole("columnheader")).toHaveText(["MRN", "First name", "Surname", "DOB", "Kin"]);
  await expect(first.locator("tbody tr")).toHaveCount(5);
  await expect(first.locator("tbody tr").first()).toContainText(`${p}-0`);
  // The mapping step already, with the server's automatic matches and a sample per column: "Kin"
  // matches no field; it goes into Notes. Choosing Notes for a second column takes it off the first.
  const early = page.getByRole("region", { name: "Map the columns while the file uploads" });
  await expect(early.getByLabel("Field for column Surname")).toHaveValue("lastName");
  await expect(early.getByLabel("Field for column Kin")).toHaveValue("");
  await expect(early.getByRole("row", { name: /Kin/ })).toContainText("Nut allergy");
  await early.getByLabel("Field for column Kin").selectOption("notes");
  await expect(page).toHaveURL(/\/imports\/new/);
  release();
  await landedOnImport(page);
  await expect(page.getByText("The column choices you made while the file uploaded are applied.")).toBeVisible();
  await expect(mappingSelect(page, "Kin")).toHaveValue("notes");
  await expect(mappingSelect(page, "Surname")).toHaveValue("lastName");
  // Applied once: the choices left the URL, so a reload shows what the server has.
  await page.reload();
  await expect(mappingSelect(page, "Kin")).toHaveValue("");
});

test("a viewer has no Imports menu item and cannot import patients", async ({ page }) => {
  await page.context().clearCookies();
  await signIn(page, "viewer@acme.test");
  await expect(page.getByRole("link", { name: "Patients" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Imports", exact: true })).toHaveCount(0);
  expect((await page.goto("/imports/new?resource=core.patients"))?.status()).toBe(404);
  const res = await page.request.post("/api/v1/imports?resource=core.patients", { headers: { "x-file-name": "x.csv" }, data: "MRN,First name\n1,A\n" });
  expect(res.status()).toBe(403);
  expect((await res.json()).error).toMatchObject({ code: "forbidden", message: "You do not have permission to import patients." });
});
