// The Jobs page (owners and admins): the run list with its filters and duration sort, a run's
// detail, Re-run and Cancel — all read from the app's own run records (job_run_records, written by the
// SDK middleware inngest/run-records on any Inngest). Most tests write the records they need straight
// into the database, under function ids unique to the test; the first drives a real import through the
// REST API and finds its runs as the middleware recorded them. Cancel goes through the embedded
// executor's cancellation API (POST /v1/cancellations, as on Inngest Cloud): its tests also seed the
// executor's own run, for an app the executor does not serve (SEED_APP: nothing claims its work).
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { BIRCH, createToken, ensureInventoryEnabled, query, signIn, unique } from "./helpers";

type RunSeed = {
  org: "acme" | "birch";
  functionId: string;
  functionName?: string;
  status: "running" | "completed" | "failed" | "cancelled";
  startedMinutesAgo: number;
  /** A finished run's duration. */
  durationMs?: number;
  attempts?: number;
  output?: unknown;
  error?: unknown;
  eventData?: Record<string, unknown>;
  /** The triggering event's name (default ritiko/e2e.jobs, which no job claims). */
  eventName?: string;
  steps?: Array<{ name: string; status?: string; durationMs?: number; outputBytes?: number; error?: unknown; attempts?: number }>;
  /** Also the executor's own run, running with a pending item due tomorrow (for Cancel). */
  inExecutor?: boolean;
  waiting?: { type: string; step: string };
};

const MINUTE = 60_000;
/** An app the e2e executor does not serve (it claims only work of "ritiko", inngest/executor/queue.ts). */
const SEED_APP = "ritiko-e2e-unserved";

/** Writes run records (and, with inExecutor, the executor's run) as the middleware would; returns the run ids in order. */
async function seedRuns(runs: RunSeed[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    const orgs = new Map<string, string>();
    for (const r of await client.query<{ id: string; slug: string }>(`SELECT id, slug FROM organizations WHERE slug IN ('acme', 'birch')`).then((x) => x.rows)) {
      orgs.set(r.slug, r.id);
    }
    const ids: string[] = [];
    const now = Date.now();
    for (const r of runs) {
      const organizationId = orgs.get(r.org);
      if (!organizationId) throw new Error(`organization ${r.org} is not seeded`);
      const runId = randomUUID();
      const eventId = `evt-${runId}`;
      const data = { organizationId, ...r.eventData };
      const startedAt = new Date(now - r.startedMinutesAgo * MINUTE);
      const endedAt = r.durationMs !== undefined ? new Date(startedAt.getTime() + r.durationMs) : null;
      const output = r.output === undefined ? null : JSON.stringify(r.output);
      await client.query(
        `INSERT INTO job_run_records (id, "organizationId", "appId", "functionId", "functionName", "eventId", "eventName", "eventData",
                                      "eventTs", status, attempts, "maxAttempts", "startedAt", "endedAt", "lastSeenAt", waiting, output,
                                      "outputBytes", error)
         VALUES ($1, $2, $3, $4, $5, $6, $17, $7::jsonb, $8, $9, $10, 4, $8, $11, $12, $13::jsonb, $14::jsonb, $15, $16::jsonb)`,
        [
          runId, organizationId, SEED_APP, r.functionId, r.functionName ?? r.functionId, eventId, JSON.stringify(data), startedAt, r.status,
          r.attempts ?? 1, endedAt, endedAt ?? startedAt, r.waiting ? JSON.stringify(r.waiting) : null, output,
          output === null ? null : Buffer.byteLength(output), r.error === undefined ? null : JSON.stringify(r.error),
          r.eventName ?? "ritiko/e2e.jobs",
        ],
      );
      let stepAt = startedAt.getTime();
      for (const [i, st] of (r.steps ?? []).entries()) {
        stepAt += 1000;
        await client.query(
          `INSERT INTO job_step_records ("runId", "stepId", "organizationId", name, type, status, attempts, "startedAt", "endedAt", "durationMs", "outputBytes", error)
           VALUES ($1, $2, $3, $4, 'run', $5, $6, $7, $8, $9, $10, $11::jsonb)`,
          [
            runId, `hash-${i}`, organizationId, st.name, st.status ?? "completed", st.attempts ?? 1, new Date(stepAt),
            st.durationMs === undefined ? null : new Date(stepAt + st.durationMs), st.durationMs ?? null, st.outputBytes ?? null,
            st.error === undefined ? null : JSON.stringify(st.error),
          ],
        );
      }
      if (r.inExecutor) {
        const stored = await client.query<{ id: string }>(
          `INSERT INTO job_events (id, name, data, ts, "dedupeKey") VALUES (gen_random_uuid(), 'ritiko/e2e.jobs', $1::jsonb, $2, $3) RETURNING id`,
          [JSON.stringify(data), startedAt, eventId],
        );
        await client.query(
          `INSERT INTO job_runs (id, "appId", "functionId", "eventId", status, attempt, "maxAttempts", "stepUrl", "organizationId", "createdAt", "updatedAt", "startedAt")
           VALUES ($1, $2, $3, $4, 'running', 0, 4, 'http://127.0.0.1:9/api/inngest', $5, $6, $6, $6)`,
          [runId, SEED_APP, `${SEED_APP}-${r.functionId}`, stored.rows[0]!.id, organizationId, startedAt],
        );
        await client.query(`INSERT INTO job_queue ("runId", kind, "dueAt") VALUES ($1, 'start', $2)`, [runId, new Date(now + 24 * 60 * MINUTE)]);
      }
      ids.push(runId);
    }
    await client.query("COMMIT");
    return ids;
  } finally {
    await client.end();
  }
}

