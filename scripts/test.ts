// `npm test`: the whole suite on a throw-away PostgreSQL.
//   1. start an embedded PostgreSQL in a temporary folder on a free port (or use TEST_DATABASE_URL,
//      a server where we may create databases);
//   2. two lanes side by side (the box has 2 cores; each lane waits on the database or a server much
//      of its time):
//      a. vitest (unit + integration against the real database; with more than one worker, a
//         database each), then the pooled pass: the integration tests that depend on how
//         connections behave (POOLED_TESTS) once more, with DATABASE_URL through Debian's PgBouncer
//         in transaction pooling mode (DATABASE_POOLING=transaction; migrations direct, as
//         docs/deploy.md says);
//      b. typecheck and lint, the seeded e2e database, `next build`, then the crash tests
//         (tests/chaos, playwright.chaos.config.ts): a real `npm start` on its own embedded
//         PostgreSQL whose processes are killed mid-import, then the five-minute promise
//         (scripts/plugin-promise.ts: a plugin scaffolded in a copy of the repository, typechecked,
//         linted, tested and driven in Chromium against `npm run dev`);
//   3. Playwright in Debian's Chromium against `npm start`'s server, alone.
// Flags: --unit (only vitest), --e2e (only Playwright and the crash tests), --chaos (only the crash
// tests), --skip-build (reuse .next), --no-static (skip typecheck + lint, which otherwise run first),
// --no-pooled (skip the pooled pass, for a machine without PgBouncer). Any other argument goes to Playwright (spec
// files, -g title filter, --repeat-each=N...), for local runs of some specs after a build — or, with
// --unit, to vitest (test files or folders), to run one plugin's tests on a throw-away database (a
// plugin's folder brings the shared tests that check every plugin along, SHARED_PLUGIN_TESTS):
//   npm test -- --unit plugins/inventory
//   npm test -- --e2e --skip-build e2e/imports.spec.ts
//   npm test -- --e2e --skip-build e2e/jobs.spec.ts e2e/outbox.spec.ts -g "Re-run" --repeat-each=3
// The e2e server is `npm start`'s (playwright.config.ts): Next plus the embedded job executor. Exit code is
// non-zero when anything failed; the last line is the "N passed, N failed" summary.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { startEmbeddedDb } from "./lib/embedded-db";
import { freePort } from "./lib/free-port";
import { ensureBrowser } from "./lib/ensure-browser";
import { APP_ROLE, ensureAppRole, grantAppRole, urlAs } from "./lib/db-roles";
import { migrateDeploy } from "./lib/migrate";
import { ensurePgBouncer, startPgBouncer, type PgBouncer } from "./lib/pgbouncer";
import { seedDemoData } from "./lib/seed-demo";

