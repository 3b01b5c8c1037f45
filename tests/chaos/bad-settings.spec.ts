// Settings that cannot work together stop `npm start` at once with the message (issue 20, item 4),
// before it starts PostgreSQL or anything else — instead of an executor that refuses to start being
// restarted every 1–30 s for ever while the app looks healthy and no job ever runs.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startApp } from "./app";

const cases: Array<{ name: string; env: Record<string, string>; message: RegExp }> = [
  { name: "a lease not longer than the request timeout + 5 s", env: { RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS: "60000", RITIKO_EXECUTOR_LEASE_MS: "62000" }, message: /RITIKO_EXECUTOR_LEASE_MS \(62000\) must be greater than RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS \(60000\) \+ 5000/ },
  { name: "a job step that does not fit in the request timeout", env: { RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS: "30000", RITIKO_EXECUTOR_LEASE_MS: "40000", RITIKO_JOB_STEP_MS: "80000" }, message: /RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS \(30000\) must be at least RITIKO_JOB_STEP_MS \(80000\) \+ 30000/ },
];

for (const c of cases) {
  test(`npm start refuses ${c.name}, says why, and exits 1 without starting anything`, async () => {
    const app = await startApp(c.env);
    const started = Date.now();
    const code = await Promise.race([app.exited, new Promise<"still running">((r) => setTimeout(() => r("still running"), 30_000))]);
    app.killGroup();
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(app.output()).toMatch(c.message);
    expect(fs.existsSync(path.join(app.dataDir, "postgres"))).toBe(false);
  });
}
