// What a handler hands to the chain writer: one entry per audited change, without seq, time or hash
// (appendEntries assigns those under the organization's head lock).
export const AUDIT_ACTIONS = ["created", "updated", "deleted", "bulk_updated", "imported", "plugin_enabled", "plugin_disabled", "settings_changed", "login", "permissions_changed", "token_created", "token_revoked"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One field's change. `redacted` says why a value is not shown: "masked" (a patient or appointment
 * field listed in the maskedPatientFields / maskedAppointmentFields setting: the values are "•••") or "secret" (a secret setting: no value at all).
 */
export type FieldChange = { field: string; before: unknown; after: unknown; redacted?: "masked" | "secret" };

export type AuditActor = { type: string; id: string | null; label: string; userId: string | null };

/**
 * Labels of a patient for each masking of its name and record number, so the writer can pick the one
 * that shows no masked field (the mask is read in the appending statement, see chain/append.ts).
 */
export type MaskedLabels = { plain: string; noName: string; noMrn: string; none: string };

export type NewEntry = {
  actor: AuditActor;
  action: AuditAction;
  target: { type: string; id: string | null; label: string | null };
  changes: FieldChange[];
  origin: { source?: string; requestId?: string; ip?: string; importId?: string };
  eventId: string | null;
  /**
   * A masked record's entry: for a patient the maskedPatientFields setting applies to its changes and
   * label, for an appointment maskedAppointmentFields to its changes (and its label when startsAt or provider is masked).
   */
  mask?: { kind: "patient"; labels: MaskedLabels } | { kind: "appointment" };
};
