// api.ts (REST routes under /api/v1/<id>/) and their test over real HTTP with the test kit's apiAs.
import type { Template } from "./types";

export const api: Template = (n) => {
  const P = `${n.constant}_PERMISSIONS`;
  return [
    {
      path: "api.ts",
      content: `// REST: GET/POST /api/v1/${n.id}/records and GET /api/v1/${n.id}/records/:id, with an API token or a
// session. Input is validated with zod at this edge; errors name the field (400), a taken name is 409.
import { z } from "zod";
import { isUniqueViolation } from "@/core/db/errors";
import { apiError, validationError } from "@/core/http/api-errors";
import type { ApiRoute } from "@/core/plugins/types";
import { wholeNumberInput } from "@/core/validation/whole-number";
import { ${P} } from "./permissions";
import { createRecord, getRecord, listRecords, recordInput } from "./records";

const page = z.object({
  limit: wholeNumberInput().pipe(z.number().int().min(1).max(200)).default(50),
  offset: wholeNumberInput().pipe(z.number().int().min(0)).default(0),
});

const toJson = (r: { id: string; name: string; note: string; createdAt: Date }) => ({ id: r.id, name: r.name, note: r.note, createdAt: r.createdAt.toISOString() });

export const ${n.camel}Api: ApiRoute[] = [
  {
    method: "GET",
    path: "records",
    permission: ${P}.view,
    handler: async ({ ctx, request }) => {
      const q = page.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!q.success) return validationError(q.error, ctx.requestId);
      const rows = await listRecords(ctx, q.data.limit, q.data.offset);
      return Response.json({ data: rows.map(toJson), limit: q.data.limit, offset: q.data.offset });
    },
  },
  {
    method: "POST",
    path: "records",
    permission: ${P}.manage,
    handler: async ({ ctx, request }) => {
      const body = await request.json().catch(() => undefined);
      if (body === undefined) return apiError(400, "invalid_json", "The request body must be JSON.", { requestId: ctx.requestId });
      const parsed = recordInput.safeParse(body);
      if (!parsed.success) return validationError(parsed.error, ctx.requestId);
      try {
        return Response.json({ data: toJson(await createRecord(ctx, parsed.data)) }, { status: 201 });
      } catch (err) {
        if (isUniqueViolation(err)) return apiError(409, "conflict", \`A record named "\${parsed.data.name}" already exists.\`, { requestId: ctx.requestId });
        throw err;
      }
    },
  },
  {
    method: "GET",
    path: "records/:id",
    permission: ${P}.view,
    handler: async ({ ctx, params }) => {
      const r = await getRecord(ctx, params.id!);
      return r ? Response.json({ data: toJson(r) }) : apiError(404, "not_found", "No such record.", { requestId: ctx.requestId });
    },
  },
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
    expect(JSON.stringify(bad.json.error)).toContain("name");
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
});
`,
    },
  ];
};
