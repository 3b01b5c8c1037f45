// Where a change comes from, for events (EventOrigin): the write path named by the caller, plus the
// request id and client IP of the current request. Outside a request (jobs, scripts, tests) there are
// no headers: the origin then carries the source only.
import { headers } from "next/headers";
import type { EventOrigin } from "@/core/plugins/types";
import { REQUEST_ID_HEADER } from "./request-id";

type HeaderReader = { get(name: string): string | null };

/**
 * Whether X-Forwarded-For / X-Real-IP come from our own reverse proxy (RITIKO_TRUSTED_PROXY=1). Read
 * at call time. Without a proxy these headers are whatever the client sent — Next.js only fills
 * X-Forwarded-For with the socket's address when the client sent none (`??=` in its base server) —
 * so trusting them would let a client choose the IP recorded in the tamper-evident audit log and
 * dodge the per-IP sign-in limit. Route handlers and server actions get no other peer address from
 * Next (NextRequest has no `ip` since Next 15), so without a trusted proxy no IP is recorded.
 */
export function trustsProxy(): boolean {
  return process.env.RITIKO_TRUSTED_PROXY === "1";
}

/**
 * The client IP as our trusted proxy saw it: the last X-Forwarded-For hop (the one the proxy appended;
 * earlier entries are client-supplied), else X-Real-IP. Undefined without RITIKO_TRUSTED_PROXY=1, when
 * neither header is set, or when the value is not an IP-looking token (it is stored, so nothing
 * arbitrary gets in).
 */
export function clientIpFrom(h: HeaderReader): string | undefined {
  if (!trustsProxy()) return undefined;
  const forwarded = h.get("x-forwarded-for") ?? "";
  const last = forwarded.split(",").map((s) => s.trim()).filter(Boolean).pop();
  const ip = last ?? h.get("x-real-ip")?.trim();
  return ip && /^[0-9A-Fa-f:.]{2,45}$/.test(ip) ? ip : undefined;
}

/** The origin of a request given its headers (route handlers that hold the Request). */
export function originFromHeaders(source: NonNullable<EventOrigin["source"]>, h: HeaderReader): EventOrigin {
  return compact({ source, requestId: h.get(REQUEST_ID_HEADER) ?? undefined, ip: clientIpFrom(h) });
}

/** The origin of the current request (server actions, pages); just `{ source }` outside a request. */
export async function requestOrigin(source: NonNullable<EventOrigin["source"]>): Promise<EventOrigin> {
  try {
    return originFromHeaders(source, await headers());
  } catch {
    return { source }; // outside a request (scripts, jobs, tests)
  }
}

function compact(o: EventOrigin): EventOrigin {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as EventOrigin;
}
