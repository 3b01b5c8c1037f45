// bench/audit: what does auditing cost?
//
//   npm run bench:audit                                   throw-away embedded PostgreSQL
//   DATABASE_URL=postgresql://… npm run bench:audit -- --updates 2000 --rows 100000 --workers 8
//
// Two organizations, identical but for the audit plugin: enabled in one, disabled in the other (it
// stays installed, so both pay the same enabled-plugins lookup). Measured:
//   single   N patient updates through the real mutation (core/patients/mutations.ts updatePatient),
//            alternating blocks between the two organizations so drift hits both alike: p50/p95 and the
//            overhead of auditing (target: at most 20 %);
//   serial   the same updates from W concurrent workers in ONE organization: audited writes of an
//            organization serialize on its chain head row (plugins/audit/chain/append.ts) from the
//            append to the commit, so this shows the throughput that costs;
//   bulk     a 100,000-row inventory bulk change (mark out of stock, the set-based path of
//            plugins/inventory/items/bulk.ts applyBulkChange, one transaction) with and without audit:
//            time, and the number of INSERT statements into audit_entries (chunks of 5,000).
// Audit entries are append-only (a trigger refuses DELETE): with DATABASE_URL the benchmark's
// entries stay in that database; its other rows are deleted unless --keep.
import { setUpBench } from "../lib/setup";
import { round, summarize } from "../jobs/lib";


const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const UPDATES = flag("updates", 2_000);
const ROWS = flag("rows", 100_000);
const WORKERS = flag("workers", 8);
const keep = args.includes("--keep");

const bench = await setUpBench("audit");
const stopDb = bench.stop;

const { rootDb } = await import("../../core/db/client");
await import("../../app/_plugins/runtime");
const { loadOrgContext } = await import("../../core/auth/context");
const { enablePlugin } = await import("../../core/plugins/lifecycle");
const { updatePatient } = await import("../../core/patients/mutations");
const { applyBulkChange, selectionWhere } = await import("../../plugins/inventory/items/bulk");
const { itemFilterSchema } = await import("../../plugins/inventory/items/filters");
const { appendStats } = await import("../../plugins/audit/chain/append");
const { verifyChain } = await import("../../plugins/audit/chain/verify");
const db = rootDb();
const out = (s: string) => process.stdout.write(`${s}\n`);
const system = { type: "system" as const, name: "bench" };

type Clinic = { orgId: string; userId: string; patients: { id: string; medicalRecordNumber: string }[] };

async function clinic(label: string, audited: boolean): Promise<Clinic> {
  const slug = `bench-audit-${label}-${Date.now().toString(36)}`;
  const org = await db.organization.create({ data: { name: `Bench ${label}`, slug, timezone: "UTC" } });
  const user = await db.user.create({ data: { email: `${slug}@bench.local`, name: `Bench ${label}`, passwordHash: "x" } });
  await db.membership.create({ data: { organizationId: org.id, userId: user.id, role: "owner" } });
  for (const p of audited ? ["audit", "inventory"] : ["inventory"]) {
    const res = await enablePlugin(org.id, p, system);
    if (!res.ok) throw new Error(res.error);
  }
  await db.$executeRaw`
    INSERT INTO patients (id, "organizationId", "firstName", "lastName", "dateOfBirth", "medicalRecordNumber", "updatedAt")
    SELECT gen_random_uuid(), ${org.id}::uuid, 'First' || g, 'Last' || g, DATE '1980-01-01' + g, 'BA-' || g, now() FROM generate_series(1, 200) g`;
  const patients = await db.patient.findMany({ where: { organizationId: org.id }, select: { id: true, medicalRecordNumber: true } });
  return { orgId: org.id, userId: user.id, patients };
}

async function updateOnce(c: Clinic, ctx: NonNullable<Awaited<ReturnType<typeof loadOrgContext>>>, i: number) {
  const { id, medicalRecordNumber } = c.patients[i % c.patients.length]!;
  const t = performance.now();
  const res = await updatePatient(ctx, id, { firstName: `First${i}`, lastName: "Bench", dateOfBirth: "1980-01-02", medicalRecordNumber, phone: `+1 555 ${String(i).padStart(4, "0")}`, email: null, address: null, notes: `note ${i}` });
  if (!res.ok) throw new Error(res.error);
  return performance.now() - t;
}

