// Bulk actions of the inventory list against the real database: on selected ids and on a filter
// ("select all matching"), one event per changed row (payloads as items/mutations.ts emits them),
// no-op rows skipped, other organizations never touched, permissions; and the background path for
// more than 10,000 rows, run for real through the embedded executor (its own app id, so it never
// claims another test file's runs), including a failing batch and the retry.
import "@/app/_plugins/runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { updated } from "@/core/events/record-changes";
import { registerPluginRegistry } from "@/core/plugins/registry";
import { definePlugin, onEvent, type PluginManifest } from "@/core/plugins/types";
import { createTestOrganization, enablePluginFor, grant } from "@/core/testing/plugin-test-kit";
import { inngest } from "@/inngest/client";
import { freePort } from "@/scripts/lib/free-port";
import { startHarness, waitForRun, type Harness } from "@/tests/jobs/harness";
import { until } from "@/tests/helpers/wait";
import { itemUpdated } from "../events";
import { BACKGROUND_THRESHOLD, BULK_BATCH_SIZE, retryBulkOperation, runBulkAction, type BulkOutcome } from "../items/bulk";
import { itemColumns, itemRecord, type ItemRow } from "../items/records";
import { createBulkOperationFunction, runBulkBatch } from "../jobs/bulk-jobs";
import { sweepBulkOperations } from "../jobs/bulk-sweeper";
import inventory from "../plugin";
import { enableRecorder, eventsOf, installWithRecorder, seen } from "./recorder";

beforeAll(() => installWithRecorder());
beforeEach(() => {
  seen.length = 0;
});

async function setup(name = "Bulk Clinic") {
  const org = await createTestOrganization(name);
  await enablePluginFor(org, "inventory");
  await enableRecorder(org.org.id);
  const owner = await org.as("owner");
  return { org, owner, orgId: org.org.id };
}

type Seed = { prefix: string; n: number; quantity?: number; threshold?: number; inStock?: boolean; categoryId?: string | null };

/** n items in one INSERT: SKUs <prefix>-000001..., names "<prefix> item <i>". */
async function seed(orgId: string, s: Seed): Promise<string[]> {
  const rows = await rootDb().$queryRaw<Array<{ id: string }>>`
    INSERT INTO inventory_items (id, "organizationId", "categoryId", name, sku, quantity, unit, price, "reorderThreshold", "inStock", "updatedAt")
    SELECT gen_random_uuid(), ${orgId}::uuid, ${s.categoryId ?? null}::uuid, ${s.prefix} || ' item ' || g, ${s.prefix} || '-' || lpad(g::text, 6, '0'),
           ${s.quantity ?? 20}, 'box', 4.25, ${s.threshold ?? 10}, ${s.inStock ?? true}, now() - interval '1 hour'
    FROM generate_series(1, ${s.n}) AS g
    RETURNING id::text AS id`;
  return rows.map((r) => r.id).sort();
}

async function rowsOf(ids: string[]): Promise<ItemRow[]> {
  return rootDb().$queryRawUnsafe<ItemRow[]>(`SELECT ${itemColumns()} FROM inventory_items WHERE id = ANY($1::uuid[]) ORDER BY id`, ids);
}

const stockOf = async (ids: string[]) => (await rowsOf(ids)).map((r) => r.inStock);
const unique = (p: string) => `${p}${Math.random().toString(36).slice(2, 8)}`.toUpperCase();

function done(res: Awaited<ReturnType<typeof runBulkAction>>): Extract<BulkOutcome, { kind: "done" }> {
  if (!res.ok) throw new Error(res.error);
  if (res.data.kind !== "done") throw new Error("expected a direct run");
  return res.data;
}

