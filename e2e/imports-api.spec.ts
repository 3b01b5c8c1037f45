// The import API as an integrator scripts it: docs/examples/import-with-curl.sh — bash, curl, jq and
// an API token created in the UI — uploads a file, previews, commits, downloads the rejected rows and
// undoes, reading the import's JSON at every step; then the stored patients are checked in SQL.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { createToken, query, signIn, unique } from "./helpers";

const run = promisify(execFile);

test("a curl script imports a file end to end through /api/v1/imports and undoes it", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page, "owner@acme.test");
  const token = await createToken(page, unique("import-script"));
  const p = unique("API").toUpperCase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ritiko-curl-"));
  const file = path.join(dir, "patients.csv");
  // Row 3's date is not a date: rejected, with its row and reason in the error file.
  fs.writeFileSync(file, ["MRN,First name,Surname,DOB", `${p}-1,Ada,Lovelace,1915-12-10`, `${p}-2,Alan,Turing,1912-06-23`, `${p}-3,Bad,Date,31/12/1999`].join("\n") + "\n");

  const script = path.resolve("docs/examples/import-with-curl.sh");
  const env = { ...process.env, RITIKO_URL: baseURL!, RITIKO_TOKEN: token };
  const { stdout } = await run("bash", [script, file, "core.patients"], { env });
  expect(stdout).toMatch(/^uploaded [0-9a-f-]{36}: \{"headers":\["MRN","First name","Surname","DOB"\],"mapping":\{"0":"medicalRecordNumber","1":"firstName","2":"lastName","3":"dateOfBirth"\},"missingRequired":\[\]\}$/m);
  expect(stdout).toContain('previewed: {"status":"previewed","preview":{"create":2,"update":0,"unchanged":0,"reject":1}}');
  expect(stdout).toContain('imported: {"status":"completed","counts":{"created":2,"updated":0,"unchanged":0,"rejected":1}}');
  expect(fs.readFileSync(path.join(dir, "patients-errors.csv"), "utf8")).toContain(`${p}-3,Bad,Date,31/12/1999`);
  const stored = await query<{ mrn: string; first: string; dob: string }>(
    `SELECT "medicalRecordNumber" AS mrn, "firstName" AS first, "dateOfBirth"::text AS dob FROM patients WHERE "medicalRecordNumber" LIKE $1 ORDER BY 1`,
    [`${p}-%`],
  );
  expect(stored).toEqual([
    { mrn: `${p}-1`, first: "Ada", dob: "1915-12-10" },
    { mrn: `${p}-2`, first: "Alan", dob: "1912-06-23" },
  ]);

  // Again with UNDO=1: the second import of the same rows changes nothing (2 unchanged), and its undo
  // has nothing to remove; the patients stay. A refused step exits non-zero with the API's message.
  const again = await run("bash", [script, file, "core.patients"], { env: { ...env, UNDO: "1" } }).catch((e: { stdout: string; stderr: string }) => e);
  expect(again.stdout).toContain('"counts":{"created":0,"updated":0,"unchanged":2,"rejected":1}');
  expect(again.stderr).toMatch(/HTTP 409: .+/);
  expect(await query(`SELECT 1 FROM patients WHERE "medicalRecordNumber" LIKE $1`, [`${p}-%`])).toHaveLength(2);

  // The undo of the first import removes what it created.
  const firstId = /^uploaded ([0-9a-f-]{36})/m.exec(stdout)![1];
  const undo = await fetch(`${baseURL}/api/v1/imports/${firstId}/undo`, { method: "POST", headers: { Authorization: `Bearer ${token}` } });
  expect(undo.status).toBe(202);
  await expect.poll(async () => (await query(`SELECT 1 FROM patients WHERE "medicalRecordNumber" LIKE $1`, [`${p}-%`])).length, { timeout: 30_000 }).toBe(0);
});
