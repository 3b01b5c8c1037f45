// Two replicas, one database (issue 17.3): two `npm start` of the production build behind a
// round-robin proxy, one executor calling /api/inngest through that proxy, files on S3 (moto_server),
// one PostgreSQL (tests/chaos/replicas.ts). Every page load, server action and job call may land on
// either replica. Proven here, in order on the same set:
//   1. a session made on one replica works on the other;
//   2. durable event handlers run exactly once while both replicas' outbox dispatchers compete;
//   3. a 100,000-row import whose serving replica is SIGKILLed mid-commit completes through the other
//      with every row exactly once; files are on S3: the upload, and an export either replica downloads;
//   4. a background bulk operation likewise;
//   5. a cron fires once per tick (one run per scheduled minute).
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { expect, test, type Page } from "@playwright/test";
import { commitImport, ensureInventoryEnabled, expectBulkDoneOnce, expectImportedOnce, bulkState, importState, previewImport, seedItems, signIn, startBulk, waitUntil, type Target } from "./flows";
import { startReplicaSet, type ReplicaSet } from "./replicas";

test.describe.configure({ mode: "default" });

const IMPORT_ROWS = 100_000;
const BULK_ITEMS = 50_000;
const ALERT_ITEMS = 30;
let set: ReplicaSet;
let t: Target;
let startedAt: Date;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  set = await startReplicaSet();
  startedAt = new Date();
  const acmeId = (await set.sql<{ id: string }>("SELECT id::text AS id FROM organizations WHERE slug = 'acme'"))[0]!.id;
  t = { url: set.url, sql: (text, params) => set.sql(text, params), acmeId, rows: IMPORT_ROWS, items: BULK_ITEMS };
});

test.afterAll(async () => {
  await set?.stop();
});

const [A, B] = [0, 1] as const;
const replica = (i: number) => set.replicas[i]!;

async function createToken(page: Page): Promise<string> {
  await page.goto(`${set.url}/settings/api-tokens`);
  await page.getByLabel("Name").fill(`replicas-${Date.now()}`);
  await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  return page.getByLabel("New API token").inputValue();
}

test("a session made on one replica works on the other", async ({ page }) => {
  await signIn(page, replica(A).url);
  // The session cookie is the browser's for 127.0.0.1 (any port): replica B must accept what A issued.
  await page.goto(`${replica(B).url}/patients`);
  await expect(page.getByRole("heading", { name: "Patients", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`^${replica(B).url}/patients`));
  // Through the proxy, page after page alternates between the replicas.
  for (const [path, heading] of [["/", "Dashboard"], ["/patients", "Patients"], ["/appointments", "Appointments"], ["/jobs", "Jobs"]] as const) {
    await page.goto(`${set.url}${path}`);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
  }
  await ensureInventoryEnabled(page, set.url);
});

test("durable event handlers run exactly once while both replicas' dispatchers compete", async ({ page }) => {
  await signIn(page, set.url);
  const token = await createToken(page);
  const prefix = `ALERT${Date.now().toString(36).toUpperCase()}`;
  // Where low-stock e-mails go (caught in the outbox of mails: no SMTP is configured).
  await set.sql(
    `INSERT INTO plugin_settings ("organizationId", "pluginId", key, value, "updatedAt") VALUES ($1, 'inventory', 'notificationEmail', '"alerts@acme.test"', now())
     ON CONFLICT ("organizationId", "pluginId", key) DO UPDATE SET value = EXCLUDED.value`,
    [t.acmeId],
  );
  const items = await set.sql<{ id: string }>(
    `INSERT INTO inventory_items (id, "organizationId", name, sku, quantity, unit, price, "reorderThreshold", "inStock", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, $2 || ' alert ' || g, $2 || '-' || g, 10, 'box', 1.00, 5, true, now() FROM generate_series(1, $3::int) g
     RETURNING id::text AS id`,
    [t.acmeId, prefix, ALERT_ITEMS],
  );
  // Each adjustment crosses its item's threshold: one low-stock event, whose durable handler mails once.
  await Promise.all(
    items.map(async ({ id }) => {
      const res = await fetch(`${set.url}/api/v1/inventory/items/${id}/adjust-stock`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ amount: -8, reason: "replica test" }),
      });
      expect(res.status, await res.clone().text()).toBe(200);
    }),
  );
  const rows = async () =>
    set.sql<{ status: string; attempts: number }>(
      `SELECT o.status, o.attempts FROM event_outbox o WHERE o."organizationId" = $1 AND o."handlerKey" LIKE '%low-stock-email' AND o.payload->>'label' LIKE $2`,
      [t.acmeId, `${prefix} %`],
    );
  await waitUntil("every low-stock event delivered", async () => {
    const r = await rows();
    return r.length === ALERT_ITEMS && r.every((x) => x.status === "delivered");
  }, 90_000);
  // Claimed once each (SKIP LOCKED) across both dispatchers: no delivery was attempted twice.
  expect((await rows()).map((r) => r.attempts)).toEqual(Array(ALERT_ITEMS).fill(1));
  const [mails] = await set.sql<{ n: number }>(`SELECT count(*)::int AS n FROM mail_messages WHERE "organizationId" = $1 AND subject LIKE $2`, [t.acmeId, `Low stock: ${prefix} %`]);
  expect(mails!.n).toBe(ALERT_ITEMS);
});

