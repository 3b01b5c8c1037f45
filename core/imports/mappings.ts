// Saved column mappings (import_mappings), per organization and resource, found again by the file's
// header signature (csv/mapping.ts headerSignature): the next upload with the same headers — in any
// letter case, accents or punctuation — starts with the mapping the member chose last time.
import { rootDb } from "@/core/db/client";
import { headerSignature, mappingToSaved, normalizeHeader, type ColumnMapping } from "./csv/mapping";

/**
 * { header text -> field key } saved for these headers, or undefined. The signature matches headers
 * that differ in case, accents or punctuation ("CODE" vs "Code"), so the saved entries are re-keyed
 * to this file's own header texts (autoMap looks them up by exact text).
 */
export async function savedMapping(organizationId: string, resource: string, headers: string[]): Promise<Record<string, string> | undefined> {
  const row = await rootDb().importMapping.findUnique({
    where: { organizationId_resource_headerSignature: { organizationId, resource, headerSignature: headerSignature(headers) } },
    select: { mapping: true },
  });
  const saved = row?.mapping as Record<string, string> | undefined;
  if (!saved) return undefined;
  const byNormalized = new Map(Object.entries(saved).map(([h, key]) => [normalizeHeader(h), key]));
  const out: Record<string, string> = {};
  for (const h of headers) {
    const key = byNormalized.get(normalizeHeader(h));
    if (key !== undefined && !Object.hasOwn(out, h)) out[h] = key;
  }
  return out;
}

/** Saves (or replaces) the mapping for these headers. */
export async function saveMapping(organizationId: string, resource: string, headers: string[], mapping: ColumnMapping): Promise<void> {
  const headerSig = headerSignature(headers);
  const saved = mappingToSaved(headers, mapping);
  await rootDb().importMapping.upsert({
    where: { organizationId_resource_headerSignature: { organizationId, resource, headerSignature: headerSig } },
    create: { organizationId, resource, headerSignature: headerSig, mapping: saved },
    update: { mapping: saved },
  });
}
