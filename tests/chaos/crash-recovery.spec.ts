// Crash recovery of `npm start` (issue 20), for real: the run command with its production server, the
// embedded job executor and the embedded PostgreSQL, driven through HTTP in Chromium as a clinic
// manager would — a 60,000-row patient import and a background "mark out of stock" of 50,000 items
// running at once — while the test SIGKILLs, in turn, the executor, the server (the primary of its
// worker processes) and the postmaster. Each time both must finish by themselves, with every row
// written exactly once (checked in SQL against the file), within the lease + 30 s of the killed
// process coming back. The recovery times are printed. Then SIGTERM to the npm process alone must stop
// everything (npm passes it to the run command, which `exec`s node) and exit 0.
import { expect, test, type Page } from "@playwright/test";
import { healthy, sql, startApp, TIMING, waitUntil, type RunningApp } from "./app";

// In order on one app, and a failure does not skip the rest (the last test stops the app).
test.describe.configure({ mode: "default" });

const IMPORT_ROWS = 60_000;
const BULK_ITEMS = 50_000;
let app: RunningApp;
let acmeId: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  app = await startApp();
  // First start: initdb, migrations, demo seed, build loading: allow it time on a busy 2-core box.
  await waitUntil("the app to answer", () => healthy(app), 200_000, 500).catch((err) => {
    throw new Error(`${err.message}\n${app.output().slice(-4000)}`);
  });
  acmeId = (await sql<{ id: string }>(app, "SELECT id::text AS id FROM organizations WHERE slug = 'acme'"))[0]!.id;
});

test.afterAll(async () => {
  // After a failure the app may still run: nothing it started may outlive the tests.
  app?.killGroup();
});

async function signIn(page: Page) {
  await page.goto(`${app.url}/login`);
  await page.getByLabel("Email", { exact: true }).fill("owner@acme.test");
  await page.getByLabel("Password", { exact: true }).fill("ritiko-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible({ timeout: 30_000 });
}

async function ensureInventoryEnabled(page: Page) {
  await page.goto(`${app.url}/plugins`);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Inventory/ }) });
  const enable = card.getByRole("button", { name: "Enable Inventory" });
  const disable = card.getByRole("button", { name: "Disable Inventory" });
  await expect(enable.or(disable)).toBeVisible();
  if (await enable.isVisible()) await enable.click();
  await expect(disable).toBeVisible({ timeout: 30_000 });
}

const patientsCsv = (prefix: string) =>
  ["MRN,First name,Surname,DOB", ...Array.from({ length: IMPORT_ROWS }, (_, i) => `${prefix}-${String(i + 1).padStart(6, "0")},First${i},Last${i},1980-01-${String((i % 28) + 1).padStart(2, "0")}`)].join("\r\n") + "\r\n";

/** Upload and preview through the import pages, up to the button that starts the commit; returns the import id. */
async function previewImport(page: Page, prefix: string): Promise<string> {
  await page.goto(`${app.url}/imports/new?resource=core.patients`);
  await page.getByLabel("CSV file").setInputFiles({ name: `${prefix}.csv`, mimeType: "text/csv", buffer: Buffer.from(patientsCsv(prefix)) });
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const id = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Preview", exact: true })).toBeVisible({ timeout: 90_000 });
  return id;
}

const commitImport = (page: Page) => page.getByRole("button", { name: `Import ${IMPORT_ROWS.toLocaleString("en-US")} rows` }).click();

/** Items to mark out of stock: test data written directly, the operation is then started in the UI. */
async function seedItems(prefix: string) {
  await sql(
    app,
    `INSERT INTO inventory_items (id, "organizationId", name, sku, quantity, unit, price, "reorderThreshold", "inStock", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, $2 || ' item ' || g, $2 || '-' || lpad(g::text, 6, '0'), 10, 'box', 1.00, 2, true, now()
     FROM generate_series(1, $3::int) g`,
    [acmeId, prefix, BULK_ITEMS],
  );
}

async function startBulk(page: Page, prefix: string): Promise<string> {
  await page.goto(`${app.url}/inventory?q=${prefix}`);
  await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  // Above 10,000 the list's count is an estimate ("Select all about 50,000 matching items",
  // core/lists/count.ts); the operation itself counts exactly (its total is checked below).
  await bar.getByRole("button", { name: /^Select all (about )?[\d,]+ matching items$/ }).click();
  await bar.getByRole("button", { name: "Mark out of stock" }).click();
  let id = "";
  await waitUntil("the bulk operation", async () => {
    const rows = await sql<{ id: string }>(app, `SELECT id::text AS id FROM inventory_bulk_operations WHERE "organizationId" = $1 AND filter->>'q' = $2`, [acmeId, prefix]);
    id = rows[0]?.id ?? "";
    return id !== "";
  }, 30_000);
  return id;
}

const importState = async (id: string) =>
  (await sql<{ status: string; createdCount: number; rowsDone: number; error: string | null }>(app, `SELECT status, "createdCount", "rowsDone", error FROM data_imports WHERE id = $1`, [id]))[0]!;
const bulkState = async (id: string) =>
  (await sql<{ status: string; done: number; total: number; error: string | null }>(app, `SELECT status, done, total, error FROM inventory_bulk_operations WHERE id = $1`, [id]))[0]!;

