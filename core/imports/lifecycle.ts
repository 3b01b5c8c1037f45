// The import's status machine, written once. Every writer of data_imports.status takes its transition
// from this table — `SET ${statusTo(t)} ... WHERE ${statusFrom(t)}` — so which status may follow which
// is read here, not pieced together from SQL strings across the engine, the service, the jobs and the
// sweeper. tests/imports/lifecycle.test.ts walks every transition from every status on the database.
//
//   uploaded ─configure─▶ uploaded ─startPreview/claimPreview─▶ previewing ─previewDone─▶ previewed
//   previewing ─previewFailed/jobFailed/sweptFailed─▶ failed          previewed ─refuseCommit─▶ failed
//   previewed ─startCommit/claimCommit─▶ committing ─commitDone─▶ completed
//   committing ─commitCancelled/cancelStalled/sweptCancelled─▶ cancelled
//   committing ─commitFailed/jobFailed/sweptFailed─▶ failed
//   uploaded|previewed ─cancelBeforeCommit─▶ cancelled        completed|cancelled|failed ─undo─▶ undone
//   (a job that could not be started puts the status back: previewing ─previewNotSent─▶ before,
//    committing ─commitNotSent─▶ previewed)
import { Prisma } from "@/core/db/client";

export const IMPORT_STATUSES = ["uploaded", "previewing", "previewed", "committing", "completed", "cancelled", "failed", "undone"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Nothing runs on an import in these; its staged rows can go. */
export const FINISHED: readonly ImportStatus[] = ["completed", "cancelled", "failed", "undone"];
/** What an undo may start from (it needs a journal too). */
export const UNDOABLE: readonly ImportStatus[] = ["completed", "cancelled", "failed"];
/** A job is working on the import (or should be): the sweeper watches these. */
export const RUNNING: readonly ImportStatus[] = ["previewing", "committing"];

type Transition = { from: readonly ImportStatus[]; to: readonly ImportStatus[] };
const t = (from: readonly ImportStatus[], ...to: ImportStatus[]): Transition => ({ from, to });

export const IMPORT_TRANSITIONS = {
  /** Settings saved (the file is read again): only before anything was written. */
  configure: t(["uploaded", "previewed", "failed"], "uploaded"),
  /** The member starts the dry run. */
  startPreview: t(["uploaded", "previewed", "failed"], "previewing"),
  /** The preview job claims the import (again, after a crash: previewing itself). */
  claimPreview: t(["uploaded", "previewing", "previewed", "failed"], "previewing"),
  /** The preview job could not be started: back to where it was. */
  previewNotSent: t(["previewing"], "uploaded", "previewed", "failed"),
  previewDone: t(["previewing"], "previewed"),
  previewFailed: t(["previewing"], "failed"),
  /** The member starts the import. */
  startCommit: t(["previewed"], "committing"),
  /** The commit job claims a previewed import (when it got there before the member's request). */
  claimCommit: t(["previewed"], "committing"),
  /** all_or_nothing with rows the preview rejected: refused before writing anything. */
  refuseCommit: t(["previewed"], "failed"),
  /** The commit job could not be started: back to previewed. */
  commitNotSent: t(["committing"], "previewed"),
  commitDone: t(["committing"], "completed"),
  /** The runner saw the member's cancel before a batch. */
  commitCancelled: t(["committing"], "cancelled"),
  /** all_or_nothing rolled back (or could not roll back): the import failed. */
  commitFailed: t(["committing"], "failed"),
  /** Cancelled before the commit started: nothing was written. */
  cancelBeforeCommit: t(["uploaded", "previewed"], "cancelled"),
  /** Cancelled while its commit's job stopped: no runner would read the flag. */
  cancelStalled: t(["committing"], "cancelled"),
  /** The job gave up (its retries failed). */
  jobFailed: t(["previewing", "committing"], "failed"),
  /** The sweeper: a cancel left with no runner. */
  sweptCancelled: t(["committing"], "cancelled"),
  /** The sweeper: an hour without a heartbeat. */
  sweptFailed: t(["previewing", "committing"], "failed"),
  undo: t(UNDOABLE, "undone"),
} as const satisfies Record<string, Transition>;

export type ImportTransition = keyof typeof IMPORT_TRANSITIONS;
type Target<T extends ImportTransition> = (typeof IMPORT_TRANSITIONS)[T]["to"][number];

/** `status = '<to>'` for an UPDATE's SET list; a transition with several targets needs the chosen one. */
export function statusTo<T extends ImportTransition>(transition: T, target?: Target<T>): Prisma.Sql {
  const allowed: readonly ImportStatus[] = IMPORT_TRANSITIONS[transition].to;
  if (target === undefined && allowed.length > 1) throw new Error(`import transition ${transition} leads to one of ${allowed.join(", ")}: say which`);
  const to = (target ?? allowed[0]) as ImportStatus;
  if (!allowed.includes(to)) throw new Error(`import transition ${transition} cannot lead to ${to}`);
  return Prisma.sql`status = ${to}`;
}

/** `status = ANY(<from>)` for the WHERE clause: the row changes only from a status the transition allows. */
export function statusFrom(transition: ImportTransition, alias?: string): Prisma.Sql {
  const from = [...IMPORT_TRANSITIONS[transition].from];
  return alias ? Prisma.sql`${Prisma.raw(`${alias}.status`)} = ANY(${from}::text[])` : Prisma.sql`status = ANY(${from}::text[])`;
}

/** `status = ANY(<statuses>)` for reads by a set of statuses (FINISHED, RUNNING...). */
export function statusIn(statuses: readonly ImportStatus[], alias?: string): Prisma.Sql {
  const list = [...statuses];
  return alias ? Prisma.sql`${Prisma.raw(`${alias}.status`)} = ANY(${list}::text[])` : Prisma.sql`status = ANY(${list}::text[])`;
}
