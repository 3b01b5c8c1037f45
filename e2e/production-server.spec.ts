// The production server as `npm start` runs it (scripts/start.ts → server/primary.ts): several worker
// processes on one port, a killed worker replaced while the others keep serving, token REST calls
// answered by our own API router exactly as Next would (JSON errors, request id, security headers),
// in-flight requests finishing on SIGTERM, and a server that cannot start making the run command
// exit non-zero. Each test starts its own instance on a free port against the e2e database (the
// shared e2e server must not lose workers under the other specs), with the job executor off.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { query, unique } from "./helpers";
import { freePort, startServer, stopServer, withServer } from "./own-server";

test.describe.configure({ mode: "serial" });
// Room for a server of its own booting on a loaded box (own-server.ts waits up to 150 s for it).
test.setTimeout(240_000);

/** Pids of the worker processes under the run command (walks /proc parent links). */
function workerPids(root: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const isUnder = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return [...parent.keys()].filter((pid) => {
    if (!isUnder(pid)) return false;
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("server/worker.ts");
    } catch {
      return false;
    }
  });
}

/** The worker ids that answer /api/health over fresh connections. */
async function answeringWorkers(url: string, tries = 30): Promise<Set<number>> {
  const ids = new Set<number>();
  for (let i = 0; i < tries; i++) {
    const res = await fetch(`${url}/api/health`, { headers: { connection: "close" } });
    expect(res.status).toBe(200);
    ids.add((await res.json()).worker);
  }
  return ids;
}

/**
 * An API token of the owner of a new organization of its own with the inventory plugin enabled,
 * inserted as the API tokens page would (SHA-256 of the token at rest), so this spec never changes
 * the demo organizations the other specs use.
 */
async function ownerToken(): Promise<string> {
  const slug = unique("server-spec-").toLowerCase();
  const token = `rtk_${crypto.randomBytes(32).toString("base64url")}`;
  const hash = crypto.createHash("sha256").update(token).digest("hex");
  await query(
    `WITH o AS (INSERT INTO organizations (id, name, slug, "updatedAt") VALUES (gen_random_uuid(), $1, $1, now()) RETURNING id),
          u AS (INSERT INTO users (id, email, name, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1 || '@spec.test', 'Spec Owner', 'x', now()) RETURNING id),
          m AS (INSERT INTO memberships (id, "organizationId", "userId", role) SELECT gen_random_uuid(), o.id, u.id, 'owner' FROM o, u),
          p AS (INSERT INTO plugin_installations ("organizationId", "pluginId", enabled, version, "enabledAt", "updatedAt") SELECT o.id, 'inventory', true, '2.0.0', now(), now() FROM o)
     INSERT INTO api_tokens (id, "organizationId", "userId", name, "tokenHash", prefix) SELECT gen_random_uuid(), o.id, u.id, 'spec', $2, $3 FROM o, u`,
    [slug, hash, token.slice(0, 10)],
  );
  return token;
}

test("two workers share the port, and every log line says which one wrote it", async () => {
  await withServer(async (s) => {
    expect(await answeringWorkers(s.url)).toEqual(new Set([1, 2]));
    const listening = s.out().split("\n").filter((l) => l.includes("server.worker_listening")).map((l) => JSON.parse(l).worker);
    expect(listening.sort()).toEqual([1, 2]);
  });
});

