// The function registry, filled from the app's in-band sync: PUT <serveUrl> with header
// `x-inngest-sync-kind: in_band` and body {url}; the SDK answers with its register payload (app_id,
// functions with triggers, step URLs and retry settings). Kept in memory: a run copies what it needs
// (stepUrl, maxAttempts) at creation, so only event -> function matching depends on it.
import { DEFAULT_RETRIES, HEADER_SYNC_KIND, type SyncPayload, type SyncedFunction } from "./protocol";

export type RegisteredFunction = {
  appId: string;
  /** Composite id as the SDK reports it: "<appId>-<functionId>". */
  id: string;
  stepUrl: string;
  maxAttempts: number;
  /** Event name patterns; `*` matches any run of characters. */
  eventPatterns: RegExp[];
  /** Triggers we do not evaluate yet (cron, `if` expressions), kept to report them. */
  unsupported: string[];
};

export class FunctionRegistry {
  private functions: RegisteredFunction[] = [];

  all(): readonly RegisteredFunction[] {
    return this.functions;
  }

  get(id: string): RegisteredFunction | undefined {
    return this.functions.find((f) => f.id === id);
  }

  /** Functions triggered by an event of this name. */
  match(eventName: string): RegisteredFunction[] {
    return this.functions.filter((f) => f.eventPatterns.some((p) => p.test(eventName)));
  }

  replace(payload: SyncPayload): void {
    this.functions = payload.functions.map((fn) => toRegistered(payload.app_id, fn));
  }
}

export async function syncApp(serveUrl: string, fetchFn: typeof fetch = fetch): Promise<SyncPayload> {
  const res = await fetchFn(serveUrl, {
    method: "PUT",
    headers: { "content-type": "application/json", [HEADER_SYNC_KIND]: "in_band" },
    body: JSON.stringify({ url: serveUrl }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`Sync of ${serveUrl} failed: HTTP ${res.status} ${text.slice(0, 500)}`);
  // An SDK with INNGEST_ALLOW_IN_BAND_SYNC=0 answers out-of-band (it tries to call an Inngest server).
  if (res.headers.get(HEADER_SYNC_KIND) !== "in_band") {
    throw new Error(`Sync of ${serveUrl}: the app did not answer an in-band sync (is INNGEST_ALLOW_IN_BAND_SYNC disabled?)`);
  }
  const payload = JSON.parse(text) as SyncPayload;
  if (typeof payload.app_id !== "string" || !Array.isArray(payload.functions)) {
    throw new Error(`Sync of ${serveUrl}: unexpected payload (no app_id / functions)`);
  }
  return payload;
}

function toRegistered(appId: string, fn: SyncedFunction): RegisteredFunction {
  const step = fn.steps.step ?? Object.values(fn.steps)[0];
  if (!step?.runtime?.url) throw new Error(`Function ${fn.id} declares no step runtime URL`);
  const eventPatterns: RegExp[] = [];
  const unsupported: string[] = [];
  for (const t of fn.triggers ?? []) {
    if (t.event && !t.expression) eventPatterns.push(eventPattern(t.event));
    else unsupported.push(t.event ? `${t.event} if ${t.expression}` : `cron ${t.cron}`);
  }
  return {
    appId,
    id: fn.id,
    stepUrl: step.runtime.url,
    maxAttempts: (step.retries?.attempts ?? fn.retries?.attempts ?? DEFAULT_RETRIES) + 1,
    eventPatterns,
    unsupported,
  };
}

export function eventPattern(name: string): RegExp {
  const escaped = name.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`);
}
