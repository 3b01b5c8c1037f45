#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, backed by @prisma/schema-engine-wasm and a
// driver adapter (@prisma/adapter-pg for postgresql://, @prisma/adapter-better-sqlite3 for file:).
//
//   PRISMA_SCHEMA_ENGINE_BINARY=./scripts/schema-engine-wasm.mjs npx prisma migrate dev
//
// Only needed where binaries.prisma.sh is unreachable; without the env var the Prisma CLI downloads
// and uses the native engine as usual. It speaks the native binary's stdio JSON-RPC protocol
// (what node_modules/prisma/build/cli.js expects) and forwards each call to the wasm engine.
// Pin @prisma/schema-engine-wasm to the version that matches the `prisma` package
// (prisma 7.10.0 -> 7.10.0-4.0edf323efd1d98336f3f0a68684b56f689b900d3).
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let wasmMod;
let lastPanic = null;
// The wasm panic hook reports panic messages through this global (the Prisma CLI installs the same).
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= { set_message(m) { lastPanic = m; } };

// ---------- argv: the flags the CLI passes to the native binary ----------
const argv = process.argv.slice(2);
const datamodelPaths = [];
let datasource = {};
let cliCommand = null;
let printVersion = false;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--version" || a === "-V") printVersion = true;
  else if (a === "--datamodels" || a === "-d") datamodelPaths.push(argv[++i]);
  else if (a === "--datasource") datasource = JSON.parse(argv[++i]);
  else if (a === "--enabled-preview-features" || a === "--extension-types") i++;
  else if (a === "cli") cliCommand = argv[++i];
}
const datamodels = datamodelPaths.map((p) => [p, fs.readFileSync(p, "utf8")]);
const provider = detectProvider();

function detectProvider() {
  const url = datasource.url ?? "";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (/^file:/.test(url)) return "sqlite";
  for (const [, content] of datamodels) {
    const m = /datasource\s+\w+\s*\{[^}]*provider\s*=\s*"(\w+)"/m.exec(content);
    if (m) return m[1] === "postgresql" ? "postgres" : m[1];
  }
  return "postgres";
}

function logError(message) {
  process.stderr.write(JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { message } }) + "\n");
}

async function loadWasm() {
  if (wasmMod) return wasmMod;
  const jsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(jsPath);
  const bytes = fs.readFileSync(path.join(path.dirname(jsPath), "schema_engine_bg.wasm"));
  const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(inst.exports);
  inst.exports.__wbindgen_start();
  return (wasmMod = bg);
}

function expectedEnginesHash() {
  try { return require("@prisma/engines-version").enginesVersion; } catch { return null; }
}

// ---------- connection helpers ----------
function pgConfig(url) {
  // Object config instead of { connectionString }: pg lets connectionString override `database`,
  // which would make `{ ...config, database: shadowDb }` silently point at the main database.
  const { parse } = require("pg-connection-string");
  const cfg = parse(url);
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  for (const k of Object.keys(cfg)) if (cfg[k] === undefined || cfg[k] === null) delete cfg[k];
  delete cfg.schema;
  if (cfg.port) cfg.port = Number(cfg.port);
  return { cfg, schema };
}

