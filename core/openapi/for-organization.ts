// The OpenAPI document as one organization sees the API: only the plugins enabled there (a disabled
// plugin's endpoints answer 404, so documenting them would mislead).
import type { OrgContext } from "@/core/auth/context";
import { enabledPluginsForRequest } from "@/core/plugins/enabled-for-request";
import { coreApiSections } from "./core-api";
import { buildOpenApiDocument } from "./document";
import type { OpenApiDocument } from "./types";

/** The public base URL clients should call: NEXTAUTH_URL when set (behind a proxy), else the request's origin. */
export function publicBaseUrl(requestUrl?: string | null): string {
  const configured = process.env.NEXTAUTH_URL?.replace(/\/+$/, "");
  if (configured) return configured;
  return requestUrl ? new URL(requestUrl).origin : "http://localhost:3000";
}

export async function openApiDocumentFor(ctx: OrgContext, baseUrl: string): Promise<OpenApiDocument> {
  const plugins = await enabledPluginsForRequest(ctx.organization.id);
  return buildOpenApiDocument({ plugins: [...coreApiSections, ...plugins], serverUrl: baseUrl, organizationName: ctx.organization.name });
}
