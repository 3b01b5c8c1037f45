// `npm run test:promise` — the plugin author's five-minute promise (issue 18.7), end to end, timed:
// in a temporary copy of this repository (its committed and untracked files, node_modules
// hard-linked), scaffold "promise-notes" with every contribution (which writes its first migration
// and regenerates the Prisma client), check the glue, typecheck, lint the plugin, run its tests, start
// `npm run dev` (embedded PostgreSQL, demo data, job executor), enable the plugin with the CLI and drive
// it in Chromium: menu entry, page, setting, API route (tests/promise/plugin-promise.spec.ts). Prints each step's
// seconds; exits 1 naming the step that failed (the copy is then kept for a look, its path printed).
// `npm test` runs it in its build lane, so `.ci/run` does too.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./lib/free-port";

const ID = "promise-notes";
const WITH = "page,setting,model,api,job,widget,menu,event,import";
const repo = process.cwd();
const steps: Array<{ step: string; seconds: number }> = [];
const say = (msg: string) => process.stdout.write(`${msg}\n`);

// The copy runs as a newcomer's checkout would: nothing of this run's databases, ports or secrets.
const env: NodeJS.ProcessEnv = { ...process.env };
for (const key of Object.keys(env)) if (/^(DATABASE_URL|MIGRATION_DATABASE_URL|TEST_|E2E_|RITIKO_|NEXTAUTH_|INNGEST_|DATABASE_POOLING)/.test(key)) delete env[key];

async function step(name: string, fn: () => Promise<void> | void) {
  say(`\n▶ ${name}`);
  const t0 = Date.now();
  try {
    await fn();
  } catch (err) {
    throw new Error(`${name}: ${(err as Error).message}`);
  }
  steps.push({ step: name, seconds: (Date.now() - t0) / 1000 });
}

function run(cwd: string, cmd: string, args: string[], extra: Record<string, string> = {}) {
  const res = spawnSync(cmd, args, { cwd, stdio: "inherit", env: { ...env, ...extra } });
  if (res.status !== 0) throw new Error(`\`${cmd} ${args.join(" ")}\` exited ${res.status ?? res.signal}`);
}

