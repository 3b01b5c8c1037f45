// The function registry, filled from the app's in-band sync: PUT <serveUrl> with header
// `x-inngest-sync-kind: in_band` and body {url}; the SDK answers with its register payload (app_id,
// functions with triggers, step URLs and retry settings). Kept in memory: a run copies what it needs
// (stepUrl, maxAttempts) at creation, so only event -> function matching depends on it.
import { parseConcurrency, type ConcurrencySpec } from "./concurrency";
import { parseCron } from "./cron";
import { ExpressionSyntaxError, matches, parseExpression, type Expr, type ExprScope } from "./expression";
import { DEFAULT_RETRIES, EVENT_FUNCTION_FAILED, HEADER_SYNC_KIND, type SyncPayload, type SyncedFunction } from "./protocol";

/** An event name pattern with an optional parsed `if` condition. */
export type EventMatcher = { event: string; pattern: RegExp; condition?: Expr };

export type RegisteredFunction = {
  appId: string;
  /** Composite id as the SDK reports it: "<appId>-<functionId>". */
  id: string;
  stepUrl: string;
  maxAttempts: number;
  /** Event triggers: name patterns (`*` matches any run of characters) with optional `if`. */
  triggers: EventMatcher[];
  /** Cron triggers, as declared (`TZ=Europe/Berlin 0 0 * * *` or 5 fields). */
  crons: string[];
  /** cancelOn: an event of this name (and `if`, with `event` = the run's event, `async` = the new one) cancels runs. */
  cancel: EventMatcher[];
  /** The `idempotency` key expression, evaluated on the event. */
  idempotency?: Expr;
  /** The synced `<id>-failure` function (onFailure), copied onto runs so any worker can start it. */
  failureHandler?: FailureHandler;
  /** Concurrency limits (concurrency.ts), copied onto runs and crons. */
  concurrency: ConcurrencySpec[];
  /** Triggers we do not evaluate, kept to report them. */
  unsupported: string[];
};

export type FailureHandler = { appId: string; id: string; stepUrl: string; maxAttempts: number };

/** Thrown by sync when a function declares an expression or cron we cannot parse. */
export class FunctionConfigError extends Error {
  constructor(readonly problems: Array<{ functionId: string; message: string }>) {
    super(`Invalid function configuration: ${problems.map((p) => `${p.functionId}: ${p.message}`).join("; ")}`);
    this.name = "FunctionConfigError";
  }
}

export class FunctionRegistry {
  private functions: RegisteredFunction[] = [];

  all(): readonly RegisteredFunction[] {
    return this.functions;
  }

  get(id: string): RegisteredFunction | undefined {
    return this.functions.find((f) => f.id === id);
  }

  /** Functions triggered by this event: name pattern and `if` (never throws). */
  match(eventName: string, event: unknown = { name: eventName, data: {} }): RegisteredFunction[] {
    return this.functions.filter((f) => f.triggers.some((t) => matcherApplies(t, eventName, { event })));
  }

  /** Functions with a cancelOn entry for this event name (the `if` is checked per run). */
  cancellers(eventName: string): Array<{ fn: RegisteredFunction; matchers: EventMatcher[] }> {
    return this.functions
      .map((fn) => ({ fn, matchers: fn.cancel.filter((m) => m.pattern.test(eventName)) }))
      .filter((c) => c.matchers.length > 0);
  }

  /** Replaces the registry; throws FunctionConfigError (naming every bad function) and keeps the old one. */
  replace(payload: SyncPayload): void {
    const problems: Array<{ functionId: string; message: string }> = [];
    const next: RegisteredFunction[] = [];
    for (const fn of payload.functions) {
      try {
        next.push(toRegistered(payload.app_id, fn));
      } catch (err) {
        problems.push({ functionId: fn.id, message: err instanceof Error ? err.message : String(err) });
      }
    }
    if (problems.length) throw new FunctionConfigError(problems);
    for (const fn of next) {
      const handler = next.find((h) => h.id === `${fn.id}-failure` && h.triggers.some((t) => t.event === EVENT_FUNCTION_FAILED));
      if (handler) fn.failureHandler = { appId: handler.appId, id: handler.id, stepUrl: handler.stepUrl, maxAttempts: handler.maxAttempts };
    }
    this.functions = next;
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
  const triggers: EventMatcher[] = [];
  const crons: string[] = [];
  const unsupported: string[] = [];
  for (const t of fn.triggers ?? []) {
    if (t.event) triggers.push(matcher(t.event, t.expression, "trigger"));
    else if (t.cron) {
      parseCron(t.cron); // throws on a bad cron: reported by replace()
      crons.push(t.cron);
    } else unsupported.push(JSON.stringify(t));
  }
  const cancel = (fn.cancel ?? []).map((c) => matcher(c.event, c.if, "cancelOn"));
  let idempotency: Expr | undefined;
  if (fn.idempotency) {
    try {
      idempotency = parseExpression(fn.idempotency);
    } catch (err) {
      throw new Error(`idempotency: ${err instanceof ExpressionSyntaxError ? err.message : String(err)}`);
    }
  }
  const concurrency = parseConcurrency(fn.concurrency);
  return {
    appId,
    id: fn.id,
    concurrency,
    stepUrl: step.runtime.url,
    maxAttempts: (step.retries?.attempts ?? fn.retries?.attempts ?? DEFAULT_RETRIES) + 1,
    triggers,
    crons,
    cancel,
    idempotency,
    unsupported,
  };
}

function matcher(event: string, expression: string | undefined, where: string): EventMatcher {
  if (!expression) return { event, pattern: eventPattern(event) };
  try {
    return { event, pattern: eventPattern(event), condition: parseExpression(expression) };
  } catch (err) {
    throw new Error(`${where} ${event}: ${err instanceof ExpressionSyntaxError ? err.message : String(err)}`);
  }
}

/** Name pattern and `if` (if any) both match. Never throws. */
export function matcherApplies(m: EventMatcher, eventName: string, scope: ExprScope): boolean {
  return m.pattern.test(eventName) && (!m.condition || matches(m.condition, scope));
}

export function eventPattern(name: string): RegExp {
  const escaped = name.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`);
}
