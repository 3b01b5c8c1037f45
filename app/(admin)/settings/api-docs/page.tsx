// The REST API's documentation, rendered from the same OpenAPI document /api/v1/openapi.json serves
// (so the page and the machine-readable spec cannot disagree): authentication, errors, paging, then
// every endpoint of the plugins enabled in this organization, grouped by tag, and the shared schemas.
// Everything renders on the server; no external script or stylesheet.
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import Link from "next/link";
import { headers } from "next/headers";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgContext } from "@/core/auth/context";
import { openApiDocumentFor, publicBaseUrl } from "@/core/openapi/for-organization";
import type { HttpMethodLower, OperationObject } from "@/core/openapi/types";
import { OperationCard } from "./_components/operation-card";
import { SchemaTable, schemaAnchor } from "./_components/schema-table";

export const generateMetadata = titleFrom("apiDocs.title");

const ERRORS: Array<[string, string, string]> = [
  ["400", "validation_failed, invalid_json", "A parameter or body field is invalid; `fields` names each one with the reason. Nothing was changed."],
  ["401", "unauthenticated", "No token or session, or the token is unknown, revoked or expired."],
  ["403", "forbidden", "You are signed in, but lack the permission the endpoint needs."],
  ["404", "not_found", "No such record in your organization, or the plugin is not enabled."],
  ["405", "method_not_allowed", "The path exists with other methods (see the Allow header)."],
  ["409", "conflict, insufficient_stock, refused_by_plugin", "The request clashes with the current data (a duplicate, stock below zero, a rule of a plugin). Nothing was changed."],
  ["415", "unsupported_media_type", "Send bodies as JSON with Content-Type: application/json."],
  ["500", "internal_error", "The server failed; quote the requestId when reporting it."],
];

async function requestBaseUrl(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  return publicBaseUrl(host ? `${h.get("x-forwarded-proto") ?? "http"}://${host}` : null);
}

export default async function ApiDocsPage() {
  const ctx = await requireOrgContext();
  const t = translatorFor(ctx, "apiDocs");
  const baseUrl = await requestBaseUrl();
  const doc = await openApiDocumentFor(ctx, baseUrl);
  const byTag = new Map<string, Array<{ path: string; method: HttpMethodLower; op: OperationObject }>>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item) as Array<[HttpMethodLower, OperationObject]>) {
      const tag = op.tags[0] ?? "Other";
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ path, method, op });
    }
  }
  const code = "font-mono text-[13px]";

  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("title")}
        description={t("description", { organization: ctx.organization.name })}
        actions={
          <>
            <a href="/api/v1/openapi.json" className={buttonVariants({ variant: "outline" })} download="ritiko-openapi.json">
              OpenAPI document
            </a>
            <Link href="/settings/api-tokens" className={buttonVariants()}>
              API tokens
            </Link>
          </>
        }
      />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Authentication</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <p>
              Create a token under <Link href="/settings/api-tokens" className="font-medium text-primary hover:underline">API tokens</Link> and send it with every
              request. It acts as you, in {ctx.organization.name}, with your current permissions; revoking it stops it at once.
            </p>
            <pre className="overflow-x-auto rounded-lg bg-slate-900 p-3 font-mono text-[13px] leading-5 text-slate-100">
              <code>{`export RITIKO_API_TOKEN=rtk_…\ncurl -H "Authorization: Bearer $RITIKO_API_TOKEN" \\\n  '${baseUrl}/api/v1/openapi.json'`}</code>
            </pre>
            <p className="text-muted-foreground">In the browser, your signed-in session works too.</p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Pages, filters and ordering</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-2 text-sm">
            <p>
              Lists return <code className={code}>{`{ "data": [...], "nextCursor": "…" }`}</code>. Pass <code className={code}>limit</code> (1–200) and, for the next page,{" "}
              <code className={code}>cursor=&lt;nextCursor&gt;</code>; the last page has <code className={code}>nextCursor: null</code>.
            </p>
            <p>
              Sort with <code className={code}>ordering=quantity</code>, descending with a minus: <code className={code}>ordering=-quantity</code>. Keep the same ordering and
              filters while following a cursor.
            </p>
            <p>
              Single records come as <code className={code}>{`{ "data": {...} }`}</code>; field names are camelCase everywhere; unknown fields and parameters are refused, not ignored.
            </p>
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Errors</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3 text-sm">
          <p>
            Every error is JSON: <code className={code}>{`{ "error": { "code", "message", "requestId", "fields"? } }`}</code>.
          </p>
          <div className="overflow-x-auto rounded-lg border border-border">
            <table className="w-full text-left text-sm" aria-label="Error statuses">
              <thead className="bg-muted/60 text-xs text-muted-foreground uppercase">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">Status</th>
                  <th scope="col" className="px-3 py-2 font-semibold">code</th>
                  <th scope="col" className="px-3 py-2 font-semibold">When</th>
                </tr>
              </thead>
              <tbody>
                {ERRORS.map(([status, codes, when]) => (
                  <tr key={status} className="border-t border-border align-top">
                    <td className="px-3 py-2 font-mono">{status}</td>
                    <td className="px-3 py-2 font-mono text-[13px]">{codes}</td>
                    <td className="px-3 py-2 text-muted-foreground">{when}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </CardContent>
      </Card>

      {byTag.size === 0 ? (
        <p role="note" className="rounded-lg border border-border bg-surface px-4 py-3 text-sm text-muted-foreground">
          No plugin with REST endpoints is enabled for {ctx.organization.name}.{" "}
          {ctx.can("organization.manage") ? (
            <Link href="/plugins" className="font-medium text-primary hover:underline">
              Manage plugins
            </Link>
          ) : null}
        </p>
      ) : (
        <nav aria-label="Endpoints" className="rounded-xl border border-border bg-surface p-5 text-sm">
          <h2 className="mb-2 text-base font-semibold">Endpoints</h2>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {[...byTag].map(([tag, ops]) => (
              <div key={tag}>
                <a href={`#tag-${slug(tag)}`} className="font-medium text-primary hover:underline">
                  {tag}
                </a>
                <ul className="mt-1 grid gap-0.5">
                  {ops.map(({ path, method, op }) => (
                    <li key={op.operationId}>
                      <a href={`#${op.operationId}`} className="font-mono text-[12.5px] text-muted-foreground hover:text-foreground hover:underline">
                        {method.toUpperCase()} {path.replace(/^\/api\/v1/, "")}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </nav>
      )}

      {[...byTag].map(([tag, ops]) => (
        <section key={tag} aria-labelledby={`tag-${slug(tag)}`} className="grid gap-4">
          <h2 id={`tag-${slug(tag)}`} className="scroll-mt-20 text-lg font-semibold">
            {tag}
          </h2>
          {ops.map(({ path, method, op }) => (
            <OperationCard key={op.operationId} doc={doc} baseUrl={baseUrl} path={path} method={method} op={op} />
          ))}
        </section>
      ))}

      <section aria-labelledby="schemas" className="grid gap-4">
        <h2 id="schemas" className="text-lg font-semibold">
          Schemas
        </h2>
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <article key={name} id={schemaAnchor(name)} aria-label={`Schema ${name}`} className="grid scroll-mt-20 gap-2 rounded-xl border border-border bg-surface p-5 shadow-xs">
            <h3 className="font-mono text-[14px] font-semibold">{name}</h3>
            {typeof schema.description === "string" ? <p className="text-sm text-muted-foreground">{schema.description}</p> : null}
            <SchemaTable schema={schema} label={`Fields of ${name}`} />
          </article>
        ))}
      </section>
    </div>
  );
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
