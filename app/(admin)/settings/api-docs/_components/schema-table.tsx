// A JSON Schema as people read it: one row per field with its type, whether it is required, and its
// limits and description; nested objects indented below their field; named schemas link to their
// section of the page.
import { Fragment, type ReactNode } from "react";
import { constraints, refName, typeLabel, unwrapNullable } from "@/core/openapi/describe";
import { InlineText } from "./inline-text";
import type { JsonSchema } from "@/core/openapi/types";

export const schemaAnchor = (name: string) => `schema-${name}`;

function TypeText({ schema }: { schema: JsonSchema }): ReactNode {
  const ref = typeof schema.$ref === "string" ? schema.$ref : typeof (schema.items as JsonSchema | undefined)?.$ref === "string" ? String((schema.items as JsonSchema).$ref) : null;
  const label = typeLabel(schema);
  if (!ref) return <code className="font-mono text-[13px]">{label}</code>;
  const name = refName(ref);
  const [before, after] = label.split(name);
  return (
    <code className="font-mono text-[13px]">
      {before}
      <a href={`#${schemaAnchor(name)}`} className="text-primary hover:underline">
        {name}
      </a>
      {after}
    </code>
  );
}

type Row = { path: string; depth: number; schema: JsonSchema; required: boolean; nullable: boolean };

function rowsOf(schema: JsonSchema, depth = 0, prefix = ""): Row[] {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(props).flatMap(([name, raw]) => {
    const { schema: s, nullable } = unwrapNullable(raw);
    const path = prefix ? `${prefix}.${name}` : name;
    const row: Row = { path, depth, schema: s, required: required.has(name), nullable };
    return s.type === "object" && s.properties && depth < 3 ? [row, ...rowsOf(s, depth + 1, path)] : [row];
  });
}

export function SchemaTable({ schema, label }: { schema: JsonSchema; label: string }) {
  if (schema.type !== "object" || !schema.properties) {
    return (
      <p className="text-sm">
        <TypeText schema={schema} />
      </p>
    );
  }
  const rows = rowsOf(schema);
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-left text-sm" aria-label={label}>
        <thead className="bg-muted/60 text-xs text-muted-foreground uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">Field</th>
            <th scope="col" className="px-3 py-2 font-semibold">Type</th>
            <th scope="col" className="px-3 py-2 font-semibold">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Fragment key={r.path}>
              <tr className="border-t border-border align-top">
                <td className="px-3 py-2 whitespace-nowrap" style={{ paddingLeft: `${0.75 + r.depth * 1.25}rem` }}>
                  <code className="font-mono text-[13px] font-semibold">{r.path.split(".").at(-1)}</code>
                  {r.required ? <span className="ml-1.5 text-xs font-medium text-danger-text">required</span> : null}
                </td>
                <td className="px-3 py-2">
                  <TypeText schema={r.schema} />
                  {r.nullable ? <span className="text-muted-foreground"> or null</span> : null}
                </td>
                <td className="px-3 py-2 text-muted-foreground">
                  {typeof r.schema.description === "string" ? (
                    <span className="text-foreground">
                      <InlineText text={r.schema.description} />{" "}
                    </span>
                  ) : null}
                  {constraints(r.schema).join("; ")}
                </td>
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
