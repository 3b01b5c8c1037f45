// A production server of a spec's own (`node --import tsx scripts/start.ts` on a free port, against
// the e2e database, the job executor off unless asked), with everything it prints kept for the spec:
// for specs that kill its processes or read its log, which the shared e2e server must not suffer.
import { spawn, type ChildProcess } from "node:child_process";
import { expect } from "@playwright/test";
import { freePort } from "../scripts/lib/free-port";

export type Server = { child: ChildProcess; port: number; url: string; out: () => string; exited: Promise<number | null> };

export { freePort };

export async function startServer(opts: { port?: number; waitUntilUp?: boolean; env?: Record<string, string> } = {}): Promise<Server> {
  const port = opts.port ?? (await freePort());
  let out = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), WEB_CONCURRENCY: "2", RITIKO_EXECUTOR: "off", LOG_LEVEL: "info", NEXTAUTH_URL: `http://127.0.0.1:${port}`, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const server = { child, port, url: `http://127.0.0.1:${port}`, out: () => out, exited };
  if (opts.waitUntilUp !== false) {
    try {
      await expect
        // Two workers of `next start` booting beside the shared e2e server on a loaded 2-core box once
        // took more than 60 s to answer (a loaded CI run).
        .poll(async () => (await fetch(`${server.url}/api/health`).catch(() => null))?.status ?? 0, { timeout: 150_000, intervals: [250] })
        .toBe(200);
    } catch (err) {
      await stopServer(server); // never leave a half-started server behind
      throw err;
    }
  }
  return server;
}

export async function stopServer(s: Server) {
  if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGTERM");
  await s.exited;
}

/** Runs `fn` against a server of its own, which is stopped afterwards — also when `fn` fails. */
export async function withServer(fn: (s: Server) => Promise<void>, env?: Record<string, string>): Promise<void> {
  const s = await startServer({ env });
  try {
    await fn(s);
  } finally {
    await stopServer(s);
  }
}