const results: Record<string, unknown> = {};
const clinics: Clinic[] = [];
try {
  const on = await clinic("on", true);
  const off = await clinic("off", false);
  clinics.push(on, off);
  const ctxOn = (await loadOrgContext(on.userId, on.orgId))!;
  const ctxOff = (await loadOrgContext(off.userId, off.orgId))!;

  // ---- single-row writes ----
  for (let i = 0; i < 100; i++) {
    await updateOnce(on, ctxOn, i);
    await updateOnce(off, ctxOff, i);
  }
  const tOn: number[] = [];
  const tOff: number[] = [];
  const BLOCK = 100;
  for (let done = 0; done < UPDATES; done += BLOCK) {
    for (let i = 0; i < BLOCK; i++) tOff.push(await updateOnce(off, ctxOff, 1000 + done + i));
    for (let i = 0; i < BLOCK; i++) tOn.push(await updateOnce(on, ctxOn, 1000 + done + i));
  }
  const sOn = summarize(tOn);
  const sOff = summarize(tOff);
  const overhead = (a: number, b: number) => round(((a - b) / b) * 100, 1);
  results.single = { off: sOff, on: sOn, overheadP50Pct: overhead(sOn.p50, sOff.p50), overheadMeanPct: overhead(sOn.mean, sOff.mean), overheadP95Pct: overhead(sOn.p95, sOff.p95) };

  // ---- concurrent writers in one organization (head-row serialization) ----
  const concurrent = async (c: Clinic, ctx: typeof ctxOn) => {
    const per = Math.ceil(UPDATES / WORKERS);
    const start = performance.now();
    const lat: number[] = [];
    // Each worker updates its own patients: no row-lock contention on the patients themselves.
    await Promise.all(Array.from({ length: WORKERS }, async (_, w) => {
      for (let i = 0; i < per; i++) lat.push(await updateOnce(c, ctx, w + WORKERS * i));
    }));
    const secs = (performance.now() - start) / 1000;
    return { writesPerSecond: round((per * WORKERS) / secs, 0), latency: summarize(lat) };
  };
  const cOff = await concurrent(off, ctxOff);
  const cOn = await concurrent(on, ctxOn);
  results.concurrent = { workers: WORKERS, off: cOff, on: cOn };

  // ---- bulk: 100,000 rows in one set-based statement ----
  const seed = async (orgId: string) => {
    await db.$executeRaw`
      INSERT INTO inventory_items (id, "organizationId", name, sku, quantity, unit, price, "reorderThreshold", "inStock", "updatedAt")
      SELECT gen_random_uuid(), ${orgId}::uuid, 'Bench item ' || g, 'BB-' || lpad(g::text, 7, '0'), 50, 'each', 1.25, 5, true, now() FROM generate_series(1, ${ROWS}) g`;
    await db.$executeRawUnsafe(`ANALYZE inventory_items`);
  };
  const bulk = async (orgId: string, ctx: typeof ctxOn) => {
    const before = appendStats.insertStatements;
    const t = performance.now();
    const { count } = await db.$transaction(
      (tx) => applyBulkChange(tx, { organization: ctx.organization, actor: { type: "user", id: ctx.user.id, name: ctx.user.name }, origin: { source: "bulk" } }, "mark_out_of_stock", selectionWhere(orgId, { mode: "filter", filter: itemFilterSchema.parse({}) })),
      { timeout: 600_000, maxWait: 10_000 },
    );
    return { rows: count, seconds: round((performance.now() - t) / 1000, 2), auditInserts: appendStats.insertStatements - before };
  };
  await seed(off.orgId);
  await seed(on.orgId);
  const bOff = await bulk(off.orgId, ctxOff);
  const bOn = await bulk(on.orgId, ctxOn);
  results.bulk = { off: bOff, on: bOn, overheadPct: round(((bOn.seconds - bOff.seconds) / bOff.seconds) * 100, 1) };

  const tv = performance.now();
  const verified = await verifyChain(on.orgId);
  results.verify = { ...verified, seconds: round((performance.now() - tv) / 1000, 2) };

  // ---- report ----
  const row = (name: string, a: string, b: string, c: string) => out(`${name.padEnd(44)} ${a.padStart(14)} ${b.padStart(14)} ${c.padStart(12)}`);
  out("");
  row("", "audit off", "audit on", "overhead");
  row(`single patient update, p50 ms (n=${UPDATES})`, String(round(sOff.p50, 2)), String(round(sOn.p50, 2)), `${overhead(sOn.p50, sOff.p50)} %`);
  row("single patient update, mean ms", String(round(sOff.mean, 2)), String(round(sOn.mean, 2)), `${overhead(sOn.mean, sOff.mean)} %`);
  row("single patient update, p95 ms", String(round(sOff.p95, 2)), String(round(sOn.p95, 2)), `${overhead(sOn.p95, sOff.p95)} %`);
  row(`${WORKERS} concurrent writers, one org, writes/s`, String(cOff.writesPerSecond), String(cOn.writesPerSecond), `${round(((cOff.writesPerSecond - cOn.writesPerSecond) / cOff.writesPerSecond) * 100, 1)} % fewer`);
  row(`${WORKERS} concurrent writers, p95 ms`, String(round(cOff.latency.p95, 2)), String(round(cOn.latency.p95, 2)), "");
  row(`bulk mark out of stock, ${ROWS.toLocaleString("en-US")} rows, s`, String(bOff.seconds), String(bOn.seconds), `${results.bulk && (results.bulk as { overheadPct: number }).overheadPct} %`);
  row("bulk: INSERT statements into audit_entries", String(bOff.auditInserts), String(bOn.auditInserts), "");
  row(`verify chain (${verified.entries.toLocaleString("en-US")} entries), s`, "", String((results.verify as { seconds: number }).seconds), verified.ok ? "intact" : "BROKEN");
  out("");
  out(JSON.stringify(results));
} finally {
  if (!keep) {
    for (const c of clinics) {
      await db.$executeRaw`DELETE FROM inventory_items WHERE "organizationId" = ${c.orgId}::uuid`;
      await db.$executeRaw`DELETE FROM event_outbox WHERE "organizationId" = ${c.orgId}::uuid`;
      await db.organization.delete({ where: { id: c.orgId } }).catch(() => undefined);
      await db.user.delete({ where: { id: c.userId } }).catch(() => undefined);
    }
  }
  await db.$disconnect();
  await stopDb?.();
}