const OWN_FLAGS = new Set(["--unit", "--e2e", "--chaos", "--skip-build", "--no-static", "--no-pooled"]);
// The pooled pass: the tests whose code could depend on keeping one server connection — the job
// executor (claim lock, connection loss) and run records, the outbox, API tokens and the hot stock path
// (prepared statements), imports and their takeover, plugin lifecycle and settings (advisory locks),
// purchase-order numbers (advisory lock), the audit chain's head locking, the database roles and the
// REST isolation matrix. Tests of pages, parsing and formatting run once, in the direct pass.
const POOLED_TESTS = [
  "tests/jobs/", "tests/events/", "tests/api/", "tests/db/errors", "tests/db/org-scope", "tests/db/readiness",
  "tests/security/db-roles", "tests/security/isolation-matrix", "tests/plugins/lifecycle", "tests/plugins/settings.test",
  "tests/imports/engine-", "tests/imports/commit-takeover",
  "plugins/inventory/tests/stock-", "plugins/inventory/tests/bulk", "plugins/inventory/tests/api", "plugins/inventory/tests/import-staged",
  "plugins/inventory/tests/orders", "plugins/audit/tests/chain", "plugins/audit/tests/write-paths",
];
// vitest's own default: one worker per core but one — a single worker on this 2-core machine kind.
// Measured on a loaded CI box (stress-ng at 40 % of both cores), two workers beside the build lane
// cut vitest from 1137 to 946 s but pushed tests that spawn processes or wait on jobs past their
// timeouts (migrate diff 30 s, the CLI, 60 s job waits); on a quiet box two workers take 414 s and
// pass (RITIKO_VITEST_WORKERS=2). Each worker beyond the first gets its own copy of the database.
const VITEST_WORKERS = process.env.RITIKO_VITEST_WORKERS ?? String(Math.max(1, os.availableParallelism() - 1));
const argv = process.argv.slice(2);
const args = new Set(argv.filter((a) => OWN_FLAGS.has(a)));
/** Every argument that is not ours: Playwright's (spec files, -g...), or vitest's with --unit alone. */
const filters = argv.filter((a) => !OWN_FLAGS.has(a));
const onlyChaos = args.has("--chaos");
const runUnit = !args.has("--e2e") && !onlyChaos;
const runE2e = !args.has("--unit");
const e2eFilters = runE2e ? filters : [];
// A plugin's own tests (`--unit plugins/<id>`) come with the shared tests that check every plugin
// (docs/plugins.md): its jobs, event contracts, the generated glue, menu icons, organization scoping,
// its migrations, its API routes in the OpenAPI document, its message catalogues and translations.
const SHARED_PLUGIN_TESTS = [
  "tests/plugins/plugin-jobs.test.ts", "tests/plugins/event-contracts.test.ts", "tests/plugins/generated-glue.test.ts", "tests/plugins/menu-icons.test.ts",
  "tests/db/org-scope.test.ts", "tests/db/migrations.test.ts", "tests/api/openapi.test.ts", "tests/i18n/catalogues.test.ts", "tests/i18n/texts.test.ts",
];
const pickedUnit = runE2e ? [] : filters;
const unitFilters = pickedUnit.some((f) => /^(\.\/)?plugins\/[^/]+\/?$/.test(f)) ? [...new Set([...pickedUnit, ...SHARED_PLUGIN_TESTS])] : pickedUnit;
// Spec filters select end-to-end specs: the crash tests then stay out (they take minutes).
const runChaos = runE2e && (onlyChaos || e2eFilters.length === 0);
const runStatic = runUnit && runE2e && !args.has("--no-static");
// Some test files chosen (--unit plugins/x): those run once, directly; the pooled pass is the whole list's.
const runPooled = runUnit && !args.has("--no-pooled") && unitFilters.length === 0;
const say = (msg: string) => process.stdout.write(`\n▶ ${msg}\n`);

/**
 * Runs a command to its end. With a label its output is passed on line by line, each line prefixed
 * (`[chaos] ...`), so two commands running side by side stay readable in one log.
 */
function run(cmd: string, cmdArgs: string[], env: Record<string, string>, label?: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { stdio: label ? ["ignore", "pipe", "pipe"] : "inherit", env: { ...process.env, ...env } });
    if (label) {
      for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
        readline.createInterface({ input: from! }).on("line", (line) => to.write(`[${label}] ${line}\n`));
      }
    }
    const done = (code: number | null, signal: NodeJS.Signals | null) => resolve(code ?? (signal ? 1 : 0));
    child.on("close", done);
    // A grandchild left holding the pipes (a server the command started) must not hold the run open.
    child.on("exit", (code, signal) => setTimeout(() => done(code, signal), 5_000).unref());
  });
}

async function createDatabase(adminUrl: string, name: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await client.end();
  }
}

/**
 * Copies of a migrated database for vitest workers 2..N (tests/setup/worker-database.ts points each
 * worker at its own). The files share nothing then: the job executor claims every due run of its app,
 * the outbox delivers every pending row and the sweepers sweep every organization, so two files on one
 * database would take each other's work. A copy by TEMPLATE takes a second; migrating again would not.
 */
