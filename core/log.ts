// Structured JSON logs, one object per line on stdout (stderr for errors), ready for any log shipper.
// Request-scoped code passes `requestId` (see core/http/request-id.ts) so lines of one request correlate.
type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, unknown>;

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = ORDER[(process.env.LOG_LEVEL as Level) ?? "info"] ?? ORDER.info;
// Which production server process wrote the line (server/primary.ts sets it per worker; absent elsewhere).
const worker = process.env.RITIKO_WORKER_ID ? Number(process.env.RITIKO_WORKER_ID) : undefined;

function serializeError(err: unknown) {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return err;
}

function write(level: Level, msg: string, fields?: Fields) {
  if (ORDER[level] < threshold) return;
  const entry: Fields = { time: new Date().toISOString(), level, msg, ...(worker !== undefined ? { worker } : {}), ...fields };
  if (entry.err) entry.err = serializeError(entry.err);
  const line = JSON.stringify(entry, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  if (level === "error") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}

export const log = {
  debug: (msg: string, fields?: Fields) => write("debug", msg, fields),
  info: (msg: string, fields?: Fields) => write("info", msg, fields),
  warn: (msg: string, fields?: Fields) => write("warn", msg, fields),
  error: (msg: string, fields?: Fields) => write("error", msg, fields),
  child(bound: Fields) {
    return {
      debug: (msg: string, f?: Fields) => write("debug", msg, { ...bound, ...f }),
      info: (msg: string, f?: Fields) => write("info", msg, { ...bound, ...f }),
      warn: (msg: string, f?: Fields) => write("warn", msg, { ...bound, ...f }),
      error: (msg: string, f?: Fields) => write("error", msg, { ...bound, ...f }),
    };
  },
};
