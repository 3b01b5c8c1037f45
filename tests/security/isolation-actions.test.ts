// Issue 15, the organization-isolation matrix — its server-action part. Every server action of the app
// and its plugins (found by tests/security/server-actions.ts: each export of a "use server" module is
// an endpoint a signed-in browser can call with any arguments) is called as organization B's owner
// (every plugin enabled), with the id of every record organization A has — every row kind found from
// the schema, plus A's members' user ids — in each place the action takes a record id. Each call must
// answer exactly what the same call answers for an id that exists nowhere (so it neither acts on A's
// record nor tells B that it exists), must not mention any of A's ids or data, and A's rows must be
// byte-identical afterwards. Then the positive control: A's owner making the same calls on A's own
// records gets a different answer for at least one of them — the refusal comes from the organization,
// not from an input the action would refuse anyway.
//
// An action whose only parameter is a record id is called without anyone listing it. Any other shape
// needs an entry in CASES saying where its record ids go; a new action without one fails this test by
// name, so no action is left out by forgetting it.
import "@/app/_plugins/runtime";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { OrgContext } from "@/core/auth/context";
import { rootDb } from "@/core/db/client";
import { createTestOrganization, enablePluginFor, runJobsToCompletion, type TestOrganization } from "@/core/testing/plugin-test-kit";
import { manyPatients, patientsCsv, upload } from "@/tests/imports/engine-kit";
import { patientData } from "@/tests/helpers/fixtures";
import { fingerprint, idMatcher, orgTables } from "./org-rows";
import { discoverServerActions, type ServerAction } from "./server-actions";

