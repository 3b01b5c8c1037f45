// The events core emits, exported for plugins:
//
//   core.patient.created | core.patient.updated | core.patient.deleted
//   core.appointment.created | core.appointment.updated | core.appointment.deleted
//   core.plugin.enabled | core.plugin.disabled     (core/plugins/lifecycle.ts, in the transition)
//   core.settings.changed                          (core/plugins/settings/store.ts, in the save)
//   core.auth.login                                (core/auth/options.ts, on a successful sign-in)
//   core.permissions.changed                       (core/plugins/member-grants.ts, in the grant change)
//   core.api_token.created | core.api_token.revoked (core/api-tokens/tokens.ts, in the write)
//   core.organization.updated                      (core/organization/settings.ts, in the save)
//
// Record events (patients, appointments):
// Payload: { organizationId, id, before, after, changes }
//   before   the record before the change (null on created)
//   after    the record after the change (null on deleted)
//   changes  on updated: the fields whose value changed (updatedAt, which changes on every write,
//            is not listed; an update that changed nothing else has changes = []).
//            On created and deleted: every field of the record.
// The acting user is not in the payload: it is the `actor` of the handler's context (and of the outbox
// row). Bulk writes emit the same events, one per affected record (emitMany). Values are JSON (dates
// as ISO strings: dateOfBirth "1980-12-10", timestamps "2030-01-01T09:00:00.000Z") so durable
// handlers receive exactly what in-transaction handlers saw.
import { z } from "zod";
import { defineEvent } from "./define-event";

const uuid = z.uuid();
const instant = z.iso.datetime();

export const patientRecordSchema = z.object({
  id: uuid,
  organizationId: uuid,
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.iso.date(),
  medicalRecordNumber: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type PatientRecord = z.output<typeof patientRecordSchema>;

export const appointmentRecordSchema = z.object({
  id: uuid,
  organizationId: uuid,
  patientId: uuid,
  startsAt: instant,
  endsAt: instant,
  provider: z.string(),
  status: z.enum(["scheduled", "completed", "cancelled"]),
  notes: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type AppointmentRecord = z.output<typeof appointmentRecordSchema>;

function recordEvents<const M extends string, R extends z.ZodObject>(model: M, record: R) {
  type Field = Extract<keyof R["shape"], string>;
  const field = z.enum(Object.keys(record.shape) as [Field, ...Field[]]);
  const common = { organizationId: uuid, id: uuid, changes: z.array(field) };
  return {
    created: defineEvent(`core.${model}.created`, z.object({ ...common, before: z.null(), after: record })),
    updated: defineEvent(`core.${model}.updated`, z.object({ ...common, before: record, after: record })),
    deleted: defineEvent(`core.${model}.deleted`, z.object({ ...common, before: record, after: z.null() })),
  };
}

const patient = recordEvents("patient", patientRecordSchema);
const appointment = recordEvents("appointment", appointmentRecordSchema);

export const patientCreated = patient.created;
export const patientUpdated = patient.updated;
export const patientDeleted = patient.deleted;
export const appointmentCreated = appointment.created;
export const appointmentUpdated = appointment.updated;
export const appointmentDeleted = appointment.deleted;

// ---------- organization-level events ----------

/**
 * A plugin was enabled / disabled for the organization. Emitted inside the transition's transaction
 * (nothing is emitted for a refused or failed transition). `enabled` is emitted once the plugin is
 * enabled, `disabled` just before it is marked disabled, so the plugin itself sees both (an audit
 * log records its own enabling and disabling).
 */
const pluginTransition = z.object({
  organizationId: uuid,
  pluginId: z.string(),
  name: z.string(),
  version: z.string(),
  /** Why it was disabled: required for a protected plugin (core/plugins/protected.ts). */
  reason: z.string().max(500).optional(),
});
export const pluginEnabled = defineEvent("core.plugin.enabled", pluginTransition);
export const pluginDisabled = defineEvent("core.plugin.disabled", pluginTransition);

/**
 * A plugin's settings were saved with at least one changed key. `before`/`after` hold the old and new
 * values of the changed NON-secret keys only; changed secret keys are listed in `secrets` without any
 * value (neither plaintext nor ciphertext ever leaves the settings store).
 */
export const settingsChanged = defineEvent(
  "core.settings.changed",
  z.object({
    organizationId: uuid,
    pluginId: z.string(),
    changed: z.array(z.string()),
    secrets: z.array(z.string()),
    before: z.record(z.string(), z.unknown()),
    after: z.record(z.string(), z.unknown()),
  }),
);

/** A user signed in (password verified); organizationId is the organization the session starts in. */
export const authLogin = defineEvent("core.auth.login", z.object({ organizationId: uuid, userId: uuid, email: z.string() }));

/**
 * A member's plugin grants were replaced (core/plugins/member-grants.ts), emitted in that transaction
 * only when something changed. `granted`/`revoked` are the direct permissions added/removed,
 * `groupsAdded`/`groupsRemoved` the groups; `permissions`/`groups` what the member now has of the
 * plugin. The acting user is the handler context's actor.
 */
export const permissionsChanged = defineEvent(
  "core.permissions.changed",
  z.object({
    organizationId: uuid,
    memberUserId: uuid,
    memberEmail: z.string(),
    pluginId: z.string(),
    granted: z.array(z.string()),
    revoked: z.array(z.string()),
    groupsAdded: z.array(z.string()),
    groupsRemoved: z.array(z.string()),
    permissions: z.array(z.string()),
    groups: z.array(z.string()),
  }),
);

/**
 * An API token was created / revoked (core/api-tokens/tokens.ts), in the transaction of the write.
 * Never the token or its hash: only its id, name, display prefix and owner (userId).
 */
const apiTokenPayload = z.object({ organizationId: uuid, tokenId: uuid, name: z.string(), prefix: z.string(), userId: uuid, expiresAt: instant.nullable() });
export const apiTokenCreated = defineEvent("core.api_token.created", apiTokenPayload);
export const apiTokenRevoked = defineEvent("core.api_token.revoked", apiTokenPayload);

/**
 * The organization's own settings were saved with at least one changed field (core/organization/
 * settings.ts): its name, time zone, currency or locale. `before`/`after` hold the changed fields only.
 */
const organizationFields = z.object({ name: z.string(), timezone: z.string(), currency: z.string(), locale: z.string() }).partial();
export const organizationUpdated = defineEvent(
  "core.organization.updated",
  z.object({ organizationId: uuid, changed: z.array(z.enum(["name", "timezone", "currency", "locale"])), before: organizationFields, after: organizationFields }),
);

/** Every core event by name. */
export const coreEvents = {
  [patientCreated.name]: patientCreated,
  [patientUpdated.name]: patientUpdated,
  [patientDeleted.name]: patientDeleted,
  [appointmentCreated.name]: appointmentCreated,
  [appointmentUpdated.name]: appointmentUpdated,
  [appointmentDeleted.name]: appointmentDeleted,
  [pluginEnabled.name]: pluginEnabled,
  [pluginDisabled.name]: pluginDisabled,
  [settingsChanged.name]: settingsChanged,
  [authLogin.name]: authLogin,
  [permissionsChanged.name]: permissionsChanged,
  [organizationUpdated.name]: organizationUpdated,
  [apiTokenCreated.name]: apiTokenCreated,
  [apiTokenRevoked.name]: apiTokenRevoked,
} as const;
