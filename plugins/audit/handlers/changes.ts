// Turning a record event (core's and inventory's: { id, before, after, changes }) into an entry's
// action and per-field changes. Fields that hold credentials (password or token hashes, secrets) are
// never recorded, whatever record they appear on. Masked patient fields (the maskedPatientFields
// setting) are replaced by "•••" in the appending statement itself (chain/append.ts), before the
// entry is stored or hashed, with the setting read in that statement.
import type { EventOrigin } from "@/core/plugins/types";
import type { AuditAction, FieldChange } from "../chain/types";

const NEVER_RECORDED = /^(password|passwordHash|tokenHash|token|secret|apiKey|accessToken)$/i;
// Bookkeeping columns: on created/deleted the entry's target already says which record it is.
const BOOKKEEPING = new Set(["id", "organizationId", "createdAt", "updatedAt"]);

export type RecordKind = "created" | "updated" | "deleted";
export type RecordPayload = { id: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; changes: readonly string[] };

/** created/updated/deleted, or bulk_updated / imported by where the change came from. */
export function recordAction(kind: RecordKind, source: string | undefined): AuditAction {
  if (source === "import" && kind !== "deleted") return "imported";
  if (source === "bulk" && kind === "updated") return "bulk_updated";
  return kind;
}

/** The write path: the emitter's origin, else the `source` some payloads carry (inventory's). */
export function sourceOf(origin: EventOrigin, payload: { source?: unknown }): string | undefined {
  return origin.source ?? (typeof payload.source === "string" ? payload.source : undefined);
}

export function fieldChanges(kind: RecordKind, p: RecordPayload): FieldChange[] {
  const fields = kind === "updated" ? p.changes : p.changes.filter((f) => !BOOKKEEPING.has(f));
  const out: FieldChange[] = [];
  for (const field of fields) {
    if (NEVER_RECORDED.test(field)) continue;
    const before = p.before ? (p.before[field] ?? null) : null;
    const after = p.after ? (p.after[field] ?? null) : null;
    out.push({ field, before, after });
  }
  return out;
}