const session = vi.hoisted(() => ({ ctx: null as OrgContext | null }));
vi.mock("@/core/auth/context", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/core/auth/context")>()),
  getOrgContext: async () => session.ctx,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

/** A's data carries this word, so an answer that shows any of it is caught even without an id. */
const CANARY = "Zqvictimcanary";

/** The caller's own records, for actions that take one record of theirs and a reference to another. */
type Mine = { patient: string; appointment: string; item: string; draftOrder: string };

type Case = {
  /** Argument lists, with `ref` where a record id of someone else goes. */
  refs?: (ref: string, mine: Mine) => unknown[][];
  /** Argument lists of an action that takes no record id: it may only ever act in the caller's organization. */
  own?: (mine: Mine) => unknown[][];
  /** The control for an `own` action: called by A's owner, the answer shows A's data (so B's not seeing it means something). */
  showsOwnData?: true;
  /** Deletes what it is given: its control runs after the others'. */
  destructive?: true;
};

const appointment = (patientId: string) => ({ patientId, startsAt: "2031-04-01T09:00:00.000Z", endsAt: "2031-04-01T09:30:00.000Z", provider: "Dr Matrix", status: "scheduled" });
const importSettings = (id: string) => ({
  id,
  mapping: { "0": "medicalRecordNumber", "1": "firstName", "2": "lastName", "3": "dateOfBirth" },
  updateExisting: false,
  mode: "skip_invalid",
});
const byIds = (ids: string[]) => ({ mode: "ids", ids });
const NO_LINE = randomUUID();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/**
 * An id that exists nowhere, written like `id`: a record kind with numeric ids (the outbox, lifecycle
 * runs) is refused as malformed by an action that takes uuids — for a missing id as for an existing one.
 */
function missingLike(id: string): string {
  if (UUID.test(id)) return randomUUID();
  if (/^\d+$/.test(id)) return String(BigInt(id) + 10n ** 15n);
  throw new Error(`record id of an unknown form: ${id}`);
}

const CASES: Record<string, Case> = {
  configureImportAction: { refs: (ref) => [[importSettings(ref)]] },
  previewImportAction: { refs: (ref) => [[importSettings(ref)]] },
  createApiTokenAction: { own: () => [[{ name: "matrix", expiresIn: "30" }]] },
  // Takes no id at all: the organization is the caller's, so B's owner can only ever change B.
  saveOrganizationSettingsAction: { own: () => [[{ name: "Matrix Clinic", timezone: "Europe/Madrid", currency: "EUR", locale: "es-ES" }]] },
  // The caller's own user row only (by the session's id): A's members and A's organization are untouched.
  chooseLanguageAction: { own: () => [[{ language: "es" }], [{ language: null }]] },
  createPatientAction: { own: () => [[patientData()]] },
  updatePatientAction: { refs: (ref) => [[ref, patientData({ lastName: "Overwritten" })]] },
  createAppointmentAction: { refs: (ref) => [[appointment(ref)]] },
  updateAppointmentAction: { refs: (ref, mine) => [[ref, appointment(mine.patient)], [mine.appointment, appointment(ref)]] },
  searchPatientsAction: { own: () => [[CANARY]], showsOwnData: true },
  setPluginEnabledAction: { own: () => [["hello", true]] },
  saveMemberPluginGrantsAction: { refs: (ref) => [[{ userId: ref, pluginId: "inventory", groups: ["inventory.clerk"], permissions: [] }]] },
  savePluginSettingsAction: { own: () => [["hello", {}]] },
  verifyChainAction: { own: () => [[]] },
  createGreetingAction: { own: () => [[{ message: "hello from the other clinic" }]] },
  requestShopifySyncAction: { own: () => [[]] },
  saveLineQuantitiesAction: {
    refs: (ref, mine) => [[{ orderId: ref, lines: [{ lineId: NO_LINE, quantity: "2" }] }], [{ orderId: mine.draftOrder, lines: [{ lineId: ref, quantity: "2" }] }]],
  },
  saveSupplierAction: { refs: (ref) => [[{ orderId: ref, supplier: "Hijacked by the other clinic", supplierEmail: "" }]] },
  createCategoryAction: { own: () => [[{ name: "Matrix category" }]] },
  renameCategoryAction: { refs: (ref) => [[ref, { name: "Renamed by the other clinic" }]] },
  createItemAction: { refs: (ref) => [[{ name: "Matrix item", sku: "MATRIX-NEW", categoryId: ref, quantity: "1", unit: "box", price: "1", reorderThreshold: "0", inStock: true }]] },
  updateItemAction: { refs: (ref, mine) => [[ref, { name: "Renamed by the other clinic" }], [mine.item, { categoryId: ref }]] },
  adjustStockAction: { refs: (ref) => [[ref, { amount: "5", reason: "matrix" }]] },
  bulkItemsAction: {
    refs: (ref) => (["mark_out_of_stock", "mark_in_stock", "delete"] as const).map((action) => [{ action, selection: byIds([ref]) }]),
    destructive: true,
  },
  generateOrderAction: { refs: (ref) => [[byIds([ref])]] },
};

/** An action taking nothing but one record id needs no entry: it is called with each id as it is. */
function caseOf(action: ServerAction): Case | undefined {
  const listed = CASES[action.name];
  if (listed) return listed;
  const [p, ...rest] = action.params;
  if (p && rest.length === 0 && p.type === "string" && /^(id|[a-z]+Id)$/.test(p.name)) {
    return { refs: (ref) => [[ref]], destructive: /^(delete|revoke)/.test(action.name) ? true : undefined };
  }
  if (action.params.length === 0) return { own: () => [[]] };
  return undefined;
}

/** Up to two rows of every kind A has (a failed and a queued run, a draft and a sent order...), and A's members. */
async function recordsOf(org: TestOrganization, tables: string[]): Promise<Array<{ kind: string; id: string }>> {
  const out: Array<{ kind: string; id: string }> = [];
  for (const t of tables) {
    const rows = await rootDb().$queryRawUnsafe<Array<{ id: string }>>(`SELECT id::text AS id FROM "${t}" WHERE "organizationId"::text = $1 ORDER BY id LIMIT 2`, org.org.id);
    out.push(...rows.map((r) => ({ kind: t, id: r.id })));
  }
  out.push(...Object.entries(org.members).map(([role, m]) => ({ kind: `users (A's ${role})`, id: m.id })));
  return out;
}

type Outcome = string;

/** What the caller sees, with ids and error references made comparable (an id the call was given reads `<ref>`). */
async function call(fn: (...args: unknown[]) => Promise<unknown>, args: unknown[], ref: string): Promise<{ raw: string; normal: Outcome }> {
  let raw: string;
  try {
    raw = JSON.stringify({ returned: (await fn(...args)) ?? null });
  } catch (err) {
    // Next's notFound()/redirect() throw an error whose digest is what the browser gets.
    const e = err as { digest?: string; message?: string };
    raw = JSON.stringify({ threw: e.digest ?? e.message ?? String(err) });
  }
  const normal = raw
    .replaceAll(ref, "<ref>")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>")
    .replace(/Reference: [^)]*/g, "Reference: <request>");
  return { raw, normal };
}