const runsTable = (page: Page) => page.getByRole("table", { name: "Background job runs" });
/** The data rows of the run list (the header row is the first `row`). */
const dataRows = (page: Page) => runsTable(page).locator("tbody tr");
/** A labelled value of the run detail's summary, e.g. field(page, "Status"). */
const field = (page: Page, label: string) => page.locator("dl > div").filter({ has: page.getByText(label, { exact: true }) }).locator("dd");

test("a real import's preview and commit are recorded as runs with their named steps", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page, "owner@acme.test");
  const token = await createToken(page, unique("jobs-e2e"));
  const auth = { Authorization: `Bearer ${token}` };
  const p = unique("JOBS").toUpperCase();
  const csv = ["MRN,First name,Surname,DOB", `${p}-1,Ada,Lovelace,1915-12-10`, `${p}-2,Alan,Turing,1912-06-23`].join("\n") + "\n";
  const api = `${baseURL}/api/v1/imports`;
  const uploaded = await fetch(`${api}?resource=core.patients`, { method: "POST", headers: { ...auth, "x-file-name": "patients.csv" }, body: csv });
  expect(uploaded.status).toBe(201);
  const { id } = (await uploaded.json()) as { id: string };
  const status = async () => ((await (await fetch(`${api}/${id}`, { headers: auth })).json()) as { status: string }).status;
  expect((await fetch(`${api}/${id}/preview`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: "{}" })).status).toBe(202);
  await expect.poll(status, { timeout: 30_000 }).toBe("previewed");
  expect((await fetch(`${api}/${id}/commit`, { method: "POST", headers: auth })).status).toBe(202);
  await expect.poll(status, { timeout: 30_000 }).toBe("completed");

  // The middleware wrote both runs as they ran, under the import's event.
  const recorded = async () =>
    query<{ runId: string; functionId: string; status: string }>(
      `SELECT id AS "runId", "functionId", status FROM job_run_records WHERE "eventData"->>'importId' = $1 ORDER BY "startedAt"`,
      [id],
    );
  await expect.poll(async () => (await recorded()).map((r) => `${r.functionId}:${r.status}`), { timeout: 15_000 }).toEqual([
    "core-import-preview:completed",
    "core-import-commit:completed",
  ]);
  const commitRun = (await recorded())[1]!.runId;

  await page.goto("/jobs?function=core-import-commit");
  await expect(dataRows(page).getByRole("link", { name: "Import commit" }).first()).toBeVisible();
  await page.goto(`/jobs/${commitRun}`);
  await expect(page.getByRole("heading", { name: "Import commit", level: 1 })).toBeVisible();
  await expect(page.getByText(`Run ${commitRun} · core-import-commit`)).toBeVisible();
  await expect(field(page, "Status")).toHaveText("Completed");
  await expect(field(page, "Attempts")).toHaveText("1 / 4");
  await expect(page.getByLabel("Event data")).toContainText(`"importId": "${id}"`);
  await expect(page.getByLabel("Run output")).toContainText('"steps": 1');
  const steps = page.getByRole("table", { name: "Steps" }).locator("tbody tr");
  await expect(steps).toHaveCount(1);
  await expect(steps.first()).toContainText("commit-1");
  await expect(steps.first()).toContainText("Done");
  await expect(page.getByRole("button", { name: "Re-run" })).toHaveCount(0);
  // The run links to what it worked on: the import's own page.
  await expect(field(page, "Worked on")).toHaveText(`Commit of import ${id.slice(0, 8)}`);
  await field(page, "Worked on").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/imports/${id}$`));
});

test("runs link to what they worked on: the bulk operation's list and the nightly check's low stock; an unknown event links nowhere", async ({ page }) => {
  const p = unique("subj");
  const operationId = randomUUID();
  await seedRuns([
    { org: "acme", functionId: `${p}-bulk`, functionName: `${p} bulk`, status: "completed", startedMinutesAgo: 3, durationMs: 800, eventName: "inventory/bulk-operation.requested", eventData: { operationId } },
    { org: "acme", functionId: `${p}-nightly`, functionName: `${p} nightly`, status: "completed", startedMinutesAgo: 2, durationMs: 500, eventName: "inventory/nightly-check.requested", eventData: { localDate: "2031-05-04" } },
    { org: "acme", functionId: `${p}-other`, functionName: `${p} other`, status: "completed", startedMinutesAgo: 1, durationMs: 100 },
  ]);
  await signIn(page, "owner@acme.test");
  // Inventory's runs link through its manifest, so only while it is enabled.
  await ensureInventoryEnabled(page);
  await page.goto(`/jobs?q=${p}`);
  await expect(dataRows(page)).toHaveCount(3);
  await expect(dataRows(page).filter({ hasText: `${p} bulk` }).getByRole("link", { name: `Bulk action ${operationId.slice(0, 8)} on the inventory list` })).toHaveAttribute("href", "/inventory");
  const nightly = dataRows(page).filter({ hasText: `${p} nightly` }).getByRole("link", { name: "Nightly stock check of 2031-05-04" });
  await expect(nightly).toHaveAttribute("href", "/inventory?stock=low");
  // Only the function name links (to the run); "Worked on" is a dash.
  await expect(dataRows(page).filter({ hasText: `${p} other` }).getByRole("link")).toHaveCount(1);
  await nightly.click();
  await expect(page).toHaveURL(/\/inventory\?stock=low$/);
});

test("an owner sees only the organization's runs, and another organization's run is not found", async ({ page, browser }) => {
  const p = unique("e2e-jobs-scope-");
  const [acmeRun, birchRun] = await seedRuns([
    { org: "acme", functionId: `${p}-export`, status: "completed", startedMinutesAgo: 20, durationMs: 4_200 },
    { org: "birch", functionId: `${p}-birch-digest`, status: "completed", startedMinutesAgo: 10, durationMs: 300 },
  ]);

  await signIn(page, "owner@acme.test");
  await page.getByRole("link", { name: "Jobs", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search" }).fill(p);
  await expect(page).toHaveURL(new RegExp(`q=${p}`));
  // The Birch run matches the search too, but does not exist for Acme: not listed, not a filter option.
  await expect(dataRows(page)).toHaveCount(1);
  await expect(dataRows(page).first()).toContainText(`${p}-export`);
  await expect(page.getByText(/· 1 matching ·/)).toBeVisible();
  await expect(runsTable(page)).not.toContainText(`${p}-birch-digest`);
  const functionFilter = page.getByLabel("Function", { exact: true });
  await expect(functionFilter.locator("option", { hasText: `${p}-export` })).toHaveCount(1);
  await expect(functionFilter.locator("option", { hasText: `${p}-birch-digest` })).toHaveCount(0);

  const res = await page.goto(`/jobs/${birchRun}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
  expect((await page.goto("/jobs/no-such-run"))?.status()).toBe(404);
  // A malformed escape in the id is an unknown run, not a server error.
  expect((await page.goto("/jobs/%25zz"))?.status()).toBe(404);

  // Birch sees only its own run, and Acme's is not found there.
  const birch = await browser.newPage();
  await signIn(birch, "owner@birch.test");
  await expect(birch.getByText(BIRCH).first()).toBeVisible();
  await birch.goto(`/jobs?q=${p}`);
  await expect(dataRows(birch)).toHaveCount(1);
  await expect(dataRows(birch).first()).toContainText(`${p}-birch-digest`);
  expect((await birch.goto(`/jobs/${birchRun}`))?.status()).toBe(200);
  await expect(birch.getByRole("heading", { name: `${p}-birch-digest`, level: 1 })).toBeVisible();
  expect((await birch.goto(`/jobs/${acmeRun}`))?.status()).toBe(404);
  await birch.close();
});