function sqlitePath(url) {
  return path.resolve(process.cwd(), url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

// The wasm engine introspects pg_catalog columns of PostgreSQL's internal "char" type (OID 18),
// which @prisma/adapter-pg 7.10 rejects ("Column type 'char' could not be deserialized from the
// database"). Report them as text (OID 25); pg already returns their values as strings.
// ...but the describer reads some of them (pg_constraint.contype for CHECK constraints, for example)
// with `as char`, which panics on a Text value. So the adapter's results report those columns as
// Character again (see withCharColumns), which is what the native engine sees.
const charColumns = new Set();
function withCharColumns(adapter) {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    result.columnTypes = result.columnTypes.map((t, i) => (charColumns.has(result.columnNames[i]) ? 6 /* ColumnTypeEnum.Character */ : t));
    return result;
  };
  return adapter;
}

function patchPgCharType() {
  const Result = require("pg/lib/result");
  if (Result.prototype.__charPatched) return;
  const addFields = Result.prototype.addFields;
  Result.prototype.addFields = function (fields) {
    for (const f of fields) {
      if (f.dataTypeID === 18) {
        f.dataTypeID = 25;
        charColumns.add(f.name);
      }
    }
    return addFields.call(this, fields);
  };
  Result.prototype.__charPatched = true;
}

async function pgAdmin(url, sql) {
  const pg = (await import("pg")).default;
  const { cfg } = pgConfig(url);
  const c = new pg.Client({ ...cfg, database: "postgres" });
  await c.connect();
  try { await c.query(sql(cfg.database)); } finally { await c.end(); }
}
const quoteIdent = (s) => '"' + s.replace(/"/g, '""') + '"';

async function makeAdapterFactory() {
  const { bindMigrationAwareSqlAdapterFactory, mockMigrationAwareAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const url = datasource.url;
  if (!url) return bindMigrationAwareSqlAdapterFactory(mockMigrationAwareAdapterFactory(provider));

  if (provider === "postgres") {
    patchPgCharType();
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const pg = (await import("pg")).default;
    const { cfg, schema } = pgConfig(url);
    const opts = schema ? { schema } : undefined;
    const main = new PrismaPg(cfg, opts);
    return bindMigrationAwareSqlAdapterFactory({
      provider: main.provider,
      adapterName: main.adapterName,
      connect: async () => withCharColumns(await main.connect()),
      async connectToShadowDb() {
        if (datasource.shadowDatabaseUrl) {
          const s = pgConfig(datasource.shadowDatabaseUrl);
          return withCharColumns(await new PrismaPg(s.cfg, s.schema ? { schema: s.schema } : undefined).connect());
        }
        // Temporary shadow database, as the native engine does. (adapter-pg's own
        // connectToShadowDb() drops it before closing its pool: "is being accessed by other users".)
        const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
        const admin = async (sql) => { const c = new pg.Client(cfg); await c.connect(); try { await c.query(sql); } finally { await c.end(); } };
        await admin(`CREATE DATABASE ${quoteIdent(name)}`);
        const adapter = withCharColumns(await new PrismaPg({ ...cfg, database: name }, opts).connect());
        const dispose = adapter.dispose.bind(adapter);
        adapter.dispose = async () => { await dispose(); await admin(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`); };
        return adapter;
      },
    });
  }

  if (provider === "sqlite") {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    const opts = datasource.shadowDatabaseUrl ? { shadowDatabaseUrl: sqlitePath(datasource.shadowDatabaseUrl) } : undefined;
    const f = new PrismaBetterSqlite3({ url: sqlitePath(url) }, opts);
    // The wasm engine replays migration scripts into the shadow DB through executeRaw(), but
    // better-sqlite3's prepare() takes a single statement ("contains more than one statement").
    const fixMultiStatement = (adapter) => {
      const orig = adapter.executeRaw.bind(adapter);
      adapter.executeRaw = async (q) => {
        try { return await orig(q); } catch (e) {
          if (!q.args?.length && /more than one statement/.test(String(e?.message))) { await adapter.executeScript(q.sql); return 0; }
          throw e;
        }
      };
      return adapter;
    };
    return bindMigrationAwareSqlAdapterFactory({
      provider: f.provider,
      adapterName: f.adapterName,
      connect: async () => fixMultiStatement(await f.connect()),
      connectToShadowDb: async () => fixMultiStatement(await f.connectToShadowDb()),
    });
  }
  throw new Error(`schema-engine-wasm shim: unsupported provider "${provider}"`);
}

function sqliteResetNative(filter) {
  // The wasm engine's SQLite reset only DELETEs rows, so `migrate reset` then fails with
  // 'table "X" already exists'. Drop everything, as the native engine does.
  const Database = require(require.resolve("better-sqlite3", { paths: [path.dirname(require.resolve("@prisma/adapter-better-sqlite3"))] }));
  const db = new Database(sqlitePath(datasource.url));
  const external = new Set(filter?.externalTables ?? []);
  const objs = db.prepare("SELECT type, name FROM sqlite_master WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%'").all().filter((o) => !external.has(o.name));
  db.pragma("foreign_keys = OFF");
  db.exec(objs.map((o) => `DROP ${o.type.toUpperCase()} IF EXISTS ${quoteIdent(o.name)};`).join("\n"));
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get()) db.exec("DELETE FROM sqlite_sequence");
  db.exec("VACUUM");
  db.close();
}

// ---------- `schema-engine --version` ----------
if (printVersion) {
  const bg = await loadWasm();
  process.stdout.write(`schema-engine-cli ${bg.version()} (wasm shim)\n`);
  process.exit(0);
}

// ---------- `schema-engine cli <command>` (the CLI uses it to check/create the database) ----------
if (cliCommand) {
  const fail = (message, code) => {
    // The CLI drops the first stderr line and JSON-parses the rest.
    process.stderr.write("schema-engine-wasm shim\n" + JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { message, error_code: code } }));
    process.exit(1);
  };
  const url = datasource.url;
  try {
    if (provider === "sqlite") {
      const p = sqlitePath(url);
      if (cliCommand === "can-connect-to-database") { if (!fs.existsSync(p)) fail(`Database file ${p} does not exist`, "P1003"); }
      else if (cliCommand === "create-database") { fs.mkdirSync(path.dirname(p), { recursive: true }); fs.closeSync(fs.openSync(p, "a")); }
      else if (cliCommand === "drop-database") fs.rmSync(p, { force: true });
      else fail(`Unsupported cli command ${cliCommand}`, "P1000");
      process.exit(0);
    }
    const pg = (await import("pg")).default;
    const { cfg } = pgConfig(url);
    if (cliCommand === "can-connect-to-database") {
      const c = new pg.Client(cfg);
      try { await c.connect(); await c.end(); process.exit(0); }
      catch (e) {
        if (e.code === "3D000") fail(`Database \`${cfg.database}\` does not exist`, "P1003");
        else fail(String(e.message), "P1001");
      }
    } else if (cliCommand === "create-database") {
      await pgAdmin(url, (db) => `CREATE DATABASE ${quoteIdent(db)}`); process.exit(0);
    } else if (cliCommand === "drop-database") {
      await pgAdmin(url, (db) => `DROP DATABASE IF EXISTS ${quoteIdent(db)}`); process.exit(0);
    }
    fail(`Unsupported cli command ${cliCommand}`, "P1000");
  } catch (e) { fail(String(e?.message ?? e), "P1000"); }
}

// A crash must say why: the Prisma CLI only reports "Error in Schema engine" with our stderr.
process.on("uncaughtException", (e) => { logError(`uncaught: ${lastPanic ? `panic: ${lastPanic}\n` : ""}${String(e?.message ?? e)}`); process.exit(1); });
process.on("unhandledRejection", (e) => { logError(`unhandled rejection: ${e?.stack ?? e}`); process.exit(1); });

// ---------- JSON-RPC server on stdio ----------
const bg = await loadWasm();
const expected = expectedEnginesHash();
if (expected && expected !== bg.version()) {
  logError(`@prisma/schema-engine-wasm is ${bg.version()}, but this prisma CLI expects engines ${expected}. Install @prisma/schema-engine-wasm@<prisma version>-<n>.${expected}.`);
  process.exit(1);
}

// One engine instance per process, like the native binary.
let enginePromise;
const getEngine = () => (enginePromise ??= (async () => bg.SchemaEngine.new(
  { datamodels: datamodels.length ? datamodels : undefined },
  (log) => process.stderr.write(String(log).trim() + "\n"),
  await makeAdapterFactory(),
))());

const METHOD_MAP = { getDatabaseVersion: "version" };
let printId = 1_000_000;
const send = (msg) => process.stdout.write(JSON.stringify(msg) + "\n");

async function handle({ id, method, params }) {
  try {
    let result;
    if (method === "diff") {
      const out = await (await getEngine()).diff(params);
      // The native engine prints diff output through a `print` request; the CLI captures it there.
      if (out.stdout) send({ jsonrpc: "2.0", id: printId++, method: "print", params: { content: out.stdout.replace(/\n$/, "") } });
      result = { exitCode: out.exitCode };
    } else if (method === "reset" && provider === "sqlite" && datasource.url) {
      sqliteResetNative(params?.filter);
      result = {};
    } else if (method === "createDatabase") {
      if (provider === "postgres") await pgAdmin(datasource.url, (db) => `CREATE DATABASE ${quoteIdent(db)}`);
      result = { databaseName: provider === "postgres" ? pgConfig(datasource.url).cfg.database : sqlitePath(datasource.url) };
    } else {
      const fn = METHOD_MAP[method] ?? method;
      if (typeof bg.SchemaEngine.prototype[fn] !== "function") throw Object.assign(new Error(`Method ${method} is not supported by the wasm schema engine`), { code: "P1000" });
      const engine = await getEngine();
      if (provider === "sqlite" && method === "devDiagnostic") {
        // Fresh SQLite DB: wasm devDiagnostic fails with P1014 (`_prisma_migrations` missing).
        // Let the engine create its empty migrations table first (migrate dev applies migrations next anyway).
        await engine.applyMigrations({ migrationsList: { ...params.migrationsList, migrationDirectories: [] }, filters: params.filters });
      }
      if (method === "evaluateDataLoss") {
        // wasm evaluateDataLoss can't open a shadow DB itself ("PostgreSQL shadow DB must be provided
        // through an external factory"); it reuses what devDiagnostic computed on the same instance.
        await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
      }
      result = await engine[fn](params);
      if (result === undefined) result = {};
    }
    send({ jsonrpc: "2.0", id, result });
  } catch (e) {
    const isPanic = !!lastPanic || e instanceof WebAssembly.RuntimeError;
    const message = lastPanic ? `${lastPanic}\n${String(e?.message ?? e)}` : String(e?.message ?? e);
    send({ jsonrpc: "2.0", id, error: { code: 4466, message: "An error happened. Check the data field for details.",
      data: { is_panic: isPanic, message, error_code: e?.code, meta: e?.meta ?? {} } } });
    if (isPanic) process.exit(101);
  }
}

let queue = Promise.resolve();
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on("line", (line) => {
  if (!line.trim()) return;
  let msg;
  try { msg = JSON.parse(line); } catch { return; }
  if (!msg.method) return; // the CLI's reply to one of our `print` requests
  queue = queue.then(() => handle(msg));
});
rl.on("close", () => { queue.then(() => process.exit(0)); });
