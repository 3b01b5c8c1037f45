// Appending entries to an organization's chain, inside the transaction of the change they record, with
// ONE statement per chunk of CHUNK_SIZE entries — a single audited write costs one statement, a
// 100,000-row bulk write 20 — calling audit_append (the plugin's migration), which:
//
//   - locks the organization's head row FOR UPDATE until the transaction ends (last seq and hash);
//   - reads the maskedPatientFields and maskedAppointmentFields settings, so patient and appointment
//     entries get "•••" for masked fields (patients also a label without them) BEFORE anything is
//     stored or hashed (migration 20261201150000_audit_mask_appointments);
//   - gives each entry seq = previous + 1, the database clock read under the lock, prevHash, and
//     hash = audit_entry_hash(prevHash, entry) — the one definition the verifier uses too;
//   - inserts the chunk with one multi-row INSERT and moves the head.
//
// Atomicity: the entries commit or roll back with the change; any error here throws out of the
// in-transaction handler, so the change itself is aborted — no change goes unaudited.
// Serialization: the head row lock means the audited writes of ONE organization commit one after
// another from the moment they append until they commit (other organizations are unaffected).
import type { TxClient } from "@/core/db/tx";
import { auditSettings } from "../settings";
import type { NewEntry } from "./types";

export const CHUNK_SIZE = 5_000;

/** Statements that inserted into audit_entries in this process (bench and tests observe batching). */
export const appendStats = { insertStatements: 0, entries: 0 };

/** The settings' defaults, for an organization that has not saved them (audit_append's default_masked). */
const DEFAULT_MASKED = JSON.stringify({
  maskedPatientFields: auditSettings.fields.maskedPatientFields.default,
  maskedAppointmentFields: auditSettings.fields.maskedAppointmentFields.default,
});

type EntryJson = Record<string, unknown>;

function entryJson(e: NewEntry): EntryJson {
  return {
    actorType: e.actor.type,
    actorId: e.actor.id,
    actorLabel: e.actor.label,
    actorUserId: e.actor.userId,
    action: e.action,
    targetType: e.target.type,
    targetId: e.target.id,
    targetLabel: e.target.label,
    changes: e.changes,
    source: e.origin.source ?? null,
    requestId: e.origin.requestId ?? null,
    ip: e.origin.ip ?? null,
    importId: e.origin.importId ?? null,
    eventId: e.eventId,
    ...(e.mask ? { mask: e.mask } : {}),
  };
}

/** Creates the organization's head (seq 0) if it has none (also done by audit_append on first use). */
export async function ensureChainHead(tx: TxClient, organizationId: string): Promise<void> {
  await tx.$executeRawUnsafe(`INSERT INTO audit_chain_heads ("organizationId", seq, hash, "updatedAt") VALUES ($1::uuid, 0, '', now()) ON CONFLICT ("organizationId") DO NOTHING`, organizationId);
}

export async function appendEntries(tx: TxClient, organizationId: string, entries: NewEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK_SIZE) {
    const chunk = entries.slice(i, i + CHUNK_SIZE);
    appendStats.insertStatements += 1;
    appendStats.entries += chunk.length;
    await tx.$queryRawUnsafe(`SELECT audit_append($1::uuid, $2::jsonb, $3::jsonb)::text AS seq`, organizationId, JSON.stringify(chunk.map(entryJson)), DEFAULT_MASKED);
  }
}
