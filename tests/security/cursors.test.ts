// Issue 15.3: a crafted page cursor — a value of the wrong type for its ordering's column, a number
// beyond the column, a date that does not exist, a NUL in text — answers 400 naming `cursor`, where it
// used to reach SQL as `$v::<type>` and answer 500. Real HTTP through the API router.
import "@/app/_plugins/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/core/api-tokens/tokens";
import { rootDb } from "@/core/db/client";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { apiClient, startApiServer, type ApiServer } from "@/tests/api/http-server";

let server: ApiServer;
let api: ReturnType<typeof apiClient>;
const ID = "0190f4a2-6c3e-7d1a-9b2c-3d4e5f607182";
const cursor = (o: string, v: unknown, id: string = ID) => Buffer.from(JSON.stringify({ o, v, id })).toString("base64url");

beforeAll(async () => {
  server = await startApiServer();
  const org = await createTestOrganization("Cursor Clinic");
  await enablePluginFor(org, "inventory");
  await rootDb().inventoryItem.createMany({
    data: Array.from({ length: 5 }, (_, n) => ({ organizationId: org.org.id, name: `Item ${n}`, sku: `CUR-${n}`, quantity: n, reorderThreshold: 10, price: `${n}.50` })),
  });
  const created = await createApiToken(await org.as("owner"), { name: "cursors", expiresIn: "30" });
  if (!created.ok) throw new Error(created.error);
  api = apiClient(server.url, created.token);
});
afterAll(() => server.close());

const CRAFTED: Array<[string, string, unknown]> = [
  ["items", "quantity", "abc"],
  ["items", "quantity", 1e300],
  ["items", "-quantity", 2 ** 31],
  ["items", "quantity", 1.5],
  ["items", "price", "12.5.0"],
  ["items", "price", 12.5],
  ["items", "price", "99999999999999"],
  ["items", "updatedAt", "2026-13-45T00:00:00.000Z"],
  ["items", "-updatedAt", "yesterday"],
  ["items", "updatedAt", 1700000000000],
  ["items", "name", 42],
  ["items", "sku", "CUR\u0000-1"],
  ["items/low-stock", "quantity", "zero"],
  ["categories", "name", "a\u0000b"],
];

describe("crafted cursors", () => {
  it.each(CRAFTED)("GET %s ordering=%s with value %j answers 400 naming cursor", async (path, ordering, value) => {
    const o = path === "categories" ? "name" : ordering;
    const query = path === "categories" ? "" : `ordering=${encodeURIComponent(ordering)}&`;
    const res = await api("GET", `/api/v1/inventory/${path}?${query}cursor=${cursor(o, value)}`);
    expect(res.status, JSON.stringify(res.json)).toBe(400);
    expect(res.json).toMatchObject({ error: { code: "validation_failed", fields: { cursor: expect.stringContaining("Not a cursor of this API") } } });
  });

  it("a cursor the API gave still pages on, for every ordering", async () => {
    for (const ordering of ["name", "-sku", "quantity", "-price", "updatedAt"]) {
      const first = await api("GET", `/api/v1/inventory/items?ordering=${ordering}&limit=2`);
      expect(first.status).toBe(200);
      const next = (first.json as { nextCursor: string }).nextCursor;
      expect(next, ordering).toBeTruthy();
      const second = await api("GET", `/api/v1/inventory/items?ordering=${ordering}&limit=2&cursor=${next}`);
      expect(second.status, `${ordering}: ${JSON.stringify(second.json)}`).toBe(200);
      expect((second.json as { data: unknown[] }).data).toHaveLength(2);
    }
  });
});
