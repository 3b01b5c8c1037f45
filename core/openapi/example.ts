// Example values for the docs page and the document's `example` fields, derived from the JSON Schema:
// a schema's own `examples` win; otherwise a plausible value of its type and format. For a request the
// example holds the required fields and the ones that declare examples (what a first call needs);
// for a response, every field.
import type { JsonSchema } from "./types";

export type ExampleMode = "request" | "response";

export const SAMPLE_ID = "0190f3c2-7b1e-7cc1-9f5e-0c5b3a1d2e4f";

const BY_FORMAT: Record<string, string> = {
  uuid: SAMPLE_ID,
  date: "2026-03-31",
  "date-time": "2026-03-31T09:30:00.000Z",
  email: "someone@example.com",
  uri: "https://example.com",
};

export function exampleOf(schema: JsonSchema, components: Record<string, JsonSchema>, mode: ExampleMode, depth = 0): unknown {
  if (depth > 8) return null;
  const next = (s: unknown) => exampleOf((s ?? {}) as JsonSchema, components, mode, depth + 1);
  if (typeof schema.$ref === "string") return next(components[schema.$ref.replace("#/components/schemas/", "")]);
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(union)) {
    const option = union.find((s) => s.type !== "null") ?? union[0];
    return next(option);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required ?? []) as string[]);
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(props)) {
        if (mode === "response" || required.has(key) || Array.isArray(prop.examples)) out[key] = next(prop);
      }
      return out;
    }
    case "array":
      return [next(schema.items)];
    case "string":
      return BY_FORMAT[String(schema.format)] ?? "string";
    case "integer":
      return typeof schema.minimum === "number" && schema.minimum > 0 ? schema.minimum : 10;
    case "number":
      return 12.5;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return null;
  }
}
