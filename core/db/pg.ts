// A plain `pg` pool for the few hot paths where Prisma's per-statement cost is the bottleneck: API
// token authentication and the REST API's stock adjustment. Measured on this machine kind (2 cores,
// Node 20, 8 concurrent callers, loopback PostgreSQL): Prisma 7 `$queryRaw` costs 180–280 µs of Node
// CPU per statement and an interactive `$transaction` with two statements 1.1 ms, while `pg` costs
// 60–70 µs per statement and 94 µs for BEGIN + two statements + COMMIT. A REST request has about 1 ms
// of Node CPU to spend in all (the server-speed issue), so those paths use this pool; everything else
// keeps Prisma. Named statements are prepared once per connection by `pg`.
import pg from "pg";

const state = globalThis as unknown as { __ritikoPgPool?: pg.Pool };

/** The process's pool for hot paths (DATABASE_URL; `DATABASE_HOT_POOL_SIZE`, default 8). */
export function hotPool(): pg.Pool {
  if (!state.__ritikoPgPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set.");
    const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_HOT_POOL_SIZE ?? 8), types: { getTypeParser } });
    // An idle client's error (the server restarted) must not crash the process: the pool drops it.
    pool.on("error", () => undefined);
    state.__ritikoPgPool = pool;
  }
  return state.__ritikoPgPool;
}

// Rows come back shaped as Prisma's $queryRaw returns them where our code relies on it: a DATE is the
// UTC midnight of that calendar day (pg's default would be local midnight, shifting the day in any
// time zone west of UTC). numeric stays a string (Prisma: Decimal), which every caller formats anyway.
const DATE_OID = 1082;
function getTypeParser(oid: number, format?: "text" | "binary") {
  if (oid === DATE_OID && format !== "binary") return (value: string) => new Date(`${value}T00:00:00Z`);
  return pg.types.getTypeParser(oid, format);
}

export type HotClient = pg.PoolClient;

/**
 * A hot statement, prepared once per server connection under `name` — unless DATABASE_POOLING is
 * "transaction": behind PgBouncer in transaction pooling mode (or any pooler that may hand each
 * transaction another server connection) a statement prepared on one server connection is missing,
 * or already there, on the next ("prepared statement … already exists": every API token check failed
 * through Debian's PgBouncer 1.18). Unnamed, it is parsed per call; parameters are still bound, never
 * interpolated.
 */
export function hotStatement(name: string, text: string, values: unknown[]): pg.QueryConfig {
  return transactionPooling() ? { text, values } : { name, text, values };
}

// Read once: hotStatement runs on every API request, and the setting cannot change while running.
const TRANSACTION_POOLING = process.env.DATABASE_POOLING === "transaction";

export function transactionPooling(): boolean {
  return TRANSACTION_POOLING;
}

/**
 * Runs `fn` in one transaction on a pooled connection: COMMIT when it resolves, ROLLBACK when it
 * throws (the error is rethrown; nothing of the transaction is kept).
 */
export async function withHotTransaction<T>(fn: (client: HotClient) => Promise<T>): Promise<T> {
  const client = await hotPool().connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Runs a Prisma.sql-built statement (the same builders and bind parameters) on the hot pool, for
 * read paths where Prisma's per-row decoding is the cost (measured: 764 µs of Node CPU for an
 * 18-row page through Prisma, 297 µs through pg). Row values as described above getTypeParser.
 */
export async function hotQuery<T>(sql: { text: string; values: unknown[] }): Promise<T[]> {
  return (await hotPool().query(sql.text, sql.values)).rows as T[];
}