describe("bulk actions on selected rows", () => {
  it("marks the selected items out of stock with one updated event per changed row; no-op rows and other organizations' ids are untouched", async () => {
    const s = await setup();
    const other = await setup("Other Clinic");
    const p = unique("SEL");
    const inStock = await seed(s.orgId, { prefix: p, n: 3 });
    const [alreadyOut] = await seed(s.orgId, { prefix: `${p}X`, n: 1, inStock: false });
    const [foreign] = await seed(other.orgId, { prefix: p, n: 1 });
    const before = await rowsOf([...inStock, alreadyOut!]);

    const res = await runBulkAction(s.owner, { action: "mark_out_of_stock", selection: { mode: "ids", ids: [...inStock, alreadyOut!, foreign!] } });
    expect(done(res).affected).toBe(3);
    expect(res.ok && res.message).toBe("3 items marked as out of stock.");

    expect(await stockOf(inStock)).toEqual([false, false, false]);
    expect(await stockOf([foreign!])).toEqual([true]);
    // The no-op row was not written: its updatedAt did not move.
    const [outAfter] = await rowsOf([alreadyOut!]);
    expect(outAfter!.updatedAt.getTime()).toBe(before.find((r) => r.id === alreadyOut)!.updatedAt.getTime());

    const events = eventsOf("inventory.item.updated");
    expect(events.map((e) => e.payload.id)).toEqual(inStock);
    const after = await rowsOf(inStock);
    for (const [i, e] of events.entries()) {
      // Exactly the payload items/mutations.ts emits for the same change, with source "bulk".
      expect(e.payload).toEqual({ ...updated(itemRecord(before.find((r) => r.id === inStock[i])!), itemRecord(after[i]!)), source: "bulk" });
      expect(e.payload.changes).toEqual(["inStock"]);
      expect(e.actor).toMatchObject({ type: "user", id: s.owner.user.id });
    }
  });

  it("marks in stock every item matching a filter (search and category), re-evaluated in SQL", async () => {
    const s = await setup();
    const other = await setup("Other Clinic");
    const category = await rootDb().inventoryCategory.findFirstOrThrow({ where: { organizationId: s.orgId, slug: "medications" } });
    const p = unique("FLT");
    const target = await seed(s.orgId, { prefix: p, n: 4, inStock: false, categoryId: category.id });
    const alreadyIn = await seed(s.orgId, { prefix: `${p}IN`, n: 2, inStock: true, categoryId: category.id });
    const otherCategory = await seed(s.orgId, { prefix: `${p}OC`, n: 2, inStock: false });
    const notMatching = await seed(s.orgId, { prefix: unique("ZZZ"), n: 2, inStock: false, categoryId: category.id });
    const foreign = await seed(other.orgId, { prefix: p, n: 2, inStock: false });

    const res = await runBulkAction(s.owner, { action: "mark_in_stock", selection: { mode: "filter", filter: { q: p.toLowerCase(), category: category.id } } });
    expect(done(res).affected).toBe(4);
    expect(await stockOf(target)).toEqual([true, true, true, true]);
    expect(await stockOf([...otherCategory, ...notMatching, ...foreign])).toEqual(Array(6).fill(false));
    expect(eventsOf("inventory.item.updated").map((e) => e.payload.id)).toEqual(target);
    expect(alreadyIn).toHaveLength(2);

    // The same action again: nothing left to change, nothing emitted.
    seen.length = 0;
    const again = await runBulkAction(s.owner, { action: "mark_in_stock", selection: { mode: "filter", filter: { q: p, category: category.id } } });
    expect(done(again).affected).toBe(0);
    expect(again.ok && again.message).toBe("Nothing to change: the selected items are already in stock.");
    expect(seen).toEqual([]);
  });

  it("deletes the low-stock items matching a search with an inventory.item.deleted per row; another organization's matching rows stay", async () => {
    const s = await setup();
    const other = await setup("Other Clinic");
    const p = unique("DEL");
    const low = await seed(s.orgId, { prefix: p, n: 3, quantity: 2, threshold: 10 });
    const fine = await seed(s.orgId, { prefix: `${p}OK`, n: 2, quantity: 50, threshold: 10 });
    const foreign = await seed(other.orgId, { prefix: p, n: 3, quantity: 2, threshold: 10 });
    const before = await rowsOf(low);

    const res = await runBulkAction(s.owner, { action: "delete", selection: { mode: "filter", filter: { q: p, stock: "low" } } });
    expect(done(res).affected).toBe(3);
    expect(await rowsOf(low)).toEqual([]);
    expect(await rowsOf(fine)).toHaveLength(2);
    expect(await rowsOf(foreign)).toHaveLength(3);
    const events = eventsOf("inventory.item.deleted");
    expect(events.map((e) => e.payload)).toEqual(before.map((r) => ({ organizationId: s.orgId, id: r.id, before: itemRecord(r), after: null, changes: Object.keys(itemRecord(r)), source: "bulk" })));
  });

  it("refuses marking to a viewer and deleting to staff (each needs its permission), and bad input with the field and reason; nothing changes", async () => {
    const s = await setup();
    const [id] = await seed(s.orgId, { prefix: unique("PERM"), n: 1 });
    const viewer = await s.org.as("viewer");
    const denied = await runBulkAction(viewer, { action: "mark_out_of_stock", selection: { mode: "ids", ids: [id!] } });
    expect(denied).toEqual({ ok: false, error: expect.stringContaining('"Create and edit items and categories" permission') });
    expect((await rowsOf([id!]))[0]).toMatchObject({ inStock: true });

    // Staff edit items (mark them) but do not delete them: the item stays.
    const staff = await s.org.as("staff");
    expect(done(await runBulkAction(staff, { action: "mark_out_of_stock", selection: { mode: "ids", ids: [id!] } })).affected).toBe(1);
    const noDelete = await runBulkAction(staff, { action: "delete", selection: { mode: "ids", ids: [id!] } });
    expect(noDelete).toEqual({ ok: false, error: expect.stringContaining('"Delete items and categories" permission') });
    expect(await rowsOf([id!])).toHaveLength(1);
    await grant(s.org, "staff", { groups: ["inventory.manager"] });
    expect(done(await runBulkAction(await s.org.as("staff"), { action: "mark_in_stock", selection: { mode: "ids", ids: [id!] } })).affected).toBe(1);

    expect(await runBulkAction(s.owner, { action: "archive", selection: { mode: "ids", ids: [id!] } })).toMatchObject({ ok: false, fieldErrors: { action: "Choose a bulk action" } });
    expect(await runBulkAction(s.owner, { action: "delete", selection: { mode: "ids", ids: [] } })).toMatchObject({ ok: false, fieldErrors: { "selection.ids": "Select at least one item" } });
    expect(await runBulkAction(s.owner, { action: "delete", selection: { mode: "ids", ids: ["x"] } })).toMatchObject({ ok: false, fieldErrors: { "selection.ids.0": "Unknown item" } });
    expect(await runBulkAction(s.owner, { action: "delete", selection: { mode: "filter", filter: { stock: "maybe" } } })).toMatchObject({ ok: false, fieldErrors: { "selection.filter.stock": expect.any(String) } });
    expect(await rowsOf([id!])).toHaveLength(1);
  });
});

