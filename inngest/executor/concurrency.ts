// Concurrency limits with keys, as Inngest declares them (`concurrency: 5`, `{limit, key, scope}` or an
// array of up to two). A limit caps the queue items IN FLIGHT (leased by a worker) for runs that share a
// key: sleeping, waiting or queued runs hold no slot. The key expression is evaluated once per run on its
// triggering event and stored in job_concurrency; claimDue (queue.ts) admits an item only while every
// key of its run has a free slot.
import { ExpressionSyntaxError, parseExpression, valueOf, type Expr } from "./expression";
import type { ConcurrencyOption, SdkEvent } from "./protocol";

export type ConcurrencySpec = { limit: number; key?: string; scope: "fn" | "env" | "account" };

/** Normalizes the synced option; throws a readable message for a bad one (reported by sync). */
export function parseConcurrency(option: number | ConcurrencyOption | ConcurrencyOption[] | undefined): ConcurrencySpec[] {
  if (option === undefined || option === null) return [];
  const list = Array.isArray(option) ? option : [typeof option === "number" ? { limit: option } : option];
  if (list.length > 2) throw new Error("concurrency: at most two limits may be declared");
  return list.flatMap((raw) => {
    const limit = Number(raw?.limit);
    if (!Number.isInteger(limit) || limit < 0) throw new Error(`concurrency: limit must be a whole number >= 0, got ${JSON.stringify(raw?.limit)}`);
    // 0 means "no limit" on Inngest.
    if (limit === 0) return [];
    const scope = raw.scope ?? "fn";
    if (!["fn", "env", "account"].includes(scope)) throw new Error(`concurrency: unknown scope ${JSON.stringify(scope)}`);
    if (scope !== "fn" && !raw.key) throw new Error(`concurrency: scope "${scope}" needs a key`);
    if (raw.key) compiled(raw.key);
    return [{ limit, scope, ...(raw.key ? { key: raw.key } : {}) }];
  });
}

const cache = new Map<string, Expr>();
function compiled(source: string): Expr {
  let expr = cache.get(source);
  if (!expr) {
    try {
      expr = parseExpression(source);
    } catch (err) {
      throw new Error(`concurrency key ${JSON.stringify(source)}: ${err instanceof ExpressionSyntaxError ? err.message : String(err)}`);
    }
    cache.set(source, expr);
  }
  return expr;
}

/**
 * The keys of one run. Scope "fn" keys are per function; "env"/"account" keys are shared by every
 * function using the same key expression. A key expression that yields nothing (missing field) puts
 * the run in one shared "" bucket, so a limit always applies.
 */
export function concurrencyKeys(functionId: string, specs: readonly ConcurrencySpec[], event: SdkEvent): Array<{ key: string; limit: number }> {
  const keys = new Map<string, number>();
  for (const spec of specs) {
    const value = spec.key ? valueOf(compiled(spec.key), { event }) : "";
    const text = value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
    // JSON: unambiguous whatever the parts contain (PostgreSQL text cannot hold the NUL a join would want).
    const key = JSON.stringify([spec.scope === "fn" ? functionId : spec.scope, spec.key ?? "", text]);
    // Two specs evaluating to the same key: the stricter limit wins.
    keys.set(key, Math.min(keys.get(key) ?? Infinity, spec.limit));
  }
  return [...keys].map(([key, limit]) => ({ key, limit }));
}
