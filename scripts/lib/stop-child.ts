// Stopping one child of the run command at shutdown, and saying how it went: SIGTERM, then SIGKILL
// after a grace period. A child that already ended — by an exit code or by a signal — is not waited
// for (its "exit" event has fired and will not fire again, so waiting would hang the run command).
import type { ChildProcess } from "node:child_process";

export type StopOutcome =
  /** It had ended before we asked (or never started). */
  | { kind: "already-ended" }
  /** It finished on SIGTERM: exit code 0, or ended by the SIGTERM itself (no handler). */
  | { kind: "clean" }
  /** It ended otherwise: a non-zero exit code, or killed after the grace period. */
  | { kind: "unclean"; how: string };

export const STOP_GRACE_MS = 15_000;

export async function stopChild(child: ChildProcess | undefined, graceMs = STOP_GRACE_MS): Promise<StopOutcome> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return { kind: "already-ended" };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  child.kill("SIGTERM");
  let escalated = false;
  const timer = setTimeout(() => {
    escalated = true;
    child.kill("SIGKILL");
  }, graceMs);
  const { code, signal } = await exited;
  clearTimeout(timer);
  if (escalated) return { kind: "unclean", how: `did not stop within ${graceMs} ms of SIGTERM and was killed` };
  if (code === 0 || signal === "SIGTERM") return { kind: "clean" };
  return { kind: "unclean", how: signal ? `was killed by ${signal}` : `exited with code ${code}` };
}
