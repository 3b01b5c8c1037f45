// Embedded Inngest executor: see executor.ts for the design.
export { createExecutor, Executor, type ExecutorOptions, type TickResult } from "./executor";
export { inngestBackoff, parseRetryAfter, type BackoffFn } from "./backoff";
export type { IngestResult } from "./ingest";