async function expectEveryRowOnce(prefix: string, importId: string, bulkId: string) {
  expect(await importState(importId)).toMatchObject({ status: "completed", createdCount: IMPORT_ROWS, rowsDone: IMPORT_ROWS, error: null });
  const [patients] = await sql<{ n: number; distinct: number }>(
    app,
    `SELECT count(*)::int AS n, count(DISTINCT "medicalRecordNumber")::int AS distinct FROM patients WHERE "organizationId" = $1 AND "medicalRecordNumber" LIKE $2`,
    [acmeId, `${prefix}-%`],
  );
  expect(patients).toEqual({ n: IMPORT_ROWS, distinct: IMPORT_ROWS });
  // The undo journal: one entry per row of the file, none twice.
  const [journal] = await sql<{ n: number; distinct: number }>(app, `SELECT count(*)::int AS n, count(DISTINCT "recordId")::int AS distinct FROM data_import_changes WHERE "importId" = $1`, [importId]);
  expect(journal).toEqual({ n: IMPORT_ROWS, distinct: IMPORT_ROWS });

  expect(await bulkState(bulkId)).toMatchObject({ status: "completed", done: BULK_ITEMS, total: BULK_ITEMS, error: null });
  const [stock] = await sql<{ still: number }>(app, `SELECT count(*) FILTER (WHERE "inStock")::int AS still FROM inventory_items WHERE "organizationId" = $1 AND sku LIKE $2`, [acmeId, `${prefix}-%`]);
  expect(stock!.still).toBe(0);
}

const VICTIMS = ["executor", "server", "postmaster"] as const;

for (const victim of VICTIMS) {
  test(`SIGKILL of the ${victim} in the middle of an import and a bulk operation: both finish by themselves, every row once`, async ({ page, context }) => {
    test.setTimeout(300_000);
    const prefix = `CHAOS${victim.slice(0, 3).toUpperCase()}${Date.now().toString(36).toUpperCase()}`;
    await seedItems(prefix);
    await signIn(page);
    await ensureInventoryEnabled(page);
    // The import waits at its preview in one tab while the bulk operation is started in another; then
    // the commit starts, so that both are running when the kill comes.
    const importId = await previewImport(page, prefix);
    const bulkId = await startBulk(await context.newPage(), prefix);
    await commitImport(page);
    await waitUntil("both under way", async () => {
      const [imp, op] = [await importState(importId), await bulkState(bulkId)];
      return imp.status === "committing" && imp.rowsDone > 0 && op.status === "running" && op.done > 0;
    }, 60_000, 50).catch(async (err) => {
      throw new Error(`${err.message}: import ${JSON.stringify(await importState(importId))}, operation ${JSON.stringify(await bulkState(bulkId))}\n${app.output().slice(-3000)}`);
    });
    const [impAtKill, opAtKill] = [await importState(importId), await bulkState(bulkId)];
    expect(impAtKill.rowsDone, "the kill lands before the import is through").toBeLessThan(IMPORT_ROWS);
    expect(opAtKill.done, "the kill lands before the operation is through").toBeLessThan(BULK_ITEMS);

    const pid = app.pidOf(victim)!;
    expect(pid, `the ${victim}'s pid`).toBeGreaterThan(0);
    process.kill(pid, "SIGKILL");
    const killedAt = Date.now();
    // Back: a new process of the same kind, serving.
    const back = async () => {
      const now = app.pidOf(victim);
      if (!now || now === pid) return false;
      if (victim === "server") return healthy(app);
      if (victim === "postmaster") return (await sql(app, "SELECT 1")).length === 1;
      return true;
    };
    await waitUntil(`the ${victim} to come back`, back, 120_000);
    const backAt = Date.now();
    if (victim === "executor") {
      // Until the lease ends, the Jobs page says the runs wait to resume instead of "Running" (the app's
      // run records: no call for IDLE_STALL_MS, core/jobs/activity.ts).
      const jobs = await context.newPage();
      await jobs.goto(`${app.url}/jobs?status=running`);
      await expect(async () => {
        await jobs.reload();
        await expect(jobs.getByText(/Waiting to resume/).first()).toBeVisible({ timeout: 1_000 });
        await expect(jobs.getByText(/nothing has run since \d\d:\d\d:\d\d; the job runner retries it/).first()).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: TIMING.leaseMs - 5_000 });
    }

    // No manual step: both finish within the lease + 30 s of the process coming back.
    const budget = TIMING.leaseMs + 30_000;
    await waitUntil("the import and the operation to finish", async () => (await importState(importId)).status !== "committing" && ["completed", "failed"].includes((await bulkState(bulkId)).status), budget - (Date.now() - backAt), 500).catch(async (err) => {
      throw new Error(`${err.message}: import ${JSON.stringify(await importState(importId))}, operation ${JSON.stringify(await bulkState(bulkId))}\n${app.output().slice(-3000)}`);
    });
    const doneAt = Date.now();
    await expectEveryRowOnce(prefix, importId, bulkId);
    const line = `chaos: ${victim} killed at import row ${impAtKill.rowsDone.toLocaleString("en-US")} / operation ${opAtKill.done.toLocaleString("en-US")}; back after ${((backAt - killedAt) / 1000).toFixed(1)} s; both finished ${((doneAt - backAt) / 1000).toFixed(1)} s after that (budget ${budget / 1000} s)`;
    console.log(line);
    test.info().annotations.push({ type: "recovery", description: line });
  });
}

test("SIGTERM to the npm process alone stops the server, the executor and PostgreSQL, and exits 0", async () => {
  test.setTimeout(90_000);
  const pids = { server: app.pidOf("server"), executor: app.pidOf("executor"), postmaster: app.pidOf("postmaster") };
  app.npm.kill("SIGTERM");
  expect(await app.exited).toBe(0);
  const alive = (pid?: number) => {
    if (!pid) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  expect(Object.entries(pids).filter(([, pid]) => alive(pid))).toEqual([]);
});
