// Keeps one child process of the run command alive (the production server's primary, the job
// executor): an unexpected exit is logged and the child started again after 1 s, doubling up to 30 s
// while it keeps dying within a minute of its start. It gives up (onGiveUp) when the child exits with
// EXIT_CONFIG — it found a setting it cannot run with, so starting it again cannot help — or after
// MAX_QUICK_FAILURES quick deaths in a row; the run command then stops everything and exits non-zero,
// so that a supervisor above it (systemd, a container runtime) sees the failure.
import type { ChildProcess } from "node:child_process";

/** EX_CONFIG (sysexits.h): the child refused a setting; restarting it cannot help. */
export const EXIT_CONFIG = 78;
export const MAX_QUICK_FAILURES = 5;
const QUICK_MS = 60_000;

export type Supervised = {
  /** The child now running (undefined between a death and its restart). */
  current(): ChildProcess | undefined;
};

export function supervise(opts: {
  name: string;
  start: () => ChildProcess;
  /** True once the run command is shutting down: exits are then expected and nothing restarts. */
  stopping: () => boolean;
  onGiveUp: (reason: string) => void;
  log: (level: "info" | "error", msg: string) => void;
  /** Restart delays are multiplied by this (tests shorten them). */
  delayScale?: number;
}): Supervised {
  let child: ChildProcess | undefined;
  let quickFailures = 0;
  const launch = () => {
    if (opts.stopping()) return;
    const startedAt = Date.now();
    const c = opts.start();
    child = c;
    c.on("error", (err) => opts.log("error", `${opts.name} could not start (${err.message})`));
    c.on("exit", (code, signal) => {
      if (child === c) child = undefined;
      if (opts.stopping()) return;
      const how = signal ? `killed by ${signal}` : `exit code ${code}`;
      if (code === EXIT_CONFIG) return opts.onGiveUp(`${opts.name} refused its configuration (${how}); see its error above`);
      quickFailures = Date.now() - startedAt > QUICK_MS ? 1 : quickFailures + 1;
      if (quickFailures >= MAX_QUICK_FAILURES) return opts.onGiveUp(`${opts.name} died ${quickFailures} times in a row within a minute of starting (last: ${how})`);
      const delay = Math.min(30_000, 1_000 * 2 ** (quickFailures - 1)) * (opts.delayScale ?? 1);
      opts.log("error", `${opts.name} exited (${how}); restarting in ${(delay / 1000).toFixed(1)} s`);
      setTimeout(launch, delay);
    });
  };
  launch();
  return { current: () => child };
}
