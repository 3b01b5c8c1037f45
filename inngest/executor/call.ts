// One call of a run's function over the SDK protocol, and the classification of its answer. Pure
// HTTP: no database access here, so the caller decides what to persist.
import { HEADER_NO_RETRY, HEADER_RETRY_AFTER, HEADER_SDK, type CallBody, type StepOp } from "./protocol";
import { parseRetryAfter } from "./backoff";

export type CallOutcome =
  | { kind: "completed"; output: unknown }
  | { kind: "ops"; ops: StepOp[]; retryAfterMs?: number }
  | { kind: "retry"; error: unknown; retryAfterMs?: number }
  | { kind: "failed"; error: unknown };

export async function callFunction(
  url: string,
  body: CallBody,
  timeoutMs: number,
  fetchFn: typeof fetch = fetch,
): Promise<CallOutcome> {
  let res: Response;
  try {
    res = await fetchFn(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    // Unreachable app, reset connection, timeout: the app may come back, so retry like a 500.
    return { kind: "retry", error: { name: "NetworkError", message: err instanceof Error ? err.message : String(err) } };
  }
  const text = await res.text();
  const parsed = parseJson(text);
  const noRetry = res.headers.get(HEADER_NO_RETRY) === "true";
  const retryAfterMs = parseRetryAfter(res.headers.get(HEADER_RETRY_AFTER));

  // Only the SDK's answer counts: a proxy's or another server's 200 on the app's port must not complete
  // or advance a run (Inngest checks the same header).
  if ((res.status === 200 || res.status === 206) && !res.headers.get(HEADER_SDK)) {
    return { kind: "retry", error: { name: "ProtocolError", message: `HTTP ${res.status} without the ${HEADER_SDK} header: not an answer of the Inngest SDK` } };
  }
  if (res.status === 200) return { kind: "completed", output: parsed ?? null };
  if (res.status === 206) {
    const ops = Array.isArray(parsed) ? (parsed as StepOp[]) : parsed && typeof parsed === "object" ? [parsed as StepOp] : [];
    if (ops.length === 0) return { kind: "retry", error: { name: "ProtocolError", message: `206 without ops: ${text.slice(0, 200)}` } };
    return { kind: "ops", ops, retryAfterMs };
  }
  const error = parsed ?? { name: "HttpError", message: `HTTP ${res.status}: ${text.slice(0, 500)}` };
  // 400 + no-retry is a NonRetriableError; any status with no-retry:true is final by the SDK's word.
  if (noRetry) return { kind: "failed", error };
  return { kind: "retry", error, retryAfterMs };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { name: "ProtocolError", message: `Non-JSON response: ${text.slice(0, 500)}` };
  }
}
