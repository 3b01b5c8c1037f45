// What a database error means, in one place for the whole app: its SQLSTATE, whether it is a lost
// connection (an outage to wait out: the executor backs off, an import batch is retried), a refusal
// of the data (class 22/23, a trigger's RAISE: blame the rows), a unique violation or Prisma's "record
// not found" (for us: not in your organization, or gone).
//
// Connection errors. The executor treats them apart from every other failure: a lost connection is
// an outage to wait out (back off, keep an outcome in memory and record it when the database answers
// again), anything else is a bug or bad data to report.
//
// The same outage reaches us in several shapes, depending on where it hit:
//   - Prisma with the pg driver adapter: PrismaClientKnownRequestError P1001 (cannot reach the server),
//     P1017 (server closed the connection), or P2010 (raw query failed) carrying the adapter's error in
//     meta.driverAdapterError.cause: kind DatabaseNotReachable / ConnectionClosed / SocketTimeout /
//     TooManyConnections, or kind "postgres" with the SQLSTATE in `code`;
//   - a pg error with a SQLSTATE: class 08 (connection exception), 57P01 admin_shutdown (server shut
//     down or pg_terminate_backend), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or in
//     recovery), 53300 too_many_connections (cannot get a connection now either);
//   - a socket error (ECONNREFUSED, ECONNRESET, EPIPE, ...);
//   - a plain Error from pg for a connection that broke under an interactive transaction ("Connection
//     terminated unexpectedly", "Client has encountered a connection error and is not queryable").

const SOCKET_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN",
]);
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES = [
  /Connection terminated/i,
  /is not queryable/i,
  /timeout exceeded when trying to connect/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /connection is closed/i,
];

/**
 * True when `err` (or an error it wraps) says the database could not be reached or dropped the connection.
 * Only for errors of database work: a refused HTTP call (fetch's cause ECONNREFUSED) looks the same.
 */
export function isConnectionError(err: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e) || seen.size > 10) continue;
    seen.add(e);
    const { code, originalCode, kind, message, cause, meta } = e as Record<string, unknown>;
    for (const c of [code, originalCode]) {
      if (typeof c !== "string") continue;
      if (SOCKET_CODES.has(c) || PRISMA_CODES.has(c) || SQLSTATES.has(c) || /^08[0-9A-Z]{3}$/.test(c)) return true;
    }
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === "string" && MESSAGES.some((m) => m.test(message))) return true;
    queue.push(cause);
    if (meta && typeof meta === "object") queue.push((meta as Record<string, unknown>).driverAdapterError);
    // AggregateError (e.g. a connect that tried IPv4 and IPv6 and was refused on both).
    if (Array.isArray((e as { errors?: unknown }).errors)) queue.push(...(e as { errors: unknown[] }).errors);
  }
  return false;
}

/**
 * The SQLSTATE of a database error, as Prisma's driver adapter reports it (meta.driverAdapterError
 * .cause.originalCode, or "Code: `40001`" in the message of a raw query) or as pg does (a 5-character
 * `code`); "" when the error carries none. Follows `cause` a few levels (wrapped errors).
 */
export function sqlState(err: unknown, depth = 0): string {
  if (!err || typeof err !== "object" || depth > 3) return "";
  const e = err as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } }; message?: unknown; cause?: unknown; originalCode?: unknown };
  const candidates = [e.meta?.driverAdapterError?.cause?.originalCode, e.meta?.code, e.originalCode, /Code: `(\w+)`/.exec(typeof e.message === "string" ? e.message : "")?.[1], e.code];
  for (const c of candidates) if (typeof c === "string" && /^[0-9A-Z]{5}$/.test(c) && !/^P[1-9][0-9]{3}$/.test(c)) return c; // not Prisma's own P2010...
  return sqlState(e.cause, depth + 1);
}

/** The database refused the data itself: class 22 (data exception), 23 (integrity constraint) or a trigger's RAISE (P0001). */
export function isDataError(err: unknown): boolean {
  const code = sqlState(err);
  return /^(22|23)[0-9A-Z]{3}$/.test(code) || code === "P0001";
}

/** A unique constraint refused the row: Prisma's P2002, or SQLSTATE 23505 from a raw query or pg. */
export function isUniqueViolation(err: unknown): boolean {
  return (typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002") || sqlState(err) === "23505";
}

/** Prisma's "record to update/delete not found": for us always "not in your organization" or gone. */
export function isNotFound(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2025";
}
