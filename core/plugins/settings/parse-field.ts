// One setting's input (what the settings form or a caller submits) -> the value to store, or the
// reason it is refused. The messages are shown inline next to the field, so they say what to enter.
// Pure: the browser runs exactly the same checks as the server.
import { z } from "zod";
import { zonedLocalToUtc } from "@/core/time/zoned";
import { compareDecimals, formatDecimal, parseDecimal } from "./decimal";
import { isSecretClear, type SettingFieldRules } from "./fields";

export type FieldParse = { ok: true; value: unknown } | { ok: true; keep: true } | { ok: false; message: string };

export type ParseOptions = {
  /** Time zone of datetime-local input ("2026-03-08T09:30", no offset): the organization's. Default UTC. */
  timeZone?: string;
};

/** Longest secret accepted: API keys and tokens, not documents. */
export const SECRET_MAX_LENGTH = 4096;

const ok = (value: unknown): FieldParse => ({ ok: true, value });
const fail = (message: string): FieldParse => ({ ok: false, message });

export function parseFieldInput(field: SettingFieldRules, raw: unknown, options: ParseOptions = {}): FieldParse {
  switch (field.type) {
    case "boolean":
      return typeof raw === "boolean" ? ok(raw) : fail("Choose on or off");
    case "integer":
      return parseInteger(field, raw);
    case "decimal":
      return parseDecimalInput(field, raw);
    case "text":
      return parseText(field, raw);
    case "choice":
      return typeof raw === "string" && field.options.some((o) => o.value === raw)
        ? ok(raw)
        : fail(`Choose one of: ${field.options.map((o) => o.label).join(", ")}`);
    case "json":
      return parseJson(field, raw);
    case "date":
      if (raw === null || raw === "") return ok(null);
      return typeof raw === "string" && z.iso.date().safeParse(raw.trim()).success ? ok(raw.trim()) : fail("Enter a valid date (YYYY-MM-DD)");
    case "datetime":
      return parseDateTime(raw, options.timeZone ?? "UTC");
    case "secret":
      if (isSecretClear(raw)) return ok(null);
      if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) return { ok: true, keep: true };
      if (typeof raw !== "string") return fail("Enter the secret as text, or leave it empty to keep the current one");
      // Pasted keys often carry a stray space or newline; a secret never legitimately starts or ends with one.
      if (raw.trim().length > SECRET_MAX_LENGTH) return fail(`Must be at most ${SECRET_MAX_LENGTH} characters`);
      return ok(raw.trim());
  }
}

function parseInteger(field: Extract<SettingFieldRules, { type: "integer" }>, raw: unknown): FieldParse {
  let n: number | null = null;
  if (typeof raw === "number") n = raw;
  else if (typeof raw === "string" && /^[+-]?\d+$/.test(raw.trim())) n = Number(raw.trim());
  if (n === null || !Number.isInteger(n)) return fail("Enter a whole number");
  if (!Number.isSafeInteger(n)) return fail("This number is too large");
  if (field.min !== undefined && n < field.min) return fail(`Must be at least ${field.min}`);
  if (field.max !== undefined && n > field.max) return fail(`Must be at most ${field.max}`);
  return ok(n);
}

function parseDecimalInput(field: Extract<SettingFieldRules, { type: "decimal" }>, raw: unknown): FieldParse {
  // Numbers are accepted from code, but only when their text form is exact ("1e21" is not).
  const text = typeof raw === "number" && Number.isFinite(raw) ? String(raw) : typeof raw === "string" ? raw : null;
  const example = field.scale ? `12.${"5".padEnd(field.scale, "0")}` : "12.5";
  const d = text === null ? null : parseDecimal(text);
  if (!d) return fail(`Enter a number such as ${field.scale === 0 ? "12" : example}`);
  // Trailing zeros do not count: "1.500" fits a scale of 2 (stored as "1.50").
  if (field.scale !== undefined && d.frac.length > field.scale) {
    return fail(field.scale === 0 ? "Enter a whole number" : `Use at most ${field.scale} decimal place${field.scale === 1 ? "" : "s"}`);
  }
  if (field.min !== undefined && compareDecimals(d, parseDecimal(field.min)!) < 0) return fail(`Must be at least ${field.min}`);
  if (field.max !== undefined && compareDecimals(d, parseDecimal(field.max)!) > 0) return fail(`Must be at most ${field.max}`);
  return ok(formatDecimal(d, field.scale));
}

function parseText(field: Extract<SettingFieldRules, { type: "text" }>, raw: unknown): FieldParse {
  if (typeof raw !== "string") return fail("Enter text");
  // Single-line values lose surrounding blanks (they are never meaningful and break e-mails and URLs);
  // multi-line text keeps its layout, with Windows line endings normalised.
  const value = field.multiline ? raw.replace(/\r\n?/g, "\n") : raw.trim();
  const length = [...value].length;
  if (field.maxLength !== undefined && length > field.maxLength) return fail(`Must be at most ${field.maxLength} characters (now ${length})`);
  // There is no "required" flag: an empty text is a valid "not set"; formats apply to what was typed.
  if (value === "") return ok(value);
  if (field.format === "email" && !z.email().safeParse(value).success) return fail("Enter a valid email address");
  if (field.format === "url" && !isHttpsUrl(value)) return fail("Enter a valid https:// URL");
  if (field.pattern && !new RegExp(field.pattern.regex).test(value)) return fail(field.pattern.message);
  return ok(value);
}

/** Plugins call these URLs from the server with organization data: plain http would leak it. */
function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname !== "" && !/\s/.test(value);
  } catch {
    return false;
  }
}

function parseJson(field: Extract<SettingFieldRules, { type: "json" }>, raw: unknown): FieldParse {
  let value: unknown = raw;
  // The form submits JSON as text; code may pass the value itself. A string is therefore always
  // JSON text: a JSON string value is submitted with its quotes ("\"abc\"").
  if (typeof raw === "string") {
    if (raw.trim() === "") return fail("Enter a JSON value, for example {} or []");
    try {
      value = JSON.parse(raw);
    } catch (err) {
      return fail(`Invalid JSON: ${(err as Error).message}`);
    }
  } else if (raw === undefined || !isJsonValue(raw)) {
    return fail("Enter a JSON value, for example {} or []");
  }
  // Only present on the server (see fields.ts): the browser cannot receive a zod schema.
  if (field.schema) {
    const r = field.schema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      return fail(issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message);
    }
    value = r.data;
  }
  return ok(value);
}

function isJsonValue(v: unknown): boolean {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isJsonValue);
  if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v).every(isJsonValue);
  return false;
}

const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Stored as a UTC ISO instant; typed either as ISO with an offset or as a wall-clock time in `timeZone`. */
function parseDateTime(raw: unknown, timeZone: string): FieldParse {
  if (raw === null || raw === "") return ok(null);
  const bad = fail("Enter a valid date and time");
  if (typeof raw !== "string") return bad;
  const text = raw.trim();
  if (LOCAL_DATETIME.test(text)) {
    const instant = zonedLocalToUtc(text, timeZone);
    return instant ? ok(instant.toISOString()) : bad;
  }
  if (z.iso.datetime({ offset: true }).safeParse(text).success) return ok(new Date(text).toISOString());
  return bad;
}