/** Runs an action as `ctx` and returns its data: the setup makes records the way members make them. */
async function as<R extends { ok: boolean; data?: unknown }>(ctx: OrgContext, run: () => Promise<R>): Promise<Extract<R, { ok: true }>["data"]> {
  session.ctx = ctx;
  const res = await run();
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data;
}

/** A purchase order generated from the selection, as the list's "Generate order" makes it. */
async function orderOf(ctx: OrgContext, itemId: string): Promise<string> {
  const { generateOrderAction } = await import("@/plugins/inventory/pages/list/actions");
  const order = await as(ctx, () => generateOrderAction(byIds([itemId])));
  if (order.kind !== "created") throw new Error(`no order for ${itemId}`);
  return order.orderId;
}

async function mineOf(org: TestOrganization, label: string): Promise<Mine> {
  const owner = await org.as("owner");
  const { createPatientAction } = await import("@/core/patients/actions");
  const { createAppointmentAction } = await import("@/core/appointments/actions");
  const { createCategoryAction } = await import("@/plugins/inventory/pages/items/category-actions");
  const { createItemAction } = await import("@/plugins/inventory/pages/items/item-actions");
  const patient = await as(owner, () => createPatientAction(patientData({ lastName: label })));
  const appt = await as(owner, () => createAppointmentAction(appointment(patient.id)));
  const category = await as(owner, () => createCategoryAction({ name: `${label} supplies` }));
  const item = await as(owner, () =>
    createItemAction({ name: `${label} gauze`, sku: `${label}-1`, categoryId: category.id, quantity: "2", unit: "box", price: "3", reorderThreshold: "10", inStock: true }),
  );
  return { patient: patient.id, appointment: appt.id, item: item.id, draftOrder: await orderOf(owner, item.id) };
}

let a: TestOrganization;
let b: TestOrganization;
let mineA: Mine;
let mineB: Mine;