async function waitReady(url: string, server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`npm run dev exited (${server.exitCode ?? server.signalCode}) before it was ready`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

const copy = fs.mkdtempSync(path.join(os.tmpdir(), "ritiko-promise-"));
// As root, PostgreSQL runs as the `postgres` user, who must be able to reach its binaries in node_modules.
fs.chmodSync(copy, 0o755);
let server: ChildProcess | undefined;
let failed = false;
const t0 = Date.now();
try {
  await step("copy the repository", () => {
    const files = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repo, encoding: "buffer", maxBuffer: 64 * 1024 * 1024 });
    if (files.status !== 0) throw new Error("git ls-files failed");
    // Files deleted in the working tree but still in the index are skipped.
    const present = files.stdout.toString("utf8").split("\0").filter((f) => f && fs.existsSync(path.join(repo, f)));
    for (const f of present) {
      fs.mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
      fs.copyFileSync(path.join(repo, f), path.join(copy, f));
    }
    // Hard links: a second node_modules costs no disk and no install (a symlink breaks Turbopack's root).
    run(repo, "cp", ["-al", "node_modules", path.join(copy, "node_modules")]);
    say(`${present.length} files in ${copy}`);
  });
  await step(`scaffold: npm run ritiko -- plugin new ${ID} --with ${WITH} (first migration, Prisma client)`, () => run(copy, "npm", ["run", "--silent", "ritiko", "--", "plugin", "new", ID, "--with", WITH]));
  await step("generated glue is up to date: npm run plugins:generate -- --check", () => run(copy, "npm", ["run", "--silent", "plugins:generate", "--", "--check"]));
  await step(`typecheck: plugins/${ID}, its tests and the glue the scaffold wrote, with all they import`, () => {
    // What the scaffold added, compiled with everything it imports (core, the UI kit, the test kit), in
    // the project's compiler settings; the rest of the app is this checkout's own `npm run typecheck`,
    // which the plugin cannot change. A third of the whole program's time, on the critical CI lane.
    fs.writeFileSync(
      path.join(copy, "tsconfig.promise.json"),
      JSON.stringify({
        extends: "./tsconfig.json",
        compilerOptions: { incremental: false },
        include: ["next-env.d.ts", "types/**/*.d.ts", `plugins/${ID}/**/*.ts`, `plugins/${ID}/**/*.tsx`, "app/_plugins/*.generated.ts", `app/(admin)/${ID}/**/*.tsx`, `app/api/v1/${ID}/**/*.ts`],
      }),
    );
    run(copy, process.execPath, ["node_modules/next/dist/bin/next", "typegen"]);
    run(copy, process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "tsconfig.promise.json"]);
  });
  await step(`lint: eslint --max-warnings 0 plugins/${ID}`, () => run(copy, process.execPath, ["node_modules/eslint/bin/eslint.js", "--max-warnings", "0", `plugins/${ID}`]));
  await step(`its tests: npm test -- --unit plugins/${ID}`, () => run(copy, "npm", ["test", "--", "--unit", `plugins/${ID}`]));
  const port = await freePort();
  // localhost, not 127.0.0.1: `next dev` serves its client scripts to its own origin only (allowedDevOrigins).
  const base = `http://localhost:${port}`;
  const dbPort = await freePort();
  await step("npm run dev: ready (embedded PostgreSQL, migrations, demo data, job executor)", async () => {
    const log = fs.openSync(path.join(copy, "dev.log"), "w");
    const dev = spawn("npm", ["run", "dev"], {
      cwd: copy,
      detached: true,
      stdio: ["ignore", log, log],
      env: { ...env, PORT: String(port), RITIKO_DB_PORT: String(dbPort), RITIKO_EXECUTOR_PORT: String(await freePort()), NEXTAUTH_URL: base },
    });
    server = dev;
    await waitReady(`${base}/api/health/ready`, dev, 300_000);
  });
  // From a shell, as an author would while developing (the Plugins page's button is the e2e suite's):
  // with the port `npm run dev` uses and no DATABASE_URL, the CLI finds the running embedded database.
  await step(`enable it for the demo clinic: npm run ritiko -- plugin enable ${ID} --org acme`, () =>
    run(copy, "npm", ["run", "--silent", "ritiko", "--", "plugin", "enable", ID, "--org", "acme"], { RITIKO_DB_PORT: String(dbPort) }),
  );
  await step("in the browser: menu entry, page, setting, API route", () =>
    run(copy, process.execPath, ["node_modules/@playwright/test/cli.js", "test", "-c", "playwright.promise.config.ts"], { E2E_BASE_URL: base }),
  );
} catch (err) {
  failed = true;
  process.stderr.write(`\nThe five-minute promise failed at ${(err as Error).message}\n`);
  const log = path.join(copy, "dev.log");
  if (fs.existsSync(log)) process.stderr.write(`\nnpm run dev's last lines:\n${fs.readFileSync(log, "utf8").split("\n").slice(-40).join("\n")}\n`);
} finally {
  if (server?.pid) {
    // The whole group: npm, the dev server, its PostgreSQL and executor. SIGTERM lets boot stop them in order.
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        try {
          process.kill(-server!.pid!, "SIGKILL");
        } catch {
          // already gone
        }
        resolve();
      }, 20_000);
      server!.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      if (server!.exitCode !== null || server!.signalCode !== null) {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}

const total = (Date.now() - t0) / 1000;
say("\nThe five-minute promise, step by step (seconds):");
for (const s of steps) say(`  ${s.seconds.toFixed(1).padStart(7)}  ${s.step}`);
say(`  ${total.toFixed(1).padStart(7)}  total${failed ? " (FAILED)" : ""}`);
if (failed) {
  say(`The copy is kept for a look: ${copy}`);
  process.exit(1);
}
fs.rmSync(copy, { recursive: true, force: true });
