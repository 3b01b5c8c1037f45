// The zod schema of a plugin's settings form, built from its fields. The browser (react-hook-form's
// zodResolver) and the server (saveSettings) use the same builder, so a value the form accepts is a
// value the server accepts. Pure: no server imports.
//
// Input: the form's values (see SettingsFormValues); keys may be left out (= keep the stored value).
// Output: the new values of the submitted fields that are active, ready to store. Secrets come out
// as the new plaintext or null (clear); an empty secret ("keep") is left out.
import { z } from "zod";
import { assertValidFields, fieldDefault, sameSettingValue, type SettingFieldRules } from "./fields";
import { parseFieldInput, type ParseOptions } from "./parse-field";

export type SettingsParseOptions = ParseOptions & {
  /** Effective current values (stored or default) of fields the input leaves out; decides dependsOn for them. */
  current?: Record<string, unknown>;
};

/** New values by key. Only submitted, active fields; for secrets a string (set) or null (clear). */
export type SettingsUpdate = Record<string, unknown>;

export type ResolvedSettingsInput = { update: SettingsUpdate; errors: Record<string, string>; active: Set<string> };

export function settingsZodSchema(fields: Record<string, SettingFieldRules>, options: SettingsParseOptions = {}) {
  assertValidFields(fields);
  return z.record(z.string(), z.unknown()).transform((input, ctx): SettingsUpdate => {
    const { update, errors } = resolveSettingsInput(fields, input, options);
    for (const [key, message] of Object.entries(errors)) ctx.addIssue({ code: "custom", path: [key], message });
    return Object.keys(errors).length ? z.NEVER : update;
  });
}

/**
 * Which fields are shown and validated: those without dependsOn, and those whose dependency is itself
 * active and currently has the required value (the value being typed, else the current one).
 */
export function activeSettingKeys(fields: Record<string, SettingFieldRules>, input: Record<string, unknown>, options: SettingsParseOptions = {}): Set<string> {
  // Rules out cycles and dangling dependencies (checked once per fields object).
  assertValidFields(fields);
  const valueOf = (key: string): unknown => {
    const field = fields[key]!;
    if (key in input) {
      const parsed = parseFieldInput(field, input[key], options);
      if (parsed.ok && "value" in parsed) return parsed.value;
    }
    return options.current && key in options.current ? options.current[key] : fieldDefault(field);
  };
  const memo = new Map<string, boolean>();
  const isActive = (key: string): boolean => {
    let active = memo.get(key);
    if (active === undefined) {
      const dep = fields[key]!.dependsOn;
      active = !dep || (isActive(dep.key) && sameSettingValue(valueOf(dep.key), dep.equals));
      memo.set(key, active);
    }
    return active;
  };
  return new Set(Object.keys(fields).filter(isActive));
}

/** The work behind settingsZodSchema, for callers that want the errors by key without zod. */
export function resolveSettingsInput(fields: Record<string, SettingFieldRules>, input: Record<string, unknown>, options: SettingsParseOptions = {}): ResolvedSettingsInput {
  const active = activeSettingKeys(fields, input, options);
  const update: SettingsUpdate = {};
  const errors: Record<string, string> = {};
  for (const [key, raw] of Object.entries(input)) {
    const field = fields[key];
    if (!field) {
      errors[key] = `Unknown setting "${key}"`;
      continue;
    }
    // A field whose dependency is not met is neither validated nor written: it keeps its stored value.
    if (!active.has(key) || raw === undefined) continue;
    const parsed = parseFieldInput(field, raw, options);
    if (!parsed.ok) errors[key] = parsed.message;
    else if ("value" in parsed) update[key] = parsed.value;
  }
  return { update, errors, active };
}
