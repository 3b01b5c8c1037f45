// api.ts (REST routes under /api/v1/<id>/) and their test over real HTTP with the test kit's apiAs.
import type { Template } from "./types";

export const api: Template = (n) => {
  const P = `${n.constant}_PERMISSIONS`;
  return [
    {
      path: "api.ts",
      content: `// REST: GET/POST /api/v1/${n.id}/records and GET /api/v1/${n.id}/records/:id, with an API token or a
// session. defineApiRoute validates the query and the JSON body with these zod schemas at this edge
// (400 naming the fields, 415 for a body that is not JSON) and documents the routes in
// /api/v1/openapi.json and on the API docs page; a taken name is 409.
import { z } from "zod";
import { isUniqueViolation } from "@/core/db/errors";
import { apiError } from "@/core/http/api-errors";
import { defineApiRoute } from "@/core/openapi/define-route";
import type { ApiRoute } from "@/core/plugins/types";
import { wholeNumberInput } from "@/core/validation/whole-number";
import { ${P} } from "./permissions";
import { createRecord, getRecord, listRecords, recordInput } from "./records";

const TAGS = ["${n.title}"];

const pageQuery = z.strictObject({
  limit: wholeNumberInput().pipe(z.number().int().min(1).max(200)).default(50).meta({ description: "Page size, 1-200." }),
  offset: wholeNumberInput().pipe(z.number().int().min(0)).default(0).meta({ description: "Records to skip." }),
});

const recordJson = z.object({ id: z.uuid(), name: z.string(), note: z.string(), createdAt: z.iso.datetime() });

const toJson = (r: { id: string; name: string; note: string; createdAt: Date }): z.output<typeof recordJson> => ({ id: r.id, name: r.name, note: r.note, createdAt: r.createdAt.toISOString() });

export const ${n.camel}Api: ApiRoute[] = [
  defineApiRoute({
    method: "GET",
    path: "records",
    permission: ${P}.view,
    tags: TAGS,
    summary: "List records",
    description: "Newest first.",
    query: pageQuery,
    response: z.object({ data: z.array(recordJson), limit: z.number(), offset: z.number() }),
    handler: async ({ ctx, query }) => {
      const rows = await listRecords(ctx, query.limit, query.offset);
      return Response.json({ data: rows.map(toJson), limit: query.limit, offset: query.offset });
    },
  }),
  defineApiRoute({
    method: "POST",
    path: "records",
    permission: ${P}.manage,
    tags: TAGS,
    summary: "Create a record",
    request: recordInput,
    response: z.object({ data: recordJson }),
    status: 201,
    errors: { 409: "A record with this name already exists in the organization." },
    handler: async ({ ctx, body }) => {
      try {
        return Response.json({ data: toJson(await createRecord(ctx, body)) }, { status: 201 });
      } catch (err) {
        if (isUniqueViolation(err)) return apiError(409, "conflict", \`A record named "\${body.name}" already exists.\`, { requestId: ctx.requestId });
        throw err;
      }
    },
  }),
  defineApiRoute({
    method: "GET",
    path: "records/:id",
    permission: ${P}.view,
    tags: TAGS,
    summary: "Get a record",
    response: z.object({ data: recordJson }),
    handler: async ({ ctx, params }) => {
      const r = await getRecord(ctx, params.id!);
      return r ? Response.json({ data: toJson(r) }) : apiError(404, "not_found", "No such record.", { requestId: ctx.requestId });
    },
  }),
];
`,
    },
    {
      path: "tests/api.test.ts",
      content: `// The REST routes over real HTTP (tests/kit/api.ts): each role gets what its permissions allow.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { createTestOrganization, enablePluginFor, grant } from "@/core/testing/plugin-test-kit";
import { apiAnonymous, apiAs } from "@/tests/kit/api";

describe("the ${n.title} API", () => {
  it("lets a manager create, a viewer read; refuses bad input, duplicates, strangers and other organizations", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "${n.id}");
    await grant(org, "staff", { groups: ["${n.id}.manager"] });
    await grant(org, "viewer", { groups: ["${n.id}.viewer"] });
    const staff = await apiAs(org, "staff");
    const viewer = await apiAs(org, "viewer");

    const bad = await staff.post("/api/v1/${n.id}/records", { name: "" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toEqual(["name"]);
    expect((await staff.get("/api/v1/${n.id}/records?limit=0")).json.error.fields).toHaveProperty("limit");
    const made = await staff.post("/api/v1/${n.id}/records", { name: "Morning check", note: "Fridge at 4 °C" });
    expect([made.status, made.json.data.name]).toEqual([201, "Morning check"]);
    expect((await staff.post("/api/v1/${n.id}/records", { name: "Morning check" })).status).toBe(409);

    const read = await viewer.get(\`/api/v1/${n.id}/records/\${made.json.data.id}\`);
    expect([read.status, read.json.data.note]).toEqual([200, "Fridge at 4 °C"]);
    expect((await viewer.get("/api/v1/${n.id}/records")).json.data).toHaveLength(1);
    expect((await viewer.post("/api/v1/${n.id}/records", { name: "Nope" })).status).toBe(403);
    expect((await apiAnonymous().get("/api/v1/${n.id}/records")).status).toBe(401);

    const other = await createTestOrganization("Other Clinic");
    await enablePluginFor(other, "${n.id}");
    expect((await (await apiAs(other, "owner")).get(\`/api/v1/${n.id}/records/\${made.json.data.id}\`)).status).toBe(404);
  });

  it("is documented in /api/v1/openapi.json", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "${n.id}");
    const doc = await (await apiAs(org, "owner")).get("/api/v1/openapi.json");
    expect(Object.keys(doc.json.paths)).toEqual(expect.arrayContaining(["/api/v1/${n.id}/records", "/api/v1/${n.id}/records/{id}"]));
  });
});
`,
    },
  ];
};
