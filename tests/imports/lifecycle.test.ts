// The import's status machine (core/imports/lifecycle.ts), walked on the database: every transition
// from every status changes the row exactly when the table allows it, to the status it names; the
// machine is connected (every status reachable from an upload) and a finished import only leaves its
// state through an undo or, when it failed, a new preview. And every writer uses the table: no
// status literal is left in the import code's SQL, so a new writer cannot bypass it unnoticed.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { FINISHED, IMPORT_STATUSES, IMPORT_TRANSITIONS, statusFrom, statusTo, type ImportStatus, type ImportTransition } from "@/core/imports/lifecycle";
import { createTestOrganization } from "@/core/testing/plugin-test-kit";
import { manyPatients, patientsCsv, upload } from "./engine-kit";

const transitions = Object.keys(IMPORT_TRANSITIONS) as ImportTransition[];

describe("the import status machine", () => {
  it("applies each transition from exactly the statuses it allows, to each status it names", async () => {
    const org = await createTestOrganization();
    const id = await upload(org, patientsCsv(manyPatients(1)));
    const outcomes: string[] = [];
    for (const t of transitions) {
      for (const target of IMPORT_TRANSITIONS[t].to) {
        for (const from of IMPORT_STATUSES) {
          await rootDb().$executeRaw`UPDATE data_imports SET status = ${from} WHERE id = ${id}::uuid`;
          const set = (statusTo as (t: ImportTransition, target?: ImportStatus) => ReturnType<typeof statusTo>)(t, target);
          const changed = await rootDb().$queryRaw<Array<{ status: string }>>`
            UPDATE data_imports SET ${set} WHERE id = ${id}::uuid AND ${statusFrom(t)} RETURNING status`;
          const allowed = (IMPORT_TRANSITIONS[t].from as readonly string[]).includes(from);
          if (changed.length !== (allowed ? 1 : 0) || (allowed && changed[0]!.status !== target)) outcomes.push(`${t}: ${from} -> ${changed[0]?.status ?? "(unchanged)"}`);
        }
      }
    }
    expect(outcomes).toEqual([]);
  });

  it("refuses a target the transition does not name, and asks which one when it names several", () => {
    expect(() => (statusTo as (t: string, target?: string) => unknown)("commitDone", "undone")).toThrow("import transition commitDone cannot lead to undone");
    expect(() => statusTo("previewNotSent")).toThrow("import transition previewNotSent leads to one of uploaded, previewed, failed: say which");
  });

  it("reaches every status from an upload; a finished import leaves only through undo, or a new preview after a failure", () => {
    const reached = new Set<ImportStatus>(["uploaded"]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const { from, to } of Object.values(IMPORT_TRANSITIONS)) {
        if (!from.some((f) => reached.has(f))) continue;
        for (const s of to) {
          if (reached.has(s)) continue;
          reached.add(s);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...IMPORT_STATUSES].sort());
    const exits = (status: ImportStatus) => transitions.filter((t) => (IMPORT_TRANSITIONS[t].from as readonly string[]).includes(status)).sort();
    expect(exits("undone")).toEqual([]);
    expect(exits("completed")).toEqual(["undo"]);
    expect(exits("cancelled")).toEqual(["undo"]);
    expect(exits("failed")).toEqual(["claimPreview", "configure", "startPreview", "undo"]);
    expect(FINISHED.flatMap(exits).every((t) => IMPORT_TRANSITIONS[t].to.every((s) => s !== "committing"))).toBe(true);
  });

  it("leaves no status literal in the import code's SQL: every writer goes through the table", () => {
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
    const offenders = files("core/imports")
      .filter((f) => !f.endsWith("lifecycle.ts") && !f.includes(`${path.sep}export${path.sep}`))
      .flatMap((f) =>
        fs
          .readFileSync(f, "utf8")
          .split("\n")
          .map((line, i) => ({ line, at: `${f}:${i + 1}` }))
          .filter(({ line }) => /\bstatus\s*(=|<>|!=|IN)\s*\(?\s*'/i.test(line) && !line.includes("data_exports"))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
