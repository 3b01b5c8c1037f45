// The embedded executor as an HTTP service on loopback, standing in for an Inngest server in dev mode:
//   POST /e/:key   the Inngest event API. Body: one event or an array of events ({name, data, id?}).
//                  Answers {ids, status: 200} as the SDK's send() expects. With `eventKey` set (the app
//                  in cloud mode with INNGEST_EVENT_KEY) any other key is refused with 401; without it
//                  the key is not checked, like Inngest's dev server (the server listens on loopback).
//   POST /v1/cancellations  Inngest's bulk cancellation API (cancellations.ts), how the app cancels a run
//                  on any Inngest. With a signing key (cloud mode) the caller must send it as
//                  `Authorization: Bearer <key>`, as Inngest's REST API requires; without one, like the
//                  event API, nothing is checked (loopback only).
//   GET  /health   {status, synced, functions}.
// On start it listens at once, then syncs with the app's serve URL in-band (retrying until the app
// answers — Next may still be compiling), then starts the worker. Events arriving before the first
// sync wait for it (up to eventWaitMs), so that no event is stored without its runs.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { log } from "@/core/log";
import { cancellationBody, CancellationError } from "./cancellations";
import { Executor, type ExecutorOptions } from "./executor";
import { SEED_KEY_PREFIX } from "./protocol";
import { EXECUTOR_TOKEN_HEADER, executorTokenMatches } from "./token";

export type ExecutorServerOptions = {
  /** The app's serve endpoint, e.g. http://127.0.0.1:3000/api/inngest. */
  serveUrl: string;
  /** Port to listen on; 0 picks a free one (default 8288). */
  port?: number;
  /** Default 127.0.0.1. Keep it on loopback: nothing here is authenticated. */
  host?: string;
  /** Passed to the Executor (tests use short backoffs and poll intervals). */
  executor?: Omit<ExecutorOptions, "serveUrl">;
  /** Pause between failed sync attempts (default 1 s). */
  syncRetryMs?: number;
  /** Re-sync interval once synced, to pick up changed functions (default 30 s; 0 = never). */
  resyncIntervalMs?: number;
  /** How long an event waits for the first sync before it is refused with 503 (default 60 s). */
  eventWaitMs?: number;
  /** Largest accepted request body (default 3 MB). */
  maxBodyBytes?: number;
  /** Sent to the app with every sync and call (RITIKO_EXECUTOR_TOKEN, see token.ts). */
  token?: string;
  /** When set, POST /e/:key accepts only this key (the app's INNGEST_EVENT_KEY). */
  eventKey?: string;
};

export type ExecutorServer = {
  /** Base URL of the event API, e.g. http://127.0.0.1:8288 (what INNGEST_DEV points at). */
  url: string;
  port: number;
  executor: Executor;
  /** Resolves after the first successful sync. */
  ready: Promise<void>;
  close(): Promise<void>;
};

