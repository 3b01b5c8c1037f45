// Issue 15, the organization-isolation matrix — its REST part. Every REST route the app and its
// plugins serve, discovered from the OpenAPI document the registry builds (a new route is covered
// without anyone listing it), is called with an API token of organization B (owner, every plugin
// enabled) and, for each path parameter, the id of EVERY kind of record organization A has (found
// from the schema: every table with an organizationId and an id). Each call must answer 404 (or
// 400 for a body that fails validation before any record is looked up), never 2xx or 500; list
// routes must not mention any of A's ids; and A's rows must be exactly as they were. Real HTTP
// through the production API router (tests/api/http-server.ts).
import "@/app/_plugins/runtime";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAppointment } from "@/core/appointments/mutations";
import { createApiToken } from "@/core/api-tokens/tokens";
import { rootDb } from "@/core/db/client";
import { createPatient } from "@/core/patients/mutations";
import { createTestOrganization, enablePluginFor, type TestOrganization } from "@/core/testing/plugin-test-kit";
import { apiClient, startApiServer, type ApiClient, type ApiServer } from "@/tests/api/http-server";
import { patientData } from "@/tests/helpers/fixtures";
import { fingerprint, idMatcher, orgTables } from "./org-rows";

let server: ApiServer;
let a: TestOrganization;
let b: TestOrganization;
let asA: ApiClient;
let asB: ApiClient;
let tokenB: string;

async function tokenFor(org: TestOrganization): Promise<string> {
  const created = await createApiToken(await org.as("owner"), { name: "matrix", expiresIn: "30" });
  if (!created.ok) throw new Error(created.error);
  return created.token;
}

beforeAll(async () => {
  server = await startApiServer();
  [a, b] = [await createTestOrganization("Victim Clinic"), await createTestOrganization("Intruder Clinic")];
  for (const org of [a, b]) for (const p of ["inventory", "hello", "audit"]) await enablePluginFor(org, p);
  asA = apiClient(server.url, await tokenFor(a));
  tokenB = await tokenFor(b);
  asB = apiClient(server.url, tokenB);
  // Organization A's records of every kind the API serves, made the way members make them.
  const staff = await a.as("owner");
  const patient = await createPatient(staff, patientData());
  if (!patient.ok) throw new Error(patient.error);
  const appt = await createAppointment(staff, { patientId: patient.data.id, startsAt: "2031-03-01T09:00:00.000Z", endsAt: "2031-03-01T09:30:00.000Z", provider: "Dr Matrix", status: "scheduled" });
  if (!appt.ok) throw new Error(appt.error);
  const category = await asA("POST", "/api/v1/inventory/categories", { name: "Matrix supplies" });
  expect(category.status, JSON.stringify(category.json)).toBe(201);
  const item = await asA("POST", "/api/v1/inventory/items", { name: "Matrix gauze", sku: "MATRIX-1", reorderThreshold: 5, quantity: 3, categoryId: category.json.data.id });
  expect(item.status, JSON.stringify(item.json)).toBe(201);
  expect((await asA("POST", `/api/v1/inventory/items/${item.json.data.id}/adjust-stock`, { amount: 2 })).status).toBe(200);
  expect((await asA("POST", "/api/v1/hello/greetings", { message: "hello from A" })).status).toBeLessThan(300);
});
afterAll(() => server?.close());

it("organization B reaches none of organization A's records through any REST route", async () => {
  const tables = await orgTables();
  const foreignIds: Array<{ table: string; id: string }> = [];
  for (const t of tables) {
    const rows = await rootDb().$queryRawUnsafe<Array<{ id: string }>>(`SELECT id::text AS id FROM "${t}" WHERE "organizationId"::text = $1 LIMIT 1`, a.org.id);
    if (rows[0]) foreignIds.push({ table: t, id: rows[0].id });
  }
  // At least the kinds made above, and whatever the plugins made along (adjustments, audit entries...).
  expect(foreignIds.map((f) => f.table)).toEqual(expect.arrayContaining(["patients", "appointments", "inventory_items", "inventory_categories", "inventory_stock_adjustments", "hello_greetings", "audit_entries", "api_tokens"]));

  const doc = (await asB("GET", "/api/v1/openapi.json")).json as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).filter((m) => ["get", "post", "put", "patch", "delete"].includes(m)).map((m) => ({ method: m.toUpperCase() as "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path })),
  );
  const withIds = routes.filter((r) => r.path.includes("{"));
  const lists = routes.filter((r) => !r.path.includes("{") && r.method === "GET");
  expect(withIds.length).toBeGreaterThan(10);

  const before = await fingerprint(a.org.id, tables);
  const failures: string[] = [];
  let calls = 0;
  for (const route of withIds) {
    for (const foreign of foreignIds) {
      const path = route.path.replace(/\{[^}]+\}/g, foreign.id);
      const res = await asB(route.method, path, route.method === "GET" || route.method === "DELETE" ? undefined : {});
      calls++;
      // The test server's own "no such endpoint" would be a 404 that proves nothing.
      if (res.json?.error?.message === "No such endpoint.") failures.push(`${route.method} ${route.path}: not served by the test server`);
      const validationOnly = res.status === 400 && res.json?.error?.code === "validation_failed";
      if (res.status !== 404 && !validationOnly) failures.push(`${route.method} ${route.path} with ${foreign.table} id -> ${res.status} ${JSON.stringify(res.json).slice(0, 160)}`);
    }
  }
  for (const route of lists) {
    // Raw text: some lists are CSV downloads.
    const res = await fetch(`${server.url}${route.path}`, { headers: { authorization: `Bearer ${tokenB}` } });
    calls++;
    const text = await res.text();
    if (res.status >= 500) failures.push(`GET ${route.path} -> ${res.status}`);
    for (const foreign of foreignIds) if (idMatcher(foreign.id)(text)) failures.push(`GET ${route.path} lists ${foreign.table} ${foreign.id} of the other organization`);
  }
  expect(failures).toEqual([]);
  expect(await fingerprint(a.org.id, tables)).toEqual(before);
  console.log(`isolation matrix (REST): ${withIds.length} routes with ids × ${foreignIds.length} kinds of foreign record + ${lists.length} list routes = ${calls} calls, all refused; organization A unchanged across ${tables.length} tables`);
});
