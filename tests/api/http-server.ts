// A real HTTP server around the app's own REST route handlers, for tests that need real HTTP —
// concurrent clients, real sockets, real header and body handling — without building Next. Requests
// with credentials go through the production server's API router (server/api-router.ts: request id,
// security headers, the plugin handlers), exactly as under `npm start`; the rest (no Authorization
// header, /api/v1/openapi.json) through the Next route handlers' functions. What Next adds in front of
// those (proxy.ts: the signed-out redirect) is covered by the e2e suite against `npm start`.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pluginRouteHandlers } from "@/app/_plugins/plugin-api";
import { GET as openApiGet } from "@/app/api/v1/openapi.json/route";
import type { ApiMethod } from "@/core/plugins/types";
import { apiTarget, serveApi } from "@/server/api-router";

export type ApiServer = { url: string; close: () => Promise<void> };

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

async function toRequest(req: http.IncomingMessage, url: URL): Promise<Request> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) for (const one of v) headers.append(k, one);
    else if (v !== undefined) headers.set(k, v);
  }
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && chunks.length > 0;
  return new Request(url, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
}

async function route(request: Request, url: URL): Promise<Response> {
  if (url.pathname === "/api/v1/openapi.json" && request.method === "GET") return openApiGet(request);
  const m = /^\/api\/v1\/([a-z0-9-]+)\/(.*)$/.exec(url.pathname);
  if (!m || !METHODS.has(request.method)) return Response.json({ error: { code: "not_found", message: "No such endpoint." } }, { status: 404 });
  const segments = m[2]!.split("/").filter(Boolean).map(decodeURIComponent);
  return pluginRouteHandlers(m[1]!)[request.method as ApiMethod](request, { params: Promise.resolve({ path: segments }) });
}

export async function startApiServer(): Promise<ApiServer> {
  const server = http.createServer((req, res) => {
    const target = apiTarget(req);
    if (target) return void serveApi(req, res, target);
    void (async () => {
      try {
        const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
        const response = await route(await toRequest(req, url), url);
        const body = Buffer.from(await response.arrayBuffer());
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(body);
      } catch (err) {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String((err as Error).stack ?? err));
      }
    })();
  });
  // Many concurrent clients: don't let Node's defaults queue or reset them.
  server.maxConnections = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** fetch with a Bearer token; JSON in and out. `body` as a string is sent as is (to test bad JSON). */
export function apiClient(baseUrl: string, token?: string) {
  return async function call(method: ApiMethod, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } };
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)["content-type"] ??= "application/json";
    }
    const res = await fetch(`${baseUrl}${path}`, init);
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const json: any = text ? JSON.parse(text) : null;
    return { status: res.status, json, headers: res.headers };
  };
}
