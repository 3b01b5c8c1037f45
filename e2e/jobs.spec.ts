// The Jobs page (owners and admins): the run list with its filters and duration sort, a run's
// detail, Re-run and Cancel. Each test writes the runs it needs straight into the database, under
// function ids unique to the test. The e2e server runs the embedded job executor (playwright.config.ts),
// which claims only queue items of runs of the app it synced ("ritiko"): these runs belong to another
// app id (SEED_APP), so nothing picks them up — a re-run stays queued, as these tests expect — while
// the executor keeps running the real jobs of the other specs.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { BIRCH, query, signIn, unique } from "./helpers";

type RunSeed = {
  org: "acme" | "birch";
  functionId: string;
  status: "queued" | "running" | "completed" | "failed" | "cancelled";
  /** Minutes before now the run was queued (orders the list). */
  queuedMinutesAgo: number;
  /** Set for started runs; with endedAfterMs, a finished one. */
  startedMinutesAgo?: number;
  durationMs?: number;
  attempt?: number;
  output?: unknown;
  error?: unknown;
  eventData?: Record<string, unknown>;
  steps?: Array<{ hash: string; data?: unknown; error?: unknown }>;
  /** A pending "start" item, due tomorrow so no worker of any other test would claim it. */
  queued?: boolean;
};

const MINUTE = 60_000;
/** An app the e2e executor does not serve (it claims only work of "ritiko", inngest/executor/queue.ts). */
const SEED_APP = "ritiko-e2e-unserved";