async function createWorkerDatabases(adminUrl: string, name: string): Promise<Record<string, string>> {
  for (let w = 2; w <= Number(VITEST_WORKERS); w++) await createDatabase(adminUrl, `${name}_w${w}`, name);
  return { RITIKO_TEST_WORKER_DATABASES: "1" };
}

function dbUrl(adminUrl: string, name: string) {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

function readCounts(file: string, kind: "vitest" | "playwright") {
  try {
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    if (kind === "vitest") return { passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
    const s = r.stats ?? {};
    return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
  } catch {
    return null;
  }
}

// Before anything else: a machine without a browser, or without the S3 API server the storage tests
// talk to, stops here, in a second, with the command to run.
if (runUnit && spawnSync("sh", ["-c", "command -v moto_server"], { stdio: "ignore" }).status !== 0) {
  process.stderr.write('\nmoto_server (a real S3 API server, for the S3 storage tests) is not installed: pip install "moto[server]"\n');
  process.exit(1);
}
let pgbouncerBinary = "";
if (runPooled) {
  try {
    pgbouncerBinary = ensurePgBouncer(say);
  } catch (err) {
    process.stderr.write(`\n${(err as Error).message}\n`);
    process.exit(1);
  }
}
if (runE2e) {
  try {
    say(`browser tests in ${ensureBrowser(say)}`);
  } catch (err) {
    process.stderr.write(`\n${(err as Error).message}\n`);
    process.exit(1);
  }
}

const started = Date.now();
let stopDb: (() => Promise<void>) | undefined;
let adminUrl = process.env.TEST_DATABASE_URL;
const tmpData = fs.mkdtempSync(path.join(os.tmpdir(), "ritiko-test-pg-"));
// As root, PostgreSQL runs as the `postgres` system user, which must be able to enter this folder.
fs.chmodSync(tmpData, 0o755);
let exitCode = 0;
const totals = { passed: 0, failed: 0, skipped: 0 };
// Encrypts plugin secrets (core/plugins/settings/crypto.ts); a fresh one per run, like the databases.
const secretsKey = crypto.randomBytes(32).toString("base64");

try {
  if (!adminUrl) {
    const db = await startEmbeddedDb({ dataDir: path.join(tmpData, "data"), port: await freePort(), persistent: false, quiet: true });
    stopDb = db.stop;
    adminUrl = db.urlFor("postgres");
    say(`embedded PostgreSQL on port ${db.port}`);
  }
  const suffix = process.pid;
  const unitUrl = dbUrl(adminUrl, `ritiko_unit_${suffix}`);
  const e2eUrl = dbUrl(adminUrl, `ritiko_e2e_${suffix}`);
  fs.mkdirSync("test-results", { recursive: true });

  // What the lanes below share: a failed step sets exitCode and adds its counts; the lanes go on.
  const count = (file: string, kind: "vitest" | "playwright", code: number) => {
    const c = readCounts(file, kind);
    if (c) for (const k of ["passed", "failed", "skipped"] as const) totals[k] += c[k];
    if (code !== 0) exitCode = 1;
  };
  const timed = async (what: string, step: () => Promise<void>) => {
    const t0 = Date.now();
    await step();
    say(`${what} took ${Math.round((Date.now() - t0) / 1000)} s`);
  };
  // The full run has two lanes side by side, so the 2-core box spends the time of the longer one
  // instead of both (CI must stay under 40 minutes): the database tests (vitest, then the pooled
  // pass) and the build lane (typecheck and lint, next build, the crash tests, which bring their own
  // database and server, then the five-minute promise). The browser tests run after both, alone: they
  // are the most load-sensitive.
  // `next typegen` (typecheck) and `next build` both write .next/types, so the build follows them.
  let e2eEnv: Record<string, string> | undefined;
  const e2eAppPassword = crypto.randomBytes(16).toString("hex");
  const prepareE2e = async () => {
    await createDatabase(adminUrl!, `ritiko_e2e_${suffix}`);
    migrateDeploy(e2eUrl, { quiet: true });
    await seedDemoData(e2eUrl);
    // The browser tests run the app as it runs in production: as a role that may only read and write
    // rows (scripts/lib/db-roles.ts), the migrations as the owner.
    const appPassword = e2eAppPassword;
    await ensureAppRole(adminUrl!, APP_ROLE, appPassword);
    await grantAppRole(e2eUrl, APP_ROLE);
    e2eEnv = {
      DATABASE_URL: urlAs(e2eUrl, APP_ROLE, appPassword),
      MIGRATION_DATABASE_URL: e2eUrl,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      RITIKO_SECRETS_KEY: secretsKey,
      // All browser tests come from 127.0.0.1: per-IP throttling would lock every later test out.
      RITIKO_LOGIN_MAX_FAILURES_PER_IP: "100000",
      E2E_PORT: String(await freePort()),
      E2E_EXECUTOR_PORT: String(await freePort()),
      LOG_LEVEL: "warn",
    };
  };
  const parallel = runUnit && runE2e;
  const tag = (label: string) => (parallel ? label : undefined);

  const databaseLane = async () => {
    if (!runUnit) return;
    await timed("vitest", async () => {
      await createDatabase(adminUrl!, `ritiko_unit_${suffix}`);
      migrateDeploy(unitUrl, { quiet: true });
      const workerDatabases = await createWorkerDatabases(adminUrl!, `ritiko_unit_${suffix}`);
      say(`vitest: unit and integration tests (${VITEST_WORKERS === "1" ? "one worker" : `${VITEST_WORKERS} workers, a database each`})`);
      const code = await run(process.execPath, ["node_modules/vitest/vitest.mjs", "run", `--maxWorkers=${VITEST_WORKERS}`, ...unitFilters, "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"], {
        DATABASE_URL: unitUrl,
        RITIKO_SECRETS_KEY: secretsKey,
        ...workerDatabases,
      });
      count("test-results/vitest.json", "vitest", code);
    });
    await pooledPass();
  };

  // Only in the full run (`npm run test:promise` runs it alone): it brings its own copy, database and server.
  const promise = () =>
    timed("the five-minute promise", async () => {
      say("the five-minute promise: a scaffolded plugin from copy to browser (scripts/plugin-promise.ts)");
      const code = await run(process.execPath, ["--import", "tsx", "scripts/plugin-promise.ts"], {}, tag("promise"));
      totals[code === 0 ? "passed" : "failed"] += 1;
      if (code !== 0) exitCode = 1;
    });

  const pooledPass = async () => {
    if (!runPooled) return;
    await timed("the pooled pass", async () => {
      // Its own database, migrated directly (a migration takes session-level locks a transaction pooler
      // cannot keep); the tests then connect only through PgBouncer.
      const pooledName = `ritiko_pooled_${suffix}`;
      await createDatabase(adminUrl!, pooledName);
      migrateDeploy(dbUrl(adminUrl!, pooledName), { quiet: true });
      const workerDatabases = await createWorkerDatabases(adminUrl!, pooledName);
      let bouncer: PgBouncer | undefined;
      try {
        bouncer = await startPgBouncer(pgbouncerBinary, { adminUrl: adminUrl!, dir: path.join(tmpData, "pgbouncer"), port: await freePort() });
        say(`vitest through PgBouncer (transaction pooling, port ${bouncer.port}): ${POOLED_TESTS.join(" ")}`);
        const code = await run(
          process.execPath,
          ["node_modules/vitest/vitest.mjs", "run", `--maxWorkers=${VITEST_WORKERS}`, ...POOLED_TESTS, "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest-pooled.json"],
          {
            DATABASE_URL: bouncer.urlFor(dbUrl(adminUrl!, pooledName)),
            DATABASE_POOLING: "transaction",
            RITIKO_SECRETS_KEY: secretsKey,
            ...workerDatabases,
          },
          tag("pooled"),
        );
        count("test-results/vitest-pooled.json", "vitest", code);
      } finally {
        await bouncer?.stop();
      }
    });
  };

  const buildLane = async () => {
    // Set when this run's own typecheck passed: `next build` then skips its second tsc pass (next.config.ts).
    let typechecked = false;
    if (runStatic) {
      await timed("typecheck and lint", async () => {
        say("typecheck and lint");
        // Stale route types of an earlier `next dev` would fail tsc for files that no longer exist.
        fs.rmSync(".next/dev/types", { recursive: true, force: true });
        const [typecheck, lint] = await Promise.all([
          run("npm", ["run", "--silent", "typecheck"], {}, tag("typecheck")),
          run("npm", ["run", "--silent", "lint"], {}, tag("lint")),
        ]);
        if (typecheck !== 0 || lint !== 0) {
          process.stderr.write("typecheck or lint failed\n");
          exitCode = 1;
        }
        typechecked = typecheck === 0;
      });
    }
    if (!runE2e) return;
    await prepareE2e();
    if (!args.has("--skip-build")) {
      await timed("next build", async () => {
        say("next build");
        const env = typechecked ? { ...e2eEnv!, RITIKO_BUILD_TYPECHECKED: "1" } : e2eEnv!;
        if ((await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], env, tag("build"))) !== 0) throw new Error("next build failed");
      });
    }
    // In the full run the crash tests go beside the database lane; alone (--e2e) they follow the browser tests.
    if (parallel && runChaos) await chaosTests();
    if (parallel && runChaos) await promise();
  };

  const chaosTests = () =>
    timed("crash tests", async () => {
      // Its own `npm start` with an embedded database: nothing of the e2e setup is passed on.
      say("crash tests: npm start, killed mid-import (tests/chaos)");
      const code = await run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", "-c", "playwright.chaos.config.ts"], { LOG_LEVEL: "warn" }, tag("chaos"));
      count("test-results/chaos.json", "playwright", code);
    });

  // A lane that throws (the build failed) fails the run; the other lane still finishes first.
  const lanes = await Promise.allSettled([databaseLane(), buildLane()]);
  for (const lane of lanes) if (lane.status === "rejected") throw lane.reason;

  if (runE2e) {
    if (!onlyChaos) {
      // The app role's password again: the database lane's tests of the roles (tests/security/db-roles)
      // set it on the same cluster while the build lane ran, and roles belong to the cluster.
      await ensureAppRole(adminUrl, APP_ROLE, e2eAppPassword);
      await grantAppRole(e2eUrl, APP_ROLE);
      await timed("browser tests", async () => {
        say("playwright: end-to-end tests in Chromium");
        const code = await run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...e2eFilters], e2eEnv!);
        count("test-results/e2e.json", "playwright", code);
      });
    }
    if (!parallel && runChaos) await chaosTests();
  }
} catch (err) {
  process.stderr.write(`\n${(err as Error).stack ?? err}\n`);
  exitCode = 1;
} finally {
  await stopDb?.().catch(() => undefined);
  fs.rmSync(tmpData, { recursive: true, force: true });
}

say(`finished in ${Math.round((Date.now() - started) / 1000)} s`);
if (exitCode !== 0 && totals.failed === 0) totals.failed = 1; // a crash outside the runners still fails
// The suite has no skips: a skipped test (test.skip, a fixme, a spec that stopped after a failure in
// serial mode) proves nothing, so it fails the run rather than passing with less than it says.
if (totals.skipped > 0) {
  process.stderr.write(`${totals.skipped} test(s) skipped or not run: the suite has no skips\n`);
  exitCode = 1;
}
process.stdout.write(`Tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}\n`);
process.exit(exitCode);
