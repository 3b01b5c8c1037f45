// The sweeper of imports and exports (core/imports/sweeper.ts): work left running without a heartbeat
// (its run was lost) is resumed by re-sending its event — once per stall, whichever process sweeps —
// cancelled when the member asked for it, or failed with a reason after an hour. Work whose heartbeat
// is recent is left alone. Events go to a recorder here; tests/chaos drives the real resume.
import { describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { runCommit } from "@/core/imports/engine/commit";
import { runPreview } from "@/core/imports/engine/preview";
import { sweepStalledWork } from "@/core/imports/sweeper";
import { createTestOrganization } from "@/core/testing/plugin-test-kit";
import { importRow, manyPatients, patientsCsv, upload } from "./engine-kit";

type Sent = { name: string; data: Record<string, unknown>; id?: string };
const recorder = () => {
  const sent: Sent[] = [];
  // What the job runner receives: name, data and the dedupe id (create() adds SDK fields besides).
  return { sent, send: async (e: Sent) => void sent.push({ name: e.name, data: e.data, id: e.id }) };
};
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/** An import half committed (one batch of two), as a run that died between its steps leaves it. */
async function halfCommitted() {
  const org = await createTestOrganization();
  const id = await upload(org, patientsCsv(manyPatients(6_000)));
  await runPreview(id);
  expect(await runCommit(id, { deadline: 0 })).toEqual({ done: false });
  return { org, id };
}
const setHeartbeat = (id: string, at: Date) => rootDb().$executeRaw`UPDATE data_imports SET "updatedAt" = ${at} WHERE id = ${id}::uuid`;

describe("sweeping imports", () => {
  it("re-sends the commit of an import without a heartbeat for longer than the stall threshold, once per stall", async () => {
    const { org, id } = await halfCommitted();
    const fresh = await halfCommitted();
    const stalledAt = minutesAgo(3);
    await setHeartbeat(id, stalledAt);
    const r = recorder();
    const result = await sweepStalledWork(new Date(), r.send);
    expect(result.resumed).toContain(id);
    expect(result.resumed).not.toContain(fresh.id);
    const mine = r.sent.filter((e) => e.data.importId === id);
    expect(mine).toEqual([{ name: "core/import.commit.requested", data: { organizationId: org.org.id, importId: id }, id: `resume:import:${id}:${stalledAt.getTime()}` }]);
    // A second sweep of the same stall sends the same event id: the job runner starts one run.
    await sweepStalledWork(new Date(), r.send);
    expect(new Set(r.sent.filter((e) => e.data.importId === id).map((e) => e.id)).size).toBe(1);
    // The resumed run finishes from the checkpoint: every row once.
    while (!(await runCommit(id)).done);
    expect(await importRow(id)).toMatchObject({ status: "completed", createdCount: 6_000 });
    expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(6_000);
  });

  it("re-sends a stalled preview", async () => {
    const org = await createTestOrganization();
    const id = await upload(org, patientsCsv(manyPatients(10)));
    await rootDb().$executeRaw`UPDATE data_imports SET status = 'previewing', "updatedAt" = ${minutesAgo(5)} WHERE id = ${id}::uuid`;
    const r = recorder();
    await sweepStalledWork(new Date(), r.send);
    expect(r.sent.filter((e) => e.data.importId === id).map((e) => e.name)).toEqual(["core/import.preview.requested"]);
  });

  it("cancels a stalled import whose cancel was requested, keeping its committed batch (undoable)", async () => {
    const { org, id } = await halfCommitted();
    await rootDb().$executeRaw`UPDATE data_imports SET "cancelRequested" = true, "updatedAt" = ${minutesAgo(3)} WHERE id = ${id}::uuid`;
    const r = recorder();
    await sweepStalledWork(new Date(), r.send);
    // (Another test file's job runner may sweep the shared database at the same minute: the state is what counts.)
    expect(r.sent.filter((e) => e.data.importId === id)).toEqual([]);
    expect(await importRow(id)).toMatchObject({ status: "cancelled", createdCount: 5_000 });
    expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(5_000);
  });

  it("fails an import stalled for over an hour, saying what stays and what to do", async () => {
    const { id } = await halfCommitted();
    await setHeartbeat(id, minutesAgo(61));
    await sweepStalledWork(new Date(), recorder().send);
    const imp = await importRow(id);
    expect(imp.status).toBe("failed");
    expect(imp.error).toMatch(/could not be resumed for an hour .* rows committed before stay and can be undone/);
  });
});

describe("sweeping staged rows", () => {
  it("removes the staged rows of finished imports and of imports that no longer exist; a running import keeps its own", async () => {
    const running = await halfCommitted();
    const failed = await halfCommitted();
    const gone = await halfCommitted();
    const staged = (id: string) => rootDb().dataImportRow.count({ where: { importId: id } });
    expect(await staged(failed.id)).toBe(6_000);
    // Failed by someone else while its rows were staged (the commit's own clean-up never ran), and an
    // import deleted with its organization (the staging table has no foreign key to it).
    await rootDb().$executeRaw`UPDATE data_imports SET status = 'failed', "finishedAt" = now() WHERE id = ${failed.id}::uuid`;
    await rootDb().organization.delete({ where: { id: gone.org.org.id } });
    expect(await staged(gone.id)).toBe(6_000);
    await sweepStalledWork(new Date(), recorder().send);
    expect(await staged(failed.id)).toBe(0);
    expect(await staged(gone.id)).toBe(0);
    expect(await staged(running.id)).toBe(6_000);
    // The running import goes on from its staged rows and completes.
    while (!(await runCommit(running.id)).done);
    expect(await importRow(running.id)).toMatchObject({ status: "completed", createdCount: 6_000 });
    expect(await staged(running.id)).toBe(0);
  });
});

describe("sweeping exports", () => {
  it("re-sends a stalled export and fails one stalled for over an hour; a live one is left alone", async () => {
    const org = await createTestOrganization();
    const make = (heartbeatAt: Date) =>
      rootDb().dataExport.create({ data: { organizationId: org.org.id, resource: "core.patients", status: "running", heartbeatAt }, select: { id: true } });
    const stalled = await make(minutesAgo(3));
    const dead = await make(minutesAgo(61));
    const live = await make(new Date());
    const r = recorder();
    const result = await sweepStalledWork(new Date(), r.send);
    expect(r.sent.filter((e) => e.data.organizationId === org.org.id)).toEqual([
      { name: "core/export.requested", data: { organizationId: org.org.id, exportId: stalled.id }, id: expect.stringMatching(/^resume:export:/) },
    ]);
    expect(result.resumed).not.toContain(live.id);
    expect(await rootDb().dataExport.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ status: "failed", error: expect.stringMatching(/Export again/) });
    expect(await rootDb().dataExport.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ status: "running" });
  });
});
