// Crash recovery of `npm start` (issue 20), for real: the run command with its production server, the
// embedded job executor and the embedded PostgreSQL, driven through HTTP in Chromium as a clinic
// manager would — a 60,000-row patient import and a background "mark out of stock" of 50,000 items
// running at once — while the test SIGKILLs, in turn, the executor, the server (the primary of its
// worker processes) and the postmaster. Each time both must finish by themselves, with every row
// written exactly once (checked in SQL against the file), moving again within the lease + 30 s of the
// killed process coming back. The recovery times are printed. Then SIGTERM to the npm process alone must stop
// everything (npm passes it to the run command, which `exec`s node) and exit 0.
import { expect, test } from "@playwright/test";
import { healthy, sql, startApp, TIMING, type RunningApp } from "./app";
import { bulkState, commitImport, ensureInventoryEnabled, expectBulkDoneOnce, expectImportedOnce, importState, previewImport, seedItems, signIn, startBulk, waitUntil, type Target } from "./flows";

// In order on one app, and a failure does not skip the rest (the last test stops the app).
test.describe.configure({ mode: "default" });

const IMPORT_ROWS = 60_000;
const BULK_ITEMS = 50_000;
let app: RunningApp;
let t: Target;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  app = await startApp();
  // First start: initdb, migrations, demo seed, build loading: allow it time on a busy 2-core box.
  await waitUntil("the app to answer", () => healthy(app), 200_000, 500).catch((err) => {
    throw new Error(`${err.message}\n${app.output().slice(-4000)}`);
  });
  const acmeId = (await sql<{ id: string }>(app, "SELECT id::text AS id FROM organizations WHERE slug = 'acme'"))[0]!.id;
  t = { url: app.url, sql: (text, params) => sql(app, text, params), acmeId, rows: IMPORT_ROWS, items: BULK_ITEMS };
});

test.afterAll(async () => {
  // After a failure the app may still run: nothing it started may outlive the tests.
  app?.killGroup();
});

async function expectEveryRowOnce(prefix: string, importId: string, bulkId: string) {
  await expectImportedOnce(t, prefix, importId);
  await expectBulkDoneOnce(t, prefix, bulkId);
}

const VICTIMS = ["executor", "server", "postmaster"] as const;

for (const victim of VICTIMS) {
  test(`SIGKILL of the ${victim} in the middle of an import and a bulk operation: both finish by themselves, every row once`, async ({ page, context }) => {
    test.setTimeout(420_000);
    const prefix = `CHAOS${victim.slice(0, 3).toUpperCase()}${Date.now().toString(36).toUpperCase()}`;
    await seedItems(t, prefix);
    await signIn(page, app.url);
    await ensureInventoryEnabled(page, app.url);
    // The import waits at its preview in one tab while the bulk operation is started in another; then
    // the commit starts, so that both are running when the kill comes.
    const importId = await previewImport(page, t, prefix);
    const bulkId = await startBulk(await context.newPage(), t, prefix);
    await commitImport(page, t);
    await waitUntil("both under way", async () => {
      const [imp, op] = [await importState(t, importId), await bulkState(t, bulkId)];
      return imp.status === "committing" && imp.rowsDone > 0 && op.status === "running" && op.done > 0;
    }, 60_000, 50).catch(async (err) => {
      throw new Error(`${err.message}: import ${JSON.stringify(await importState(t, importId))}, operation ${JSON.stringify(await bulkState(t, bulkId))}\n${app.output().slice(-3000)}`);
    });
    const [impAtKill, opAtKill] = [await importState(t, importId), await bulkState(t, bulkId)];
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
    const [impAtBack, opAtBack] = [await importState(t, importId), await bulkState(t, bulkId)];
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

    // No manual step: both are moving again within the lease + 30 s of the process coming back (the
    // recovery: a retry claims the work and writes its next batch), then run to the end. How long the
    // rest takes is the machine's speed, not recovery (run E: 55,000 of 60,000 rows done 71 s after the
    // executor came back, on a box also running the vitest lane and stress-ng), so the end gets its
    // own, generous wait.
    const budget = TIMING.leaseMs + 30_000;
    const moving = async () => {
      const [imp, op] = [await importState(t, importId), await bulkState(t, bulkId)];
      return (imp.status !== "committing" || imp.rowsDone > impAtBack.rowsDone) && (op.status !== "running" || op.done > opAtBack.done);
    };
    const stateText = async () => `import ${JSON.stringify(await importState(t, importId))}, operation ${JSON.stringify(await bulkState(t, bulkId))}\n${app.output().slice(-3000)}`;
    await waitUntil("the import and the operation to move again", moving, budget - (Date.now() - backAt), 250).catch(async (err) => {
      throw new Error(`${err.message} (at the kill: import row ${impAtBack.rowsDone}, operation ${opAtBack.done}): ${await stateText()}`);
    });
    const movingAt = Date.now();
    await waitUntil("the import and the operation to finish", async () => (await importState(t, importId)).status !== "committing" && ["completed", "failed"].includes((await bulkState(t, bulkId)).status), 180_000, 500).catch(async (err) => {
      throw new Error(`${err.message}: ${await stateText()}`);
    });
    const doneAt = Date.now();
    await expectEveryRowOnce(prefix, importId, bulkId);
    const line = `chaos: ${victim} killed at import row ${impAtKill.rowsDone.toLocaleString("en-US")} / operation ${opAtKill.done.toLocaleString("en-US")}; back after ${((backAt - killedAt) / 1000).toFixed(1)} s; both moving again ${((movingAt - backAt) / 1000).toFixed(1)} s after that (budget ${budget / 1000} s) and finished ${((doneAt - backAt) / 1000).toFixed(1)} s after it`;
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
