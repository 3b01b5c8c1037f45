// Embedded Inngest executor: see executor.ts for the design.
export { createExecutor, Executor, type ExecutorOptions, type TickResult } from "./executor";
export { inngestBackoff, parseRetryAfter, type BackoffFn } from "./backoff";
export type { IngestResult } from "./ingest";
export { FunctionConfigError, type RegisteredFunction } from "./registry";
export { ExpressionSyntaxError, matches, parseExpression, valueOf, type Expr, type ExprScope } from "./expression";
export { nextCronTime, parseCron } from "./cron";
export { fireDueCrons, type CronFire } from "./schedule";
