// Builds the OpenAPI 3.1 document of the REST API from the plugins' route declarations (ApiRoute's
// summary, tags, query, request, response, status, errors — see defineApiRoute). Served at
// /api/v1/openapi.json for the plugins enabled in the caller's organization, rendered by the API
// docs page. Pure: no database, no request; the same manifests give the same document.
import { z } from "zod";
import type { ApiRoute, PluginManifest } from "@/core/plugins/types";
import { exampleOf } from "./example";
import { toJsonSchema } from "./json-schema";
import type { HttpMethodLower, JsonSchema, OpenApiDocument, OperationObject, ParameterObject, ResponseObject } from "./types";

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Machine-readable: validation_failed, invalid_json, unauthenticated, forbidden, not_found, conflict, …", examples: ["validation_failed"] }),
      message: z.string().meta({ description: "For people: what went wrong and what to do.", examples: ["The request body is invalid; see `fields`."] }),
      requestId: z.string().optional().meta({ description: "Quote it when asking for support: the server log lines of the request carry it." }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: "400 only: one message per offending field or query parameter (nested fields as `a.b`).", examples: [{ amount: "amount must not be zero" }] }),
    }),
  })
  .meta({ id: "Error", description: "Every error of the REST API has this shape." });

const STANDARD_ERRORS: Record<string, ResponseObject & { status: string }> = {
  BadRequest: {
    status: "400",
    description: "The request is invalid: `error.fields` names each offending query parameter or body field (`validation_failed`), or the body is not JSON (`invalid_json`).",
  },
  Unauthenticated: {
    status: "401",
    description: "No session and no API token, or the token is unknown, revoked or expired, or its owner is no longer a member of its organization (`unauthenticated`).",
  },
  Forbidden: { status: "403", description: "Authenticated, but without the permission this endpoint needs (`forbidden`)." },
  NotFound: {
    status: "404",
    description: "No such record in your organization (records of other organizations do not exist for you), or the plugin is disabled for your organization (`not_found`).",
  },
  UnsupportedMediaType: { status: "415", description: "The body was not sent as `Content-Type: application/json` (`unsupported_media_type`)." },
  ServerError: { status: "500", description: "The server failed; details are in its log under `error.requestId` (`internal_error`)." },
};

export const SECURITY: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { sessionCookie: [] }];

/** What the document needs of a plugin, or of one of core's own API sections (core/openapi/core-api.ts). */
export type ApiSection = Pick<PluginManifest, "id" | "name" | "description" | "api" | "permissions">;

export type BuildOptions = { plugins: readonly ApiSection[]; serverUrl: string; organizationName?: string };

export function buildOpenApiDocument({ plugins, serverUrl, organizationName }: BuildOptions): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = {};
  const errorRef = toJsonSchema(apiErrorSchema, "output", schemas);
  const errorContent = { "application/json": { schema: errorRef, example: exampleOf(errorRef, schemas, "response") } };
  const responses: Record<string, ResponseObject> = Object.fromEntries(
    Object.entries(STANDARD_ERRORS).map(([name, { description }]) => [name, { description, content: errorContent }]),
  );
  const paths: OpenApiDocument["paths"] = {};
  const tags = new Map<string, string | undefined>();

  for (const plugin of [...plugins].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const route of plugin.api ?? []) {
      const op = operation(plugin, route, schemas, errorContent);
      for (const tag of op.tags) if (!tags.has(tag)) tags.set(tag, route.tags ? undefined : plugin.description);
      const path = openApiPath(plugin.id, route.path);
      (paths[path] ??= {})[route.method.toLowerCase() as HttpMethodLower] = op;
    }
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Ritiko REST API",
      version: "1",
      description:
        `The REST API of Ritiko${organizationName ? ` as enabled for ${organizationName}` : ""}. Authenticate with an API token ` +
        "(`Authorization: Bearer rtk_…`, created under API tokens) or a signed-in browser session. Every request acts in one " +
        "organization: a token's, or the session's active one. Bodies and responses are JSON; errors have the `Error` shape.",
    },
    servers: [{ url: serverUrl }],
    tags: [...tags].map(([name, description]) => (description ? { name, description } : { name })),
    paths,
    components: {
      schemas,
      responses,
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "rtk_ followed by 43 base64url characters",
          description: "An API token (API tokens page). It acts as the user who created it, in the organization it was created in, with that user's current permissions.",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The browser session of a signed-in user (`__Secure-next-auth.session-token` over HTTPS).",
        },
      },
    },
    security: SECURITY,
  };
}

