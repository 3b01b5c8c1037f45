// The OpenAPI 3.1 document at /api/v1/openapi.json, fetched over real HTTP with an API token: its
// structure (paths, operations, components, the bearer security scheme, every $ref resolving), every
// inventory route with its schemas, only the plugins enabled for the caller's organization, and the
// documented examples being accepted by the real endpoints and matching the real response schemas.
import "@/app/_plugins/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApiToken } from "@/core/api-tokens/tokens";
import { buildOpenApiDocument, openApiPath } from "@/core/openapi/document";
import { curlExample } from "@/core/openapi/describe";
import type { HttpMethodLower, JsonSchema, OpenApiDocument, OperationObject } from "@/core/openapi/types";
import { definePlugin } from "@/core/plugins/types";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { inventoryApi } from "@/plugins/inventory/api/routes";
import { categoryJson, itemJson } from "@/plugins/inventory/api/json";
import { apiClient, startApiServer, type ApiServer } from "./http-server";

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

async function documentFor(plugins: string[]) {
  const org = await createTestOrganization("Docs Clinic");
  for (const p of plugins) await enablePluginFor(org, p);
  const t = await createApiToken(await org.as("owner"), { name: "docs", expiresIn: "30" });
  if (!t.ok) throw new Error(t.error);
  const api = apiClient(server.url, t.token);
  const res = await api("GET", "/api/v1/openapi.json");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return { doc: res.json as OpenApiDocument, api };
}

