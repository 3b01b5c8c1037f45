// The import jobs through the real embedded executor and the app's own Inngest client, as
// /api/inngest serves them: preview, commit (a loop of checkpointed steps), cancel mid-way and undo,
// all started from the service functions the pages call.
import type { Inngest, InngestFunction } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pluginRegistry } from "@/app/_plugins/runtime";
import { rootDb } from "@/core/db/client";
import { patientCreated } from "@/core/events/core-events";
import { BATCH_SIZE } from "@/core/imports/engine/context";
import { registerPluginRegistry } from "@/core/plugins/registry";
import { definePlugin, onEvent } from "@/core/plugins/types";
import { createTestOrganization } from "@/core/testing/plugin-test-kit";
import { freePort } from "@/scripts/lib/free-port";
import { startHarness, type Harness } from "@/tests/jobs/harness";
import { until } from "@/tests/helpers/wait";
import { importRow, manyPatients, patientsCsv, upload } from "./engine-kit";

let h: Harness;
let service: typeof import("@/core/imports/service");

beforeAll(async () => {
  const port = await freePort();
  process.env.INNGEST_DEV = `http://127.0.0.1:${port}`;
  const { inngest } = (await import("@/inngest/client")) as { inngest: Inngest };
  const { importFunctions } = await import("@/core/imports/jobs");
  service = await import("@/core/imports/service");
  h = await startHarness("imports", () => importFunctions as InngestFunction.Any[], { client: inngest, port, executor: { requestTimeoutMs: 60_000, leaseMs: 90_000 } });
});

afterAll(async () => {
  await h?.close();
});

const statusIs = (id: string, status: string) => async () => (await importRow(id)).status === status;

describe("import jobs", () => {
  it("preview -> commit -> undo, each as a background job", async () => {
    const org = await createTestOrganization();
    const ctx = await org.as("staff");
    const id = await upload(org, patientsCsv([...manyPatients(7000), { mrn: "MRN-BAD", first: "A", last: "B", dob: "31/12/1999" }]));
    expect(await service.startPreview(ctx, id)).toMatchObject({ ok: true });
    await until("previewed", statusIs(id, "previewed"), 60_000);
    expect((await importRow(id)).preview).toEqual({ create: 7000, update: 0, unchanged: 0, reject: 1 });

    expect(await service.startCommit(ctx, id)).toMatchObject({ ok: true });
    // A second click finds the import already running.
    expect(await service.startCommit(ctx, id)).toMatchObject({ ok: false });
    await until("completed", statusIs(id, "completed"), 60_000);
    expect(await importRow(id)).toMatchObject({ createdCount: 7000, rejectedCount: 1, rowsDone: 7001 });
    const progress = await service.importProgress(ctx, id);
    expect(progress).toMatchObject({ status: "completed", rowsDone: 7001, totalRows: 7001, created: 7000, rejected: 1 });
    const view = (await service.getImportView(ctx, id))!;
    expect(view.can).toMatchObject({ undo: true, commit: false, downloadErrors: true });
    expect(view.errors).toEqual([{ row: 7001, line: 7002, column: "DOB", field: "dateOfBirth", reason: "Enter a valid date (YYYY-MM-DD)", phase: "commit" }]);

    expect(await service.undoImport(ctx, id)).toMatchObject({ ok: true });
    await until("undone", statusIs(id, "undone"), 60_000);
    expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(0);
  });

  it("cancel during a big commit stops after the running batch; committed rows stay and are counted", { timeout: 180_000 }, async () => {
    const org = await createTestOrganization();
    const ctx = await org.as("staff");
    // A plugin of this test holds the commit's second batch open (inside its transaction, which
    // holds the import row), so the cancel lands mid-commit on any machine, however fast.
    let batches = 0;
    let heldBackend = 0;
    let open!: () => void;
    const held = new Promise<void>((r) => (open = r));
    const gate = definePlugin({
      id: "gate",
      name: "Gate",
      version: "1.0.0",
      description: "Holds the second batch of a commit.",
      author: "tests",
      handlers: {
        inTransaction: [
          onEvent({
            event: patientCreated,
            handle: () => undefined,
            handleMany: async (_events, { tx }) => {
              if (++batches !== 2) return;
              // The backend of the held batch: the cancel is seen waiting for exactly this one.
              heldBackend = (await tx.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
              await held;
            },
          }),
        ],
      },
    });
    registerPluginRegistry({ gate: async () => ({ default: gate }) });
    try {
      await rootDb().pluginInstallation.create({ data: { organizationId: org.org.id, pluginId: "gate", enabled: true, version: "1.0.0" } });
      const id = await upload(org, patientsCsv(manyPatients(60_000)));
      expect(await service.startPreview(ctx, id)).toMatchObject({ ok: true });
      await until("previewed", statusIs(id, "previewed"), 60_000);
      expect(await service.startCommit(ctx, id)).toMatchObject({ ok: true });
      await until("the second batch, held", () => heldBackend !== 0, 60_000);
      expect((await importRow(id)).createdCount).toBe(BATCH_SIZE);
      // The cancel's flag waits for the held batch's lock on the import row...
      let answered = false;
      const cancelling = service.cancelImport(ctx, id).finally(() => (answered = true));
      await until("the cancel to wait for the running batch", async () => answered || (await blockedBy(heldBackend)), 60_000);
      open(); // ... the running batch finishes, and the commit stops before the next one.
      expect(await cancelling).toMatchObject({ ok: true });
      await until("cancelled", statusIs(id, "cancelled"), 60_000);
      const imp = await importRow(id);
      // The batch the cancel waited for is committed; none after it.
      expect(imp.createdCount).toBe(2 * BATCH_SIZE);
      expect(batches).toBe(2);
      expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(imp.createdCount);
      expect(await rootDb().dataImportChange.count({ where: { importId: id } })).toBe(imp.createdCount);
    } finally {
      open();
      registerPluginRegistry(pluginRegistry);
    }
  });
});

/** Whether some backend waits for a lock the backend `pid` holds (the cancel, for the held batch's row lock). */
/**
 * Whether the cancel's own flag UPDATE is in PostgreSQL, waiting for `pid` (the held batch) to let go
 * of the import row. Not "anything blocked by it": through PgBouncer another statement may wait on the
 * batch while the cancel still waits for a pooled connection, and the batch would then be let go
 * before the flag was set (seen on a loaded CI box: a third batch committed, 15,000 rows).
 */
async function blockedBy(pid: number): Promise<boolean> {
  const rows = await rootDb().$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE ${pid}::int = ANY(pg_blocking_pids(pid)) AND query LIKE '%SET "cancelRequested" = true%'`;
  return (rows[0]?.n ?? 0) > 0;
}
