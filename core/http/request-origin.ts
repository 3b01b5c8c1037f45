// Where a change comes from, for events (EventOrigin): the write path named by the caller, plus the
// request id and client IP of the current request. Outside a request (jobs, scripts, tests) there are
// no headers: the origin then carries the source only.
import { headers } from "next/headers";
import type { EventOrigin } from "@/core/plugins/types";
import { REQUEST_ID_HEADER } from "./request-id";

type HeaderReader = { get(name: string): string | null };

/**
 * The client IP as our own server saw it: the last x-forwarded-for hop (earlier entries are
 * client-supplied and spoofable), else x-real-ip. Undefined when neither is set or the value is not
 * an IP-looking token (it is stored, so nothing arbitrary gets in).
 */
export function clientIpFrom(h: HeaderReader): string | undefined {
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
