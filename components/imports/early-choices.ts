// The column choices a person makes while the file uploads (early-mapping.tsx) travel to the mapping
// step in its URL (/imports/<id>?early=…), and the import page applies them on the server over its own
// mapping — only while the import is still "uploaded" (after a preview the saved mapping counts), and
// only if the server read the same columns as the device; otherwise it says why they were not applied.
// Pure and validated with zod: the parameter is input like any other.
import { z } from "zod";

/** Column index -> field key ("" = not imported), only the columns the person changed. */
export type EarlyChoices = Record<string, string>;

const earlyParam = z.object({
  headers: z.array(z.string().max(500)).max(1000),
  choices: z.record(z.string().regex(/^\d{1,4}$/), z.string().max(200)),
});

/** "?early=…" for the mapping step's URL, or "" when nothing was changed. */
export function earlyQuery(headers: string[], choices: EarlyChoices): string {
  if (Object.keys(choices).length === 0) return "";
  return `?early=${encodeURIComponent(JSON.stringify({ headers, choices }))}`;
}

/**
 * The server's mapping with the early choices applied (a field chosen for a column leaves any other),
 * or null when there are none. `note` says which happened (its words: imports.mapping.early.<note>).
 */
export function applyEarlyChoices(raw: string | undefined, headers: string[], mapping: Record<string, string>, fieldKeys: ReadonlySet<string>): { mapping: Record<string, string>; note: "differs" | "applied" } | null {
  if (!raw) return null;
  let parsed;
  try {
    parsed = earlyParam.safeParse(JSON.parse(raw));
  } catch {
    return null;
  }
  if (!parsed.success) return null;
  const { headers: seen, choices } = parsed.data;
  if (seen.length !== headers.length || seen.some((h, i) => h !== headers[i])) {
    return { mapping, note: "differs" };
  }
  const next = { ...mapping };
  for (const [column, field] of Object.entries(choices)) {
    if (Number(column) >= headers.length || (field && !fieldKeys.has(field))) continue;
    if (field) for (const [c, f] of Object.entries(next)) if (f === field && c !== column) delete next[c];
    if (field) next[column] = field;
    else delete next[column];
  }
  return { mapping: next, note: "applied" };
}
