// API tokens against the real database and over real HTTP (the app's REST handlers behind a real
// server): shown once and stored hashed, Bearer authentication as the token's user in the token's
// organization, revocation, expiry and membership removal taking effect on the next request, clear
// 401s, lastUsedAt at most once a minute, who may revoke what, and the per-user limit.
import "@/app/_plugins/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken, hashToken } from "@/core/api-tokens/format";
import { createApiToken, listOwnTokens, MAX_ACTIVE_TOKENS, revokeApiToken } from "@/core/api-tokens/tokens";
import { verifyApiToken } from "@/core/api-tokens/verify";
import { loadOrgContext } from "@/core/auth/context";
import { rootDb } from "@/core/db/client";
import { createTestOrganization, disablePluginFor, enablePluginFor, grant } from "@/core/testing/plugin-test-kit";
import { apiClient, startApiServer, type ApiServer } from "./http-server";

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

const GREETINGS = "/api/v1/hello/greetings";

async function tokenFor(org: Awaited<ReturnType<typeof createTestOrganization>>, role: "owner" | "admin" | "staff" | "viewer" = "owner", name = "script") {
  const res = await createApiToken(await org.as(role), { name, expiresIn: "30" });
  if (!res.ok) throw new Error(res.error);
  return res;
}

describe("creating a token", () => {
  it("shows the token once: rtk_ + 32 random bytes, stored only as its SHA-256 with a display prefix", async () => {
    const org = await createTestOrganization();
    const a = await tokenFor(org, "staff", "Stock sync");
    const b = await tokenFor(org, "staff", "Other");
    expect(a.token).toMatch(/^rtk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token.slice(4), "base64url")).toHaveLength(32);
    expect(a.token).not.toBe(b.token);

    const row = await rootDb().apiToken.findUniqueOrThrow({ where: { id: a.summary.id } });
    expect(row).toMatchObject({ organizationId: org.org.id, userId: org.members.staff.id, name: "Stock sync", prefix: a.token.slice(0, 10), revokedAt: null, lastUsedAt: null });
    expect(row.tokenHash).toBe(hashToken(a.token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // Nothing stored can give the token back: only the 6 characters of the prefix appear.
    expect(JSON.stringify(row)).not.toContain(a.token.slice(10, 20));
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBeGreaterThan(29.9 * 86_400_000);

    const listed = await listOwnTokens(await org.as("staff"));
    expect(listed.map((t) => t.name).sort()).toEqual(["Other", "Stock sync"]);
    for (const t of listed) {
      expect(t).not.toHaveProperty("token");
      expect(t).not.toHaveProperty("tokenHash");
    }
    expect(await listOwnTokens(await org.as("admin"))).toEqual([]);
  });

  it(`allows at most ${MAX_ACTIVE_TOKENS} active tokens per member; revoked ones do not count`, async () => {
    const org = await createTestOrganization();
    const ctx = await org.as("viewer");
    const first = await createApiToken(ctx, { name: "t0", expiresIn: "never" });
    for (let i = 1; i < MAX_ACTIVE_TOKENS; i++) expect((await createApiToken(ctx, { name: `t${i}`, expiresIn: "never" })).ok).toBe(true);
    const refused = await createApiToken(ctx, { name: "one more", expiresIn: "never" });
    expect(refused).toEqual({ ok: false, error: `You already have ${MAX_ACTIVE_TOKENS} active tokens in Test Clinic. Revoke one you no longer use first.` });
    if (!first.ok) throw new Error("setup");
    await revokeApiToken(ctx, first.summary.id);
    expect((await createApiToken(ctx, { name: "one more", expiresIn: "never" })).ok).toBe(true);
  });
});

describe("Bearer authentication", () => {
  it("acts as the token's user in the token's organization, not the user's other one", async () => {
    const acme = await createTestOrganization("Acme Test");
    const birch = await createTestOrganization("Birch Test");
    await enablePluginFor(acme, "hello");
    await enablePluginFor(birch, "hello");
    // Acme's owner is also staff at Birch; the token is made in Birch.
    await rootDb().membership.create({ data: { organizationId: birch.org.id, userId: acme.members.owner.id, role: "staff" } });
    await grant(birch, "staff", { groups: ["hello.viewer"] });
    await rootDb().memberGroup.create({ data: { organizationId: birch.org.id, userId: acme.members.owner.id, groupKey: "hello.viewer" } });
    const birchCtx = (await loadOrgContext(acme.members.owner.id, birch.org.id))!;
    const res = await createApiToken(birchCtx, { name: "birch", expiresIn: "30" });
    if (!res.ok) throw new Error(res.error);
    const list = await apiClient(server.url, res.token)("GET", GREETINGS);
    expect(list.status).toBe(200);
    const messages = list.json.data.map((g: { message: string }) => g.message);
    expect(messages).toContain("Welcome to Ritiko, Birch Test!");
    expect(messages).not.toContain("Welcome to Ritiko, Acme Test!");
    // Staff at Birch without hello.manage: the token cannot write there, although its user owns Acme.
    expect((await apiClient(server.url, res.token)("POST", GREETINGS, { message: "hi" })).status).toBe(403);
  });

  it("stops a revoked token on the very next request, with a clear 401", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "hello");
    const t = await tokenFor(org);
    const api = apiClient(server.url, t.token);
    expect((await api("GET", GREETINGS)).status).toBe(200);
    expect(await revokeApiToken(await org.as("owner"), t.summary.id)).toEqual({ ok: true, alreadyRevoked: false, name: "script" });
    const after = await api("GET", GREETINGS);
    expect(after.status).toBe(401);
    // The request id is the one the server answered with (the API router gives every request one, as proxy.ts does under Next).
    expect(after.json.error).toEqual({ code: "unauthenticated", message: "This API token has been revoked. Create a new one under API tokens.", requestId: after.headers.get("x-request-id") });
    expect(after.headers.get("www-authenticate")).toBe(`Bearer realm="ritiko", error="invalid_token"`);
    expect((await apiClient(server.url, t.token)("GET", "/api/v1/openapi.json")).status).toBe(401);
  });

  it("refuses unknown, malformed and expired tokens and other schemes with 401 saying why", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "hello");
    const unknown = await apiClient(server.url, generateToken().token)("GET", GREETINGS);
    expect([unknown.status, unknown.json.error.message]).toEqual([401, "This API token is not valid."]);
    const short = await apiClient(server.url, "rtk_abc")("GET", GREETINGS);
    expect([short.status, short.json.error.message]).toEqual([401, "This is not a Ritiko API token (they look like rtk_ followed by 43 characters)."]);
    // No credentials at all: the session path answers 401 as under Next, even in this harness, where
    // there is no request scope for cookies() (it used to be a 500 "called outside a request scope").
    const anonymous = await apiClient(server.url)("GET", GREETINGS);
    expect([anonymous.status, anonymous.json.error.code]).toEqual([401, "unauthenticated"]);
    const basic = await apiClient(server.url)("GET", GREETINGS, undefined, { authorization: "Basic b3duZXI6cHc=" });
    expect([basic.status, basic.json.error.message]).toEqual([401, "Send the API token as `Authorization: Bearer rtk_…`."]);

    const t = await tokenFor(org);
    const expiredAt = new Date(Date.now() - 1000);
    await rootDb().apiToken.update({ where: { id: t.summary.id }, data: { expiresAt: expiredAt } });
    const expired = await apiClient(server.url, t.token)("GET", GREETINGS);
    expect([expired.status, expired.json.error.message]).toEqual([401, `This API token expired at ${expiredAt.toISOString()}. Create a new one under API tokens.`]);
  });

  it("stops working when its user leaves the organization, and follows the user's current permissions", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "hello");
    const staff = await tokenFor(org, "staff");
    const api = apiClient(server.url, staff.token);
    expect((await api("GET", GREETINGS)).status).toBe(403);
    await grant(org, "staff", { groups: ["hello.viewer"] });
    expect((await api("GET", GREETINGS)).status).toBe(200);
    await rootDb().memberGroup.deleteMany({ where: { organizationId: org.org.id, userId: org.members.staff.id } });
    expect((await api("GET", GREETINGS)).status).toBe(403);

    // The user is still a member elsewhere: the token must not fall back to that organization.
    const elsewhere = await createTestOrganization("Elsewhere");
    await rootDb().membership.create({ data: { organizationId: elsewhere.org.id, userId: org.members.staff.id, role: "owner" } });
    await rootDb().membership.deleteMany({ where: { organizationId: org.org.id, userId: org.members.staff.id } });
    const gone = await api("GET", GREETINGS);
    expect(gone.status).toBe(401);
    expect(gone.json.error.message).toBe("The owner of this API token is no longer a member of its organization, or the organization is inactive.");
  });
});

