// Per-organization plugin settings in the database (plugin_settings, one row per stored key):
// reading effective values (stored, else the default), validating and saving a change in the
// caller's transaction, and the raw store that settings migrations work on. Secrets are encrypted
// at rest (crypto.ts); the public variant only says whether each secret is set.
import "server-only";
import { Prisma, rootDb, type RootDb } from "@/core/db/client";
import type { TxClient } from "@/core/db/tx";
import { settingsChanged } from "@/core/events/core-events";
import { emit } from "@/core/events/emit";
import { log } from "@/core/log";
import { getPlugin } from "@/core/plugins/registry";
import type { Actor, EventOrigin, PluginManifest, PluginOrganization, SettingsAccess, SettingsValues } from "@/core/plugins/types";
import { decryptSecret, encryptSecret, isEncryptedSecret, secretContext, SecretDecryptionError, SecretsKeyError } from "./crypto";
import { parseDecimal } from "./decimal";
import { fieldDefault, sameSettingValue, type PublicSettingsValues, type SecretStatus } from "./fields";
import type { SettingField, SettingsStore } from "./schema";
import { resolveSettingsInput } from "./zod";

export type SettingsDb = TxClient | RootDb;

type Rows = Map<string, unknown>;

/**
 * Serialises settings writes of one plugin in one organization with each other and with its
 * lifecycle transitions (enable, upgrade with migrations): the same advisory lock key as
 * core/plugins/lifecycle.ts. Re-entrant within a transaction, so migrations may take it again.
 */
