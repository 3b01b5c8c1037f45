// The production server's own router for token-authenticated REST calls: `/api/v1/<plugin>/…` with
// an Authorization header goes straight to the plugin's defineApiRoute handlers
// (handlePluginApiRequest, the same function the Next route shims call), everything else — pages,
// server actions, session-authenticated API calls, /api/v1/openapi.json, the import upload — goes to
// Next's request handler. Why: Next's router, proxy.ts and route-module machinery cost ~1.25 ms of
// CPU per request on this machine kind (GET /api/health: 790 req/s on one core, where node:http + pg
// does 15,000), more than the whole budget of a REST call (README, Production). What Next would add
// in front of these requests is done here: the request id (proxy.ts) and the security headers
// (next.config.ts). Session cookies need Next's request context (next-auth reads `cookies()`), which
// is why only requests bringing credentials of their own come this way.
import type { IncomingMessage, ServerResponse } from "node:http";
import { handlePluginApiRequest } from "@/app/_plugins/plugin-api";
import { MAX_BODY_BYTES } from "@/core/openapi/define-route";
import { apiError } from "@/core/http/api-errors";
import { acceptOrCreateRequestId, REQUEST_ID_HEADER } from "@/core/http/request-id";
import { API_CONTENT_SECURITY_POLICY } from "@/core/http/csp";
import { SECURITY_HEADERS } from "@/core/http/security-headers";
import { log } from "@/core/log";
import { installedPluginIds } from "@/core/plugins/registry";
import type { ApiMethod } from "@/core/plugins/types";

const METHODS = new Set<string>(["GET", "POST", "PUT", "PATCH", "DELETE"]);
const PREFIX = "/api/v1/";

type Target = { pluginId: string; segments: string[] };

/** The plugin route a request is for, or null when Next should serve it. */
export function apiTarget(req: Pick<IncomingMessage, "method" | "url" | "headers">): Target | null {
  const url = req.url ?? "";
  if (!url.startsWith(PREFIX) || !METHODS.has(req.method ?? "") || !req.headers.authorization) return null;
  const q = url.indexOf("?");
  const parts = (q < 0 ? url : url.slice(0, q)).slice(PREFIX.length).split("/");
  const pluginId = parts.shift() ?? "";
  if (!installedPluginIds().includes(pluginId)) return null;
  try {
    return { pluginId, segments: parts.filter(Boolean).map(decodeURIComponent) };
  } catch {
    return null; // a malformed escape: Next answers it as it always has
  }
}

/** Serves a plugin REST call (`target` from apiTarget). Never rejects: a failure is a JSON 500. */
export async function serveApi(req: IncomingMessage, res: ServerResponse, target: Target): Promise<void> {
  const requestId = acceptOrCreateRequestId(firstHeader(req.headers[REQUEST_ID_HEADER]));
  let response: Response;
  try {
    const request = await toWebRequest(req, requestId);
    response = await handlePluginApiRequest(target.pluginId, req.method as ApiMethod, request, target.segments);
  } catch (err) {
    log.error("api_router.failed", { err, url: req.url, requestId });
    response = apiError(500, "internal_error", "The request failed on the server. Details are in the server log under this request id.", { requestId });
  }
  await writeResponse(res, response, requestId).catch((err) => {
    log.error("api_router.write_failed", { err, url: req.url, requestId });
    res.destroy();
  });
}

function firstHeader(v: string | string[] | undefined): string | null {
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

async function toWebRequest(req: IncomingMessage, requestId: string): Promise<Request> {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  headers.set(REQUEST_ID_HEADER, requestId);
  const url = `http://${req.headers.host ?? "localhost"}${req.url}`;
  if (req.method === "GET" || req.method === "DELETE") {
    req.resume(); // a body on these is ignored, as Next does
    return new Request(url, { method: req.method, headers });
  }
  return new Request(url, { method: req.method, headers, body: new Uint8Array(await readBody(req)), duplex: "half" } as RequestInit);
}

/**
 * The body, but never more than MAX_BODY_BYTES + 1 bytes of it in memory: a longer one arrives at the
 * route truncated and one byte over the limit, so defineApiRoute answers its usual 413.
 */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size > MAX_BODY_BYTES) continue; // drain the rest without keeping it
    chunks.push(chunk);
    size += chunk.length;
  }
  const body = Buffer.concat(chunks);
  return size > MAX_BODY_BYTES ? body.subarray(0, MAX_BODY_BYTES + 1) : body;
}

async function writeResponse(res: ServerResponse, response: Response, requestId: string): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, key) => res.setHeader(key, value));
  for (const h of SECURITY_HEADERS) res.setHeader(h.key, h.value);
  res.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  res.setHeader("content-length", body.length);
  res.end(body);
}
