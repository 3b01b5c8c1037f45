// The part of OpenAPI 3.1 that Ritiko's document uses (https://spec.openapis.org/oas/v3.1.0), typed so
// the builder, the docs page and the tests agree on one shape. Schemas are JSON Schema 2020-12.
export type JsonSchema = { [key: string]: unknown };

export type ParameterObject = {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
};

export type MediaTypeObject = { schema: JsonSchema; example?: unknown };

export type ResponseObject = { description: string; content?: Record<string, MediaTypeObject> };

export type OperationObject = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters: ParameterObject[];
  requestBody?: { required: true; description?: string; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject | { $ref: string }>;
  security: Array<Record<string, string[]>>;
  /** The plugin permission the route checks, e.g. "inventory.view_items". */
  "x-permission"?: string;
  "x-permission-label"?: string;
};

export type HttpMethodLower = "get" | "post" | "put" | "patch" | "delete";
export type PathItemObject = Partial<Record<HttpMethodLower, OperationObject>>;

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string; description?: string }>;
  tags: Array<{ name: string; description?: string }>;
  paths: Record<string, PathItemObject>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, ResponseObject>;
    securitySchemes: Record<string, { type: "http"; scheme: "bearer"; bearerFormat?: string; description?: string } | { type: "apiKey"; in: "cookie"; name: string; description?: string }>;
  };
  security: Array<Record<string, string[]>>;
};
