// What the crash and replica tests do as a clinic manager would, in Chromium, against any running
// Ritiko (one `npm start`, or replicas behind a proxy): sign in, enable Inventory, preview and commit a
// patient import, start a background "mark out of stock", and check in SQL that every row was written
// exactly once.
import { expect, type Page } from "@playwright/test";
import type pg from "pg";
import { until } from "@/tests/helpers/wait";

export type Sql = <T extends pg.QueryResultRow>(text: string, params?: unknown[]) => Promise<T[]>;

/** Where the app is and how to reach its database; `rows` and `items` are the sizes of the work. */
export type Target = { url: string; sql: Sql; acmeId: string; rows: number; items: number };

/** Waits for `check`, a check that throws counting as "not yet" (the server or database is down); returns the wait in ms. */
export const waitUntil = (what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 250) => until(what, check, timeoutMs, { everyMs, retryErrors: true });

export async function signIn(page: Page, url: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel("Email", { exact: true }).fill("owner@acme.test");
  await page.getByLabel("Password", { exact: true }).fill("ritiko-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible({ timeout: 30_000 });
}

export async function ensureInventoryEnabled(page: Page, url: string) {
  await page.goto(`${url}/plugins`);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Inventory/ }) });
  const enable = card.getByRole("button", { name: "Enable Inventory" });
  const disable = card.getByRole("button", { name: "Disable Inventory" });
  await expect(enable.or(disable)).toBeVisible();
  if (await enable.isVisible()) await enable.click();
  await expect(disable).toBeVisible({ timeout: 30_000 });
}

/** `rows` patients "<prefix>-000001"…, plus `bad` rows whose date is not a date (rejected at commit). */
export const patientsCsv = (prefix: string, rows: number, bad = 0) =>
  [
    "MRN,First name,Surname,DOB",
    ...Array.from({ length: rows }, (_, i) => `${prefix}-${String(i + 1).padStart(6, "0")},First${i},Last${i},1980-01-${String((i % 28) + 1).padStart(2, "0")}`),
    ...Array.from({ length: bad }, (_, i) => `${prefix}-BAD${i + 1},Bad,Date,31/12/1999`),
  ].join("\r\n") + "\r\n";

/** Upload and preview through the import pages, up to the button that starts the commit; returns the import id. */
export async function previewImport(page: Page, t: Target, prefix: string, bad = 0): Promise<string> {
  await page.goto(`${t.url}/imports/new?resource=core.patients`);
  await page.getByLabel("CSV file").setInputFiles({ name: `${prefix}.csv`, mimeType: "text/csv", buffer: Buffer.from(patientsCsv(prefix, t.rows, bad)) });
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const id = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Preview", exact: true })).toBeVisible({ timeout: 90_000 });
  return id;
}

/** The commit button names the valid rows only (rejected ones are left out). */
export const commitImport = (page: Page, t: Target) => page.getByRole("button", { name: `Import ${t.rows.toLocaleString("en-US")} rows` }).click();

/** Items to mark out of stock: test data written directly, the operation is then started in the UI. */
export async function seedItems(t: Target, prefix: string) {
  await t.sql(
    `INSERT INTO inventory_items (id, "organizationId", name, sku, quantity, unit, price, "reorderThreshold", "inStock", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, $2 || ' item ' || g, $2 || '-' || lpad(g::text, 6, '0'), 10, 'box', 1.00, 2, true, now()
     FROM generate_series(1, $3::int) g`,
    [t.acmeId, prefix, t.items],
  );
}

export async function startBulk(page: Page, t: Target, prefix: string): Promise<string> {
  await page.goto(`${t.url}/inventory?q=${prefix}`);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  // Above 10,000 the list's count is an estimate ("Select all about 50,000 matching items",
  // core/lists/count.ts); the operation itself counts exactly (its total is checked below).
  await bar.getByRole("button", { name: /^Select all (about )?[\d,]+ matching items$/ }).click();
  await bar.getByRole("button", { name: "Mark out of stock" }).click();
  let id = "";
  await waitUntil("the bulk operation", async () => {
    const rows = await t.sql<{ id: string }>(`SELECT id::text AS id FROM inventory_bulk_operations WHERE "organizationId" = $1 AND filter->>'q' = $2`, [t.acmeId, prefix]);
    id = rows[0]?.id ?? "";
    return id !== "";
  }, 30_000);
  return id;
}

export const importState = async (t: Target, id: string) =>
  (await t.sql<{ status: string; createdCount: number; rejectedCount: number; rowsDone: number; error: string | null }>(
    `SELECT status, "createdCount", "rejectedCount", "rowsDone", error FROM data_imports WHERE id = $1`,
    [id],
  ))[0]!;
export const bulkState = async (t: Target, id: string) =>
  (await t.sql<{ status: string; done: number; total: number; error: string | null }>(`SELECT status, done, total, error FROM inventory_bulk_operations WHERE id = $1`, [id]))[0]!;

/** The import completed with every row of the file once (patients and undo journal); `bad` rows rejected. */
export async function expectImportedOnce(t: Target, prefix: string, importId: string, bad = 0) {
  expect(await importState(t, importId)).toMatchObject({ status: "completed", createdCount: t.rows, rejectedCount: bad, rowsDone: t.rows + bad, error: null });
  const [patients] = await t.sql<{ n: number; distinct: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT "medicalRecordNumber")::int AS distinct FROM patients WHERE "organizationId" = $1 AND "medicalRecordNumber" LIKE $2`,
    [t.acmeId, `${prefix}-%`],
  );
  expect(patients).toEqual({ n: t.rows, distinct: t.rows });
  // The undo journal: one entry per written row, none twice.
  const [journal] = await t.sql<{ n: number; distinct: number }>(`SELECT count(*)::int AS n, count(DISTINCT "recordId")::int AS distinct FROM data_import_changes WHERE "importId" = $1`, [importId]);
  expect(journal).toEqual({ n: t.rows, distinct: t.rows });
}

/** The bulk operation completed over every item once: all marked out of stock. */
export async function expectBulkDoneOnce(t: Target, prefix: string, bulkId: string) {
  expect(await bulkState(t, bulkId)).toMatchObject({ status: "completed", done: t.items, total: t.items, error: null });
  const [stock] = await t.sql<{ still: number }>(`SELECT count(*) FILTER (WHERE "inStock")::int AS still FROM inventory_items WHERE "organizationId" = $1 AND sku LIKE $2`, [t.acmeId, `${prefix}-%`]);
  expect(stock!.still).toBe(0);
}