describe("what the token check loads with it", () => {
  // The token, its member's role, the organization, the enabled plugins and the grants come from one
  // query per request (core/api-tokens/verify.ts): none of it may be remembered between requests.
  it("sees a direct grant, a plugin being disabled and an organization being deactivated on the very next request", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "hello");
    const staff = await tokenFor(org, "staff");
    const api = apiClient(server.url, staff.token);
    expect((await api("GET", GREETINGS)).status).toBe(403);
    await grant(org, "staff", { permissions: ["hello.view_greetings"] });
    expect((await api("GET", GREETINGS)).status).toBe(200);
    expect((await api("POST", GREETINGS, { message: "hi" })).status).toBe(403);

    await disablePluginFor(org, "hello");
    expect((await api("GET", GREETINGS)).status).toBe(404);
    await enablePluginFor(org, "hello");
    expect((await api("GET", GREETINGS)).status).toBe(200);

    await rootDb().organization.update({ where: { id: org.org.id }, data: { active: false } });
    const inactive = await api("GET", GREETINGS);
    expect(inactive.status).toBe(401);
    expect(inactive.json.error.message).toBe("The owner of this API token is no longer a member of its organization, or the organization is inactive.");
  });
});

describe("lastUsedAt", () => {
  it("is set by a request and then written at most once a minute", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "hello");
    const t = await tokenFor(org);
    const read = async () => (await rootDb().apiToken.findUniqueOrThrow({ where: { id: t.summary.id } })).lastUsedAt;
    const before = Date.now();
    await apiClient(server.url, t.token)("GET", GREETINGS);
    const first = await read();
    expect(first!.getTime()).toBeGreaterThanOrEqual(before - 5);

    const at = (ms: number) => new Date(first!.getTime() + ms);
    expect((await verifyApiToken(t.token, at(30_000))).ok).toBe(true);
    expect(await read()).toEqual(first);
    expect((await verifyApiToken(t.token, at(61_000))).ok).toBe(true);
    expect(await read()).toEqual(at(61_000));
  });
});