export async function lockPluginSettings(tx: TxClient, organizationId: string, pluginId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`plugin:${organizationId}:${pluginId}`}, 0))`;
}

async function readRows(db: SettingsDb, organizationId: string, pluginId: string): Promise<Rows> {
  const rows = await db.pluginSetting.findMany({ where: { organizationId, pluginId }, select: { key: true, value: true } });
  return new Map(rows.map((r) => [r.key, r.value]));
}

function fieldsOf(manifest: PluginManifest): Record<string, SettingField> {
  return manifest.settings?.fields ?? {};
}

/** Whether a stored value still has its field's type (a plugin may change a field without a migration). */
function storedValueFits(field: SettingField, v: unknown): boolean {
  switch (field.type) {
    case "boolean":
      return typeof v === "boolean";
    case "integer":
      return Number.isSafeInteger(v);
    case "decimal":
      return typeof v === "string" && parseDecimal(v) !== null;
    case "text":
      return typeof v === "string";
    case "choice":
      return typeof v === "string" && field.options.some((o) => o.value === v);
    case "json":
      return v !== undefined;
    case "date":
    case "datetime":
      return v === null || (typeof v === "string" && !Number.isNaN(Date.parse(v)));
    case "secret":
      return isEncryptedSecret(v);
  }
}

/** The stored value when there is a usable one, else the field's default. Never decrypts. */
function effectiveStored(manifest: PluginManifest, organizationId: string, key: string, field: SettingField, rows: Rows): unknown {
  if (!rows.has(key)) return fieldDefault(field);
  const v = rows.get(key);
  if (storedValueFits(field, v)) return v;
  log.warn("plugin.settings.unusable_value", { pluginId: manifest.id, organizationId, key, type: field.type });
  return fieldDefault(field);
}

/** Every field's value, with secrets as { set } only. */
function publicValues(manifest: PluginManifest, organizationId: string, rows: Rows): PublicSettingsValues {
  const out: PublicSettingsValues = {};
  for (const [key, field] of Object.entries(fieldsOf(manifest))) {
    const v = effectiveStored(manifest, organizationId, key, field, rows);
    out[key] = field.type === "secret" ? ({ set: v !== null } satisfies SecretStatus) : v;
  }
  return out;
}

function decryptField(manifest: PluginManifest, organizationId: string, key: string, stored: unknown): string {
  try {
    return decryptSecret(stored, secretContext(organizationId, manifest.id, key));
  } catch (err) {
    if (err instanceof SecretDecryptionError) throw new SecretDecryptionError(`Setting "${key}" of plugin "${manifest.id}": ${err.message}`);
    throw err;
  }
}

/** Every field's value for server-side plugin code: secrets decrypted (null when not set). */
function serverValues(manifest: PluginManifest, organizationId: string, rows: Rows): SettingsValues {
  const out: SettingsValues = {};
  for (const [key, field] of Object.entries(fieldsOf(manifest))) {
    const v = effectiveStored(manifest, organizationId, key, field, rows);
    out[key] = field.type === "secret" && v !== null ? decryptField(manifest, organizationId, key, v) : v;
  }
  return out;
}

/** Public settings of a plugin for an organization (safe to send to the browser). */
export async function getPublicSettings(db: SettingsDb, manifest: PluginManifest, organizationId: string): Promise<PublicSettingsValues> {
  return publicValues(manifest, organizationId, await readRows(db, organizationId, manifest.id));
}

/** Same as getPublicSettings, by plugin id. Throws for a plugin that is not installed. */
export async function getSettings(db: SettingsDb, pluginId: string, organizationId: string): Promise<PublicSettingsValues> {
  return getPublicSettings(db, await requirePlugin(pluginId), organizationId);
}

async function requirePlugin(pluginId: string): Promise<PluginManifest> {
  const manifest = await getPlugin(pluginId);
  if (!manifest) throw new Error(`Unknown plugin "${pluginId}": no such folder under plugins/ (or the plugin registry is stale).`);
  return manifest;
}

/**
 * Settings as plugin code reads them (LifecycleContext, event handlers): effective values with
 * secrets decrypted. Server-side only; every call reads the database (pass the transaction to see
 * its uncommitted changes).
 */
export function settingsAccess(pluginId: string, organizationId: string, db: SettingsDb = rootDb()): SettingsAccess {
  return {
    get: async <T = unknown>(key: string): Promise<T> => {
      const manifest = await requirePlugin(pluginId);
      const field = fieldsOf(manifest)[key];
      if (!field) throw new Error(`Plugin "${pluginId}" has no setting "${key}" (it has: ${Object.keys(fieldsOf(manifest)).join(", ") || "none"}).`);
      const row = await db.pluginSetting.findUnique({
        where: { organizationId_pluginId_key: { organizationId, pluginId, key } },
        select: { value: true },
      });
      const rows: Rows = row ? new Map([[key, row.value]]) : new Map();
      const v = effectiveStored(manifest, organizationId, key, field, rows);
      return (field.type === "secret" && v !== null ? decryptField(manifest, organizationId, key, v) : v) as T;
    },
    all: async () => serverValues(await requirePlugin(pluginId), organizationId, await readRows(db, organizationId, pluginId)),
  };
}

// ---------- saving ----------

export type SaveSettingsArgs = {
  manifest: PluginManifest;
  org: PluginOrganization;
  /** The settings form's values (see SettingsFormValues); keys left out keep their stored value. */
  input: Record<string, unknown>;
  actorUserId: string | null;
  /** Who saves, for core.settings.changed; default: the user of actorUserId, else the system. */
  actor?: Actor;
  origin?: EventOrigin;
};

export type SaveSettingsResult = { ok: true; changed: string[] } | { ok: false; error: string; fieldErrors: Record<string, string> };

type Change = { key: string; field: SettingField; old: unknown; next: unknown };

const SAVEPOINT = "plugin_settings_save";

function refused(fieldErrors: Record<string, string>): SaveSettingsResult {
  const keys = Object.keys(fieldErrors);
  const error = keys.length === 1 && keys[0] === "_form" ? fieldErrors._form! : "Please correct the highlighted fields.";
  return { ok: false, error, fieldErrors };
}

/**
 * Validates `input` (the field rules of settingsZodSchema, then each field's `validate`, then the
 * schema's cross-field `validate`, all with the organization at hand) and, when everything passes, writes
 * the changed keys and runs their `onChange` handlers inside `tx` (which must be a transaction).
 * Writes nothing on any error: a throwing onChange rolls back every write of this save, including
 * the handlers' own, and its message is reported on the field.
 */
export async function saveSettings(tx: TxClient, { manifest, org, input, actorUserId, actor, origin }: SaveSettingsArgs): Promise<SaveSettingsResult> {
  try {
    const who: Actor = actor ?? (actorUserId ? { type: "user", id: actorUserId } : { type: "system" });
    return await validateAndSave(tx, manifest, org, input, actorUserId, { actor: who, origin });
  } catch (err) {
    // A missing or wrong RITIKO_SECRETS_KEY is a configuration problem the admin must hear about.
    if (err instanceof SecretsKeyError) return { ok: false, error: err.message, fieldErrors: {} };
    throw err;
  }
}

async function validateAndSave(
  tx: TxClient,
  manifest: PluginManifest,
  org: PluginOrganization,
  input: Record<string, unknown>,
  actorUserId: string | null,
  who: { actor: Actor; origin?: EventOrigin },
): Promise<SaveSettingsResult> {
  const schema = manifest.settings;
  const fields = fieldsOf(manifest);
  await lockPluginSettings(tx, org.id, manifest.id);
  const rows = await readRows(tx, org.id, manifest.id);
  const current = publicValues(manifest, org.id, rows);

  if (typeof input !== "object" || input === null || Array.isArray(input)) return refused({ _form: "The settings form sent no values." });
  // The work behind settingsZodSchema (the browser's resolver), but keeping the valid fields' values
  // when others fail: their own validate functions still run, so every error is reported at once.
  const { update, errors } = resolveSettingsInput(fields, input, { current, timeZone: org.timezone });

  // Old plaintext of a secret, for change detection and onChange. One that no longer decrypts (the
  // key was replaced) counts as unknown, so the admin can still overwrite or clear it.
  const secrets = new Map<string, string | null | undefined>();
  const oldSecret = (key: string): string | null | undefined => {
    if (secrets.has(key)) return secrets.get(key);
    const stored = effectiveStored(manifest, org.id, key, fields[key]!, rows);
    let plain: string | null | undefined = null;
    if (stored !== null) {
      try {
        plain = decryptField(manifest, org.id, key, stored);
      } catch (err) {
        if (!(err instanceof SecretDecryptionError)) throw err;
        log.warn("plugin.settings.undecryptable_secret", { pluginId: manifest.id, organizationId: org.id, key });
        plain = undefined;
      }
    }
    secrets.set(key, plain);
    return plain;
  };

  const fieldErrors: Record<string, string> = { ...errors };
  const changes: Change[] = [];
  for (const [key, field] of Object.entries(fields)) {
    if (!(key in update)) continue;
    const next = update[key];
    const validate = field.validate as ((v: unknown, o: PluginOrganization) => string | null | Promise<string | null>) | undefined;
    const message = await validate?.(next, org);
    if (message) fieldErrors[key] = message;
    const old = field.type === "secret" ? oldSecret(key) : current[key];
    if (old === undefined || !sameSettingValue(old, next)) changes.push({ key, field, old: old ?? null, next });
  }

  // Cross-field rules see complete, individually valid values only.
  if (schema?.validate && Object.keys(fieldErrors).length === 0) {
    const values: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(fields)) {
      values[key] = key in update ? update[key] : field.type === "secret" ? (oldSecret(key) ?? null) : current[key];
    }
    for (const issue of await schema.validate(values, org)) {
      const key = issue.key in fields ? issue.key : "_form";
      fieldErrors[key] ??= issue.message;
    }
  }
  if (Object.keys(fieldErrors).length) return refused(fieldErrors);
  if (changes.length === 0) return { ok: true, changed: [] };

  // Encrypt before writing: a key problem then fails before any row is touched.
  const writes = changes.map((c) => ({
    ...c,
    stored: c.field.type === "secret" && c.next !== null ? encryptSecret(c.next as string, secretContext(org.id, manifest.id, c.key)) : c.next,
  }));

  // A savepoint makes "nothing written" hold even though the caller's transaction goes on (and may
  // commit other work): a failing onChange rolls back to here, undoing our writes and its own.
  await tx.$executeRawUnsafe(`SAVEPOINT ${SAVEPOINT}`);
  try {
    for (const w of writes) {
      if (w.field.type === "secret" && w.stored === null) await deleteRow(tx, org.id, manifest.id, w.key);
      else await upsertRow(tx, org.id, manifest.id, w.key, w.stored, actorUserId);
    }
  } catch (err) {
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    throw err;
  }
  for (const c of changes) {
    const onChange = c.field.onChange as ((change: { old: unknown; new: unknown; organization: PluginOrganization; tx: TxClient }) => void | Promise<void>) | undefined;
    if (!onChange) continue;
    try {
      await onChange({ old: c.old, new: c.next, organization: org, tx });
    } catch (err) {
      await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
      const message = err instanceof Error ? err.message : String(err);
      log.warn("plugin.settings.on_change_failed", { pluginId: manifest.id, organizationId: org.id, key: c.key, err });
      const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
      return { ok: false, error: `${c.field.label}: ${sentence} Nothing was saved.`, fieldErrors: { [c.key]: message } };
    }
  }
  await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${SAVEPOINT}`);
  const changed = changes.map((c) => c.key);
  // In the saving transaction (an in-transaction handler that throws aborts the save). Secret fields
  // are named in `secrets` only: no value of theirs, old or new, plain or encrypted, is in the event.
  const plain = changes.filter((c) => c.field.type !== "secret");
  await emit(tx, { organization: org, actor: who.actor, origin: who.origin }, settingsChanged, {
    organizationId: org.id,
    pluginId: manifest.id,
    changed,
    secrets: changes.filter((c) => c.field.type === "secret").map((c) => c.key),
    before: Object.fromEntries(plain.map((c) => [c.key, c.old ?? null])),
    after: Object.fromEntries(plain.map((c) => [c.key, c.next ?? null])),
  });
  // Keys only: values may be personal data or secrets.
  log.info("plugin.settings.saved", { pluginId: manifest.id, organizationId: org.id, actorUserId, changed });
  return { ok: true, changed };
}

