// bench/inventory: an organization with 1,000,000 inventory items — how fast are the list page's
// queries, the REST API and stock adjustments? Prints a table and a one-line JSON summary.
//
//   npm run bench:inventory                         throw-away embedded PostgreSQL, 1,000,000 items
//   DATABASE_URL=postgresql://… npm run bench:inventory -- --items 200000 --reps 30 --seconds 10
//
// Database: DATABASE_URL when set (a migrated database; the benchmark's organization and its rows are
// deleted afterwards unless --keep), else a throw-away embedded PostgreSQL (as `npm test` does).
// Measured:
//   list   the admin list page's data path (items/queries.ts listItems: a keyset page joined with
//          categories, and the pager's count — exact up to 10,000, estimated above) for the default
//          view, sorts, a deep page and the last page, search by name and SKU, filters;
//   api    GET /api/v1/inventory/items (search, ordering, low stock) and POST items/{id}/adjust-stock over real HTTP
//          with a Bearer token, against a loopback server running the plugin's real route handlers;
//   adjust adjustStock throughput with concurrent workers on random items, and on ONE hot item (every
//          adjustment of it serializes on its row lock — the price of never losing an update).
import { setUpBench } from "../lib/setup";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { round, summarize, type Summary } from "../jobs/lib";



const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ITEMS = flag("items", 1_000_000);
const REPS = flag("reps", 30);
const SECONDS = flag("seconds", 10);
const WORKERS = flag("workers", 16);
const keep = args.includes("--keep");

const bench = await setUpBench("inventory");
const stopDb = bench.stop;
const tmp = bench.dataDir;

const { rootDb } = await import("../../core/db/client");
await import("../../app/_plugins/runtime");
const { listItems } = await import("../../plugins/inventory/items/queries");
const { forgetEstimates } = await import("../../core/lists/count");
const { adjustStock } = await import("../../plugins/inventory/items/stock");
const { ensureDefaultCategories } = await import("../../plugins/inventory/categories");
const db = rootDb();

const slug = `bench-${Date.now().toString(36)}`;
const org = await db.organization.create({ data: { name: "Bench Clinic", slug, timezone: "UTC", currency: "USD" }, select: { id: true, name: true, slug: true, timezone: true, currency: true, locale: true } });
const user = await db.user.create({ data: { email: `${slug}@bench.local`, name: "Bench", passwordHash: "x" } });
await db.membership.create({ data: { organizationId: org.id, userId: user.id, role: "owner" } });
await db.pluginInstallation.create({ data: { organizationId: org.id, pluginId: "inventory", enabled: true, version: "2.0.0" } });
await db.$transaction((tx) => ensureDefaultCategories(tx, org.id));
const meta = { organization: org, actor: { type: "system" as const, name: "bench" } };

const results: Record<string, Summary | number | string> = {};
const log = (s: string) => process.stdout.write(`${s}\n`);

async function cleanup() {
  if (keep) return;
  await db.$executeRaw`DELETE FROM inventory_stock_alerts WHERE "organizationId" = ${org.id}::uuid`;
  await db.$executeRaw`DELETE FROM inventory_stock_adjustments WHERE "organizationId" = ${org.id}::uuid`;
  await db.$executeRaw`DELETE FROM inventory_items WHERE "organizationId" = ${org.id}::uuid`;
  await db.$executeRaw`DELETE FROM inventory_categories WHERE "organizationId" = ${org.id}::uuid`;
  await db.apiToken.deleteMany({ where: { organizationId: org.id } }).catch(() => undefined);
  await db.organization.delete({ where: { id: org.id } });
  await db.user.delete({ where: { id: user.id } });
}

