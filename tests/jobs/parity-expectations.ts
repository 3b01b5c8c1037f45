// Golden values for tests/jobs/parity.test.ts, taken from the real Inngest server's sources and
// request-by-request tests (github.com/inngest/inngest at 253303cd, read, not copied), and from the
// inngest@4.24.0 SDK the app serves with. Each value names where it comes from.

/** The SDK version these expectations were recorded against (package.json pins it). */
export const SDK_VERSION = "4.24.0";

/**
 * Step hashes the real server's tests expect for these step ids: sha1 of the user-facing id (hex), as
 * docs/SDK_SPEC.md §5.1.2 prescribes. Using the same ids in our functions checks that the SDK hashes
 * exactly as the server's fixtures assume, and that our executor keys memoized results by them.
 */
export const GOLDEN_HASHES = {
  // tests/sdk_step_test.go, tests/sdk_retry_test.go, tests/sdk_no_retry_test.go
  "first step": "98bf98df193bcce7c33e6bc50927cf2ac21206cb",
  // tests/sdk_step_test.go
  "second step": "764e20ec975d4ef820d0f42e6a5833384bd7ee36",
  // tests/sdk_step_test.go (step.sleep("for 2s", ...), hashes["sleep"])
  "for 2s": "dd44d5dc73e81cfbd3c93d03c50160b0b8dc3d6a",
  // tests/sdk_wait_for_event_test.go (step.waitForEvent("test/resume", ...), hashes["wait"])
  "test/resume": "0b497c04bd704c3deceb0a004f6268167025dba2",
} as const;

/** Top-level keys of a call body. */
export const BODY_KEYS = {
  // pkg/execution/driver/request.go SDKRequest: event, events, steps, defers, ctx, version, use_api.
  real: ["ctx", "defers", "event", "events", "steps", "use_api", "version"],
  ours: ["ctx", "event", "events", "steps", "version"],
};

/** Keys of ctx in a call body. */
export const CTX_KEYS = {
  // pkg/execution/driver/request.go SDKRequestContext (request_id/generation_id/job_id are omitempty),
  // filled by MarshalV1 in pkg/execution/driver/driver.go.
  real: ["attempt", "disable_immediate_execution", "env", "fn_id", "max_attempts", "qi_id", "run_id", "stack", "step_id", "use_api"],
  // inngest/executor/protocol.ts CallBody: fn_id is left out on purpose (it makes the SDK checkpoint
  // through /v1/checkpoint), the others have nothing to stand for here.
  ours: ["attempt", "disable_immediate_execution", "max_attempts", "run_id", "stack", "use_api"],
};

/** Keys of the event in a call body. */
export const EVENT_KEYS = {
  // MarshalV1 (pkg/execution/driver/driver.go) always sets `user` to {} when missing; `v` is omitempty.
  real: ["data", "id", "name", "ts", "user"],
  ours: ["data", "id", "name", "ts"],
};

/**
 * Request headers of a call. Real: pkg/execution/driver/httpdriver/httpdriver.go do(): Content-Type,
 * account-id, X-Inngest-Signature (when a key is set), trace headers, X-Run-ID, x-request-id,
 * x-inngest-generation-id, x-inngest-job-id, x-inngest-req-version, X-Inngest-Step-ID.
 */
export const CALL_REQUEST_HEADERS = {
  ours: { "content-type": "application/json" },
  oursSigned: ["content-type", "x-inngest-signature"],
};

/** Sync (in-band PUT) request headers. Real: pkg/deploy/deploy.go Ping sets content-type and X-Inngest-Server-Kind. */
export const SYNC_REQUEST_HEADERS = {
  ours: { "content-type": "application/json", "x-inngest-sync-kind": "in_band" },
};

/**
 * Headers the SDK puts on every answer to a call (inngest@4.24 helpers/env.js inngestHeaders and
 * InngestCommHandler.prepareActionRes). The server relies on x-inngest-sdk to tell SDK answers from
 * anything else (pkg/headers/headers.go IsSDK) and reads the execution version from x-inngest-req-version
 * (pkg/execution/driver/httpdriver/util.go headerRequestVersion).
 */
export const SDK_RESPONSE_HEADERS = {
  "content-type": "application/json",
  "user-agent": `inngest-js:v${SDK_VERSION}`,
  "x-inngest-sdk": `inngest-js:v${SDK_VERSION}`,
  "x-inngest-sdk-handled": "true",
  "x-inngest-framework": "nodejs",
  // The SDK answers with the version it executed; we ask for 2 (docs/SDK_SPEC.md §4.1.2: "MUST be 2").
  "x-inngest-req-version": "2",
};

/** Keys of inngest/function.failed's data. */
export const FUNCTION_FAILED_DATA_KEYS = {
  // pkg/execution/executor/executor.go functionFinishedData (function_id, run_id, event, events, error)
  // plus `_inngest: {status}` added in pkg/execution/executor/finalize.go.
  real: ["_inngest", "error", "event", "events", "function_id", "run_id"],
  ours: ["error", "event", "function_id", "run_id"],
};
