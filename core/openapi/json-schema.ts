// zod → JSON Schema 2020-12 for the OpenAPI document (zod 4's z.toJSONSchema). Schemas named with
// `.meta({ id: "InventoryItem" })` become shared components (#/components/schemas/InventoryItem)
// instead of being repeated in every operation.
import { z } from "zod";
import { WHOLE_NUMBER_INPUTS } from "@/core/validation/whole-number";
import type { JsonSchema } from "./types";

export type SchemaIo = "input" | "output";

/**
 * `wholeNumberInput().pipe(z.number().min(1).max(200))` (a query parameter, a form field): what a
 * client sends is that integer, so it is documented as the pipe's number rules.
 */
function wholeNumberAsInteger(ctx: { zodSchema: z.core.$ZodType; jsonSchema: z.core.JSONSchema.BaseSchema }): void {
  type Def = { type: string; in?: z.ZodType; out?: z.ZodType; innerType?: z.core.$ZodType; defaultValue?: unknown };
  const defOf = (t: z.core.$ZodType) => t._zod.def as Def;
  const isWholeNumberPipe = (d: Def) => d.type === "pipe" && !!d.in && WHOLE_NUMBER_INPUTS.has(d.in);
  const def = defOf(ctx.zodSchema);
  // zod leaves out the default of a pipe in input mode (it is an output value); here it is a valid input.
  if (def.type === "default" && def.innerType && isWholeNumberPipe(defOf(def.innerType))) {
    (ctx.jsonSchema as Record<string, unknown>).default = def.defaultValue;
    return;
  }
  if (!isWholeNumberPipe(def) || !def.out) return;
  const { $schema: _dialect, ...rules } = z.toJSONSchema(def.out, { io: "output", target: "draft-2020-12" }) as Record<string, unknown>;
  void _dialect;
  // Only the union's own shape goes; what wrappers added (default, description) stays.
  delete (ctx.jsonSchema as Record<string, unknown>).anyOf;
  Object.assign(ctx.jsonSchema, rules);
}

/** Component name of a named schema: what clients send may differ (defaults, optional fields). */
export function componentName(id: string, io: SchemaIo): string {
  return io === "output" ? id : `${id}Input`;
}

/**
 * Converts `schema` as a client sees it: `io: "input"` for what it may send, "output" for what it
 * receives. Named sub-schemas are added to `components` and referenced from the result.
 */
export function toJsonSchema(schema: z.ZodType, io: SchemaIo, components: Record<string, JsonSchema>): JsonSchema {
  // Transforms and refinements cannot be expressed in JSON Schema: the surrounding type (and the
  // description) documents them; they must not make the whole document fail.
  const converted = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any", override: wholeNumberAsInteger }) as JsonSchema;
  const { $schema: _dialect, $defs, ...root } = converted;
  void _dialect;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!value || typeof value !== "object") return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/$defs/") ? `#/components/schemas/${componentName(v.slice("#/$defs/".length), io)}` : rewrite(v);
    }
    return out;
  };
  for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
    const name = componentName(id, io);
    const clean = rewrite(def) as JsonSchema;
    const existing = components[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(clean)) {
      throw new Error(`Two different zod schemas are both named "${id}" in the OpenAPI document; give them distinct ids.`);
    }
    components[name] = clean;
  }
  return rewrite(root) as JsonSchema;
}
