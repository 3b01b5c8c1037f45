// What a job run worked on, as a link on the Jobs page: the import or export for core's jobs, and
// whatever an enabled plugin says for the events of its own jobs (manifest `jobSubjects`). Decoration:
// a resolver that throws or returns something unusable gives no link, never a broken page, and only
// in-app paths are linked (a subject built from stored event data can never become a javascript: URL).
import { z } from "zod";
import { log } from "@/core/log";
import type { JobSubject, PluginManifest } from "@/core/plugins/types";

const withImport = z.object({ importId: z.uuid() });
const withExport = z.object({ exportId: z.uuid() });

const importSubject = (verb: string) => (data: unknown) => {
  const d = withImport.safeParse(data);
  return d.success ? { label: `${verb} of import ${d.data.importId.slice(0, 8)}`, href: `/imports/${d.data.importId}` } : null;
};

const CORE_SUBJECTS: Record<string, (data: unknown) => JobSubject | null> = {
  "core/import.preview.requested": importSubject("Preview"),
  "core/import.commit.requested": importSubject("Commit"),
  "core/import.undo.requested": importSubject("Undo"),
  "core/export.requested": (data) => {
    const d = withExport.safeParse(data);
    return d.success ? { label: `Export ${d.data.exportId.slice(0, 8)}`, href: `/exports/${d.data.exportId}` } : null;
  },
};

/** A path inside the app: "/x…", not "//host" (protocol-relative) nor "/\\host". */
const IN_APP = /^\/(?![/\\])/;

/** The subject of a run triggered by `eventName` with `data`, or null when nobody knows one. */
export function jobSubject(eventName: string | null, data: unknown, plugins: readonly PluginManifest[]): JobSubject | null {
  if (!eventName) return null;
  const owner = plugins.find((p) => p.jobSubjects?.[eventName]);
  const resolve = CORE_SUBJECTS[eventName] ?? owner?.jobSubjects?.[eventName];
  if (!resolve) return null;
  try {
    const subject = resolve(data);
    if (!subject || typeof subject.label !== "string" || !subject.label || typeof subject.href !== "string" || !IN_APP.test(subject.href)) return null;
    return { label: subject.label, href: subject.href };
  } catch (err) {
    log.warn("jobs.subject_failed", { err, eventName, pluginId: owner?.id });
    return null;
  }
}