test("the status and function filters narrow the run list, and Duration sorts it both ways", async ({ page }) => {
  const p = unique("e2e-jobs-list-");
  await seedRuns([
    { org: "acme", functionId: `${p}-reminders`, functionName: `${p} Reminders`, status: "completed", startedMinutesAgo: 50, durationMs: 4_200 },
    { org: "acme", functionId: `${p}-reminders`, functionName: `${p} Reminders`, status: "completed", startedMinutesAgo: 40, durationMs: 65_000 },
    { org: "acme", functionId: `${p}-export`, functionName: `${p} Export`, status: "failed", startedMinutesAgo: 30, durationMs: 850, attempts: 4, error: { message: "boom" } },
    { org: "acme", functionId: `${p}-reminders`, functionName: `${p} Reminders`, status: "running", startedMinutesAgo: 20, waiting: { type: "sleep", step: "until-morning" } },
  ]);

  await signIn(page, "admin@acme.test");
  await page.goto(`/jobs?q=${p}`);
  // Newest first.
  const rows = dataRows(page);
  await expect(rows).toHaveCount(4);
  await expect(page.getByText(/· 4 matching ·/)).toBeVisible();
  await expect(rows.nth(0)).toContainText(`${p} Reminders`);
  await expect(rows.nth(0)).toContainText("Sleeping");
  await expect(rows.nth(0)).toContainText("at step “until-morning”");
  await expect(rows.nth(0)).toContainText("—");
  await expect(rows.nth(1)).toContainText(`${p} Export`);
  await expect(rows.nth(1)).toContainText("Failed");
  await expect(rows.nth(1)).toContainText("850 ms");
  await expect(rows.nth(1)).toContainText("4 / 4");
  await expect(rows.nth(2)).toContainText("1 min 05 s");
  await expect(rows.nth(3)).toContainText("4.2 s");

  // Status filter.
  const statusFilter = page.getByLabel("Status", { exact: true });
  const functionFilter = page.getByLabel("Function", { exact: true });
  await statusFilter.selectOption("completed");
  await expect(page).toHaveURL(/status=completed/);
  await expect(rows).toHaveCount(2);
  await expect(runsTable(page).getByText("Sleeping", { exact: true })).toHaveCount(0);
  await expect(runsTable(page).getByText("Failed", { exact: true })).toHaveCount(0);
  await statusFilter.selectOption("cancelled");
  await expect(page.getByText("No matching results")).toBeVisible();
  await statusFilter.selectOption("");
  await expect(page).not.toHaveURL(/status=/);
  await expect(rows).toHaveCount(4);

  // Function filter (by name), alone and with a status.
  await functionFilter.selectOption({ label: `${p} Reminders` });
  await expect(page).toHaveURL(/function=/);
  await expect(rows).toHaveCount(3);
  await expect(runsTable(page)).not.toContainText(`${p} Export`);
  await statusFilter.selectOption("running");
  await expect(page).toHaveURL(/status=running/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Sleeping");
  await statusFilter.selectOption("");
  await functionFilter.selectOption("");
  await expect(page).not.toHaveURL(/function=|status=/);
  await expect(rows).toHaveCount(4);

  // Duration: longest first, then shortest first; a run without a duration is last both ways.
  const durationHeader = runsTable(page).getByRole("columnheader", { name: "Duration" });
  const durationSort = runsTable(page).getByRole("button", { name: "Duration" });
  await durationSort.click();
  await expect(page).toHaveURL(/sort=duration/);
  await expect(page).toHaveURL(/dir=desc/);
  await expect(durationHeader).toHaveAttribute("aria-sort", "descending");
  await expect(rows.nth(0)).toContainText("1 min 05 s");
  await expect(rows.nth(1)).toContainText("4.2 s");
  await expect(rows.nth(2)).toContainText("850 ms");
  await expect(rows.nth(3)).toContainText("Sleeping");
  await durationSort.click();
  await expect(page).toHaveURL(/dir=asc/);
  await expect(durationHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(rows.nth(0)).toContainText("850 ms");
  await expect(rows.nth(1)).toContainText("4.2 s");
  await expect(rows.nth(2)).toContainText("1 min 05 s");
  await expect(rows.nth(3)).toContainText("Sleeping");
  // A filter keeps the sort.
  await statusFilter.selectOption("completed");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("4.2 s");
  await expect(rows.nth(1)).toContainText("1 min 05 s");
});

test("a run's detail shows its event, named steps, output and error as text", async ({ page }) => {
  const p = unique("e2e-jobs-detail-");
  const [completed, failed] = await seedRuns([
    {
      org: "acme",
      functionId: `${p}-reminders`,
      functionName: "Send reminders",
      status: "completed",
      startedMinutesAgo: 30,
      durationMs: 2_500,
      eventData: { day: "2031-05-04" },
      output: { sent: 12, skipped: ["ACME-1001"] },
      steps: [
        { name: "load-appointments", durationMs: 400, outputBytes: 1_536 },
        { name: "send-emails", durationMs: 1_900, outputBytes: 12, attempts: 2 },
      ],
    },
    {
      org: "acme",
      functionId: `${p}-export`,
      status: "failed",
      startedMinutesAgo: 20,
      durationMs: 900,
      attempts: 4,
      error: { name: "Error", message: "<img src=x onerror=alert(1)> SMTP refused" },
      steps: [
        { name: "collect", durationMs: 100, outputBytes: 40 },
        { name: "upload", status: "failed", durationMs: 700, attempts: 4, error: { name: "Error", message: "bucket not found" } },
      ],
    },
  ]);

  await signIn(page, "owner@acme.test");
  await page.goto(`/jobs?q=${p}`);
  await dataRows(page).getByRole("link", { name: "Send reminders" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${completed}$`));
  await expect(page.getByRole("heading", { name: "Send reminders", level: 1 })).toBeVisible();
  await expect(page.getByText(`Run ${completed} · ${p}-reminders`)).toBeVisible();
  await expect(field(page, "Status")).toHaveText("Completed");
  await expect(field(page, "Attempts")).toHaveText("1 / 4");
  await expect(field(page, "Duration")).toHaveText("2.5 s");
  await expect(field(page, "Output size")).toHaveText("35 B");
  await expect(page.getByLabel("Run output")).toContainText('"sent": 12');
  await expect(page.getByLabel("Run output")).toContainText('"ACME-1001"');
  await expect(page.getByLabel("Run error")).toHaveCount(0);
  await expect(page.getByText("ritiko/e2e.jobs", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Event data")).toContainText('"day": "2031-05-04"');
  await expect(page.getByText(`id evt-${completed}`)).toBeVisible();
  const steps = page.getByRole("table", { name: "Steps" }).locator("tbody tr");
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText("load-appointments");
  await expect(steps.nth(0)).toContainText("Done");
  await expect(steps.nth(0)).toContainText("400 ms");
  await expect(steps.nth(0)).toContainText("1.5 KB");
  await expect(steps.nth(1)).toContainText("send-emails");
  await expect(steps.nth(1)).toContainText("1.9 s");
  // Finished successfully: neither Re-run nor Cancel.
  await expect(page.getByRole("button", { name: "Re-run" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);

  await page.goto(`/jobs/${failed}`);
  await expect(field(page, "Status")).toHaveText("Failed");
  await expect(field(page, "Attempts")).toHaveText("4 / 4");
  // The error is shown as text, never as markup.
  await expect(page.getByLabel("Run error")).toContainText("<img src=x onerror=alert(1)> SMTP refused");
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByLabel("Run output")).toHaveCount(0);
  await expect(page.getByLabel("Step 2 error")).toContainText("bucket not found");
  await expect(steps.filter({ hasText: "upload" })).toContainText("Failed");
  await expect(page.getByRole("button", { name: "Re-run" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
});

test("Re-run of a failed run sends its event again and lists the runs of the new event; the old run is unchanged", async ({ page }) => {
  const p = unique("e2e-jobs-rerun-");
  const [failed] = await seedRuns([
    { org: "acme", functionId: `${p}-export`, status: "failed", startedMinutesAgo: 15, durationMs: 1_200, attempts: 4, eventData: { exportId: p }, error: { name: "Error", message: "disk full" } },
  ]);
  const before = await query(`SELECT * FROM job_run_records WHERE id = $1`, [failed]);

  await signIn(page, "admin@acme.test");
  await page.goto(`/jobs/${failed}`);
  await expect(field(page, "Status")).toHaveText("Failed");
  await page.getByRole("button", { name: "Re-run" }).click();
  await expect(page.getByText(`ritiko/e2e.jobs was sent again: the new run of ${p}-export appears here when it starts.`)).toBeVisible();
  await expect(page).toHaveURL(/\/jobs\?event=/);
  const eventId = new URL(page.url()).searchParams.get("event")!;
  await expect(page.getByText(`runs of event ${eventId} (a run appears when it starts)`)).toBeVisible();

  // The job runner stored the event with the same name and data (no function of this app listens to it).
  const [sent] = await query<{ name: string; data: Record<string, unknown> }>(`SELECT name, data FROM job_events WHERE id::text = $1 OR "dedupeKey" = $1`, [eventId]);
  expect(sent).toEqual({ name: "ritiko/e2e.jobs", data: before[0]!.eventData });
  expect(await query(`SELECT * FROM job_run_records WHERE id = $1`, [failed])).toEqual(before);
});

test("Cancel, after confirmation, stops the run in the job runner and marks it cancelled", async ({ page }) => {
  const p = unique("e2e-jobs-cancel-");
  const [running] = await seedRuns([
    { org: "acme", functionId: `${p}-export`, status: "running", startedMinutesAgo: 4, steps: [{ name: "collect", durationMs: 300, outputBytes: 20 }], inExecutor: true },
  ]);

  await signIn(page, "owner@acme.test");
  await page.goto(`/jobs/${running}`);
  // Nothing has run for minutes: the page says so.
  await expect(field(page, "Status")).toContainText("Waiting to resume");
  await expect(field(page, "Status")).toContainText(/nothing has run since \d\d:\d\d:\d\d; the job runner retries it/);
  await expect(field(page, "Ended")).toHaveText("—");
  await expect(page.getByRole("button", { name: "Re-run" })).toHaveCount(0);

  // "Keep running" changes nothing.
  await page.getByRole("button", { name: "Cancel run" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Cancel this run?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Keep running" }).click();
  await expect(dialog).toBeHidden();
  expect(await query(`SELECT status FROM job_runs WHERE id = $1`, [running])).toEqual([{ status: "running" }]);

  await page.getByRole("button", { name: "Cancel run" }).click();
  await dialog.getByRole("button", { name: "Cancel run" }).click();
  await expect(page.getByText("The run was cancelled.")).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(field(page, "Status")).toHaveText("Cancelled");
  await expect(field(page, "Ended")).not.toHaveText("—");
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Re-run" })).toBeVisible();
  // The job runner's own run is cancelled and its pending work removed.
  expect(await query(`SELECT status FROM job_runs WHERE id = $1`, [running])).toEqual([{ status: "cancelled" }]);
  expect(await query(`SELECT 1 FROM job_queue WHERE "runId" = $1`, [running])).toEqual([]);
  await page.reload();
  await expect(field(page, "Status")).toHaveText("Cancelled");
  // Steps already done stay.
  await expect(page.getByRole("table", { name: "Steps" })).toContainText("collect");
  await page.goto(`/jobs?q=${p}&status=cancelled`);
  await expect(dataRows(page)).toHaveCount(1);
});

test("staff and viewers have no Jobs menu item and get 403 on the Jobs pages", async ({ page }) => {
  const [run] = await seedRuns([
    { org: "acme", functionId: `${unique("e2e-jobs-denied-")}-export`, status: "failed", startedMinutesAgo: 5, durationMs: 10, error: { message: "x" } },
  ]);
  for (const email of ["staff@acme.test", "viewer@acme.test"]) {
    await page.context().clearCookies();
    await signIn(page, email);
    await expect(page.getByRole("link", { name: "Patients" }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Jobs", exact: true })).toHaveCount(0);
    for (const url of ["/jobs", `/jobs/${run}`]) {
      const res = await page.goto(url);
      expect(res?.status(), `${email} ${url}`).toBe(403);
      await expect(page.getByText("You do not have access to this page")).toBeVisible();
    }
  }
});
