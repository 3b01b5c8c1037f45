// Which client IP the tamper-evident log records: X-Forwarded-For / X-Real-IP are believed only behind
// a trusted reverse proxy (RITIKO_TRUSTED_PROXY=1). Without one they are whatever the client sent, so
// no IP is recorded — and sign-ins use the same rule for their per-IP rate limit.
import "@/app/_plugins/runtime";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/core/api-tokens/tokens";
import { authOptions } from "@/core/auth/options";
import { rootDb } from "@/core/db/client";
import { clientIpFrom } from "@/core/http/request-origin";
import { TEST_PASSWORD } from "@/core/testing/plugin-test-kit";
import { apiClient, startApiServer, type ApiServer } from "@/tests/api/http-server";
import { auditClinic, entriesOf } from "./helpers";

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());
afterEach(() => {
  delete process.env.RITIKO_TRUSTED_PROXY;
});

const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name] ?? null });

describe("clientIpFrom", () => {
  it("ignores forwarded headers without a trusted proxy", () => {
    expect(clientIpFrom(headers({ "x-forwarded-for": "203.0.113.9" }))).toBeUndefined();
    expect(clientIpFrom(headers({ "x-real-ip": "198.51.100.7" }))).toBeUndefined();
  });

  it("behind a trusted proxy: the last X-Forwarded-For hop, else X-Real-IP, only IP-looking values", () => {
    process.env.RITIKO_TRUSTED_PROXY = "1";
    expect(clientIpFrom(headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIpFrom(headers({ "x-real-ip": "198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientIpFrom(headers({ "x-forwarded-for": "<script>" }))).toBeUndefined();
    process.env.RITIKO_TRUSTED_PROXY = "true"; // only "1" turns it on
    expect(clientIpFrom(headers({ "x-real-ip": "198.51.100.7" }))).toBeUndefined();
  });
});

describe("REST writes", () => {
  async function createItem(sku: string) {
    const org = await auditClinic("Ip Clinic", ["inventory"]);
    const token = await createApiToken(await org.as("owner"), { name: "script", expiresIn: "30" });
    if (!token.ok) throw new Error(token.error);
    const res = await apiClient(server.url, token.token)("POST", "/api/v1/inventory/items", { name: "Swab", sku, quantity: 1, reorderThreshold: 0, price: "1.00" }, { "x-forwarded-for": "203.0.113.66" });
    expect(res.status).toBe(201);
    return (await entriesOf(org.org.id, { targetType: "inventory.item" }))[0]!;
  }

  it("record no IP from a client-chosen X-Forwarded-For without a trusted proxy", async () => {
    expect((await createItem("SW-1")).ip).toBeNull();
  });

  it("record the forwarded IP behind a trusted proxy", async () => {
    process.env.RITIKO_TRUSTED_PROXY = "1";
    expect((await createItem("SW-2")).ip).toBe("203.0.113.66");
  });
});

describe("sign-in", () => {
  // The credentials provider's authorize, as next-auth calls it with the request's headers.
  const authorize = (authOptions.providers[0] as unknown as { options: { authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> } }).options.authorize;

  it("uses the forwarded IP for the rate limit and the login entry only behind a trusted proxy", async () => {
    const org = await auditClinic("Ip Login Clinic");
    const email = org.members.viewer.email;
    const spoofed = { "x-forwarded-for": "203.0.113.77" };
    await authorize({ email, password: TEST_PASSWORD }, { headers: spoofed });
    process.env.RITIKO_TRUSTED_PROXY = "1";
    await authorize({ email, password: TEST_PASSWORD }, { headers: spoofed });
    const attempts = await rootDb().loginAttempt.findMany({ where: { email }, orderBy: { id: "asc" }, select: { ip: true } });
    expect(attempts.map((a) => a.ip)).toEqual(["unknown", "203.0.113.77"]);
    expect((await entriesOf(org.org.id, { action: "login" })).map((e) => e.ip)).toEqual([null, "203.0.113.77"]);
  });

  it("does not lump clients with no known IP into one rate-limit bucket (the per-e-mail limit still applies)", async () => {
    const org = await auditClinic("Ip Limit Clinic");
    for (let i = 0; i < 12; i++) await expect(authorize({ email: `nobody${i}.${org.org.slug}@nowhere.test`, password: "x" }, { headers: {} })).rejects.toThrow("Invalid email or password.");
    await expect(authorize({ email: org.members.staff.email, password: TEST_PASSWORD }, { headers: {} })).resolves.toMatchObject({ id: org.members.staff.id });
    for (let i = 0; i < 10; i++) await expect(authorize({ email: org.members.admin.email, password: "wrong" }, { headers: {} })).rejects.toThrow();
    await expect(authorize({ email: org.members.admin.email, password: TEST_PASSWORD }, { headers: {} })).rejects.toThrow(/Too many failed sign-in attempts/);
  });
});
