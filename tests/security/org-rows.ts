// The isolation matrices' view of one organization's data: every table holding organization rows
// with an id (found from the schema, so a new plugin's tables are covered), and a fingerprint of
// all of the organization's rows in them — equal fingerprints mean byte-identical rows.
import Papa from "papaparse";
import { rootDb } from "@/core/db/client";

export async function orgTables(): Promise<string[]> {
  const rows = await rootDb().$queryRaw<Array<{ table: string }>>`
    SELECT c.table_name AS table FROM information_schema.columns c
    WHERE c.table_schema = 'public' AND c.column_name = 'organizationId'
      AND EXISTS (SELECT 1 FROM information_schema.columns i WHERE i.table_schema = 'public' AND i.table_name = c.table_name AND i.column_name = 'id')
    ORDER BY 1`;
  return rows.map((r) => r.table);
}

/** Per table: the row count and an md5 of every row of the organization, in a fixed order. */
export async function fingerprint(orgId: string, tables: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const [row] = await rootDb().$queryRawUnsafe<Array<{ f: string | null }>>(
      `SELECT count(*)::text || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') AS f FROM "${t}" x WHERE x."organizationId"::text = $1`,
      orgId,
    );
    out[t] = row?.f ?? "";
  }
  return out;
}

/**
 * Whether `text` mentions `id` as a value of its own. Numeric ids (outbox, lifecycle runs) are short:
 * "459" must not be found inside a token ("…e459B…"), a decimal, or the parts of a time
 * ("16:18:02.459", "12:45:59") — the REST matrix once failed on "459" in an audit CSV. A JSON value
 * (`"id":459`) or a CSV field (`,459,`) is still a mention.
 *
 * In a JSON or CSV answer a numeric id counts only in a field named for an id (`id`, `eventId`,
 * `ids`): a fresh database's first outbox row is id 1, and the other organization's own audit CSV has
 * its sequence number 1 and quantities of 1 — numbers no matcher can tell from an id by their text
 * (the pooled CI pass failed on exactly that). A uuid is unambiguous and is looked for everywhere.
 */
export function idMatcher(id: string): (text: string) => boolean {
  const pattern = new RegExp(`(?<![0-9A-Za-z.-])(?<![0-9]:)${id}(?![0-9A-Za-z.-])(?!:[0-9])`);
  if (!/^[0-9]+$/.test(id)) return (text) => pattern.test(text);
  return (text) => {
    const structured = idFieldValues(text);
    return structured ? structured.includes(id) : pattern.test(text);
  };
}

const ID_FIELD = /(^|[a-z])(id|ids|Id|Ids)$/;

/** Every value of an id-named field in a JSON or CSV text; null when the text is neither. */
function idFieldValues(text: string): string[] | null {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      const out: string[] = [];
      const walk = (value: unknown, key: string) => {
        if (Array.isArray(value)) value.forEach((v) => walk(v, key));
        else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
        else if (ID_FIELD.test(key) && (typeof value === "number" || typeof value === "string")) out.push(String(value));
      };
      walk(JSON.parse(text), "");
      return out;
    } catch {
      return null;
    }
  }
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const fields = parsed.meta.fields ?? [];
  // A CSV answer: a header row of several names and no parse errors (HTML or prose is not one).
  if (fields.length < 2 || parsed.errors.length > 0) return null;
  const idFields = fields.filter((f) => ID_FIELD.test(f));
  return parsed.data.flatMap((row) => idFields.map((f) => row[f] ?? ""));
}
