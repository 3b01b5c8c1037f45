// A real app and a real embedded executor on loopback, for the job tests: a node HTTP server with the
// REAL inngest SDK serve handler (inngest/node), and startExecutorServer() syncing with it. The SDK
// client's base URL is the executor, so step.sendEvent and inngest.send() go through POST /e/:key
// exactly as in `npm run dev`. Every request the executor makes to the app and the app's answer are
// recorded in `transcript`, for the protocol parity checks.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/node";
import { rootDb } from "@/core/db/client";
import { startExecutorServer, type ExecutorServer, type ExecutorServerOptions } from "@/inngest/executor/server";
import { sleep } from "@/tests/helpers/wait";

export type Exchange = {
  method: string;
  url: URL;
  requestHeaders: Record<string, string>;
  requestBody: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: unknown;
};

export type Harness = {
  appId: string;
  inngest: Inngest;
  executor: ExecutorServer;
  transcript: Exchange[];
  /** Exchanges of one run (calls whose body has ctx.run_id = runId). */
  callsOf(runId: string): Exchange[];
  close(): Promise<void>;
};

type HarnessOptions = {
  /** Cloud mode: the client verifies signatures with this key, the executor signs with it. */
  signingKey?: string;
  eventKey?: string;
  executor?: ExecutorServerOptions["executor"];
  /**
   * The app's own client instead of a fresh one (e.g. inngest/client.ts imported after setting
   * INNGEST_DEV=http://127.0.0.1:<port>); the executor then listens on that `port`.
   */
  client?: Inngest;
  port?: number;
};

export async function startHarness(
  name: string,
  makeFunctions: (inngest: Inngest) => InngestFunction.Any[],
  options: HarnessOptions = {},
): Promise<Harness> {
  const appId = options.client?.id ?? `ritiko-${name}-${randomUUID().slice(0, 8)}`;
  // The serve handler exists only once the executor's URL is known; until then the app answers 503.
  const served: { handler?: ReturnType<typeof serve> } = {};
  const app = http.createServer((req, res) => {
    if (!served.handler) return void res.writeHead(503).end();
    void served.handler(req, res);
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const { port } = app.address() as AddressInfo;

  const transcript: Exchange[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const text = await res.clone().text();
    transcript.push({
      method: init?.method ?? "GET",
      url: new URL(String(input)),
      requestHeaders: Object.fromEntries(new Headers(init?.headers).entries()),
      requestBody: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      status: res.status,
      responseHeaders: Object.fromEntries(res.headers.entries()),
      responseBody: text ? safeJson(text) : undefined,
    });
    return res;
  };

  const executor = await startExecutorServer({
    serveUrl: `http://127.0.0.1:${port}/api/inngest`,
    port: options.port ?? 0,
    syncRetryMs: 20,
    resyncIntervalMs: 0,
    eventKey: options.eventKey,
    executor: {
      pollIntervalMs: 20,
      backoff: () => 50,
      requestTimeoutMs: 10_000,
      leaseMs: 20_000,
      ...options.executor,
      signingKey: options.signingKey,
      fetch: recordingFetch,
    },
  });
  const inngest = options.client
    ? options.client
    : options.signingKey
    ? new Inngest({ id: appId, isDev: false, baseUrl: executor.url, signingKey: options.signingKey, eventKey: options.eventKey ?? "test-event-key" })
    : new Inngest({ id: appId, isDev: true, baseUrl: executor.url });
  served.handler = serve({ client: inngest, functions: makeFunctions(inngest) });
  await executor.ready;

  return {
    appId,
    inngest,
    executor,
    transcript,
    callsOf: (runId) => transcript.filter((x) => x.method === "POST" && (x.requestBody as { ctx?: { run_id?: string } })?.ctx?.run_id === runId),
    close: async () => {
      await executor.close();
      await new Promise((resolve) => app.close(resolve));
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Waits until the run reaches a final status (or one of `statuses`), polling the database. */
export async function waitForRun(runId: string, statuses = ["completed", "failed", "cancelled"], timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await rootDb().jobRun.findUniqueOrThrow({ where: { id: runId } });
    if (statuses.includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms`);
    await sleep(25);
  }
}

/** The single run of `functionId` triggered by the event stored under this id. */
export async function runOfEvent(h: Harness, functionId: string, eventId: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await rootDb().jobRun.findFirst({ where: { functionId: `${h.appId}-${functionId}`, eventId }, select: { id: true } });
    if (run) return run.id;
    if (Date.now() > deadline) throw new Error(`no run of ${functionId} for event ${eventId}`);
    await sleep(25);
  }
}
