// How the run command stops a child at shutdown (scripts/lib/stop-child.ts), with real processes: a
// child that finishes on SIGTERM is a clean stop; one that ignores it is killed after the grace period
// and reported; one that exits with an error code on SIGTERM is reported; one that had already died
// from a signal is not waited for (its exit event will never fire again). boot.ts turns any unclean
// stop into a non-zero exit code of `npm start` / `npm run dev`.
import { spawn, type ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { stopChild } from "@/scripts/lib/stop-child";

/** A node child running `code`, resolved once it printed "ready" (its signal handlers are installed). */
async function child(code: string): Promise<ChildProcess> {
  const c = spawn(process.execPath, ["-e", `${code}; setInterval(() => {}, 1000); process.stdout.write("ready")`], { stdio: ["ignore", "pipe", "ignore"] });
  await new Promise<void>((resolve, reject) => {
    c.stdout!.once("data", () => resolve());
    c.once("exit", () => reject(new Error("the child ended before it was ready")));
  });
  return c;
}

describe("stopChild", () => {
  it("reports a child that exits 0 on SIGTERM, or is ended by the SIGTERM itself, as a clean stop", async () => {
    expect(await stopChild(await child(`process.on("SIGTERM", () => process.exit(0))`), 5_000)).toEqual({ kind: "clean" });
    expect(await stopChild(await child(""), 5_000)).toEqual({ kind: "clean" });
  });

  it("kills a child that ignores SIGTERM after the grace period, and says so", async () => {
    const c = await child(`process.on("SIGTERM", () => {})`);
    const outcome = await stopChild(c, 300);
    expect(outcome).toEqual({ kind: "unclean", how: "did not stop within 300 ms of SIGTERM and was killed" });
    expect(c.signalCode).toBe("SIGKILL");
  });

  it("reports a child that exits with an error code on SIGTERM", async () => {
    expect(await stopChild(await child(`process.on("SIGTERM", () => process.exit(3))`), 5_000)).toEqual({ kind: "unclean", how: "exited with code 3" });
  });

  it("returns at once for a child that already died from a signal, instead of waiting for an exit that has happened", async () => {
    const c = await child("");
    const gone = new Promise((r) => c.once("exit", r));
    c.kill("SIGKILL");
    await gone;
    expect(await Promise.race([stopChild(c, 60_000), new Promise((r) => setTimeout(() => r("still waiting"), 2_000))])).toEqual({ kind: "already-ended" });
  });
});