/** "/api/v1/inventory/items/{id}" for plugin "inventory", route path "items/:id". */
export function openApiPath(pluginId: string, routePath: string): string {
  const segments = routePath.split("/").filter(Boolean).map((s) => (s.startsWith(":") ? `{${s.slice(1)}}` : s));
  return ["/api/v1", pluginId, ...segments].join("/");
}

/** "id", "itemId": a path parameter naming a record. */
export function isIdName(name: string): boolean {
  return name === "id" || /[a-z]Id$/.test(name);
}

function operationId(pluginId: string, route: ApiRoute): string {
  // "errors.csv" → "errors-csv": operation ids are [a-z0-9-] only (client generators make names of them).
  const words = route.path.split("/").filter(Boolean).map((s) => (s.startsWith(":") ? `by-${s.slice(1)}` : s.replace(/[^a-z0-9]+/gi, "-").toLowerCase()));
  return [pluginId, route.method.toLowerCase(), ...words].join("-");
}

function operation(plugin: ApiSection, route: ApiRoute, schemas: Record<string, JsonSchema>, errorContent: ResponseObject["content"]): OperationObject {
  const parameters: ParameterObject[] = route.path
    .split("/")
    .filter((s) => s.startsWith(":"))
    .map((s) => {
      const name = s.slice(1);
      return { name, in: "path", required: true, description: isIdName(name) ? "The record's id." : `The \`${name}\` path segment.`, schema: { type: "string" } };
    });
  if (route.query) {
    const q = toJsonSchema(route.query, "input", schemas);
    const required = new Set((q.required ?? []) as string[]);
    for (const [name, schema] of Object.entries((q.properties ?? {}) as Record<string, JsonSchema>)) {
      const { description, ...rest } = schema;
      parameters.push({ name, in: "query", required: required.has(name), ...(typeof description === "string" ? { description } : {}), schema: rest });
    }
  }

  const status = String(route.status ?? 200);
  const ok: ResponseObject = { description: status === "201" ? "Created." : status === "204" ? "Done; no content." : "OK." };
  if (route.response) {
    const schema = toJsonSchema(route.response, "output", schemas);
    ok.content = { "application/json": { schema, example: exampleOf(schema, schemas, "response") } };
  }
  const responses: OperationObject["responses"] = { [status]: ok };
  if (route.query || route.request) responses["400"] = { $ref: "#/components/responses/BadRequest" };
  responses["401"] = { $ref: "#/components/responses/Unauthenticated" };
  if (route.permission) responses["403"] = { $ref: "#/components/responses/Forbidden" };
  responses["404"] = { $ref: "#/components/responses/NotFound" };
  for (const [code, description] of Object.entries(route.errors ?? {})) responses[code] = { description, content: errorContent };
  if (route.request) responses["415"] = { $ref: "#/components/responses/UnsupportedMediaType" };
  responses["500"] = { $ref: "#/components/responses/ServerError" };

  const permission = route.permission ? plugin.permissions?.find((p) => p.key === route.permission) : undefined;
  const op: OperationObject = {
    operationId: operationId(plugin.id, route),
    summary: route.summary ?? `${route.method} ${route.path || "/"}`,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags ?? [plugin.name],
    parameters,
    responses,
    security: SECURITY,
    ...(route.permission ? { "x-permission": route.permission } : {}),
    ...(permission ? { "x-permission-label": permission.label } : {}),
  };
  if (route.request) {
    const schema = toJsonSchema(route.request, "input", schemas);
    op.requestBody = { required: true, content: { "application/json": { schema, example: exampleOf(schema, schemas, "request") } } };
  }
  if (route.rawRequest) {
    op.requestBody = { required: true, description: route.rawRequest.description, content: { [route.rawRequest.mediaType]: { schema: { type: "string", format: "binary" } } } };
  }
  if (route.rawResponse) ok.content = { [route.rawResponse.mediaType]: { schema: { type: "string" } } };
  return op;
}