test("an import whose serving replica is killed mid-commit completes through the other, every row once; files are on S3, readable from both", async ({ page, context }) => {
  test.setTimeout(300_000);
  const prefix = `REPL${Date.now().toString(36).toUpperCase()}`;
  await signIn(page, set.url);
  // One row is rejected (its date is not a date): counted as such, the rest imported once.
  const importId = await previewImport(page, t, prefix, 1);
  await commitImport(page, t);
  let victimName = "";
  await waitUntil("the commit under way on a replica", async () => {
    const imp = await importState(t, importId);
    victimName = set.servingJob("import-commit")?.name ?? "";
    return imp.status === "committing" && imp.rowsDone > 0 && victimName !== "";
  }, 90_000, 100);
  const atKill = await importState(t, importId);
  expect(atKill.rowsDone, "the kill lands before the import is through").toBeLessThan(IMPORT_ROWS);
  const victim = set.replicas.find((r) => r.name === victimName)!;
  set.kill(victim);
  const killedAt = Date.now();

  await waitUntil("the import to finish through the other replica", async () => (await importState(t, importId)).status !== "committing", 180_000, 500).catch(async (err) => {
    throw new Error(`${err.message}: ${JSON.stringify(await importState(t, importId))}\n${set.output().slice(-4000)}`);
  });
  const line = `replicas: replica ${victimName} killed at import row ${atKill.rowsDone.toLocaleString("en-US")} of ${IMPORT_ROWS.toLocaleString("en-US")}; the other finished it ${((Date.now() - killedAt) / 1000).toFixed(1)} s later`;
  console.log(line);
  test.info().annotations.push({ type: "recovery", description: line });
  await expectImportedOnce(t, prefix, importId, 1);
  expect([...set.servedJob("import-commit")].sort(), "both replicas ran steps of the commit").toEqual(["A", "B"]);

  // The upload is an S3 object, not a file on the replica that received it.
  const [upload] = await set.sql<{ storage: string; key: string }>(
    `SELECT f.storage, f."storageKey" AS key FROM stored_files f JOIN data_imports i ON f.id = i."fileId" WHERE i.id = $1`,
    [importId],
  );
  expect(upload!.storage).toBe("s3");
  expect((await set.s3.client.send(new HeadObjectCommand({ Bucket: set.s3.bucket, Key: upload!.key }))).ContentLength).toBeGreaterThan(IMPORT_ROWS * 20);

  // The killed replica comes back (as an orchestrator would restart it). An export of all patients runs
  // in the background on whichever replica the executor reaches; its file, on S3, downloads from both.
  await set.restart(victim);
  const started = await context.request.get(`${set.url}/api/exports/core.patients?scope=all`, { maxRedirects: 0 });
  expect(started.status(), await started.text()).toBe(303);
  const exportId = started.headers().location!.split("/").pop()!;
  let fileId = "";
  await waitUntil("the export to finish", async () => {
    const [e] = await set.sql<{ status: string; fileId: string | null }>(`SELECT status, "fileId"::text AS "fileId" FROM data_exports WHERE id = $1`, [exportId]);
    fileId = e?.fileId ?? "";
    return e?.status === "completed";
  }, 120_000, 500);
  const [file] = await set.sql<{ storage: string }>(`SELECT storage FROM stored_files WHERE id = $1`, [fileId]);
  expect(file!.storage).toBe("s3");
  for (const r of set.replicas) {
    const res = await context.request.get(`${r.url}/api/exports/files/${exportId}`);
    expect(res.status(), `the export from replica ${r.name}`).toBe(200);
    const csv = await res.text();
    expect(csv).toContain(`${prefix}-100000`);
    expect(csv.trimEnd().split("\n").length).toBeGreaterThan(IMPORT_ROWS);
  }
});

