// One endpoint of the API docs page: method and path, what it does, who may call it, parameters,
// request body, responses and a curl command to try it.
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { constraints, curlExample } from "@/core/openapi/describe";
import type { JsonSchema, OpenApiDocument, OperationObject, ResponseObject } from "@/core/openapi/types";
import { InlineText } from "./inline-text";
import { SchemaTable } from "./schema-table";

const METHOD_BADGE: Record<string, BadgeVariant> = { get: "info", post: "success", put: "warning", patch: "warning", delete: "danger" };

function resolveResponse(doc: OpenApiDocument, r: ResponseObject | { $ref: string }): ResponseObject {
  return "$ref" in r ? doc.components.responses[r.$ref.replace("#/components/responses/", "")]! : r;
}

export function OperationCard({ doc, baseUrl, path, method, op }: { doc: OpenApiDocument; baseUrl: string; path: string; method: string; op: OperationObject }) {
  const schemas = doc.components.schemas;
  const title = `${method.toUpperCase()} ${path}`;
  const body = op.requestBody?.content["application/json"];
  return (
    <article id={op.operationId} aria-label={title} className="grid scroll-mt-20 gap-4 rounded-xl border border-border bg-surface p-5 shadow-xs">
      <header className="grid gap-1">
        <h3 className="flex flex-wrap items-center gap-2 text-base font-semibold">
          <Badge variant={METHOD_BADGE[method] ?? "neutral"} className="font-mono uppercase">
            {method}
          </Badge>
          <code className="font-mono text-[14px] break-all">{path}</code>
        </h3>
        <p className="text-sm font-medium text-foreground">{op.summary}</p>
        {op.description ? (
          <p className="max-w-3xl text-sm text-muted-foreground">
            <InlineText text={op.description} />
          </p>
        ) : null}
        <p className="text-sm text-muted-foreground">
          {op["x-permission"] ? (
            <>
              Needs the permission <code className="font-mono text-[13px]">{op["x-permission"]}</code>
              {op["x-permission-label"] ? ` (${op["x-permission-label"]})` : ""}.
            </>
          ) : (
            "Any member of the organization."
          )}
        </p>
      </header>

      {op.parameters.length ? (
        <section className="grid gap-2">
          <h4 className="text-sm font-semibold">Parameters</h4>
          <div className="overflow-x-auto rounded-lg border border-border">
            <table className="w-full text-left text-sm" aria-label={`Parameters of ${title}`}>
              <thead className="bg-muted/60 text-xs text-muted-foreground uppercase">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">Name</th>
                  <th scope="col" className="px-3 py-2 font-semibold">In</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Type</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Details</th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in}-${p.name}`} className="border-t border-border align-top">
                    <td className="px-3 py-2 whitespace-nowrap">
                      <code className="font-mono text-[13px] font-semibold">{p.name}</code>
                      {p.required ? <span className="ml-1.5 text-xs font-medium text-danger-text">required</span> : null}
                    </td>
                    <td className="px-3 py-2 text-muted-foreground">{p.in}</td>
                    <td className="px-3 py-2">
                      <ParamType schema={p.schema} />
                    </td>
                    <td className="px-3 py-2 text-muted-foreground">
                      {p.description ? (
                        <span className="text-foreground">
                          <InlineText text={p.description} />{" "}
                        </span>
                      ) : null}
                      {constraints(p.schema).join("; ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {body ? (
        <section className="grid gap-2">
          <h4 className="text-sm font-semibold">Request body (JSON)</h4>
          <SchemaTable schema={body.schema} label={`Request body of ${title}`} />
        </section>
      ) : null}

      <section className="grid gap-2">
        <h4 className="text-sm font-semibold">Responses</h4>
        <dl className="grid gap-2 text-sm">
          {Object.entries(op.responses).map(([status, raw]) => {
            const r = resolveResponse(doc, raw);
            const success = status.startsWith("2");
            return (
              <div key={status} className="grid gap-2 sm:grid-cols-[4rem_1fr]">
                <dt>
                  <Badge variant={success ? "success" : "neutral"} className="font-mono">
                    {status}
                  </Badge>
                </dt>
                <dd className="grid gap-2">
                  <span className="text-muted-foreground">
                    <InlineText text={r.description} />
                  </span>
                  {success && r.content?.["application/json"] ? <SchemaTable schema={r.content["application/json"].schema} label={`${status} response of ${title}`} /> : null}
                </dd>
              </div>
            );
          })}
        </dl>
      </section>

      <section className="grid gap-2">
        <h4 className="text-sm font-semibold">Example</h4>
        <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 font-mono text-[13px] leading-5 text-slate-100">
          <code>{curlExample(baseUrl, path, method, op, schemas)}</code>
        </pre>
      </section>
    </article>
  );
}

function ParamType({ schema }: { schema: JsonSchema }) {
  return <SchemaTable schema={schema} label="" />;
}