beforeAll(async () => {
  [a, b] = [await createTestOrganization(`${CANARY} Clinic`), await createTestOrganization("Intruder Clinic")];
  for (const org of [a, b]) for (const p of ["inventory", "hello", "audit"]) await enablePluginFor(org, p);
  mineA = await mineOf(a, CANARY);
  mineB = await mineOf(b, "Intruder");
  // A's records of every other kind an action could be pointed at, in states the actions act on:
  // a stock adjustment, a sent order next to the draft, a greeting, a token, an uploaded import.
  const owner = await a.as("owner");
  const { adjustStockAction, createItemAction } = await import("@/plugins/inventory/pages/items/item-actions");
  const { sendOrderAction } = await import("@/plugins/inventory/pages/orders/actions");
  const { createGreetingAction } = await import("@/plugins/hello/actions");
  const { createApiTokenAction } = await import("@/core/api-tokens/actions");
  await as(owner, () => adjustStockAction(mineA.item, { amount: "1", reason: CANARY }));
  const second = await as(owner, () => createItemAction({ name: `${CANARY} swabs`, sku: `${CANARY}-2`, quantity: "1", unit: "box", price: "1", reorderThreshold: "10", inStock: true }));
  const toSend = await orderOf(owner, second.id);
  await as(owner, () => sendOrderAction(toSend));
  await as(owner, () => createGreetingAction({ message: `hello from ${CANARY}` }));
  await as(owner, () => createApiTokenAction({ name: `${CANARY} token`, expiresIn: "30" }));
  await upload(a, patientsCsv(manyPatients(3)), `${CANARY}.csv`, "owner");
  // Job runs and a failed bulk operation, as the executor and the bulk job leave them.
  const event = await rootDb().jobEvent.create({ data: { name: "test/isolation-actions", data: { organizationId: a.org.id } } });
  for (const status of ["failed", "queued"]) {
    const run = await rootDb().jobRun.create({
      data: { appId: "isolation-actions", functionId: "isolation-actions-fn", eventId: event.id, status, maxAttempts: 1, stepUrl: "http://127.0.0.1:9/api/inngest", organizationId: a.org.id },
    });
    // A queued run has its start item; no executor serves this app id, so nothing claims it.
    if (status === "queued") await rootDb().jobQueueItem.create({ data: { runId: run.id, kind: "start", dueAt: new Date(Date.now() + 86_400_000) } });
  }
  // The Jobs page's records of A's runs (written by the SDK middleware): a failed one (Re-run) and a
  // running one (Cancel).
  for (const status of ["failed", "running"]) {
    await rootDb().jobRunRecord.create({
      data: {
        id: randomUUID(), organizationId: a.org.id, appId: "isolation-actions", functionId: "isolation-actions-fn", functionName: "Isolation",
        eventId: randomUUID(), eventName: "test/isolation-actions", eventData: { organizationId: a.org.id }, status, maxAttempts: 1,
      },
    });
  }
  // Cancel asks the job runner's API: here none listens, so A's own cancel fails fast and visibly.
  process.env.INNGEST_API_BASE_URL = "http://127.0.0.1:9";
  await rootDb().inventoryBulkOperation.create({
    data: { id: randomUUID(), organizationId: a.org.id, action: "mark_out_of_stock", filter: { q: CANARY }, total: 20_000, status: "failed", error: "test", createdById: owner.user.id },
  });
  await runJobsToCompletion(); // audit entries, stock alerts and the outbox's own rows
  session.ctx = null;
}, 120_000);

afterAll(() => {
  session.ctx = null;
});

