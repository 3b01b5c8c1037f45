// The run command's supervision of its children (scripts/lib/supervise.ts) with real processes: a
// child killed by SIGKILL is started again, a child that refuses its configuration (exit 78) is not,
// and one that keeps dying at start-up is given up after MAX_QUICK_FAILURES deaths — the run command
// then exits non-zero. Restart pauses are scaled down (delayScale) so the test takes a second.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { EXIT_CONFIG, MAX_QUICK_FAILURES, supervise } from "@/scripts/lib/supervise";
import { assertStepFitsTimeout, jobStepMs } from "@/core/jobs/step-length";
import { executorTimingFromEnv } from "@/inngest/executor/timing";
import { until } from "@/tests/helpers/wait";

const node = (code: string) => () => spawn(process.execPath, ["-e", code], { stdio: "ignore" });

function supervised(code: string) {
  const lines: string[] = [];
  const state = { stopping: false, gaveUp: "" as string, starts: 0 };
  const s = supervise({
    name: "the child",
    start: () => {
      state.starts++;
      return node(code)();
    },
    stopping: () => state.stopping,
    onGiveUp: (reason) => (state.gaveUp = reason),
    log: (_level, msg) => lines.push(msg),
    delayScale: 0.01,
  });
  return { s, state, lines };
}

describe("supervise", () => {
  it("starts a child killed by SIGKILL again, and stops restarting once the run command stops", async () => {
    const { s, state, lines } = supervised("setInterval(() => {}, 1000)");
    await until("first start", () => !!s.current()?.pid);
    const first = s.current()!.pid;
    s.current()!.kill("SIGKILL");
    await until("restart", () => !!s.current()?.pid && s.current()!.pid !== first, 5_000);
    expect(state.starts).toBe(2);
    expect(lines[0]).toMatch(/the child exited \(killed by SIGKILL\); restarting in/);
    state.stopping = true;
    const child = s.current()!;
    const gone = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await gone;
    await new Promise((r) => setTimeout(r, 200));
    expect(state.starts).toBe(2);
    expect(state.gaveUp).toBe("");
  });

  it("gives up at once on a child that refuses its configuration (exit 78)", async () => {
    const { state } = supervised(`process.exit(${EXIT_CONFIG})`);
    await until("give up", () => state.gaveUp !== "", 5_000);
    expect(state.starts).toBe(1);
    expect(state.gaveUp).toMatch(/refused its configuration/);
  });

  it(`gives up after ${MAX_QUICK_FAILURES} deaths in a row within a minute of starting`, async () => {
    const { state } = supervised("process.exit(3)");
    await until("give up", () => state.gaveUp !== "", 10_000);
    expect(state.starts).toBe(MAX_QUICK_FAILURES);
    expect(state.gaveUp).toMatch(/died 5 times in a row within a minute of starting \(last: exit code 3\)/);
  });
});

describe("settings the run command refuses at start", () => {
  it("a lease not longer than the request timeout + 5 s, naming both", () => {
    expect(() => executorTimingFromEnv({ RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS: "60000", RITIKO_EXECUTOR_LEASE_MS: "65000" })).toThrow(
      /RITIKO_EXECUTOR_LEASE_MS \(65000\) must be greater than RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS \(60000\) \+ 5000/,
    );
    expect(executorTimingFromEnv({ RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS: "60000" })).toEqual({ requestTimeoutMs: 60_000, leaseMs: 90_000, pollIntervalMs: 500 });
    expect(() => executorTimingFromEnv({ RITIKO_EXECUTOR_POLL_MS: "0.5" })).toThrow(/RITIKO_EXECUTOR_POLL_MS must be a positive whole number/);
  });

  it("a job step that would not fit in the request timeout", () => {
    expect(jobStepMs({})).toBe(80_000);
    expect(() => assertStepFitsTimeout(80_000, 30_000)).toThrow(/RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS \(30000\) must be at least RITIKO_JOB_STEP_MS \(80000\) \+ 30000/);
    expect(() => assertStepFitsTimeout(80_000, 110_000)).not.toThrow();
    expect(() => jobStepMs({ RITIKO_JOB_STEP_MS: "fast" })).toThrow(/RITIKO_JOB_STEP_MS must be a whole number/);
  });
});