describe("the background job's batches", () => {
  it("walks the frozen filter in id-keyset batches, each with its progress; no-op rows and items created after the operation are untouched", async () => {
    const s = await setup();
    const p = unique("BAT");
    const pending = await seed(s.orgId, { prefix: p, n: 7 });
    const noop = await seed(s.orgId, { prefix: `${p}N`, n: 2, inStock: false });
    const op = await rootDb().inventoryBulkOperation.create({ data: { organizationId: s.orgId, action: "mark_out_of_stock", filter: { q: p }, total: 7, status: "running" } });
    // Created after the operation: outside its snapshot.
    const late = await rootDb().$queryRaw<Array<{ id: string }>>`
      INSERT INTO inventory_items (id, "organizationId", name, sku, "updatedAt", "createdAt") VALUES (gen_random_uuid(), ${s.orgId}::uuid, ${`${p} late`}, ${`${p}-LATE`}, now(), now() + interval '1 second')
      RETURNING id::text AS id`;
    const noopBefore = await rowsOf(noop);

    const batches = [];
    let afterId: string | null = null;
    for (;;) {
      const res = await runBulkBatch(s.orgId, op.id, afterId, 3);
      batches.push(res.count);
      const progress = await rootDb().inventoryBulkOperation.findUniqueOrThrow({ where: { id: op.id } });
      expect(progress.done).toBe(batches.reduce((a, b) => a + b, 0));
      if (res.count < 3) break;
      expect(res.lastId).toBe(pending[batches.length * 3 - 1]);
      afterId = res.lastId;
    }
    expect(batches).toEqual([3, 3, 1]);
    expect(await stockOf(pending)).toEqual(Array(7).fill(false));
    expect(await stockOf([late[0]!.id])).toEqual([true]);
    expect((await rowsOf(noop)).map((r) => r.updatedAt.getTime())).toEqual(noopBefore.map((r) => r.updatedAt.getTime()));
    expect(eventsOf("inventory.item.updated").map((e) => e.payload.id)).toEqual(pending);
    expect(eventsOf("inventory.item.updated")[0]!.actor).toEqual({ type: "job", id: op.id, name: "inventory-bulk-operation" });
  });
});

