// Large exports through the real job path: above the stream limit the route answers 303 to
// /exports/<id>, the app's Inngest client sends the event to a real embedded executor, the core-export
// job writes the CSV into a stored file with progress, and /api/exports/files/<id> serves it — to the
// organization's members only. Also: a failing run marks the export failed with the reason.
import "@/app/_plugins/runtime";
import type { Inngest } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { getExportView, listExports } from "@/core/imports/export/service";
import { failExport, runExport } from "@/core/imports/export/run";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { freePort } from "@/scripts/lib/free-port";
import { startHarness, type Harness } from "@/tests/jobs/harness";
import { until } from "@/tests/helpers/wait";
import { startExportServer, type ExportServer } from "./export-server";

let h: Harness;
let server: ExportServer;

beforeAll(async () => {
  const port = await freePort();
  process.env.INNGEST_DEV = `http://127.0.0.1:${port}`;
  const { inngest } = (await import("@/inngest/client")) as { inngest: Inngest };
  const { createExportFunctions } = await import("@/core/imports/export/jobs");
  h = await startHarness("exports", (client) => createExportFunctions(client), { client: inngest, port });
  // Two rows are "large" here, so the background path runs with a handful of rows.
  server = await startExportServer({ streamLimit: 2 });
});

afterAll(async () => {
  await server?.close();
  await h?.close();
});

async function setup(name: string, n: number) {
  const org = await createTestOrganization(name);
  await enablePluginFor(org, "inventory");
  await rootDb().$executeRaw`
    INSERT INTO inventory_items (id, "organizationId", name, sku, quantity, "updatedAt")
    SELECT gen_random_uuid(), ${org.org.id}::uuid, 'Item ' || g, 'BG-' || lpad(g::text, 4, '0'), g, now() FROM generate_series(1, ${n}) g`;
  return org;
}

describe("background export", () => {
  it("redirects to the export page, runs as a job with progress, and serves the file to the organization only", async () => {
    const org = await setup("Big Export Clinic", 7);
    const owner = { userId: org.members.owner.id, organizationId: org.org.id };
    const res = await server.get("/api/exports/inventory.items?scope=all", owner);
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/exports\/[0-9a-f-]{36}$/);
    const id = location.split("/").pop()!;

    const ctx = await org.as("owner");
    await until("the export job", async () => (await getExportView(ctx, id))?.status === "completed");
    const view = (await getExportView(ctx, id))!;
    expect(view).toMatchObject({ resource: "inventory.items", status: "completed", totalRows: 7, rowsDone: 7, query: { scope: "all" } });
    expect(view.download).toMatchObject({ href: `/api/exports/files/${id}`, name: expect.stringMatching(/^inventory-items-\d{4}-\d{2}-\d{2}\.csv$/) });
    expect((await listExports(ctx)).map((e) => e.id)).toContain(id);

    const file = await server.get(view.download!.href, owner);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="${view.download!.name}"`);
    const lines = new TextDecoder().decode(await file.arrayBuffer()).split("\r\n");
    expect(lines[0]).toBe("SKU,Name,Category,Quantity,Unit,Price,Reorder threshold,In stock,Expires on");
    expect(lines.slice(1, 8).map((l) => l.split(",")[0]).sort()).toEqual(["BG-0001", "BG-0002", "BG-0003", "BG-0004", "BG-0005", "BG-0006", "BG-0007"]);

    // Another organization's member: no such export, no such file.
    const other = await createTestOrganization("Other Clinic");
    await enablePluginFor(other, "inventory");
    expect(await getExportView(await other.as("owner"), id)).toBeNull();
    expect((await server.get(view.download!.href, { userId: other.members.owner.id, organizationId: other.org.id })).status).toBe(404);
  });

  it("runExport is resumable from queued/running only; a failed export keeps its reason and has no file", async () => {
    const org = await setup("Failing Export Clinic", 3);
    const row = await rootDb().dataExport.create({ data: { organizationId: org.org.id, resource: "inventory.items", query: { scope: "all" } } });
    await failExport(org.org.id, row.id, "The export failed: disk on fire");
    expect(await runExport(org.org.id, row.id)).toEqual({ status: "skipped" });
    const view = (await getExportView(await org.as("owner"), row.id))!;
    expect(view).toMatchObject({ status: "failed", error: "The export failed: disk on fire", download: null });
    expect((await server.get(`/api/exports/files/${row.id}`, { userId: org.members.owner.id, organizationId: org.org.id })).status).toBe(404);
  });
});