test("a killed worker is replaced, and the other keeps serving meanwhile", async () => {
  await withServer(async (s) => {
    // The server answers as soon as one worker listens; node:cluster closes the shared port when the
    // last listening worker goes, so kill one only once both listen (otherwise nobody is left to serve).
    await expect.poll(() => s.out().split("\n").filter((l) => l.includes("server.worker_listening")).length, { timeout: 30_000 }).toBe(2);
    const before = workerPids(s.child.pid!);
    expect(before).toHaveLength(2);
    process.kill(before[0]!, "SIGKILL");
    await expect.poll(() => s.out().includes("server.worker_died"), { timeout: 10_000 }).toBe(true);
    // Meanwhile every request is answered (by the surviving worker).
    for (let i = 0; i < 10; i++) expect((await fetch(`${s.url}/api/health`, { headers: { connection: "close" } })).status).toBe(200);
    // Then a new process takes the dead one's place and serves again.
    await expect.poll(() => workerPids(s.child.pid!).filter((p) => !before.includes(p)).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => (await answeringWorkers(s.url, 20)).size, { timeout: 30_000 }).toBe(2);
    expect(s.child.exitCode).toBeNull();
  });
});

test("token REST calls get the same answers through the server's API router", async () => {
  await withServer(async (s) => {
    const token = await ownerToken();
    const ok = await fetch(`${s.url}/api/v1/inventory/items?limit=2&ordering=-quantity`, { headers: { authorization: `Bearer ${token}`, "x-request-id": "spec-request-0001" } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-request-id")).toBe("spec-request-0001");
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(ok.headers.get("x-frame-options")).toBe("DENY");
    const body = await ok.json();
    expect(body.data.length).toBeLessThanOrEqual(2);
    expect(body).toHaveProperty("nextCursor");

    const bad = await fetch(`${s.url}/api/v1/inventory/items`, { headers: { authorization: `Bearer rtk_${"x".repeat(43)}` } });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toContain(`error="invalid_token"`);
    const err = await bad.json();
    expect(err.error.code).toBe("unauthenticated");
    expect(err.error.requestId).toBe(bad.headers.get("x-request-id"));

    const invalid = await fetch(`${s.url}/api/v1/inventory/items`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "", sku: "X", quantiy: 3 }),
    });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.fields).toMatchObject({ quantiy: "Unknown field" });

    const tooBig = await fetch(`${s.url}/api/v1/inventory/items`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(1_100_000) }),
    });
    expect(tooBig.status).toBe(413);

    const notFound = await fetch(`${s.url}/api/v1/inventory/nothing-here`, { headers: { authorization: `Bearer ${token}` } });
    expect(notFound.status).toBe(404);
    const wrongMethod = await fetch(`${s.url}/api/v1/inventory/items`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, POST");

    // Without credentials the request still goes through Next and its proxy: 401 for the API.
    const anonymous = await fetch(`${s.url}/api/v1/inventory/items`);
    expect(anonymous.status).toBe(401);
  });
});

test("SIGTERM lets a request in flight finish, then the run command exits 0", async () => {
  await withServer(async (s) => {
    const token = await ownerToken();
    const sku = unique("SIGTERM-");
    const body = JSON.stringify({ name: "Graceful gauze", sku, quantity: 3, reorderThreshold: 1 });
    const socket = net.connect(s.port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    let answer = "";
    socket.on("data", (d) => (answer += d));
    const closed = new Promise((r) => socket.once("close", r));
    // Headers and half the body now; the rest after the server was told to stop.
    socket.write(
      `POST /api/v1/inventory/items HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 300));
    s.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    // write, not end: a client that half-closes its side gives up on the answer (Node then ends the socket).
    socket.write(body.slice(10));
    // The worker answers, then closes the connection (it is stopping) instead of keeping it alive.
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 201 /);
    expect(await s.exited).toBe(0);
    expect(await query(`SELECT 1 FROM inventory_items WHERE sku = $1`, [sku])).toHaveLength(1);
  });
});

test("a server that cannot start makes the run command exit non-zero", async () => {
  const blocker = net.createServer();
  const port = await freePort();
  await new Promise<void>((r) => blocker.listen(port, r));
  const s = await startServer({ port, waitUntilUp: false });
  try {
    expect(await s.exited).not.toBe(0);
    expect(s.out()).toContain("server.giving_up");
  } finally {
    await stopServer(s);
    blocker.close();
  }
});