describe("revoking", () => {
  it("lets members revoke their own tokens, owners and admins anyone's in their organization, nobody another organization's", async () => {
    const org = await createTestOrganization();
    const other = await createTestOrganization("Other");
    const staffToken = await tokenFor(org, "staff");
    const viewerToken = await tokenFor(org, "viewer");
    expect(await revokeApiToken(await org.as("viewer"), staffToken.summary.id)).toEqual({ ok: false, error: "This token does not exist or is not yours." });
    expect(await revokeApiToken(await other.as("owner"), staffToken.summary.id)).toEqual({ ok: false, error: "This token does not exist or is not yours." });
    expect((await rootDb().apiToken.findUniqueOrThrow({ where: { id: staffToken.summary.id } })).revokedAt).toBeNull();
    expect(await revokeApiToken(await org.as("admin"), staffToken.summary.id)).toMatchObject({ ok: true, alreadyRevoked: false });
    expect(await revokeApiToken(await org.as("viewer"), viewerToken.summary.id)).toMatchObject({ ok: true, alreadyRevoked: false });
    expect(await revokeApiToken(await org.as("viewer"), viewerToken.summary.id)).toMatchObject({ ok: true, alreadyRevoked: true });
    const own = await listOwnTokens(await org.as("viewer"));
    expect(own.map((t) => t.status)).toEqual(["revoked"]);
  });
});