describe(`more than ${BACKGROUND_THRESHOLD.toLocaleString("en-US")} rows: a background job`, () => {
  let h: Harness;
  const fnId = () => `${h.appId}-inventory-bulk-operation`;

  beforeAll(async () => {
    // inventory's inngest.send() (the app's client) goes to this executor; the executor serves the job
    // on a test client with its own app id.
    const port = await freePort();
    process.env.INNGEST_DEV = `http://127.0.0.1:${port}`;
    // The client copied the environment when it was constructed (at import): let it see INNGEST_DEV.
    inngest.setEnvVars();
    h = await startHarness("inventory-bulk", (client) => [createBulkOperationFunction(client)], { port });
  });
  afterAll(async () => {
    await h?.close();
  });

  const operation = (id: string) => rootDb().inventoryBulkOperation.findUniqueOrThrow({ where: { id } });
  const waitFor = (id: string, status: string) => until(`operation ${status}`, async () => (await operation(id)).status === status, 60_000);

  it("runs in batches of 5,000 with progress, one event per changed row, and leaves other organizations alone", async () => {
    const s = await setup();
    const other = await setup("Other Clinic");
    const p = unique("BIG");
    const n = BACKGROUND_THRESHOLD + 2_000;
    const ids = await seed(s.orgId, { prefix: p, n });
    const foreign = await seed(other.orgId, { prefix: p, n: 5 });

    const res = await runBulkAction(s.owner, { action: "mark_out_of_stock", selection: { mode: "filter", filter: { q: p } } });
    if (!res.ok || res.data.kind !== "background") throw new Error(JSON.stringify(res));
    expect(res.data.total).toBe(n);
    await waitFor(res.data.operationId, "completed");
    expect(await operation(res.data.operationId)).toMatchObject({ status: "completed", total: n, done: n, error: null, createdById: s.owner.user.id });

    const run = await rootDb().jobRun.findFirstOrThrow({ where: { functionId: fnId(), organizationId: s.orgId } });
    expect((await waitForRun(run.id)).output).toEqual({ batches: Math.ceil(n / BULK_BATCH_SIZE), changed: n });
    const [still] = await rootDb().$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM inventory_items WHERE id = ANY(${ids}::uuid[]) AND "inStock"`;
    expect(still?.n).toBe(0);
    expect(await stockOf(foreign)).toEqual(Array(5).fill(true));
    const events = eventsOf("inventory.item.updated");
    expect(events).toHaveLength(n);
    expect(new Set(events.map((e) => e.payload.id)).size).toBe(n);
  });

  it("the sweeper resumes an operation whose run was lost; the run's output counts every row changed, also by the lost run", async () => {
    const s = await setup();
    const p = unique("LOST");
    const n = BULK_BATCH_SIZE + 2_000;
    const ids = await seed(s.orgId, { prefix: p, n });
    const op = await rootDb().inventoryBulkOperation.create({ data: { organizationId: s.orgId, action: "mark_out_of_stock", filter: { q: p }, total: n, status: "running" } });
    // The lost run committed its first batch (counted in `done`) and then its job runner died.
    expect((await runBulkBatch(s.orgId, op.id, null)).count).toBe(BULK_BATCH_SIZE);
    await rootDb().inventoryBulkOperation.update({ where: { id: op.id }, data: { heartbeatAt: new Date(Date.now() - 3 * 60_000) } });

    // Only this test's operation goes to the job runner (other files' leftovers are not ours to resume).
    const result = await sweepBulkOperations(new Date(), (e) => (e.data.operationId === op.id ? inngest.send(e as never) : Promise.resolve()));
    expect(result.resumed).toContain(op.id);
    await waitFor(op.id, "completed");
    expect(await operation(op.id)).toMatchObject({ done: n, total: n });
    // The resumed run changed 2,000 rows itself; its output says how many the operation changed: all.
    const run = await rootDb().jobRun.findFirstOrThrow({ where: { functionId: fnId(), organizationId: s.orgId } });
    expect((await waitForRun(run.id)).output).toEqual({ batches: 1, changed: n });
    expect(await stockOf(ids)).toEqual(Array(n).fill(false));
  });

  it("a failing batch leaves the earlier batches applied and marks the operation failed with the error; a retry finishes it", async () => {
    // A plugin that refuses updates of one SKU: its batch rolls back, every retry of it too.
    const poison = unique("POISON");
    const veto = definePlugin({
      id: "veto",
      name: "Veto",
      version: "1.0.0",
      description: "Refuses one item's update.",
      author: "tests",
      handlers: {
        inTransaction: [
          onEvent({
            event: itemUpdated,
            handle: (payload) => {
              if (payload.after.sku === poison) throw new Error(`item ${poison} is frozen`);
            },
          }),
        ],
      },
    });
    registerPluginRegistry({ inventory: async () => ({ default: inventory as PluginManifest }), veto: async () => ({ default: veto }) });
    try {
      const s = await setup();
      await rootDb().pluginInstallation.create({ data: { organizationId: s.orgId, pluginId: "veto", enabled: true, version: "1.0.0" } });
      const p = unique("FAIL");
      const n = BACKGROUND_THRESHOLD + 1_000;
      const ids = await seed(s.orgId, { prefix: p, n });
      // The greatest id is in the last batch; it keeps its search term so the filter still matches it.
      await rootDb().inventoryItem.update({ where: { id: ids.at(-1)! }, data: { sku: poison, name: `${p} poisoned` } });

      const res = await runBulkAction(s.owner, { action: "mark_out_of_stock", selection: { mode: "filter", filter: { q: p } } });
      if (!res.ok || res.data.kind !== "background") throw new Error(JSON.stringify(res));
      const opId = res.data.operationId;
      await waitFor(opId, "failed");
      const failed = await operation(opId);
      expect(failed).toMatchObject({ status: "failed", done: 2 * BULK_BATCH_SIZE, total: n });
      expect(failed.error).toContain(`item ${poison} is frozen`);
      const count = async (inStock: boolean) =>
        (await rootDb().$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM inventory_items WHERE id = ANY(${ids}::uuid[]) AND "inStock" = ${inStock}`)[0]!.n;
      expect(await count(false)).toBe(2 * BULK_BATCH_SIZE);
      expect(await count(true)).toBe(n - 2 * BULK_BATCH_SIZE);

      // Fixed (the veto lifted): the retry continues with the rest only.
      await rootDb().pluginInstallation.update({ where: { organizationId_pluginId: { organizationId: s.orgId, pluginId: "veto" } }, data: { enabled: false } });
      const retry = await retryBulkOperation(s.owner, opId);
      expect(retry.ok).toBe(true);
      expect(await operation(opId)).toMatchObject({ total: n });
      expect((await retryBulkOperation(s.owner, opId)).ok).toBe(false);
      await waitFor(opId, "completed");
      expect(await operation(opId)).toMatchObject({ status: "completed", done: n, error: null });
      expect(await count(true)).toBe(0);
    } finally {
      installWithRecorder();
    }
  });
});