/** Every "$ref" anywhere in the document, with where it was found. */
function refs(value: unknown, at = "#"): Array<{ ref: string; at: string }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${at}/${i}`));
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [{ ref: v, at }] : refs(v, `${at}/${k}`)));
}

function resolve(doc: OpenApiDocument, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), doc);
}

const HTTP_METHODS = new Set(["get", "post", "put", "patch", "delete"]);

// The structural rules of OpenAPI 3.1 this document relies on, as a schema of its own.
const operationShape = z.object({
  operationId: z.string().regex(/^[a-z0-9-]+$/),
  summary: z.string().min(1),
  tags: z.array(z.string()).min(1),
  parameters: z.array(z.object({ name: z.string().min(1), in: z.enum(["path", "query"]), required: z.boolean(), schema: z.record(z.string(), z.unknown()) })),
  // JSON bodies, or a raw file (the import upload: text/csv).
  requestBody: z
    .object({ required: z.literal(true), description: z.string().optional(), content: z.record(z.string().regex(/^(application\/json|text\/csv)$/), z.object({ schema: z.record(z.string(), z.unknown()) })) })
    .optional(),
  responses: z.record(z.string().regex(/^[1-5]\d\d$/), z.union([z.object({ $ref: z.string() }), z.object({ description: z.string().min(1) })])),
  security: z.array(z.record(z.string(), z.array(z.string()))),
});
const documentShape = z.object({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  info: z.object({ title: z.string().min(1), version: z.string().min(1), description: z.string() }),
  servers: z.array(z.object({ url: z.url() })).min(1),
  paths: z.record(z.string().regex(/^\/api\/v1\//), z.record(z.string(), operationShape)),
  components: z.object({ schemas: z.record(z.string(), z.record(z.string(), z.unknown())), responses: z.record(z.string(), z.object({ description: z.string() })), securitySchemes: z.record(z.string(), z.object({ type: z.string() })) }),
  security: z.array(z.record(z.string(), z.array(z.string()))).min(1),
});

function operations(doc: OpenApiDocument): Array<{ path: string; method: HttpMethodLower; op: OperationObject }> {
  return Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method: method as HttpMethodLower, op: op as OperationObject })));
}

describe("the OpenAPI document", () => {
  it("is structurally valid OpenAPI 3.1: paths, operations, components, bearer security, resolvable refs", async () => {
    const { doc } = await documentFor(["inventory", "hello"]);
    documentShape.parse(doc);
    expect(doc.servers[0]!.url).toBe(server.url);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toContainEqual({ bearerAuth: [] });
    for (const { op } of operations(doc)) for (const req of op.security) for (const name of Object.keys(req)) expect(doc.components.securitySchemes).toHaveProperty(name);

    const unresolved = refs(doc).filter(({ ref }) => !ref.startsWith("#/") || resolve(doc, ref) === undefined);
    expect(unresolved).toEqual([]);
    const ids = operations(doc).map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(HTTP_METHODS.has(method), `${method} ${path}`).toBe(true);
        const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
        const declared = (op as OperationObject).parameters.filter((p) => p.in === "path").map((p) => p.name).sort();
        expect(declared, path).toEqual(templated);
        expect((op as OperationObject).parameters.filter((p) => p.in === "path").every((p) => p.required)).toBe(true);
      }
    }
    // No zod leftovers: JSON Schema 2020-12 inside components, no per-schema dialect markers.
    expect(JSON.stringify(doc)).not.toContain("$schema");
    expect(JSON.stringify(doc)).not.toContain("#/$defs/");
  });

  it("documents every inventory route with its permission, parameters, body and response schemas", async () => {
    const { doc } = await documentFor(["inventory"]);
    for (const route of inventoryApi) {
      const op = doc.paths[openApiPath("inventory", route.path)]?.[route.method.toLowerCase() as HttpMethodLower];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(op!.summary).toBe(route.summary);
      expect(op!["x-permission"]).toBe(route.permission);
      expect(Boolean(op!.requestBody)).toBe(Boolean(route.request));
      const ok = op!.responses[String(route.status ?? 200)];
      expect(ok, `${route.method} ${route.path} success`).toBeDefined();
      expect(Boolean(ok && "content" in ok && ok.content)).toBe(Boolean(route.response));
      expect(op!.responses).toHaveProperty("401");
      expect(op!.responses).toHaveProperty("403");
      expect(op!.responses).toHaveProperty("404");
      if (route.request || route.query) expect(op!.responses).toHaveProperty("400");
      for (const code of Object.keys(route.errors ?? {})) expect(op!.responses).toHaveProperty(code);
    }

    const list = doc.paths["/api/v1/inventory/items"]!.get!;
    const param = (name: string) => list.parameters.find((p) => p.name === name && p.in === "query");
    expect(list.parameters.map((p) => p.name).sort()).toEqual(["category", "cursor", "limit", "ordering", "q", "stock"]);
    expect(param("ordering")!.schema.enum).toEqual(expect.arrayContaining(["name", "-quantity", "updatedAt", "-price"]));
    expect(param("limit")!.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 200, default: 50 });
    expect(param("stock")!.schema.enum).toEqual(["in_stock", "out_of_stock", "low"]);

    const create = doc.paths["/api/v1/inventory/items"]!.post!.requestBody!.content!["application/json"]!.schema;
    expect(create.required).toEqual(["name", "sku", "reorderThreshold"]);
    expect(create.additionalProperties).toBe(false);
    expect((create.properties as Record<string, JsonSchema>).sku).toMatchObject({ type: "string", maxLength: 64 });

    const adjust = doc.paths["/api/v1/inventory/items/{id}/adjust-stock"]!.post!;
    const amount = (adjust.requestBody!.content!["application/json"]!.schema.properties as Record<string, JsonSchema>).amount!;
    expect(amount).toMatchObject({ type: "integer", minimum: -1_000_000_000, maximum: 1_000_000_000 });
    expect(adjust.responses["409"]).toMatchObject({ description: expect.stringContaining("below zero") });
    expect(doc.components.schemas.InventoryItem).toMatchObject({ type: "object", required: expect.arrayContaining(["id", "quantity", "price", "lowStock"]) });
    expect(doc.components.schemas.Error).toMatchObject({ type: "object" });

    // The PATCH body has no defaults: sending one field must not look like resetting the others.
    const patch = doc.paths["/api/v1/inventory/items/{id}"]!.patch!.requestBody!.content!["application/json"]!.schema;
    expect(JSON.stringify(patch)).not.toContain('"default"');
    expect(patch.required).toBeUndefined();
  });

  it("has examples the real endpoints accept, and response examples that fit the real response schemas", async () => {
    const { doc, api } = await documentFor(["inventory"]);
    const created = await api("POST", "/api/v1/inventory/items", doc.paths["/api/v1/inventory/items"]!.post!.requestBody!.content!["application/json"]!.example);
    expect(created.status).toBe(201);
    const adjust = doc.paths["/api/v1/inventory/items/{id}/adjust-stock"]!.post!.requestBody!.content!["application/json"]!.example;
    expect(adjust).toEqual({ amount: 5 });
    expect((await api("POST", `/api/v1/inventory/items/${created.json.data.id}/adjust-stock`, adjust)).status).toBe(200);
    expect((await api("POST", "/api/v1/inventory/categories", doc.paths["/api/v1/inventory/categories"]!.post!.requestBody!.content!["application/json"]!.example)).status).toBe(201);

    const okExample = (path: string, method: HttpMethodLower, status = "200") => {
      const r = doc.paths[path]![method]!.responses[status]!;
      return "content" in r ? r.content!["application/json"]!.example : undefined;
    };
    expect(() => itemJson.parse((okExample("/api/v1/inventory/items/{id}", "get") as { data: unknown }).data)).not.toThrow();
    expect(() => categoryJson.parse((okExample("/api/v1/inventory/categories", "post", "201") as { data: unknown }).data)).not.toThrow();

    const curl = curlExample("https://clinic.example", "/api/v1/inventory/items/{id}/adjust-stock", "post", doc.paths["/api/v1/inventory/items/{id}/adjust-stock"]!.post!, doc.components.schemas);
    expect(curl).toBe(
      [
        `curl -X POST 'https://clinic.example/api/v1/inventory/items/0190f3c2-7b1e-7cc1-9f5e-0c5b3a1d2e4f/adjust-stock'`,
        `  -H "Authorization: Bearer $RITIKO_API_TOKEN"`,
        `  -H "Content-Type: application/json"`,
        `  -d '{"amount":5}'`,
      ].join(" \\\n"),
    );
  });

  it("lists only the plugins enabled for the caller's organization", async () => {
    const { doc } = await documentFor(["hello"]);
    const paths = Object.keys(doc.paths);
    expect(paths.some((p) => p.startsWith("/api/v1/hello/"))).toBe(true);
    expect(paths.some((p) => p.startsWith("/api/v1/inventory/"))).toBe(false);
    expect(doc.info.description).toContain("Docs Clinic");
  });

  it("documents routes declared without any documentation fields (older plugins) with safe defaults", () => {
    const legacy = definePlugin({
      id: "legacy",
      name: "Legacy",
      version: "1.0.0",
      description: "No docs.",
      author: "tests",
      api: [{ method: "GET", path: "things/:thingId", handler: () => Response.json({}) }],
    });
    const doc = buildOpenApiDocument({ plugins: [legacy], serverUrl: "http://localhost" });
    const op = doc.paths["/api/v1/legacy/things/{thingId}"]!.get!;
    expect(op).toMatchObject({ summary: "GET things/:thingId", tags: ["Legacy"], parameters: [{ name: "thingId", in: "path", required: true }] });
    expect(Object.keys(op.responses)).toEqual(["200", "401", "404", "500"]);
    expect(doc.tags).toEqual([{ name: "Legacy", description: "No docs." }]);
  });
});