try {
  // ---- seed: set-based, 100,000 rows per statement ----
  const seedStart = performance.now();
  const words = ["Nitrile gloves", "Gauze swabs", "Syringe 5 ml", "Alcohol pads", "Bandages", "Saline 500 ml", "Paracetamol", "Ibuprofen", "Printer paper", "Thermometer", "Face masks", "Cotton rolls", "Lidocaine", "Sharps box", "Pens", "Specimen cups", "Tongue depressors", "Ear tips", "ECG electrodes", "Ice packs"];
  const categories = (await db.inventoryCategory.findMany({ where: { organizationId: org.id }, select: { id: true } })).map((c) => c.id);
  for (let from = 1; from <= ITEMS; from += 100_000) {
    const to = Math.min(ITEMS, from + 99_999);
    await db.$executeRawUnsafe(
      `INSERT INTO inventory_items (id, "organizationId", "categoryId", name, sku, quantity, unit, price, "reorderThreshold", "inStock", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, ($2::uuid[])[1 + g % 4], ($3::text[])[1 + g % 20] || ' #' || g, 'BN-' || lpad(g::text, 7, '0'),
              (g::bigint * 7919 % 500)::int, 'each', ((g * 31) % 10000) / 100.0, 10 + g % 40, g % 17 <> 0, now() - (g % 1000) * interval '1 minute'
       FROM generate_series($4::int, $5::int) AS g`,
      org.id,
      categories,
      words,
      from,
      to,
    );
    process.stdout.write(`\rseeded ${to.toLocaleString("en-US")} / ${ITEMS.toLocaleString("en-US")} items`);
  }
  await db.$executeRawUnsafe(`ANALYZE inventory_items`);
  results.seed_s = round((performance.now() - seedStart) / 1000, 1);
  log(`\nseeded ${ITEMS.toLocaleString("en-US")} items in ${results.seed_s} s`);

  // ---- list page data path ----
  // Rows 9,951-10,000 by name: the page after row 9,950, as the table's "Next" links to it (a cursor
  // of that row, core/lists/keyset.ts).
  const [row9950] = await db.$queryRaw<Array<{ name: string; id: string }>>`
    SELECT name, id::text AS id FROM inventory_items WHERE "organizationId" = ${org.id}::uuid ORDER BY name, id OFFSET 9949 LIMIT 1`;
  const first = { kind: "first" } as const;
  const deep = { kind: "after", cursor: { o: "name", v: row9950!.name, id: row9950!.id, n: 9950 } } as const;
  const scenarios: Array<[string, Parameters<typeof listItems>[1], Parameters<typeof listItems>[2]]> = [
    ["list default (name asc, page 1)", { q: "" }, { request: first, pageSize: 50, sort: "name", dir: "asc" }],
    ["list quantity desc", { q: "" }, { request: first, pageSize: 50, sort: "quantity", dir: "desc" }],
    ["list updated desc", { q: "" }, { request: first, pageSize: 50, sort: "updatedAt", dir: "desc" }],
    ["list rows 9,951-10,000", { q: "" }, { request: deep, pageSize: 50, sort: "name", dir: "asc" }],
    ["list last page", { q: "" }, { request: { kind: "last" }, pageSize: 50, sort: "name", dir: "asc" }],
    ["search name 'gauze'", { q: "gauze" }, { request: first, pageSize: 50, sort: "name", dir: "asc" }],
    ["search SKU 'BN-00123'", { q: "BN-00123" }, { request: first, pageSize: 50, sort: "name", dir: "asc" }],
    ["filter low stock", { q: "", stock: "low" }, { request: first, pageSize: 50, sort: "name", dir: "asc" }],
    ["filter category", { q: "", category: categories[0] }, { request: first, pageSize: 50, sort: "name", dir: "asc" }],
    ["filter out of stock + search", { q: "gloves", stock: "out_of_stock" }, { request: first, pageSize: 50, sort: "name", dir: "asc" }],
  ];
  // Each view twice: its first load (no estimate kept: the count, and above 10,000 the sample) and a
  // later one within the minute an estimate is kept (core/lists/count.ts) — paging on, or a reload.
  log("\nlist page queries (keyset page of 50 + count for the pager), ms: first view | later views");
  for (const [name, filter, opts] of scenarios) {
    const first: number[] = [];
    const later: number[] = [];
    let count = "";
    for (let i = 0; i < REPS + 2; i++) {
      forgetEstimates();
      let t = performance.now();
      await listItems(org.id, filter, opts);
      if (i >= 2) first.push(performance.now() - t); // two warm-up runs
      t = performance.now();
      const { paging } = await listItems(org.id, filter, opts);
      if (i >= 2) later.push(performance.now() - t);
      count = `${paging.count.exact ? "" : "about "}${paging.count.value.toLocaleString("en-US")} matching${paging.start ? `, from row ${paging.start.toLocaleString("en-US")}` : ""}`;
    }
    const s = summarize(first);
    const k = summarize(later);
    results[`list: ${name}`] = s;
    results[`list (estimate kept): ${name}`] = k;
    log(`  ${name.padEnd(34)} p50 ${round(s.p50).toString().padStart(7)}  p95 ${round(s.p95).toString().padStart(7)} | p50 ${round(k.p50).toString().padStart(6)}  p95 ${round(k.p95).toString().padStart(6)}   (${count})`);
  }

  // ---- REST API over real HTTP (when the API and tokens exist) ----
  await benchApi(org.id, user.id);

  // ---- adjust-stock throughput ----
  const ids = (await db.$queryRaw<Array<{ id: string }>>`SELECT id::text AS id FROM inventory_items WHERE "organizationId" = ${org.id}::uuid ORDER BY random() LIMIT 5000`).map((r) => r.id);
  for (const mode of ["random items", "one hot item"] as const) {
    const lat: number[] = [];
    const until = performance.now() + SECONDS * 1000;
    let n = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, w) => {
        while (performance.now() < until) {
          const id = mode === "one hot item" ? ids[0]! : ids[(n + w * 7919) % ids.length]!;
          const t = performance.now();
          await db.$transaction((tx) => adjustStock(tx, meta, id, { delta: 1, reason: "bench", source: "api" }));
          lat.push(performance.now() - t);
          n++;
        }
      }),
    );
    const s = summarize(lat);
    results[`adjust ${mode} per s`] = round(n / SECONDS);
    results[`adjust ${mode} latency`] = s;
    log(`\nadjust-stock, ${mode}, ${WORKERS} workers: ${round(n / SECONDS)} adjustments/s, latency p50 ${round(s.p50)} ms p95 ${round(s.p95)} ms`);
  }
  log(`\n${JSON.stringify({ bench: "inventory", items: ITEMS, ...Object.fromEntries(Object.entries(results).map(([k, v]) => [k, typeof v === "object" ? { p50: round(v.p50), p95: round(v.p95) } : v])) })}`);
} finally {
  await cleanup().catch((err) => log(`cleanup failed: ${(err as Error).message}`));
  await db.$disconnect();
  await stopDb?.().catch(() => undefined);
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

/** The REST API through the plugin's real route handlers on a loopback HTTP server, with a real API token. */
async function benchApi(organizationId: string, userId: string) {
  const { createApiToken } = await import("../../core/api-tokens/tokens");
  const { loadOrgContext } = await import("../../core/auth/context");
  const ctx = await loadOrgContext(userId, organizationId);
  if (!ctx) throw new Error("the bench user has no organization context");
  const created = await createApiToken(ctx, { name: "bench", expiresIn: "30" });
  if (!created.ok) throw new Error(created.error);
  const token = created.token;
  const { pluginRouteHandlers } = await import("../../app/_plugins/plugin-api");
  const handlers = pluginRouteHandlers("inventory") as Record<string, (req: Request, ctx: { params: Promise<{ path: string[] }> }) => Promise<Response>>;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const segments = url.pathname.replace(/^\/api\/v1\/inventory\/?/, "").split("/").filter(Boolean);
    const request = new Request(url, { method: req.method, headers: req.headers as Record<string, string>, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const response = await handlers[req.method ?? "GET"]!(request, { params: Promise.resolve({ path: segments }) });
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/inventory`;
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  try {
    const [first] = await db.$queryRaw<Array<{ id: string }>>`SELECT id::text AS id FROM inventory_items WHERE "organizationId" = ${organizationId}::uuid LIMIT 1`;
    const calls: Array<[string, () => Promise<Response>]> = [
      ["GET items", () => fetch(`${base}/items`, { headers })],
      ["GET items?q=gauze", () => fetch(`${base}/items?q=gauze`, { headers })],
      ["GET items?ordering=-quantity", () => fetch(`${base}/items?ordering=-quantity`, { headers })],
      ["GET items/low-stock", () => fetch(`${base}/items/low-stock`, { headers })],
      ["POST items/{id}/adjust-stock", () => fetch(`${base}/items/${first!.id}/adjust-stock`, { method: "POST", headers, body: JSON.stringify({ amount: 1 }) })],
    ];
    log("\nREST API over HTTP (Bearer token), ms");
    for (const [name, call] of calls) {
      const times: number[] = [];
      let status = 0;
      for (let i = 0; i < REPS + 2; i++) {
        const t = performance.now();
        const res = await call();
        await res.arrayBuffer();
        status = res.status;
        if (i >= 2) times.push(performance.now() - t);
      }
      const s = summarize(times);
      results[`api: ${name}`] = s;
      log(`  ${name.padEnd(34)} p50 ${round(s.p50).toString().padStart(7)}  p95 ${round(s.p95).toString().padStart(7)}   (HTTP ${status})`);
    }
  } finally {
    await new Promise((r) => server.close(r));
  }
}
