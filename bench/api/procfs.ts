// CPU time and memory of process trees, read from /proc (Linux only), so that the server under test
// is measured from the outside, without any instrumentation inside it.
//
// CPU of a tree = Σ over its live processes of utime + stime + cutime + cstime (clock ticks). The
// c-fields hold the time of children the process has already waited for, so a child that exits
// between two samples (a PostgreSQL backend whose connection closed, a worker that was replaced)
// still counts: its time moves into its parent's cutime/cstime and the sum stays the same.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

export type ProcSample = { pid: number; ppid: number; comm: string; ticks: number };

let clockTicks: number | undefined;
/** Clock ticks per second (`getconf CLK_TCK`, 100 on every common Linux). */
export function clkTck(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

function readStat(pid: number): ProcSample | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null; // exited meanwhile
  }
  // "pid (comm) state ppid …": comm may contain spaces and parentheses, so split after the last ")".
  const close = text.lastIndexOf(")");
  const comm = text.slice(text.indexOf("(") + 1, close);
  const f = text.slice(close + 2).split(" ");
  // f[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17.
  const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  return { pid, ppid: Number(f[1]), comm, ticks };
}

/** Every process on the machine. */
export function allProcesses(): ProcSample[] {
  const out: ProcSample[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (s) out.push(s);
  }
  return out;
}

/** `root` and all its descendants (by ppid links), root first; [] when root is gone. */
export function processTree(root: number, all = allProcesses()): ProcSample[] {
  const children = new Map<number, ProcSample[]>();
  for (const p of all) {
    const list = children.get(p.ppid) ?? [];
    list.push(p);
    children.set(p.ppid, list);
  }
  const first = all.find((p) => p.pid === root);
  if (!first) return [];
  const out = [first];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!.pid) ?? []));
  return out;
}

export function parentOf(pid: number): ProcSample | null {
  const self = readStat(pid);
  return self ? readStat(self.ppid) : null;
}

export function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return "";
  }
}

/** VmRSS in MiB (0 when the process is gone or has no memory of its own). */
export function rssMiB(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU ms per pid used between two samples of the same tree (a process new in `after` counts from 0). */
export function cpuMsByPid(before: ProcSample[], after: ProcSample[]): Map<number, number> {
  const base = new Map(before.map((p) => [p.pid, p.ticks]));
  return new Map(after.map((p) => [p.pid, ((p.ticks - (base.get(p.pid) ?? 0)) * 1000) / clkTck()]));
}

/** Total CPU ms of a tree between two samples (includes processes that exited meanwhile, see above). */
export function cpuMsTotal(before: ProcSample[], after: ProcSample[]): number {
  const sum = (s: ProcSample[]) => s.reduce((a, p) => a + p.ticks, 0);
  return ((sum(after) - sum(before)) * 1000) / clkTck();
}

/**
 * PostgreSQL's process tree for CPU accounting: the postmaster of `db`'s own backend and all its
 * children (backends, checkpointer, WAL writer, autovacuum...) — not every `postgres` on the machine,
 * which may be other people's clusters. Null when the database is on another machine (or in another
 * PID namespace).
 */
export async function postgresRootOf(db: { query: <R>(sql: string) => Promise<{ rows: R[] }> }): Promise<number | null> {
  const backendPid = (await db.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
  const postmaster = parentOf(backendPid);
  return postmaster?.comm === "postgres" ? postmaster.pid : null;
}
