// Plain-language summaries of JSON Schemas and ready-to-run curl commands, for the API docs page.
import { isIdName } from "./document";
import { exampleOf, SAMPLE_ID } from "./example";
import type { JsonSchema, OperationObject } from "./types";

export const refName = (ref: string) => ref.replace("#/components/schemas/", "");

/** "string (uuid) or null", "integer", "array of InventoryItem", "one of in_stock, out_of_stock, low". */
export function typeLabel(schema: JsonSchema): string {
  if (typeof schema.$ref === "string") return refName(schema.$ref);
  if ("const" in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(union)) return union.map(typeLabel).join(" or ");
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [String(schema.type)] : [];
  if (types.length === 0) return "any";
  return types
    .map((t) => {
      if (t === "array") return `array of ${typeLabel((schema.items ?? {}) as JsonSchema)}`;
      if (t === "object" && schema.additionalProperties && typeof schema.additionalProperties === "object") return `map of ${typeLabel(schema.additionalProperties as JsonSchema)}`;
      return typeof schema.format === "string" ? `${t} (${schema.format})` : t;
    })
    .join(" or ");
}

/** Limits worth telling a client: lengths, ranges, the pattern (unless a format already says it), the default. */
export function constraints(schema: JsonSchema): string[] {
  const out: string[] = [];
  const num = (k: string) => (typeof schema[k] === "number" && Math.abs(schema[k] as number) < Number.MAX_SAFE_INTEGER ? (schema[k] as number) : undefined);
  const [minL, maxL, min, max] = [num("minLength"), num("maxLength"), num("minimum"), num("maximum")];
  if (minL !== undefined && maxL !== undefined) out.push(`${minL}–${maxL} characters`);
  else if (maxL !== undefined) out.push(`at most ${maxL} characters`);
  else if (minL !== undefined && minL > 0) out.push(`at least ${minL} characters`);
  if (min !== undefined && max !== undefined) out.push(`${min} to ${max}`);
  else if (min !== undefined) out.push(`≥ ${min}`);
  else if (max !== undefined) out.push(`≤ ${max}`);
  if (typeof schema.pattern === "string" && !schema.format) out.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

/** A union with null: the non-null branch, and whether null is allowed (for "nullable" in the docs). */
export function unwrapNullable(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const union = schema.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(union) && union.length === 2 && union.some((s) => s.type === "null")) {
    const inner = union.find((s) => s.type !== "null")!;
    const { anyOf: _drop, ...rest } = schema;
    void _drop;
    return { schema: { ...inner, ...rest }, nullable: true };
  }
  return { schema, nullable: false };
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A copy-paste curl command for an operation; the token is read from $RITIKO_API_TOKEN. */
export function curlExample(baseUrl: string, path: string, method: string, op: OperationObject, components: Record<string, JsonSchema>): string {
  // Ids get a sample uuid; other segments a placeholder to fill in (not {…}: curl would glob it).
  let url = path.replace(/\{([^}]+)\}/g, (_, name: string) => (isIdName(name) ? SAMPLE_ID : `<${name}>`));
  if (op.parameters.some((p) => p.in === "query" && p.name === "limit")) url += "?limit=20";
  const lines = [`curl -X ${method.toUpperCase()} ${shellQuote(`${baseUrl}${url}`)}`, `-H "Authorization: Bearer $RITIKO_API_TOKEN"`];
  const body = op.requestBody?.content["application/json"];
  if (body) {
    lines.push(`-H "Content-Type: application/json"`);
    lines.push(`-d ${shellQuote(JSON.stringify(body.example ?? exampleOf(body.schema, components, "request")))}`);
  }
  return lines.join(" \\\n  ");
}
