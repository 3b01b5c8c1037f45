// How long one long-running job step may keep working before it hands over to the next step (the
// import commit's steps, the Shopify sync's): RITIKO_JOB_STEP_MS, default 80 s. It must fit, with room
// for the batch that passes the deadline, inside the job runner's request timeout: a step cut off by
// the timeout is retried while the first attempt still runs in the app. The run command checks the
// pair at start-up (assertStepFitsTimeout) and refuses to start with the message when it does not fit.

/** The environment, or any set of its variables (tests). */
type Env = Record<string, string | undefined>;

export const DEFAULT_STEP_MS = 80_000;
/** Room after a step's deadline for its last batch and the call's overhead. */
export const STEP_MARGIN_MS = 30_000;

export function jobStepMs(env: Env = process.env): number {
  const raw = env.RITIKO_JOB_STEP_MS?.trim();
  if (!raw) return DEFAULT_STEP_MS;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1_000) {
    throw new Error(`RITIKO_JOB_STEP_MS must be a whole number of milliseconds of at least 1000, got "${env.RITIKO_JOB_STEP_MS}"`);
  }
  return value;
}

/** Throws, naming both settings, when a step of `stepMs` would not finish within `requestTimeoutMs`. */
export function assertStepFitsTimeout(stepMs: number, requestTimeoutMs: number): void {
  if (requestTimeoutMs < stepMs + STEP_MARGIN_MS) {
    throw new Error(
      `RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS (${requestTimeoutMs}) must be at least RITIKO_JOB_STEP_MS (${stepMs}) + ${STEP_MARGIN_MS}: ` +
        `a job step (an import commit's, a sync's) runs up to RITIKO_JOB_STEP_MS and would be cut off by the timeout. ` +
        `Raise the timeout or lower the step length.`,
    );
  }
}
