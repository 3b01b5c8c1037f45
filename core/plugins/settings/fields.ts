// A plugin's settings fields as plain data. The browser needs the declarative part of each field
// (type, default, limits, options, dependsOn) to render and validate the settings form; functions
// (validate, onChange) and a JSON field's nested zod schema cannot cross the server/client boundary,
// so they are stripped here and only ever run on the server. Pure: no server imports.
import { utcToZonedLocal } from "@/core/time/zoned";
import { parseDecimal } from "./decimal";
import type { SettingField, SettingsSchema } from "./schema";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What validation needs of a field. On the server a JSON field still carries its nested `schema`. */
export type SettingFieldRules = DistributiveOmit<SettingField, "validate" | "onChange">;

/** One field as the browser receives it (serializable, in declaration order). */
export type SettingFieldSpec = DistributiveOmit<SettingField, "validate" | "onChange" | "schema"> & { key: string };

/** Ask to remove a stored secret (an empty string means "keep the current value"). */
export type SecretClear = { clear: true };
export const SECRET_CLEAR: SecretClear = { clear: true };

export function isSecretClear(value: unknown): value is SecretClear {
  return typeof value === "object" && value !== null && (value as { clear?: unknown }).clear === true;
}

/**
 * The settings form's value of one field: booleans for checkboxes, text for everything typed
 * (numbers, decimals, JSON, dates, datetime-local), and for secrets "" (keep), a new value, or
 * SECRET_CLEAR. Server actions receive exactly this shape and validate it again.
 */
export type SettingFormValue = boolean | string | SecretClear;
export type SettingsFormValues = Record<string, SettingFormValue>;

/** Public values of a plugin's settings: secrets appear only as whether they are set. */
export type SecretStatus = { set: boolean };
export type PublicSettingsValues = Record<string, unknown>;

// Keys become form field names and react-hook-form reads "." and "[" as paths.
const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

const checked = new WeakSet<object>();

/**
 * Throws on a malformed settings declaration (a plugin author's mistake, not a user's): bad keys,
 * dependsOn pointing at nothing, at a secret or in a cycle, empty choices, invalid limits or patterns.
 */
export function assertValidFields(fields: Record<string, SettingFieldRules>): void {
  if (checked.has(fields)) return;
  for (const [key, field] of Object.entries(fields)) {
    const fail = (msg: string): never => {
      throw new Error(`Setting "${key}": ${msg}`);
    };
    if (!KEY.test(key)) fail("keys must start with a letter and contain only letters, digits and underscores");
    if (field.dependsOn) {
      const target = fields[field.dependsOn.key];
      if (!target) fail(`dependsOn refers to "${field.dependsOn.key}", which is not a setting of this plugin`);
      if (target!.type === "secret") fail(`dependsOn cannot refer to the secret "${field.dependsOn.key}" (its value never leaves the server)`);
    }
    switch (field.type) {
      case "integer":
        for (const [name, v] of [["min", field.min], ["max", field.max]] as const) if (v !== undefined && !Number.isSafeInteger(v)) fail(`${name} must be a whole number`);
        if (field.min !== undefined && field.max !== undefined && field.min > field.max) fail("min is greater than max");
        break;
      case "decimal":
        for (const [name, v] of [["min", field.min], ["max", field.max], ["default", field.default]] as const) if (v !== undefined && !parseDecimal(v)) fail(`${name} "${v}" is not a decimal number`);
        if (field.scale !== undefined && (!Number.isInteger(field.scale) || field.scale < 0 || field.scale > 20)) fail("scale must be a whole number from 0 to 20");
        break;
      case "text":
        if (field.pattern) {
          try {
            new RegExp(field.pattern.regex);
          } catch (err) {
            fail(`pattern is not a valid regular expression: ${(err as Error).message}`);
          }
        }
        break;
      case "choice":
        if (field.options.length === 0) fail("a choice needs at least one option");
        if (!field.options.some((o) => o.value === field.default)) fail(`default "${field.default}" is not one of the options`);
        break;
    }
  }
  // dependsOn cycles would hide every field of the cycle forever.
  for (const start of Object.keys(fields)) {
    const seen = new Set<string>();
    for (let key: string | undefined = start; key; key = fields[key]?.dependsOn?.key) {
      if (seen.has(key)) throw new Error(`Setting "${start}": dependsOn forms a cycle (${[...seen, key].join(" -> ")})`);
      seen.add(key);
    }
  }
  checked.add(fields);
}

/** The serializable description the settings page sends to the browser. */
export function describeSettingsFields(schema: SettingsSchema | undefined): SettingFieldSpec[] {
  const fields = schema?.fields ?? {};
  assertValidFields(fields);
  return Object.entries(fields).map(([key, field]) => {
    // A JSON field's nested zod schema is not serializable: it is checked on the server only.
    const { validate: _validate, onChange: _onChange, schema: _schema, ...rest } = field as SettingField & { schema?: unknown };
    return { key, ...rest } as SettingFieldSpec;
  });
}

export function fieldsByKey(specs: SettingFieldSpec[]): Record<string, SettingFieldRules> {
  return Object.fromEntries(specs.map(({ key, ...field }) => [key, field as SettingFieldRules]));
}

/** Equality of two JSON values, ignoring object key order (what a JSONB column does too). */
export function sameSettingValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "undefined";
}

/** Default value of a field as stored (secrets: none). */
export function fieldDefault(field: SettingFieldRules): unknown {
  return field.type === "secret" ? null : field.default;
}

/**
 * Public values -> the form's initial values. Datetimes are shown on the organization's wall clock
 * (datetime-local has no time zone); secrets always start empty, i.e. "keep".
 */
export function toFormValues(specs: SettingFieldSpec[], values: PublicSettingsValues, timeZone: string): SettingsFormValues {
  const out: SettingsFormValues = {};
  for (const spec of specs) {
    const v = values[spec.key];
    switch (spec.type) {
      case "boolean":
        out[spec.key] = v === true;
        break;
      case "integer":
      case "decimal":
      case "text":
      case "choice":
        out[spec.key] = v === null || v === undefined ? "" : String(v);
        break;
      case "json":
        out[spec.key] = JSON.stringify(v ?? null, null, 2);
        break;
      case "date":
        out[spec.key] = typeof v === "string" ? v : "";
        break;
      case "datetime":
        out[spec.key] = typeof v === "string" && !Number.isNaN(Date.parse(v)) ? utcToZonedLocal(v, timeZone) : "";
        break;
      case "secret":
        out[spec.key] = "";
        break;
    }
  }
  return out;
}