type IncomingEvent = { name: string; data: Record<string, unknown>; id?: string };

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startExecutorServer(options: ExecutorServerOptions): Promise<ExecutorServer> {
  const host = options.host ?? "127.0.0.1";
  const syncRetryMs = options.syncRetryMs ?? 1_000;
  const resyncIntervalMs = options.resyncIntervalMs ?? 30_000;
  const eventWaitMs = options.eventWaitMs ?? 60_000;
  const maxBodyBytes = options.maxBodyBytes ?? 3 * 1024 * 1024;
  const baseFetch = options.executor?.fetch ?? fetch;
  const token = options.token;
  const fetchFn: typeof fetch = token
    ? (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set(EXECUTOR_TOKEN_HEADER, token);
        return baseFetch(input, { ...init, headers });
      }
    : baseFetch;
  const executor = new Executor({ ...options.executor, fetch: fetchFn, serveUrl: options.serveUrl });

  let closing = false;
  let synced = false;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const server = http.createServer((req, res) => void handle(req, res));

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://executor");
    try {
      if (req.method === "GET" && url.pathname === "/health") {
        return send(res, synced ? 200 : 503, { status: synced ? "ok" : "syncing", synced, functions: executor.registry.all().map((f) => f.id) });
      }
      const eventRoute = /^\/e\/([^/]+)\/?$/.exec(url.pathname);
      if (eventRoute) {
        if (req.method !== "POST") throw new HttpError(405, "Use POST to send events");
        if (options.eventKey && !sameKey(options.eventKey, decodeURIComponent(eventRoute[1] ?? ""))) {
          throw new HttpError(401, "Unknown event key");
        }
        const events = parseEvents(await readBody(req, maxBodyBytes));
        if (!synced) await waitForSync();
        const seed = header(req, "x-inngest-event-id-seed");
        // Without an explicit id, the SDK's per-send seed makes its retries of one send idempotent.
        const results = await executor.ingestEvents(events.map((e, i) => ({ ...e, id: e.id ?? (seed ? `${SEED_KEY_PREFIX}${seed}:${i}` : undefined) })));
        // The stored events' ids, as Inngest answers with its own ids; without a sender's id, it is also
        // the event.id a function sees (protocol.ts sdkEventId).
        const ids = results.map((r) => r.eventId);
        return send(res, 200, { ids, status: 200 });
      }
      if (url.pathname === "/v1/cancellations") {
        if (req.method !== "POST") throw new HttpError(405, "Use POST to cancel runs");
        const key = options.executor?.signingKey;
        const bearer = /^Bearer (.+)$/.exec(header(req, "authorization") ?? "")?.[1] ?? "";
        if (key && !sameKey(key, bearer)) throw new HttpError(401, "Send the signing key as Authorization: Bearer <key>");
        const parsed = cancellationBody.safeParse(parseJson(await readBody(req, maxBodyBytes)));
        if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
        try {
          return send(res, 200, await executor.cancelRuns(parsed.data));
        } catch (err) {
          if (err instanceof CancellationError) throw new HttpError(400, err.message);
          throw err;
        }
      }
      throw new HttpError(404, `No route for ${req.method} ${url.pathname}`);
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      if (status >= 500) log.error("jobs.executor_request_failed", { err, path: url.pathname });
      return send(res, status, { ids: [], status, error: err instanceof Error ? err.message : String(err) });
    }
  }

  async function waitForSync() {
    let timeout: NodeJS.Timeout | undefined;
    const expired = new Promise<"expired">((resolve) => (timeout = setTimeout(() => resolve("expired"), eventWaitMs)));
    const outcome = await Promise.race([ready.then(() => "ready" as const), expired]);
    clearTimeout(timeout);
    if (outcome === "expired") throw new HttpError(503, `Not synced with ${options.serveUrl} yet`);
  }

  // First sync (retried until the app answers), then the worker, then periodic re-syncs.
  const runSyncLoop = async () => {
    let attempts = 0;
    while (!closing) {
      try {
        await executor.sync();
        // Closed while the sync was in flight: start nothing, and do not sleep through the close.
        if (closing) return;
        if (!synced) {
          synced = true;
          markReady();
          executor.start();
          log.info("jobs.executor_synced", { serveUrl: options.serveUrl, functions: executor.registry.all().map((f) => f.id) });
        }
        if (!resyncIntervalMs) return;
        await pause(resyncIntervalMs);
      } catch (err) {
        attempts++;
        // Quiet while the app boots; say so clearly if it keeps failing.
        if (synced || attempts % 10 === 0) log.warn("jobs.executor_sync_failed", { serveUrl: options.serveUrl, attempts, error: (err as Error).message });
        if (!closing) await pause(synced ? resyncIntervalMs : syncRetryMs);
      }
    }
  };

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8288, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const syncLoop = runSyncLoop(); // only once listening: a failed listen leaves nothing running
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://${host}:${port}`;
  log.info("jobs.executor_listening", { url: baseUrl, serveUrl: options.serveUrl });

  return {
    url: baseUrl,
    port,
    executor,
    ready,
    close: async () => {
      if (closing) return;
      closing = true;
      wake?.();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await syncLoop;
      await executor.stop(); // the call in flight finishes and records its outcome
    },
  };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new HttpError(400, "The body is not JSON");
  }
}

function parseEvents(body: string): IncomingEvent[] {
  const parsed = parseJson(body);
  const list = Array.isArray(parsed) ? parsed : [parsed];
  if (!list.length) throw new HttpError(400, "No events");
  return list.map((raw, i) => {
    const e = raw as { name?: unknown; data?: unknown; id?: unknown } | null;
    if (!e || typeof e !== "object" || typeof e.name !== "string" || !e.name) throw new HttpError(400, `Event ${i}: name is required`);
    if (e.data !== undefined && e.data !== null && (typeof e.data !== "object" || Array.isArray(e.data))) {
      throw new HttpError(400, `Event ${i}: data must be an object`);
    }
    if (e.id !== undefined && e.id !== null && typeof e.id !== "string") throw new HttpError(400, `Event ${i}: id must be a string`);
    return { name: e.name, data: (e.data ?? {}) as Record<string, unknown>, id: typeof e.id === "string" && e.id ? e.id : undefined };
  });
}

async function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new HttpError(413, `Body larger than ${max} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sameKey(expected: string, given: string): boolean {
  return executorTokenMatches(expected, given);
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