test("a bulk operation whose serving replica is killed completes through the other, every item once", async ({ page }) => {
  test.setTimeout(300_000);
  const prefix = `BULK${Date.now().toString(36).toUpperCase()}`;
  await seedItems(t, prefix);
  await signIn(page, set.url);
  const bulkId = await startBulk(page, t, prefix);
  let victimName = "";
  await waitUntil("the operation under way on a replica", async () => {
    const op = await bulkState(t, bulkId);
    victimName = set.servingJob("bulk-operation")?.name ?? "";
    return op.status === "running" && op.done > 0 && victimName !== "";
  }, 90_000, 100);
  const doneAtKill = (await bulkState(t, bulkId)).done;
  expect(doneAtKill, "the kill lands before the operation is through").toBeLessThan(BULK_ITEMS);
  set.kill(set.replicas.find((r) => r.name === victimName)!);
  const killedAt = Date.now();
  await waitUntil("the operation to finish through the other replica", async () => ["completed", "failed"].includes((await bulkState(t, bulkId)).status), 180_000, 500).catch(async (err) => {
    throw new Error(`${err.message}: ${JSON.stringify(await bulkState(t, bulkId))}\n${set.output().slice(-4000)}`);
  });
  const line = `replicas: replica ${victimName} killed at item ${doneAtKill.toLocaleString("en-US")} of ${BULK_ITEMS.toLocaleString("en-US")}; the other finished the operation ${((Date.now() - killedAt) / 1000).toFixed(1)} s later`;
  console.log(line);
  test.info().annotations.push({ type: "recovery", description: line });
  await expectBulkDoneOnce(t, prefix, bulkId);
  expect(set.servedJob("bulk-operation").size, "both replicas ran batches of the operation").toBe(2);
});

test("a cron fires once per tick", async () => {
  test.setTimeout(180_000);
  // core-work-sweeper runs every minute, through replicas killed and restarted above. At least two
  // ticks since the set started (waited for if the tests above were quick); each started one run.
  const ticks = () =>
    set.sql<{ minute: string; runs: number }>(
      `SELECT date_trunc('minute', e.ts)::text AS minute, count(*)::int AS runs
       FROM job_runs r JOIN job_events e ON e.id = r."eventId"
       WHERE r."functionId" = 'ritiko-core-work-sweeper' AND e.ts >= $1 GROUP BY 1 ORDER BY 1`,
      [startedAt],
    );
  await waitUntil("two cron ticks", async () => (await ticks()).length >= 2, 150_000, 1_000);
  const seen = await ticks();
  expect(seen.filter((x) => x.runs !== 1), JSON.stringify(seen)).toEqual([]);
});