it("organization B reaches none of organization A's records through any server action", { timeout: 300_000 }, async () => {
  const { actions, inlineActions } = discoverServerActions();
  expect(inlineActions, "inline server actions cannot be called by the matrix: move them into a \"use server\" module").toEqual([]);
  expect(new Set(actions.map((x) => x.name)).size, "two server actions share a name").toBe(actions.length);
  const uncovered = actions.filter((x) => !caseOf(x)).map((x) => `${x.name}(${x.params.map((p) => `${p.name}: ${p.type}`).join(", ")}) in ${x.file}`);
  expect(uncovered, "add a case to CASES saying where these actions take record ids").toEqual([]);
  expect(Object.keys(CASES).filter((name) => !actions.some((x) => x.name === name)), "CASES names actions that no longer exist").toEqual([]);

  const modules = new Map<string, Record<string, unknown>>();
  const fnOf = async (x: ServerAction) => {
    const spec = `@/${x.file.replace(/\.tsx?$/, "")}`;
    if (!modules.has(spec)) modules.set(spec, await import(/* @vite-ignore */ spec));
    const fn = modules.get(spec)![x.name];
    if (typeof fn !== "function") throw new Error(`${x.name} is not a function export of ${x.file}`);
    return fn as (...args: unknown[]) => Promise<unknown>;
  };

  const tables = await orgTables();
  const foreign = await recordsOf(a, tables);
  expect(foreign.map((f) => f.kind)).toEqual(
    expect.arrayContaining(["patients", "appointments", "inventory_items", "inventory_categories", "inventory_stock_adjustments", "inventory_purchase_orders", "inventory_purchase_order_lines", "inventory_bulk_operations", "job_runs", "job_run_records", "data_imports", "stored_files", "api_tokens", "hello_greetings", "audit_entries", "memberships", "event_outbox", "users (A's staff)"]),
  );
  const mentions = foreign.map((f) => idMatcher(f.id));
  const leaks = (raw: string) => raw.includes(CANARY) || mentions.some((mentioned) => mentioned(raw));

  const ctxA = await a.as("owner");
  const ctxB = await b.as("owner");
  const before = await fingerprint(a.org.id, tables);
  const failures: string[] = [];
  let calls = 0;
  let ownCalls = 0;

  session.ctx = ctxB;
  for (const x of actions) {
    const c = caseOf(x)!;
    const fn = await fnOf(x);
    for (const args of c.own?.(mineB) ?? []) {
      const res = await call(fn, args, "\0");
      ownCalls++;
      if (leaks(res.raw)) failures.push(`${x.name} shows organization A's data to B: ${res.raw.slice(0, 200)}`);
    }
    const variants = c.refs ? c.refs("<ref>", mineB).length : 0;
    for (let v = 0; v < variants; v++) {
      for (const f of foreign) {
        const missing = missingLike(f.id);
        const expected = await call(fn, c.refs!(missing, mineB)[v]!, missing);
        const res = await call(fn, c.refs!(f.id, mineB)[v]!, f.id);
        calls++;
        if (res.normal !== expected.normal) failures.push(`${x.name} #${v + 1} with A's ${f.kind}: ${res.raw.slice(0, 200)} — an unknown id gets ${expected.raw.slice(0, 200)}`);
        else if (leaks(res.raw)) failures.push(`${x.name} #${v + 1} with A's ${f.kind} mentions A's data: ${res.raw.slice(0, 200)}`);
      }
    }
  }
  expect(failures).toEqual([]);
  expect(await fingerprint(a.org.id, tables)).toEqual(before);

  // The control: the same calls by A's owner on A's records are answered differently — for some record.
  session.ctx = ctxA;
  const blind: string[] = [];
  const ordered = [...actions.filter((x) => !caseOf(x)!.destructive), ...actions.filter((x) => caseOf(x)!.destructive)];
  for (const x of ordered) {
    const c = caseOf(x)!;
    const fn = await fnOf(x);
    if (c.showsOwnData) for (const args of c.own!(mineA)) if (!(await call(fn, args, "\0")).raw.includes(CANARY)) blind.push(`${x.name} does not show A its own data`);
    const variants = c.refs ? c.refs("<ref>", mineA).length : 0;
    for (let v = 0; v < variants; v++) {
      let reached = false;
      for (const f of foreign) {
        if (reached) break;
        const missing = missingLike(f.id);
        const expected = await call(fn, c.refs!(missing, mineA)[v]!, missing);
        reached = (await call(fn, c.refs!(f.id, mineA)[v]!, f.id)).normal !== expected.normal;
      }
      if (!reached) blind.push(`${x.name} #${v + 1}: no record of A's own is answered differently from an unknown id (the matrix proves nothing for it)`);
    }
  }
  expect(blind).toEqual([]);
  console.log(
    `isolation matrix (server actions): ${actions.length} actions, ${calls} calls with ${foreign.length} records of A (${new Set(foreign.map((f) => f.kind)).size} kinds) each answered as for an unknown id, ${ownCalls} calls of actions without a record id; organization A unchanged across ${tables.length} tables`,
  );
});
