// The settings contract of a plugin: typed fields with defaults, labels, help, categories, dependent
// fields, field and cross-field validation (organization available), change handlers, and versioned
// migrations of stored values. Storage, encryption and the generated settings page build on this.
import type { z } from "zod";
import type { TxClient } from "@/core/db/tx";
import type { PluginOrganization } from "@/core/plugins/types";

type Common<V> = {
  label: string;
  help?: string;
  /** Groups fields under a heading on the settings page. */
  category?: string;
  /** Show and validate this field only while another setting has the given value. */
  dependsOn?: { key: string; equals: unknown };
  /** Extra check with the organization at hand; return an error message or null. */
  validate?: (value: V, org: PluginOrganization) => string | null | Promise<string | null>;
  /**
   * Runs when the stored value changes. Write through `tx` (the saving transaction): throwing rolls
   * back the whole save including those writes; writes through another client would survive it.
   */
  onChange?: (change: { old: V; new: V; organization: PluginOrganization; tx: TxClient }) => void | Promise<void>;
};

export type SettingField =
  | ({ type: "boolean"; default: boolean } & Common<boolean>)
  | ({ type: "integer"; default: number; min?: number; max?: number } & Common<number>)
  | ({ type: "decimal"; default: string; min?: string; max?: string; scale?: number } & Common<string>)
  | ({ type: "text"; default: string; maxLength?: number; format?: "email" | "url"; pattern?: { regex: string; message: string }; multiline?: boolean } & Common<string>)
  | ({ type: "choice"; default: string; options: { value: string; label: string }[] } & Common<string>)
  | ({ type: "json"; default: unknown; schema?: z.ZodType } & Common<unknown>)
  | ({ type: "date"; default: string | null } & Common<string | null>)
  | ({ type: "datetime"; default: string | null } & Common<string | null>)
  | ({ type: "secret" } & Common<string | null>);

export type SettingsStore = {
  has: (key: string) => Promise<boolean>;
  get: (key: string) => Promise<unknown>;
  set: (key: string, value: unknown) => Promise<void>;
  delete: (key: string) => Promise<void>;
};

export type SettingsMigration = {
  from: string;
  to: string;
  /** Rewrites stored values (including keys no longer in `fields`). Runs once per organization. */
  up: (store: SettingsStore, org: PluginOrganization) => Promise<void>;
};

export type CrossFieldIssue = { key: string; message: string };

export type SettingsSchema = {
  fields: Record<string, SettingField>;
  /** Cross-field validation over the complete new values. */
  validate?: (values: Record<string, unknown>, org: PluginOrganization) => CrossFieldIssue[] | Promise<CrossFieldIssue[]>;
  migrations?: SettingsMigration[];
};

export function defineSettings<const S extends SettingsSchema>(schema: S): S {
  return schema;
}

/** What a field reads as: the type its values are stored and validated as (a secret is decrypted). */
export type SettingValue<F extends SettingField> = F extends { type: "boolean" }
  ? boolean
  : F extends { type: "integer" }
    ? number
    : F extends { type: "date" | "datetime" | "secret" }
      ? string | null
      : F extends { type: "json"; schema: z.ZodType<infer T> }
        ? T
        : F extends { type: "json" }
          ? unknown
          : string;

/** Every field of a schema with the type it reads as: `SettingsValuesOf<typeof inventorySettings>`. */
export type SettingsValuesOf<S extends SettingsSchema> = { [K in keyof S["fields"] & string]: SettingValue<S["fields"][K]> };

/** Reads typed by the plugin's own schema: a key it does not declare, or the wrong type, fails tsc. */
export type TypedSettingsAccess<S extends SettingsSchema> = {
  get: <K extends keyof S["fields"] & string>(key: K) => Promise<SettingValue<S["fields"][K]>>;
};

/**
 * Typed reads over a SettingsAccess (the `settings` an event handler, hook or job gets, or
 * settingsAccess(pluginId, organizationId, tx)): `typedSettings(inventorySettings, settings)
 * .get("lowStockThreshold")` is a Promise<number>, with no type argument to get wrong.
 */
export function typedSettings<S extends SettingsSchema>(_schema: S, access: { get: (key: string) => Promise<unknown> }): TypedSettingsAccess<S> {
  return { get: (key) => access.get(key) as never };
}
