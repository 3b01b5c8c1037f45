// One runner at a time for a commit, and a job that does not end while its import is unfinished
// (issue 20, item 3). A call the job runner gave up on (its request timed out) keeps running in the
// app; the retry claims the import, the older call stops at its next batch and answers "not done"
// (before: the retry found the checkpoint moved and answered "done", the run completed, and the
// import stayed "committing" for ever once the older call reached its deadline).
// What happens to the data: every row is written exactly once, whichever runner writes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { runCommit } from "@/core/imports/engine/commit";
import { runPreview } from "@/core/imports/engine/preview";
import { importCommitRequested } from "@/core/imports/job-events";
import { createTestOrganization } from "@/core/testing/plugin-test-kit";
import { startHarness, type Harness } from "@/tests/jobs/harness";
import { until } from "@/tests/helpers/wait";
import { importRow, manyPatients, patientsCsv, patientsOf, upload } from "./engine-kit";

// Steps of 2 s under a 1 s request timeout: every call is cut off while its step goes on writing.
process.env.RITIKO_JOB_STEP_MS = "2000";

let h: Harness;
beforeAll(async () => {
  const { createImportFunctions } = await import("@/core/imports/jobs");
  h = await startHarness("takeover", (client) => createImportFunctions(client), { executor: { requestTimeoutMs: 1_000, leaseMs: 6_500 } });
});
afterAll(async () => {
  await h?.close();
});

async function expectEveryRowOnce(orgId: string, id: string, n: number) {
  expect(await importRow(id)).toMatchObject({ status: "completed", createdCount: n, rowsDone: n });
  const patients = await rootDb().patient.findMany({ where: { organizationId: orgId }, select: { medicalRecordNumber: true } });
  expect(patients).toHaveLength(n);
  expect(new Set(patients.map((p) => p.medicalRecordNumber)).size).toBe(n);
  expect(await rootDb().dataImportChange.count({ where: { importId: id } })).toBe(n);
}

describe("commit takeover", () => {
  it("a newer call supersedes an older one: the older stops at its next batch and answers not done, the newer finishes", { timeout: 180_000 }, async () => {
    const org = await createTestOrganization();
    const id = await upload(org, patientsCsv(manyPatients(40_000)));
    await runPreview(id);
    const older = runCommit(id);
    await until("the first batch", async () => (await importRow(id)).createdCount >= 5_000, 120_000);
    const newer = runCommit(id);
    expect(await older).toEqual({ done: false });
    expect(await newer).toEqual({ done: true });
    await expectEveryRowOnce(org.org.id, id, 40_000);
    expect(await patientsOf(org)).toHaveLength(40_000);
  });

  it("with every call cut off by a request timeout shorter than the step, the run and the import end together, every row once", async () => {
    // The run command refuses this configuration at start (core/jobs/step-length.ts); here it is forced.
    // Each cut-off attempt counts as failed (as on Inngest), so the run ends completed if a runner
    // reaches the end of the file within the 4 attempts, and failed otherwise — never "completed"
    // over an import still "committing", which was the bug. A failed run can still leave a completed
    // import: its last call, cut off but still running in the app, may reach the end of the file
    // before the failure handler stops the import. What matters is the data: a completed import has
    // every row once; a failed one names the timeout and keeps exactly the rows it counted.
    const org = await createTestOrganization();
    const id = await upload(org, patientsCsv(manyPatients(25_000)));
    await runPreview(id);
    await h.inngest.send(importCommitRequested.create({ organizationId: org.org.id, importId: id }));
    const run = async () =>
      rootDb().jobRun.findFirst({ where: { appId: h.appId, event: { data: { path: ["importId"], equals: id } } }, select: { status: true } });
    await until("the run to end", async () => ["completed", "failed"].includes((await run())?.status ?? ""), 60_000);
    const status = (await run())!.status;
    await until("the import to end", async () => (await importRow(id)).status !== "committing", 10_000);
    // Any call still running in the app sees the final status at its next batch and stops writing.
    await new Promise((r) => setTimeout(r, 2_500));
    const imp = await importRow(id);
    const patients = await rootDb().patient.count({ where: { organizationId: org.org.id } });
    if (status === "completed") expect(imp.status).toBe("completed");
    if (imp.status === "completed") {
      await expectEveryRowOnce(org.org.id, id, 25_000);
    } else {
      expect(imp.status).toBe("failed");
      expect(imp.error).toMatch(/The import stopped: .*(timed out|timeout)/i);
      expect(patients).toBe(imp.createdCount);
      expect(await rootDb().dataImportChange.count({ where: { importId: id } })).toBe(imp.createdCount);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(patients);
    }
  });
});