function jsonInput(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
}

async function upsertRow(tx: TxClient, organizationId: string, pluginId: string, key: string, value: unknown, updatedById: string | null) {
  await tx.pluginSetting.upsert({
    where: { organizationId_pluginId_key: { organizationId, pluginId, key } },
    create: { organizationId, pluginId, key, value: jsonInput(value), updatedById },
    update: { value: jsonInput(value), updatedById },
  });
}

async function deleteRow(tx: TxClient, organizationId: string, pluginId: string, key: string) {
  await tx.pluginSetting.deleteMany({ where: { organizationId, pluginId, key } });
}

// ---------- the store settings migrations work on ----------

/**
 * Raw stored values of one plugin in one organization, including keys no longer in the schema, for
 * settings migrations. `get` returns undefined for a key with no row (defaults are not applied).
 * Secrets stay secret: an encrypted value is returned decrypted and a string set on a secret field
 * is encrypted, so a migration never handles (or accidentally stores) ciphertext or plaintext.
 */
export function dbSettingsStore(tx: TxClient, manifest: PluginManifest, organizationId: string): SettingsStore {
  const fields = fieldsOf(manifest);
  const where = (key: string) => ({ organizationId_pluginId_key: { organizationId, pluginId: manifest.id, key } });
  return {
    has: async (key) => (await tx.pluginSetting.count({ where: { organizationId, pluginId: manifest.id, key } })) > 0,
    get: async (key) => {
      const row = await tx.pluginSetting.findUnique({ where: where(key), select: { value: true } });
      if (!row) return undefined;
      const isSecretField = fields[key]?.type === "secret";
      // A key that left the schema may have been a secret: its envelope says so.
      if (isEncryptedSecret(row.value) && (isSecretField || !fields[key])) return decryptField(manifest, organizationId, key, row.value);
      return row.value;
    },
    set: async (key, value) => {
      if (value === undefined) throw new TypeError(`Settings migration of "${manifest.id}": cannot set "${key}" to undefined (use delete).`);
      if (fields[key]?.type === "secret") {
        if (value === null) return deleteRow(tx, organizationId, manifest.id, key);
        if (typeof value !== "string") throw new TypeError(`Settings migration of "${manifest.id}": the secret "${key}" takes a string (or null to remove it).`);
        return upsertRow(tx, organizationId, manifest.id, key, encryptSecret(value, secretContext(organizationId, manifest.id, key)), null);
      }
      await upsertRow(tx, organizationId, manifest.id, key, value, null);
    },
    delete: (key) => deleteRow(tx, organizationId, manifest.id, key),
  };
}