/** Writes events, runs, steps and queue items as the executor would; returns the run ids in order. */
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
      const eventId = randomUUID();
      const runId = randomUUID();
      const createdAt = new Date(now - r.queuedMinutesAgo * MINUTE);
      const startedAt = r.startedMinutesAgo !== undefined ? new Date(now - r.startedMinutesAgo * MINUTE) : null;
      const endedAt = startedAt && r.durationMs !== undefined ? new Date(startedAt.getTime() + r.durationMs) : null;
      await client.query(`INSERT INTO job_events (id, name, data, ts, "dedupeKey") VALUES ($1, $2, $3::jsonb, $4, $5)`, [
        eventId,
        "ritiko/e2e.jobs",
        JSON.stringify({ organizationId, ...r.eventData }),
        createdAt,
        `evt-${runId}`,
      ]);
      await client.query(
        `INSERT INTO job_runs (id, "appId", "functionId", "eventId", status, attempt, "maxAttempts", "stepUrl", output, error,
                               "organizationId", "createdAt", "updatedAt", "startedAt", "endedAt")
         VALUES ($1, $13, $2, $3, $4, $5, 4, $6, $7::jsonb, $8::jsonb, $9, $10, $10, $11, $12)`,
        [
          runId,
          r.functionId,
          eventId,
          r.status,
          r.attempt ?? 0,
          `http://127.0.0.1:9/api/inngest?fnId=${encodeURIComponent(r.functionId)}&stepId=step`,
          r.output === undefined ? null : JSON.stringify(r.output),
          r.error === undefined ? null : JSON.stringify(r.error),
          organizationId,
          createdAt,
          startedAt,
          endedAt,
          SEED_APP,
        ],
      );
      let stepAt = startedAt?.getTime() ?? createdAt.getTime();
      for (const s of r.steps ?? []) {
        stepAt += 1000;
        await client.query(`INSERT INTO job_steps ("runId", "stepHash", data, error, "createdAt") VALUES ($1, $2, $3::jsonb, $4::jsonb, $5)`, [
          runId,
          s.hash,
          s.data === undefined ? null : JSON.stringify(s.data),
          s.error === undefined ? null : JSON.stringify(s.error),
          new Date(stepAt),
        ]);
      }
      if (r.queued) {
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

test("an owner sees only the organization's runs, and another organization's run is not found", async ({ page, browser }) => {
  const p = unique("e2e-jobs-scope-");
  const [acmeRun, birchRun] = await seedRuns([
    { org: "acme", functionId: `${p}-export`, status: "completed", queuedMinutesAgo: 20, startedMinutesAgo: 20, durationMs: 4_200 },
    { org: "birch", functionId: `${p}-birch-digest`, status: "completed", queuedMinutesAgo: 10, startedMinutesAgo: 10, durationMs: 300 },
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
  expect((await page.goto("/jobs/not-a-uuid"))?.status()).toBe(404);

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
    { org: "acme", functionId: `${p}-reminders`, status: "completed", queuedMinutesAgo: 50, startedMinutesAgo: 50, durationMs: 4_200 },
    { org: "acme", functionId: `${p}-reminders`, status: "completed", queuedMinutesAgo: 40, startedMinutesAgo: 40, durationMs: 65_000 },
    { org: "acme", functionId: `${p}-export`, status: "failed", queuedMinutesAgo: 30, startedMinutesAgo: 30, durationMs: 850, attempt: 4, error: { message: "boom" } },
    { org: "acme", functionId: `${p}-reminders`, status: "queued", queuedMinutesAgo: 20, queued: true },
  ]);

  await signIn(page, "admin@acme.test");
  await page.goto(`/jobs?q=${p}`);
  // Newest first.
  const rows = dataRows(page);
  await expect(rows).toHaveCount(4);
  await expect(page.getByText(/· 4 matching ·/)).toBeVisible();
  await expect(rows.nth(0)).toContainText(`${p}-reminders`);
  await expect(rows.nth(0)).toContainText("Queued");
  await expect(rows.nth(0)).toContainText("—");
  await expect(rows.nth(1)).toContainText(`${p}-export`);
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
  await expect(runsTable(page).getByText("Queued", { exact: true })).toHaveCount(0);
  await expect(runsTable(page).getByText("Failed", { exact: true })).toHaveCount(0);
  await statusFilter.selectOption("running");
  await expect(page.getByText("No matching results")).toBeVisible();
  await statusFilter.selectOption("");
  await expect(page).not.toHaveURL(/status=/);
  await expect(rows).toHaveCount(4);

  // Function filter, alone and with a status.
  await functionFilter.selectOption(`${p}-reminders`);
  await expect(page).toHaveURL(/function=/);
  await expect(rows).toHaveCount(3);
  await expect(runsTable(page)).not.toContainText(`${p}-export`);
  await statusFilter.selectOption("queued");
  await expect(page).toHaveURL(/status=queued/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Queued");
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
  await expect(rows.nth(3)).toContainText("Queued");
  await durationSort.click();
  await expect(page).toHaveURL(/dir=asc/);
  await expect(durationHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(rows.nth(0)).toContainText("850 ms");
  await expect(rows.nth(1)).toContainText("4.2 s");
  await expect(rows.nth(2)).toContainText("1 min 05 s");
  await expect(rows.nth(3)).toContainText("Queued");
  // A filter keeps the sort.
  await statusFilter.selectOption("completed");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("4.2 s");
  await expect(rows.nth(1)).toContainText("1 min 05 s");
});

test("a run's detail shows its event, steps, output and error as text", async ({ page }) => {
  const p = unique("e2e-jobs-detail-");
  const [completed, failed] = await seedRuns([
    {
      org: "acme",
      functionId: `${p}-reminders`,
      status: "completed",
      queuedMinutesAgo: 30,
      startedMinutesAgo: 30,
      durationMs: 2_500,
      attempt: 0,
      eventData: { day: "2031-05-04" },
      output: { sent: 12, skipped: ["ACME-1001"] },
      steps: [
        { hash: "load-appointments", data: { count: 13 } },
        { hash: "send-emails", data: { sent: 12 } },
      ],
    },
    {
      org: "acme",
      functionId: `${p}-export`,
      status: "failed",
      queuedMinutesAgo: 20,
      startedMinutesAgo: 20,
      durationMs: 900,
      attempt: 4,
      error: { name: "Error", message: "<img src=x onerror=alert(1)> SMTP refused" },
      steps: [
        { hash: "collect", data: { rows: 3 } },
        { hash: "upload", error: { name: "Error", message: "bucket not found" } },
      ],
    },
  ]);

  await signIn(page, "owner@acme.test");
  await page.goto(`/jobs?q=${p}`);
  await dataRows(page).filter({ hasText: `${p}-reminders` }).getByRole("link", { name: `${p}-reminders` }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${completed}$`));
  await expect(page.getByRole("heading", { name: `${p}-reminders`, level: 1 })).toBeVisible();
  await expect(page.getByText(`Run ${completed}`)).toBeVisible();
  await expect(field(page, "Status")).toHaveText("Completed");
  await expect(field(page, "Attempts")).toHaveText("0 / 4");
  await expect(field(page, "Duration")).toHaveText("2.5 s");
  await expect(field(page, "App")).toHaveText(SEED_APP);
  await expect(field(page, "Pending work items")).toHaveText("0");
  await expect(page.getByLabel("Run output")).toContainText('"sent": 12');
  await expect(page.getByLabel("Run output")).toContainText('"ACME-1001"');
  await expect(page.getByLabel("Run error")).toHaveCount(0);
  await expect(page.getByText("ritiko/e2e.jobs", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Event data")).toContainText('"day": "2031-05-04"');
  await expect(page.getByText(`id evt-${completed}`)).toBeVisible();
  const steps = page.getByRole("listitem").filter({ has: page.locator("code") });
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText("load-appointments");
  await expect(steps.nth(0)).toContainText("Done");
  await expect(page.getByLabel("Step 1 data")).toContainText('"count": 13');
  await expect(page.getByLabel("Step 2 data")).toContainText('"sent": 12');
  // Finished successfully: neither Re-run nor Cancel.
  await expect(page.getByRole("button", { name: "Re-run" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);

  await page.getByRole("link", { name: "Jobs", exact: true }).first().click();
  await expect(page).toHaveURL(/\/jobs$/);
  await page.goto(`/jobs/${failed}`);
  await expect(field(page, "Status")).toHaveText("Failed");
  await expect(field(page, "Attempts")).toHaveText("4 / 4");
  // The error is shown as text, never as markup.
  await expect(page.getByLabel("Run error")).toContainText("<img src=x onerror=alert(1)> SMTP refused");
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByLabel("Run output")).toHaveCount(0);
  await expect(page.getByLabel("Step 1 data")).toContainText('"rows": 3');
  await expect(page.getByLabel("Step 2 error")).toContainText("bucket not found");
  await expect(page.getByRole("listitem").filter({ hasText: "upload" })).toContainText("Failed");
  await expect(page.getByRole("button", { name: "Re-run" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
});

test("Re-run of a failed run queues a new run that appears in the list, and the old run is unchanged", async ({ page }) => {
  const p = unique("e2e-jobs-rerun-");
  const fn = `${p}-export`;
  const [failed] = await seedRuns([
    {
      org: "acme",
      functionId: fn,
      status: "failed",
      queuedMinutesAgo: 15,
      startedMinutesAgo: 15,
      durationMs: 1_200,
      attempt: 4,
      eventData: { exportId: "exp-1" },
      error: { name: "Error", message: "disk full" },
      steps: [{ hash: "collect", data: { rows: 3 } }],
    },
  ]);
  const before = await query(`SELECT * FROM job_runs WHERE id = $1`, [failed]);

  await signIn(page, "admin@acme.test");
  await page.goto(`/jobs/${failed}`);
  await expect(field(page, "Status")).toHaveText("Failed");
  await page.getByRole("button", { name: "Re-run" }).click();
  await expect(page.getByText("A new run was queued.")).toBeVisible();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page).not.toHaveURL(new RegExp(failed!));
  const rerunId = new URL(page.url()).pathname.split("/").pop()!;

  // The new run: same function and event, queued with its start item, nothing done yet.
  await expect(page.getByRole("heading", { name: fn, level: 1 })).toBeVisible();
  await expect(field(page, "Status")).toHaveText("Queued");
  await expect(field(page, "Attempts")).toHaveText("0 / 4");
  await expect(field(page, "Started")).toHaveText("—");
  await expect(field(page, "Pending work items")).toHaveText("1");
  await expect(page.getByLabel("Event data")).toContainText('"exportId": "exp-1"');
  await expect(page.getByText("No step has completed yet.")).toBeVisible();
  await expect(page.getByLabel("Run error")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Re-run" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel run" })).toBeVisible();

  // Both runs are in the list, the new one first.
  await page.goto(`/jobs?q=${p}`);
  const rows = dataRows(page);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Queued");
  await expect(rows.nth(0).getByRole("link", { name: fn })).toHaveAttribute("href", `/jobs/${rerunId}`);
  await expect(rows.nth(1)).toContainText("Failed");
  await expect(rows.nth(1).getByRole("link", { name: fn })).toHaveAttribute("href", `/jobs/${failed}`);

  // The old run is exactly as it was.
  await rows.nth(1).getByRole("link", { name: fn }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${failed}$`));
  await expect(field(page, "Status")).toHaveText("Failed");
  await expect(page.getByLabel("Run error")).toContainText("disk full");
  await expect(page.getByLabel("Step 1 data")).toContainText('"rows": 3');
  expect(await query(`SELECT * FROM job_runs WHERE id = $1`, [failed])).toEqual(before);
  const [fresh] = await query<{ eventId: string; organizationId: string }>(`SELECT "eventId", "organizationId" FROM job_runs WHERE id = $1`, [rerunId]);
  expect(fresh).toEqual({ eventId: before[0]!.eventId, organizationId: before[0]!.organizationId });
});

test("Cancel, after confirmation, turns a queued or running run cancelled and removes its pending work", async ({ page }) => {
  const p = unique("e2e-jobs-cancel-");
  const [queued, running] = await seedRuns([
    { org: "acme", functionId: `${p}-reminders`, status: "queued", queuedMinutesAgo: 5, queued: true },
    {
      org: "acme",
      functionId: `${p}-export`,
      status: "running",
      queuedMinutesAgo: 4,
      startedMinutesAgo: 4,
      attempt: 1,
      steps: [{ hash: "collect", data: { rows: 3 } }],
      queued: true,
    },
  ]);

  await signIn(page, "owner@acme.test");
  for (const [id, label] of [
    [queued!, "Queued"],
    [running!, "Running"],
  ] as const) {
    await page.goto(`/jobs/${id}`);
    await expect(field(page, "Status")).toHaveText(label);
    await expect(field(page, "Pending work items")).toHaveText("1");
    await expect(field(page, "Ended")).toHaveText("—");
    await expect(page.getByRole("button", { name: "Re-run" })).toHaveCount(0);

    // "Keep running" changes nothing.
    await page.getByRole("button", { name: "Cancel run" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Cancel this run?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Keep running" }).click();
    await expect(dialog).toBeHidden();
    await expect(field(page, "Status")).toHaveText(label);

    await page.getByRole("button", { name: "Cancel run" }).click();
    await dialog.getByRole("button", { name: "Cancel run" }).click();
    await expect(page.getByText("The run was cancelled.")).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(field(page, "Status")).toHaveText("Cancelled");
    await expect(field(page, "Pending work items")).toHaveText("0");
    await expect(field(page, "Ended")).not.toHaveText("—");
    await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Re-run" })).toBeVisible();
    await page.reload();
    await expect(field(page, "Status")).toHaveText("Cancelled");
  }
  // Steps already done stay.
  await expect(page.getByLabel("Step 1 data")).toContainText('"rows": 3');

  await page.goto(`/jobs?q=${p}&status=cancelled`);
  await expect(dataRows(page)).toHaveCount(2);
  await page.goto(`/jobs?q=${p}&status=queued`);
  await expect(page.getByText("No matching results")).toBeVisible();
});

test("staff and viewers have no Jobs menu item and get 403 on the Jobs pages", async ({ page }) => {
  const [run] = await seedRuns([
    { org: "acme", functionId: `${unique("e2e-jobs-denied-")}-export`, status: "failed", queuedMinutesAgo: 5, startedMinutesAgo: 5, durationMs: 10, error: { message: "x" } },
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
