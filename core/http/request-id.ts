// Every request gets an id (proxy.ts sets `x-request-id` when the client did not send a sane one);
// logs, error pages and API errors carry it so a user's report can be matched to server logs.
import { headers } from "next/headers";

export const REQUEST_ID_HEADER = "x-request-id";
const SANE = /^[A-Za-z0-9._-]{8,128}$/;

export function acceptOrCreateRequestId(incoming: string | null): string {
  return incoming && SANE.test(incoming) ? incoming : crypto.randomUUID();
}

export async function currentRequestId(): Promise<string | undefined> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  } catch {
    return undefined; // outside a request (scripts, jobs)
  }
}
