// bench/import/index-costs.ts: what each index of inventory_items costs a bulk write. The raw insert of
// N new items (from a table already in the database: no client, no validation) is timed with every
// index, then with each index dropped in turn (DROP INDEX inside the transaction, rolled back with the
// rows, the table vacuumed before the next run), and once with no secondary index at all — each
// configuration `--runs` times, interleaved, so the machine's drift hits all of them alike.
//
//   npm run bench:import:indexes                      100,000 rows, 3 runs, throw-away embedded PostgreSQL
//   npm run bench:import:indexes -- --rows 50000 --runs 5
//
// Then alternatives for the trigram (GIN) indexes: the GIN pending list off or at 64 MB and, while the
// table had one trigram index per column (before migration 20261207100000_inventory_search_trgm, which
// this measurement decided), one GIN index over name || ' ' || sku instead — created or altered in the
// same rolled-back transaction, before the timed insert.
//
// Prints, per index: its definition, the median insert time without it, and the difference to the
// median with everything (= what the index costs the write). The table also holds `--existing` items
// of another organization first (default 100,000), so the indexes have a realistic depth.
import fs from "node:fs";
import { setUpBench } from "../lib/setup";

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const n = Number(i >= 0 ? args[i + 1] : fallback);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number`);
  return n;
};
const ROWS = opt("rows", 100_000);
const RUNS = opt("runs", 3);
const EXISTING = opt("existing", 100_000);

class RollBack extends Error {}

/** user + system CPU seconds of a process (a PostgreSQL backend on this machine), from /proc. */
function backendCpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const bench = await setUpBench("import-indexes", { postgresFlags: ["-c", "shared_buffers=512MB"] });
const { rootDb } = await import("../../core/db/client");
const db = rootDb();
const log = (s: string) => process.stdout.write(`${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function org(slug: string): Promise<string> {
  const o = await db.organization.create({ data: { name: slug, slug: `${slug}-${Date.now().toString(36)}`, timezone: "UTC", currency: "USD" } });
  return o.id;
}

// The rows: shaped as bench/import/run.ts's file (names, units, prices, a third with an expiry date,
// one in 17 out of stock), generated in the database.
const SOURCE = `SELECT 'BI-' || lpad(i::text, 8, '0') AS sku, (ARRAY['Nitrile gloves','Gauze swabs','Syringe 5 ml','Alcohol pads','Bandages'])[1 + i % 5] || ' #' || i AS name,
  (i * 7919) % 500 AS quantity, (ARRAY['each','box','pack','ml','bottle'])[1 + i % 5] AS unit, ((i * 31) % 10000) / 100.0 AS price,
  10 + i % 40 AS threshold, i % 17 <> 0 AS in_stock, CASE WHEN i % 3 = 0 THEN date '2027-01-01' + i % 300 END AS expires_on`;
const insert = (organizationId: string, table: string) => `
  INSERT INTO inventory_items (id, "organizationId", sku, name, quantity, unit, price, "reorderThreshold", "inStock", "expiresOn", "updatedAt")
  SELECT gen_random_uuid(), '${organizationId}'::uuid, sku, name, quantity, unit, price, threshold, in_stock, expires_on, now() FROM ${table}`;

try {
  const other = await org("bench-idx-existing");
  await db.$executeRawUnsafe(`CREATE TABLE bench_idx_rows AS ${SOURCE} FROM generate_series(1, ${Math.max(ROWS, EXISTING)}) i`);
  await db.$executeRawUnsafe(`${insert(other, `(SELECT * FROM bench_idx_rows LIMIT ${EXISTING}) s`)}`);
  await db.$executeRawUnsafe(`DELETE FROM bench_idx_rows WHERE ctid IN (SELECT ctid FROM bench_idx_rows OFFSET ${ROWS})`);
  await db.$executeRawUnsafe("VACUUM ANALYZE inventory_items");
  await db.$executeRawUnsafe("VACUUM ANALYZE bench_idx_rows");
  const target = await org("bench-idx-target");

  const indexes = await db.$queryRawUnsafe<Array<{ name: string; def: string; constraint: boolean }>>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def, x.indisunique OR EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid) AS constraint
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = 'inventory_items'::regclass ORDER BY i.relname`,
  );
  // Unique indexes (primary key, the SKU per organization, the composite foreign keys' target) are what
  // the data needs: never dropped; "no secondary index" is what they alone cost.
  const secondary = indexes.filter((i) => !i.constraint);
  const trigram = secondary.filter((i) => /gin_trgm_ops/.test(i.def)).map((i) => i.name);
  const configs: Array<{ label: string; drop: string[]; setup?: string[] }> = [
    { label: "all indexes", drop: [] },
    ...secondary.map((i) => ({ label: `without ${i.name}`, drop: [i.name] })),
    { label: "no secondary index", drop: secondary.map((i) => i.name) },
    // Alternatives to the trigram indexes as they are (the issue's candidates): one GIN index over an
    // expression instead of one per column (when there are several), the GIN pending list off or larger.
    ...(trigram.length > 1
      ? [{ label: "one trigram index over name || ' ' || sku", drop: trigram, setup: [`CREATE INDEX bench_name_sku_trgm ON inventory_items USING gin ((name || ' ' || sku) gin_trgm_ops)`] }]
      : []),
    { label: "trigram indexes WITH (fastupdate = off)", drop: [], setup: trigram.map((n) => `ALTER INDEX "${n}" SET (fastupdate = off)`) },
    { label: "trigram indexes WITH (gin_pending_list_limit = 64MB)", drop: [], setup: trigram.map((n) => `ALTER INDEX "${n}" SET (gin_pending_list_limit = 65536)`) },
  ];
  const times = new Map<string, number[]>(configs.map((c) => [c.label, []]));
  // The server process's own CPU as well: unlike wall time it leaves out the checkpoints and disk
  // waits that make single runs on a shared machine vary by seconds.
  const cpu = new Map<string, number[]>(configs.map((c) => [c.label, []]));
  log(`inventory_items: ${indexes.length} indexes (${secondary.length} secondary); inserting ${ROWS.toLocaleString("en-US")} rows next to ${EXISTING.toLocaleString("en-US")}, ${RUNS} runs per configuration`);
  for (let run = 1; run <= RUNS; run++) {
    for (const c of configs) {
      const t0 = performance.now();
      await db
        .$transaction(async (tx) => {
          for (const name of c.drop) await tx.$executeRawUnsafe(`DROP INDEX "${name}"`);
          for (const sql of c.setup ?? []) await tx.$executeRawUnsafe(sql);
          const [{ pid }] = (await tx.$queryRawUnsafe<Array<{ pid: number }>>("SELECT pg_backend_pid() AS pid")) as [{ pid: number }];
          const cpu0 = backendCpuSeconds(pid);
          const t = performance.now();
          await tx.$executeRawUnsafe(insert(target, "bench_idx_rows"));
          times.get(c.label)!.push((performance.now() - t) / 1000);
          cpu.get(c.label)!.push(backendCpuSeconds(pid) - cpu0);
          throw new RollBack();
        }, { timeout: 600_000 })
        .catch((e: unknown) => {
          if (!(e instanceof RollBack)) throw e;
        });
      await db.$executeRawUnsafe("VACUUM inventory_items");
      process.stdout.write(`\r  run ${run}/${RUNS}: ${c.label.padEnd(60)} ${Math.round(performance.now() - t0)} ms`);
    }
  }
  process.stdout.write("\n");
  const all = median(times.get("all indexes")!);
  const allCpu = median(cpu.get("all indexes")!);
  log(`\n${"configuration".padEnd(62)} median s  (its cost)   server CPU s  (its cost)   definition`);
  for (const c of configs) {
    const m = median(times.get(c.label)!);
    const u = median(cpu.get(c.label)!);
    const idx = secondary.find((i) => c.drop.length === 1 && i.name === c.drop[0]);
    const cost = (x: number) => (c.drop.length ? `(${x.toFixed(2)})` : "").padStart(10);
    log(`${c.label.padEnd(62)} ${m.toFixed(2).padStart(8)} ${cost(all - m)}   ${u.toFixed(2).padStart(12)} ${cost(allCpu - u)}   ${idx ? idx.def.replace(/^CREATE (UNIQUE )?INDEX \S+ ON public\.inventory_items USING /, "") : ""}`);
  }
  log(JSON.stringify({ bench: "import-indexes", rows: ROWS, runs: RUNS, wall: Object.fromEntries([...times].map(([k, v]) => [k, Number(median(v).toFixed(3))])), cpu: Object.fromEntries([...cpu].map(([k, v]) => [k, Number(median(v).toFixed(3))])) }));
} finally {
  await db.$executeRawUnsafe("DROP TABLE IF EXISTS bench_idx_rows").catch(() => undefined);
  await db.$disconnect();
  await bench.stop?.();
}
