// Column -> field mapping. Pure (no Node APIs) so the mapping screen can use it in the browser too.
// A mapping is { "<column index>": "<field key>" }: by index, not header text, because header texts
// may repeat or be empty; saved mappings (per organization) are keyed by header text instead, so they
// re-apply when the same headers come back in another order.
import type { ImportField } from "@/core/imports/types";

export type ColumnMapping = Record<string, string>;

/**
 * A header for comparison: BOM and accents removed, lower case, punctuation/underscores/hyphens as
 * spaces, spaces collapsed: " Item_Code " -> "item code", "Qté." -> "qte", "Préd-Nom" -> "pred nom".
 * Letters of any script are kept ("Артикул" -> "артикул").
 */
export function normalizeHeader(h: string): string {
  return h
    .replace(/\uFEFF/g, "")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The form names are matched on: normalized without spaces, so "expiresOn" matches "Expires on". */
const compact = (s: string) => normalizeHeader(s).replace(/ /g, "");

const CURRENCY = /(?:^|\s)(?:usd|eur|gbp|chf|cad|aud|jpy|inr|\$|€|£|¥)$/i;

/**
 * A header without what spreadsheets add around a name: units and currencies in brackets, a trailing
 * currency code or symbol, "#"/"no." markers — "Unit Price (USD)" -> "Unit Price", "Qty [boxes]" ->
 * "Qty", "Price €" -> "Price", "Price in EUR" -> "Price". The second try of autoMap.
 */
export function undecoratedHeader(h: string): string {
  let s = h.replace(/\uFEFF/g, "").replace(/\s*[([{][^)\]}]*[)\]}]\s*/g, " ").trim();
  for (let i = 0; i < 2 && CURRENCY.test(s); i++) s = s.replace(CURRENCY, "").replace(/\s+in$/i, "").trim();
  return s.replace(/[#]/g, " ").trim();
}

/**
 * A stable identifier of a header row (normalized headers, in order): saved mappings are looked up
 * by it. Two 32-bit FNV-1a hashes with different offsets -> 16 hex digits; collisions only matter
 * within one organization's saved mappings of one resource, where they are vanishingly unlikely.
 */
export function headerSignature(headers: string[]): string {
  const text = headers.map(normalizeHeader).join("\u0001");
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    b ^= b >>> 15;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

/**
 * Automatic mapping, column by column in file order:
 *   1. the saved mapping for this header text (a saved "" = the user left the column unmapped: kept so);
 *   2. a field whose key, then label, then one of its aliases matches the header (normalized: case,
 *      accents, punctuation and spaces do not count), then the same for the header without its
 *      bracketed unit or currency ("Unit Price (USD)" is the price).
 * A field is never mapped twice: the first column wins, later matching columns stay unmapped.
 * Saved entries naming a field the resource no longer has are ignored.
 */
export function autoMap(headers: string[], fields: ImportField[], saved?: Record<string, string>): ColumnMapping {
  const byKey = new Map<string, ImportField>();
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const f of fields) byKey.set(f.key, f);
  const matchExact = (h: string): ImportField | undefined =>
    fields.find((f) => compact(f.key) === h) ?? fields.find((f) => compact(f.label) === h) ?? fields.find((f) => (f.aliases ?? []).some((a) => compact(a) === h));
  const match = (header: string): ImportField | undefined => {
    const h = compact(header);
    if (!h) return undefined;
    const bare = compact(undecoratedHeader(header));
    return matchExact(h) ?? (bare && bare !== h ? matchExact(bare) : undefined);
  };
  headers.forEach((header, i) => {
    let field: ImportField | undefined;
    if (saved && Object.hasOwn(saved, header)) {
      const key = saved[header];
      if (key === "") return;
      field = key !== undefined ? byKey.get(key) : undefined;
    }
    field ??= match(header);
    if (!field || used.has(field.key)) return;
    used.add(field.key);
    mapping[String(i)] = field.key;
  });
  return mapping;
}

/** Required fields no column is mapped to (the preview refuses, naming them). */
export function missingRequired(mapping: ColumnMapping, fields: ImportField[]): ImportField[] {
  const mapped = new Set(Object.values(mapping));
  return fields.filter((f) => f.required && !mapped.has(f.key));
}

/** The mapping as a saved one: header text -> field key ("" for unmapped columns). */
export function mappingToSaved(headers: string[], mapping: ColumnMapping): Record<string, string> {
  const saved: Record<string, string> = {};
  headers.forEach((h, i) => {
    if (!Object.hasOwn(saved, h)) saved[h] = mapping[String(i)] ?? "";
  });
  return saved;
}

/**
 * Checks a mapping coming from the user: column indexes within the header, known field keys, no
 * field twice. Returns the problems (empty = valid).
 */
export function mappingProblems(mapping: ColumnMapping, headers: string[], fields: ImportField[]): string[] {
  const problems: string[] = [];
  const keys = new Set(fields.map((f) => f.key));
  const seen = new Map<string, string>();
  for (const [col, key] of Object.entries(mapping)) {
    const i = Number(col);
    if (!Number.isInteger(i) || i < 0 || i >= headers.length || String(i) !== col) problems.push(`Column ${col} does not exist in the file`);
    else if (!keys.has(key)) problems.push(`Unknown field "${key}" for column "${headers[i]}"`);
    else if (seen.has(key)) problems.push(`Field "${key}" is mapped to two columns: "${seen.get(key)}" and "${headers[i]}"`);
    else seen.set(key, headers[i] ?? col);
  }
  return problems;
}
